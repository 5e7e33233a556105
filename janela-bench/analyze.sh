#!/usr/bin/env bash
# Analyzes the tables of the PostgreSQL database JANELA_DB_URL names (with JANELA_DB_USER and JANELA_DB_PASSWORD when
# the URL does not carry them); does nothing without one. The load scripts run it once their warm-up has filled the
# tables: PostgreSQL plans a statement prepared on a connection once, with the statistics it has then, and on a new
# database's empty tables the lookup of a conversation by its customer scans every conversation of the channel, and
# that of a customer by phone every customer of the account, until autovacuum first analyzes them (within a minute or
# two, or not at all in a short run). A measurement would otherwise depend on when that happens.
set -euo pipefail
[ -n "${JANELA_DB_URL:-}" ] || exit 0
login=()
[ -z "${JANELA_DB_USER:-}" ] || login+=(PGUSER="$JANELA_DB_USER")
[ -z "${JANELA_DB_PASSWORD:-}" ] || login+=(PGPASSWORD="$JANELA_DB_PASSWORD")
env "${login[@]}" PGOPTIONS="-c client_min_messages=error" psql "${JANELA_DB_URL#jdbc:}" -qtA -c analyze
