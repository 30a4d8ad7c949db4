#!/usr/bin/env bash
# URL shortener load test: redirect throughput and latency against the app's own no-op /api/ping in the same
# run (target >= 80 % of it, p99 < 10 ms at 64 connections), then create throughput (target >= 2,000/s).
#
#   bench/shortener-load.sh            # against http://127.0.0.1:9080
#
# Start the server with limits raised, or the rate limiter (correctly) answers 429 to a single load client:
#   PS_RATELIMIT_REDIRECT_CAPACITY=1000000000 PS_RATELIMIT_REDIRECT_REFILL_PER_SECOND=1000000000 \
#   PS_RATELIMIT_CREATE_CAPACITY=1000000000 PS_RATELIMIT_CREATE_REFILL_PER_SECOND=1000000000 \
#   mvn -pl ear liberty:start
# Links are created anonymously; API_KEY=<a key issued by POST /api/keys> creates them as that key's owner
# (X-Api-Key is verified: a made-up key is answered 401).
# Requires wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")"
BASE=${BASE:-http://127.0.0.1:9080}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}
CODES=${CODES:-1000}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
curl -fsS "$BASE/api/ping" >/dev/null || { echo "nothing answers at $BASE" >&2; exit 1; }

codes_file=$(mktemp)
trap 'rm -f "$codes_file"' EXIT
echo "== creating $CODES links"
for i in $(seq 1 "$CODES"); do
  curl -fsS -X POST "$BASE/api/urls" -H 'Content-Type: application/json' ${API_KEY:+-H "X-Api-Key: $API_KEY"} \
    -d "{\"url\":\"https://bench.example/setup/$i\"}" | sed 's/.*"code":"\([^"]*\)".*/\1/' >> "$codes_file"
  echo >> "$codes_file" # the JSON body has no trailing newline
done

run() { # $1 label, rest: wrk args
  local label=$1; shift
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > /tmp/wrk-$$.out
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' /tmp/wrk-$$.out)
  p50=$(awk '$1=="50%" {print $2}' /tmp/wrk-$$.out)
  p99=$(awk '$1=="99%" {print $2}' /tmp/wrk-$$.out)
  non2xx=$(awk '/Non-2xx or 3xx/ {print $5}' /tmp/wrk-$$.out)
  printf '%-10s %12s req/s  p50 %-9s p99 %-9s non-2xx/3xx %s\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$rps" > /tmp/wrk-$$.$label.last
  rm -f /tmp/wrk-$$.out
}

echo "== warm-up, ${WARMUP:-60s} each (cache filled; a fresh JVM runs several times slower until the JIT has compiled the path)"
CODES_FILE=$codes_file wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-60s}" -s wrk/redirect.lua "$BASE" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-60s}" -s wrk/ping.lua "$BASE" >/dev/null

echo "== $ROUNDS alternating rounds, $CONNECTIONS connections, $DURATION each"
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  run ping -s wrk/ping.lua "$BASE" # a per-request Lua function, like redirect.lua: the same client cost
  CODES_FILE=$codes_file run redirect -s wrk/redirect.lua "$BASE"
  ratios+=("$(awk -v r="$(cat /tmp/wrk-$$.redirect.last)" -v p="$(cat /tmp/wrk-$$.ping.last)" 'BEGIN {printf "%.1f", 100*r/p}')")
done
echo "redirect/ping per round: ${ratios[*]} %"

echo "== create throughput"
run create -s wrk/create.lua "$BASE"
rm -f /tmp/wrk-$$.*.last
