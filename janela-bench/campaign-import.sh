#!/usr/bin/env bash
# How long a campaign's list takes to import, and its estimate to be made again: starts a fresh `janela serve` (the
# embedded store in a new directory, or PostgreSQL when JANELA_DB_URL, and JANELA_DB_USER, JANELA_DB_PASSWORD, name an
# empty database) on a free port; adds a rate card of BR, IN, MX, North America and the rest under Meta's
# per-message pricing, an approved marketing template with one parameter, and a channel; writes a list of N
# recipients of those markets, 0.5% of them invalid and 0.5% repeated; then, R times, creates a draft campaign from
# it (POST /api/campaigns, which parses, estimates and stores the list in one transaction) and estimates that
# campaign again (POST /api/campaigns/{id}/estimate). Reports each call's wall time (curl's) and the server's CPU
# time over it (and PostgreSQL's backends', on PostgreSQL), then the best and median of the runs after the first,
# which warms the JIT. Needs curl, jq and python3 (for a free port). Build first:
#   mvn -B -q -o -Dmaven.test.skip=true -pl janela-core,janela-server,janela-cli package
#   janela-bench/campaign-import.sh
# JANELA_IMPORT_RECIPIENTS (100000), JANELA_IMPORT_RUNS (5), JANELA_JAVA_OPTS (the server's JVM options, default
# -Xmx1g, as ./janela takes them: a JFR recording, say).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
recipients="${JANELA_IMPORT_RECIPIENTS:-100000}"
runs="${JANELA_IMPORT_RUNS:-5}"
export JANELA_ADMIN_TOKEN=jnl_load_token JANELA_META_APP_SECRET=load-secret JANELA_META_VERIFY_TOKEN=load-verify
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("localhost", 0)); print(s.getsockname()[1])')"
base="http://localhost:$port"
data="$(mktemp -d)"
# shellcheck disable=SC2086 # the options are words
java ${JANELA_JAVA_OPTS:--Xmx1g} -Djanela.progress=false -jar janela-cli/target/janela.jar serve --port "$port" \
    --data-dir "$data/store" >"$data/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do
  curl -sf "$base/actuator/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$data/log" >&2; exit 1; }
  sleep 0.5
done

call() { # METHOD PATH [CURL OPTIONS...]: the answer in $data/answer; prints the wall time; fails on any non-2xx
  local method="$1" path="$2"
  shift 2
  local status seconds
  read -r status seconds < <(curl -s -o "$data/answer" -w '%{http_code} %{time_total}\n' -X "$method" "$base$path" \
      -H "Authorization: Bearer $JANELA_ADMIN_TOKEN" "$@")
  if [[ "$status" != 2?? ]]; then
    echo "$method $path: $status $(head -c 2000 "$data/answer")" >&2
    exit 1
  fi
  echo "$seconds"
}
json() { call "$1" "$2" -H 'Content-Type: application/json' -d "$3" >/dev/null; }
json PUT /api/whatsapp-business-account '{"waba_id":"1"}'
call POST /api/rate-cards -H 'Content-Type: text/csv' --data-binary 'market,category,price,currency
BR,marketing,0.0625,USD
IN,marketing,0.0118,USD
MX,marketing,0.0305,USD
North America,marketing,0.0250,USD
*,marketing,0.0604,USD' >/dev/null
# Meta's per-message pricing, so that a marketing template is priced in the customer's market
json PUT /api/pricing-plan '{"time_zone":"UTC","periods":[{"from":"2025-07-01","model":"pmp-2025"},
    {"from":"2026-10-01","model":"pmp-2026"}]}'
json POST /api/templates '{"name":"spring_sale","language":"en","category":"marketing",
    "body":"Hello {{1}}, our sale starts today."}'
call POST "/api/templates/$(jq .id "$data/answer")/approve" >/dev/null
json POST /api/channels '{"phone_number_id":"106540352242922","number":"+55 11 99999-0000"}'

