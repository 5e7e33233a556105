#!/usr/bin/env bash
# Webhook deliveries posted by wrk (apt-get install -y wrk), which costs the machine far less than a Java load
# generator, to a fresh `janela serve` of the checkout CHECKOUT (default: this one): on an embedded database in a new
# directory, or on PostgreSQL when JANELA_DB_URL (and JANELA_DB_USER, JANELA_DB_PASSWORD) name an empty database.
# Reports wrk's rate and latencies, the server's CPU time per delivery and wrk's own.
# Build first: mvn -B -q -Dmaven.test.skip=true -pl janela-cli,janela-bench -am package (in CHECKOUT too).
#   janela-bench/webhook-wrk.sh [CHECKOUT] [LABEL]
# JANELA_LOAD_SECONDS (60), JANELA_LOAD_CONNECTIONS (32), JANELA_LOAD_DELIVERIES (the most it may post, 300000),
# JANELA_LOAD_BAD_SIGNATURE=yes to post deliveries Janela refuses (401), JANELA_LOAD_WARMUP (10 seconds of the same
# load, unmeasured, first), JANELA_LOAD_JAVA_OPTS (more options for the server's JVM: a JFR recording, say).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
checkout="$(cd "${1:-$here}" && pwd)"
label="${2:-$(git -C "$checkout" rev-parse --short HEAD)}"
port="${JANELA_LOAD_PORT:-8091}"
seconds="${JANELA_LOAD_SECONDS:-60}"
connections="${JANELA_LOAD_CONNECTIONS:-32}"
deliveries="${JANELA_LOAD_DELIVERIES:-300000}"
warmup="${JANELA_LOAD_WARMUP:-10}"
threads=2
export JANELA_ADMIN_TOKEN=jnl_load_token JANELA_META_APP_SECRET=load-secret JANELA_META_VERIFY_TOKEN=load-verify

data="$(mktemp -d)"
# shellcheck disable=SC2086 # the options are words
java -Xmx1g ${JANELA_LOAD_JAVA_OPTS:-} -Djanela.progress=false -jar "$checkout/janela-cli/target/janela.jar" serve \
    --port "$port" --data-dir "$data" >"$data.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data" "$data.log"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done

bodies() { # FILE COUNT SEED: a fresh channel's deliveries
  JANELA_TOKEN=$JANELA_ADMIN_TOKEN java -cp "$here/janela-bench/target/benchmarks.jar" dev.janela.bench.WebhookLoad \
      --url "http://localhost:$port" --write-bodies "$1" --deliveries "$2" --seed "$3" \
      --bad-signature "${JANELA_LOAD_BAD_SIGNATURE:-no}" >/dev/null
}
post() { # FILE SECONDS
  JANELA_WRK_BODIES="$1" JANELA_WRK_THREADS=$threads wrk -t$threads -c"$connections" -d"$2s" --latency \
      -s "$here/janela-bench/webhook-wrk.lua" "http://localhost:$port" 2>&1
}
if [ "$warmup" -gt 0 ]; then
  bodies "$data/warmup.tsv" $((warmup * 5000)) 8
  post "$data/warmup.tsv" "$warmup" >/dev/null
fi
bodies "$data/bodies.tsv" "$deliveries" 7

# user + system time of the server process, in clock ticks
ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
# the same of PostgreSQL's processes, when Janela uses it (its backends live as long as Janela's connections)
database_ticks() {
  if [ -n "${JANELA_DB_URL:-}" ]; then
    for process in $(pgrep -u postgres); do awk '{ print $14 + $15 }' "/proc/$process/stat" 2>/dev/null; done |
        awk '{ sum += $1 } END { print sum + 0 }'
  else
    echo 0
  fi
}
before="$(ticks)"
database_before="$(database_ticks)"
wrk_out="$( { /usr/bin/time -f "wrk-cpu %U %S" bash -c "$(declare -f post); here=$here; threads=$threads;
    connections=$connections; port=$port; post $data/bodies.tsv $seconds"; } 2>&1)"
after="$(ticks)"
database_after="$(database_ticks)"
hz="$(getconf CLK_TCK)"
requests="$(awk '/requests in/ { gsub(",", "", $1); print $1 }' <<<"$wrk_out")"
rate="$(awk '/Requests\/sec/ { print $2 }' <<<"$wrk_out")"
not_ok="$(awk '/Non-2xx/ { print $NF }' <<<"$wrk_out")"
p50="$(awk '$1 == "50%" { print $2 }' <<<"$wrk_out")"
p99="$(awk '$1 == "99%" { print $2 }' <<<"$wrk_out")"
wrk_cpu="$(awk '/wrk-cpu/ { print $2 + $3 }' <<<"$wrk_out")"
awk -v label="$label" -v ticks="$((after - before))" -v hz="$hz" -v n="$requests" -v rate="$rate" \
    -v bad="${not_ok:-0}" -v p50="$p50" -v p99="$p99" -v wrk="$wrk_cpu" -v s="$seconds" \
    -v db="$((database_after - database_before))" 'BEGIN {
  printf "%s: %d deliveries in %d s, %.0f a second, p50 %s, p99 %s, %d not 2xx; server CPU %.1f s, %.0f us a" \
      " delivery; wrk CPU %.1f s, %.0f us a delivery", label, n, s, rate, p50, p99, bad, ticks / hz,
      ticks / hz / n * 1e6, wrk, wrk / n * 1e6
  if (db > 0) printf "; PostgreSQL CPU %.1f s, %.0f us a delivery", db / hz, db / hz / n * 1e6
  printf "\n" }'
