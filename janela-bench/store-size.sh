#!/usr/bin/env bash
# How much the store grows with webhooks: starts `janela serve` on a fresh store (the embedded SQLite file in a new
# directory, or with JANELA_DB_URL, JANELA_DB_USER and JANELA_DB_PASSWORD a PostgreSQL database that should be
# empty), posts N signed inbound-message webhooks with WebhookLoad, stops the server cleanly, and prints the store's
# size. Build first: mvn -B -q -Dmaven.test.skip=true -pl janela-cli,janela-bench -am package.
#   janela-bench/store-size.sh [DELIVERIES]      (default 100000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
deliveries="${1:-100000}"
port="${JANELA_LOAD_PORT:-8092}"
export JANELA_ADMIN_TOKEN=jnl_load_token JANELA_META_APP_SECRET=load-secret JANELA_META_VERIFY_TOKEN=load-verify
data="$(mktemp -d)"
java -Xmx1g -Djanela.progress=false -jar janela-cli/target/janela.jar serve --port "$port" --data-dir "$data" \
    >"$data.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data" "$data.log"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
JANELA_TOKEN=$JANELA_ADMIN_TOKEN java -cp janela-bench/target/benchmarks.jar dev.janela.bench.WebhookLoad \
    --url "http://localhost:$port" --deliveries "$deliveries" --concurrency 32 --seed 7 2>/dev/null | tail -1
kill "$server"
wait "$server" 2>/dev/null || true
if [[ -n "${JANELA_DB_URL:-}" ]]; then
  database="${JANELA_DB_URL##*/}"
  database="${database%%\?*}"
  PGPASSWORD="${JANELA_DB_PASSWORD:-}" psql -h localhost -U "${JANELA_DB_USER:-janela}" -d "$database" -qtA -c \
      "select 'PostgreSQL tables and indexes after $deliveries deliveries: ' || sum(pg_total_relation_size(c.oid))
               || ' bytes (database ' || current_database() || ': ' || pg_database_size(current_database()) || ')'
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'"
else
  echo "SQLite store after $deliveries deliveries: $(du -b "$data"/janela.db* | awk '{ total += $1 } END { print total }') bytes" \
      "($(ls "$data"))"
fi
