#!/usr/bin/env bash
# Template sends through the Cloud API endpoint of a fresh `janela serve` of the checkout CHECKOUT (default: this one),
# with Meta's connector against SendLoad's stand-in for the Graph API: on an embedded database in a new directory, or
# on PostgreSQL when JANELA_DB_URL (and JANELA_DB_USER, JANELA_DB_PASSWORD) name an empty database. A warm-up of the
# same sends goes first, unmeasured; then SendLoad reports the rate, latencies, the server's CPU time a send and its
# own and wrk's, and the most that reached "Meta" in any second; on PostgreSQL, the database processes' CPU too.
# Build first: mvn -B -q -Dmaven.test.skip=true -pl janela-cli,janela-bench -am package (in CHECKOUT too).
#   janela-bench/send-load.sh [CHECKOUT] [LABEL]
# wrk (apt-get install -y wrk) posts the sends, as SendLoad's own client costs about half the server's CPU a send;
# JANELA_LOAD_SECONDS (30) and JANELA_LOAD_WARMUP (30) are how long it posts, measured and unmeasured; on PostgreSQL
# the tables are analyzed between the two (janela-bench/analyze.sh says why).
# JANELA_LOAD_MIX=yes makes it a campaign's mix: the stand-in posts back each send's three statuses and, for 30% of
# them, the customer's reply, as Meta would.
# JANELA_LOAD_POSTER=java has SendLoad post them itself: JANELA_LOAD_SENDS (30000) and JANELA_LOAD_WARMUP_SENDS
# (20000) then say how many. JANELA_LOAD_CONCURRENCY (32), JANELA_LOAD_THROUGHPUT (the channel's, 1000),
# JANELA_LOAD_JAVA_OPTS (more options for the server's JVM).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
checkout="$(cd "${1:-$here}" && pwd)"
label="${2:-$(git -C "$checkout" rev-parse --short HEAD)}"
port="${JANELA_LOAD_PORT:-8093}"
graph_port="${JANELA_LOAD_GRAPH_PORT:-8099}"
seconds="${JANELA_LOAD_SECONDS:-30}"
warmup="${JANELA_LOAD_WARMUP:-30}"
if [ "${JANELA_LOAD_POSTER:-wrk}" = java ]; then
  : "${JANELA_LOAD_SENDS:=30000}" "${JANELA_LOAD_WARMUP_SENDS:=20000}"
fi
export JANELA_ADMIN_TOKEN=jnl_load_token JANELA_META_APP_SECRET=load-secret JANELA_META_VERIFY_TOKEN=load-verify

data="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$data"' EXIT
# shellcheck disable=SC2086 # the options are words
JANELA_CONNECTOR=meta JANELA_META_ACCESS_TOKEN=load-token JANELA_META_BASE_URL="http://localhost:$graph_port" \
    java -Xmx1g ${JANELA_LOAD_JAVA_OPTS:-} -Djanela.progress=false -jar "$checkout/janela-cli/target/janela.jar" \
    serve --port "$port" --data-dir "$data/node" >"$data/node.log" 2>&1 &
server=$!

# SendLoad waits for the server, warms it up, then measures.
JANELA_TOKEN=$JANELA_ADMIN_TOKEN java -cp "$here/janela-bench/target/benchmarks.jar" dev.janela.bench.SendLoad \
    --url "http://localhost:$port" --graph-port "$graph_port" --seconds "$seconds" --warmup-seconds "$warmup" \
    --sends "${JANELA_LOAD_SENDS:-$((seconds * 3000))}" --warmup "${JANELA_LOAD_WARMUP_SENDS:-$((warmup * 3000))}" \
    --concurrency "${JANELA_LOAD_CONCURRENCY:-32}" --mix "${JANELA_LOAD_MIX:-no}" \
    --throughput "${JANELA_LOAD_THROUGHPUT:-1000}" --server-pid "$server" \
    --wrk-script "$([ "${JANELA_LOAD_POSTER:-wrk}" = java ] || echo "$here/janela-bench/wrk-posts.lua")" \
    --database-user "$([ -z "${JANELA_DB_URL:-}" ] || echo postgres)" --after-warmup "$here/janela-bench/analyze.sh" |
    sed "s/^/$label: /"
