#!/usr/bin/env bash
# How long the inbox takes to answer its refresh, with a channel of 5,000 conversations: starts `janela serve` on port
# 8091 (on the embedded database in a fresh directory, or on JANELA_DB_URL and friends), fills it with WebhookLoad's
# 20,000 signed deliveries, signs in as the admin, then asks for the inbox's rows as htmx does every 3 s, one request
# at a time, 200 times per filter. Build first: mvn -q install -DskipTests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JANELA_ADMIN_TOKEN=jnl_load_token JANELA_META_APP_SECRET=load-secret JANELA_META_VERIFY_TOKEN=load-verify
export JANELA_ADMIN_PASSWORD=load-admin-password
base=http://localhost:8091
data=$(mktemp -d)
java -Xmx1g -jar janela-cli/target/janela.jar serve --port 8091 --data-dir "$data" > "$data/log" 2>&1 &
server=$!
trap 'kill $server; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q "ready" "$data/log" && break; sleep 0.5; done
JANELA_TOKEN=$JANELA_ADMIN_TOKEN java -cp janela-bench/target/benchmarks.jar dev.janela.bench.WebhookLoad \
    --url $base --deliveries 20000 --concurrency 32 --seed 7 2>/dev/null | tail -1
cookies=$data/cookies
csrf=$(curl -s -c "$cookies" -b "$cookies" $base/sign-in | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "email=admin@janela.local" \
    --data-urlencode "password=$JANELA_ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" $base/sign-in
for path in "/inbox" "/inbox?filter=open" "/inbox?q=55219000012"; do
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$cookies" "$base$path"; done
  for _ in $(seq 1 200); do
    curl -s -o /dev/null -w "%{time_total}\n" -b "$cookies" -H "HX-Request: true" "$base$path"
  done | sort -n | awk -v path="$path" '{ t[NR] = $1 }
      END { printf "%s: p50 %.1f ms, p99 %.1f ms over %d requests\n", path, t[int(NR * 0.5)] * 1000, t[int(NR * 0.99)] * 1000, NR }'
done
