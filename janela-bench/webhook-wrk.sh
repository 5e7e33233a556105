#!/usr/bin/env bash
# Webhook deliveries posted by wrk (apt-get install -y wrk), which costs the machine far less than a Java load
# generator, to a fresh `janela serve` of the checkout CHECKOUT (default: this one): on an embedded database in a new
# directory, or on PostgreSQL when JANELA_DB_URL (and JANELA_DB_USER, JANELA_DB_PASSWORD) name an empty database.
# Reports wrk's rate and latencies, the server's CPU time per delivery and wrk's own (which includes reading and
# formatting every delivery it was given before it posts: a few seconds for hundreds of thousands). On PostgreSQL the
# tables are analyzed after the warm-up (janela-bench/analyze.sh says why).
# Build first: mvn -B -q -Dmaven.test.skip=true -pl janela-cli,janela-bench -am package (in CHECKOUT too).
#   janela-bench/webhook-wrk.sh [CHECKOUT] [LABEL]
# JANELA_LOAD_SECONDS (60), JANELA_LOAD_CONNECTIONS (32), JANELA_LOAD_DELIVERIES (the most it may post: 12,000 a
# second), JANELA_LOAD_BAD_SIGNATURE=yes to post deliveries Janela refuses (401), JANELA_LOAD_WARMUP (10 seconds of
# the same load, unmeasured, first), JANELA_LOAD_JAVA_OPTS (more options for the server's JVM: a JFR recording, say),
# JANELA_LOAD_NODES (1; more start that many servers on the one PostgreSQL database, each posted its own deliveries by
# its own wrk with its share of the connections, and the figures are their sums).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
checkout="$(cd "${1:-$here}" && pwd)"
label="${2:-$(git -C "$checkout" rev-parse --short HEAD)}"
port="${JANELA_LOAD_PORT:-8091}"
seconds="${JANELA_LOAD_SECONDS:-60}"
connections="${JANELA_LOAD_CONNECTIONS:-32}"
deliveries="${JANELA_LOAD_DELIVERIES:-$((seconds * 12000))}"
warmup="${JANELA_LOAD_WARMUP:-10}"
threads=2
nodes="${JANELA_LOAD_NODES:-1}"
if [ "$nodes" -gt 1 ] && [ -z "${JANELA_DB_URL:-}" ]; then
  echo "JANELA_LOAD_NODES=$nodes needs JANELA_DB_URL: the embedded store serves one node" >&2
  exit 2
fi
export JANELA_ADMIN_TOKEN=jnl_load_token JANELA_META_APP_SECRET=load-secret JANELA_META_VERIFY_TOKEN=load-verify

data="$(mktemp -d)"
servers=()
trap 'kill "${servers[@]}" 2>/dev/null; wait "${servers[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT
start_node() { # NUMBER: a server on port + NUMBER - 1
  # shellcheck disable=SC2086 # the options are words
  java -Xmx1g ${JANELA_LOAD_JAVA_OPTS:-} -Djanela.progress=false -jar "$checkout/janela-cli/target/janela.jar" serve \
      --port "$((port + $1 - 1))" --data-dir "$data/node-$1" >"$data/node-$1.log" 2>&1 &
  servers+=($!)
}
await_node() { # NUMBER
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:$((port + $1 - 1))/actuator/health" >/dev/null 2>&1 && return
    sleep 0.5
  done
}
# The first node makes the schema; the others start on it.
start_node 1
await_node 1
for node in $(seq 2 "$nodes"); do start_node "$node"; done
for node in $(seq 2 "$nodes"); do await_node "$node"; done

