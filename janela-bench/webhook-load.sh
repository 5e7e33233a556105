#!/usr/bin/env bash
# One WebhookLoad run against a fresh `janela serve` of the checkout CHECKOUT (default: this one), on an embedded
# database in a new directory, reporting the server's own CPU time per delivery beside the load generator's figures.
# Build first: mvn -B -q -Dmaven.test.skip=true -pl janela-cli,janela-bench -am package (in CHECKOUT too).
#   janela-bench/webhook-load.sh [CHECKOUT] [LABEL]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
checkout="$(cd "${1:-$here}" && pwd)"
label="${2:-$(git -C "$checkout" rev-parse --short HEAD)}"
port="${JANELA_LOAD_PORT:-8091}"
deliveries="${JANELA_LOAD_DELIVERIES:-20000}"
export JANELA_ADMIN_TOKEN=jnl_load_token JANELA_META_APP_SECRET=load-secret JANELA_META_VERIFY_TOKEN=load-verify

data="$(mktemp -d)"
java -Xmx1g -Djanela.progress=false -jar "$checkout/janela-cli/target/janela.jar" serve --port "$port" \
    --data-dir "$data" >"$data.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$data" "$data.log"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done

# user + system time of the server process, in clock ticks
ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
before="$(ticks)"
figures="$(JANELA_TOKEN=$JANELA_ADMIN_TOKEN java -cp "$here/janela-bench/target/benchmarks.jar" \
    dev.janela.bench.WebhookLoad --url "http://localhost:$port" --deliveries "$deliveries" --concurrency 32 \
    --seed 7 2>&1 | tail -1)"
after="$(ticks)"
hz="$(getconf CLK_TCK)"
awk -v label="$label" -v ticks="$((after - before))" -v hz="$hz" -v n="$deliveries" -v figures="$figures" \
    'BEGIN { printf "%s: server CPU %.1f s, %.0f us a delivery; %s\n", label, ticks / hz, ticks / hz / n * 1e6, figures }'