# Line i's number is made of i, so every valid one is distinct: 40% BR, 25% IN, 15% MX, 10% US, 5% DE, 5% GB; one
# line in 200 too short to be a number, and one in 200 a repeat of the line before.
awk -v n="$recipients" 'BEGIN {
  print "recipient,1"
  split("+55119%08d +55119%08d +55119%08d +55119%08d +55119%08d +55119%08d +55119%08d +55119%08d " \
      "+919%09d +919%09d +919%09d +919%09d +919%09d +5255%08d +5255%08d +5255%08d +12125%06d +12125%06d " \
      "+49151%08d +4478%08d", formats, " ")
  for (i = 1; i <= n; i++) {
    number[i] = sprintf(formats[i % 20 + 1], i)
    if (i % 200 == 50) number[i] = "+55 " i % 1000
    if (i % 200 == 150) number[i] = number[i - 1]
    printf "%s,Customer %d\n", number[i], i
  }
}' >"$data/list.csv"

ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
# PostgreSQL's backends serving this database, whose CPU is the store's share of the work
database="$(sed -n 's|^jdbc:postgresql://[^/]*/\([^?]*\).*|\1|p' <<<"${JANELA_DB_URL:-}")"
database_ticks() {
  [[ -z "$database" ]] && { echo 0; return; }
  for backend in $(pgrep -u postgres -f "postgres: .* $database "); do
    awk '{ print $14 + $15 }' "/proc/$backend/stat" 2>/dev/null
  done | awk '{ sum += $1 } END { print sum + 0 }'
}
hz="$(getconf CLK_TCK)"
measure() { # WHAT METHOD PATH [CURL OPTIONS...]: one line, what it took
  local what="$1" before database_before seconds
  shift
  before="$(ticks)"
  database_before="$(database_ticks)"
  seconds="$(call "$@")"
  awk -v what="$what" -v s="$seconds" -v cpu="$(($(ticks) - before))" -v db="$(($(database_ticks) - database_before))" \
      -v hz="$hz" 'BEGIN { printf "%s %.3f %.2f %.2f\n", what, s, cpu / hz, db / hz }'
}
query="name=Bench&channel=106540352242922&template=spring_sale&language=en"
echo "$(wc -l <"$data/list.csv") lines, $(wc -c <"$data/list.csv") bytes; load before: $(uptime | sed 's/.*load/load/')"
for run in $(seq 1 "$runs"); do
  measure import POST "/api/campaigns?$query" -H 'Content-Type: text/csv' --data-binary "@$data/list.csv"
  id="$(jq .id "$data/answer")"
  [[ "$run" == 1 ]] && cp "$data/answer" "$data/first"
  measure estimate POST "/api/campaigns/$id/estimate"
done | tee "$data/times" | awk '{ printf "run %d, %s: %.3f s, server CPU %.2f s%s\n", int((NR + 1) / 2), $1, $2, $3,
    ($4 > 0) ? sprintf(", PostgreSQL CPU %.2f s", $4) : "" }'
jq -r '"the estimate: \(.counts | tostring); \(.estimate.by_market | map("\(.market) \(.charged)") | join(", ")),
    \(.estimate.totals.total) \(.estimate.currency)"' "$data/first" | tr -s ' \n' ' '
echo
echo "load after: $(uptime | sed 's/.*load/load/')"
# the first run (lines 1 and 2) warms the JIT; the others are summed up
median() { sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for what in import estimate; do
  column() { tail -n +3 "$data/times" | awk -v what="$what" -v n="$1" '$1 == what { print $n }'; }
  if [[ -z "$(column 2)" ]]; then continue; fi
  printf "%s, runs 2 to %d: best %.3f s, median %.3f s; server CPU median %.2f s" "$what" "$runs" \
      "$(column 2 | sort -n | head -1)" "$(column 2 | median)" "$(column 3 | median)"
  if [[ -n "$database" ]]; then printf ", PostgreSQL CPU median %.2f s" "$(column 4 | median)"; fi
  echo
done