bodies() { # NODE FILE COUNT SEED: a fresh channel's deliveries
  JANELA_TOKEN=$JANELA_ADMIN_TOKEN java -cp "$here/janela-bench/target/benchmarks.jar" dev.janela.bench.WebhookLoad \
      --url "http://localhost:$((port + $1 - 1))" --write-bodies "$2" --deliveries "$3" --seed "$4" \
      --bad-signature "${JANELA_LOAD_BAD_SIGNATURE:-no}" >/dev/null
}
post() { # NODE FILE SECONDS: one wrk, with the node's share of the connections
  JANELA_WRK_BODIES="$2" JANELA_WRK_THREADS=$threads wrk -t$threads -c"$((connections / nodes))" -d"$3s" --latency \
      -s "$here/janela-bench/wrk-posts.lua" "http://localhost:$((port + $1 - 1))" 2>&1
}
post_all() { # NAME SECONDS: every node's wrk at once, each one's output in NAME-NODE.out
  local posting=()
  for node in $(seq 1 "$nodes"); do
    post "$node" "$data/$1-$node.tsv" "$2" >"$data/$1-$node.out" &
    posting+=($!)
  done
  wait "${posting[@]}" # not the servers, which are this shell's children too
}
for node in $(seq 1 "$nodes"); do
  if [ "$warmup" -gt 0 ]; then bodies "$node" "$data/warmup-$node.tsv" $((warmup * 12000 / nodes)) $((8 + 2 * node)); fi
  bodies "$node" "$data/bodies-$node.tsv" $((deliveries / nodes)) $((7 + 2 * node))
done
if [ "$warmup" -gt 0 ]; then post_all warmup "$warmup"; fi
"$here/janela-bench/analyze.sh" # plans for the tables as the warm-up left them

# user + system time of the server processes, in clock ticks
ticks() { for server in "${servers[@]}"; do awk '{ print $14 + $15 }' "/proc/$server/stat"; done |
    awk '{ sum += $1 } END { print sum + 0 }'; }
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
wrk_time="$( { /usr/bin/time -f "wrk-cpu %U %S" bash -c "$(declare -f post post_all); here=$here; threads=$threads;
    connections=$connections; port=$port; nodes=$nodes; data=$data; post_all bodies $seconds"; } 2>&1)"
after="$(ticks)"
database_after="$(database_ticks)"
hz="$(getconf CLK_TCK)"
wrk_out="$(cat "$data"/bodies-*.out)"
# Summed over the nodes' wrk; the latencies are the worst node's.
requests="$(awk '/requests in/ { gsub(",", "", $1); sum += $1 } END { print sum }' <<<"$wrk_out")"
rate="$(awk '/Requests\/sec/ { sum += $2 } END { print sum }' <<<"$wrk_out")"
not_ok="$(awk '/Non-2xx/ { sum += $NF } END { print sum + 0 }' <<<"$wrk_out")"
p50="$(awk '$1 == "50%" { print $2 }' <<<"$wrk_out" | sort -h | tail -1)"
p99="$(awk '$1 == "99%" { print $2 }' <<<"$wrk_out" | sort -h | tail -1)"
wrk_cpu="$(awk '/wrk-cpu/ { print $2 + $3 }' <<<"$wrk_time")"
awk -v label="$label" -v ticks="$((after - before))" -v hz="$hz" -v n="$requests" -v rate="$rate" \
    -v bad="${not_ok:-0}" -v p50="$p50" -v p99="$p99" -v wrk="$wrk_cpu" -v s="$seconds" -v nodes="$nodes" \
    -v db="$((database_after - database_before))" 'BEGIN {
  printf "%s: %d deliveries in %d s, %.0f a second, p50 %s, p99 %s, %d not 2xx; server CPU %.1f s, %.0f us a" \
      " delivery; wrk CPU %.1f s, %.0f us a delivery", label, n, s, rate, p50, p99, bad, ticks / hz,
      ticks / hz / n * 1e6, wrk, wrk / n * 1e6
  if (db > 0) printf "; PostgreSQL CPU %.1f s, %.0f us a delivery", db / hz, db / hz / n * 1e6
  if (nodes > 1) printf "; %d nodes", nodes
  printf "\n" }'
