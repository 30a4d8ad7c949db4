#!/usr/bin/env bash
# URL shortener benchmark (issue 18): every target is a ratio to a floor measured in the same run on the same server.
#  - Redirect (GET /{code}, CODES cached codes, CONNECTIONS connections, click capture ON with its default settings)
#    against the no-op GET /api/ping: throughput >= 80 %, p99 <= 1.5x ping's p99; ROUNDS alternating rounds after a
#    JIT warm-up of each endpoint. Then every click of the run (warm-up included) must be in the stats within 10 s
#    after the load stops: the clicks the server served (its own REST request count, /metrics) against the sum of
#    the stats' totals over all codes (nothing lost, nothing double-counted).
#  - Server CPU per request (utime + stime of the server process over each run / requests), and with JFR=1 a JFR
#    profile of one more redirect run: the share of its execution samples in the click pipeline.
#  - Creates (POST /api/urls): throughput and p99 as a ratio to ping's p99 (target <= 3x). The issue's floor for
#    creates (a plain JDBC insert loop into the same database) is not measured here yet.
#
#   mvn -B -o -pl ear,bench -am verify -DskipTests -Dui.skip   # once: builds the server this script copies
#   bench/shortener-load.sh                                    # JFR=1 adds the profile; WARMUP=30s for a quick look
#
# Knobs: PORT (9380; HTTPS PORT+263), CONNECTIONS (64), DURATION (15s), ROUNDS (3), CODES (1000), WARMUP (60s: a
# fresh JVM runs the redirect path several times slower until it is JIT-compiled), SERVER_ENV (more NAME=VALUE
# settings for the server, e.g. "PS_SHORTENER_CLICKS_FLUSH_MS=200"). The server is bench/lib/liberty.sh's: embedded
# Derby and its own redis-server, rate limits raised (one load client would otherwise get 429s, correctly).
# With more than two cores wrk is pinned to core 0 and the server to the others (taskset); with two they share.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-9380}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}
CODES=${CODES:-1000}
WARMUP=${WARMUP:-60s}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
# shellcheck source=bench/lib/liberty.sh
. bench/lib/liberty.sh

CORES=$(nproc)
if [ "$CORES" -gt 2 ]; then
  WRK=(taskset -c 0 wrk)
  export BENCH_SERVER_CPUS="1-$((CORES - 1))"
  cores_note="wrk pinned to core 0 (1 core), the server and its Redis to cores $BENCH_SERVER_CPUS ($((CORES - 1)) cores)"
else
  WRK=(wrk)
  cores_note="$CORES cores shared by wrk, the server and its Redis (not pinned: that needs more than two)"
fi
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/shortener-bench.XXXXXX)
NAME=shortbench
stop_all() { liberty_stop "$WORK" "$NAME"; rm -rf "$WORK"; }
trap stop_all EXIT
BIG=1000000000
# shellcheck disable=SC2086
liberty_start "$WORK" "$NAME" "$PORT" \
  PS_RATELIMIT_REDIRECT_CAPACITY=$BIG PS_RATELIMIT_REDIRECT_REFILL_PER_SECOND=$BIG \
  PS_RATELIMIT_CREATE_CAPACITY=$BIG PS_RATELIMIT_CREATE_REFILL_PER_SECOND=$BIG \
  PS_RATELIMIT_LINK_READ_CAPACITY=$BIG PS_RATELIMIT_LINK_READ_REFILL_PER_SECOND=$BIG ${SERVER_ENV:-}
server_pid=$(cat "$WORK/output/.pid/$NAME.pid")
clk_tck=$(getconf CLK_TCK)

# BENCH_WLP (bench/lib/liberty.sh) may point at another build's server, e.g. the commit before a change: name it in
# BENCH_COMMIT so the header says which code ran.
echo "== shortener benchmark: server of commit ${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo '?')}; $cores_note;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "== $CONNECTIONS connections, $ROUNDS alternating rounds of $DURATION after a $WARMUP warm-up of each endpoint;" \
  "server settings: embedded Derby, rate limits raised${SERVER_ENV:+, $SERVER_ENV}"

codes_file=$WORK/codes
echo "== creating $CODES links"
create_link() { # one code per line, written at once by grep -o (which ends it with a newline even though the JSON
  # answer has none; sed keeps a last line without one, and the codes then ran together): lines never interleave
  curl -fsS -X POST "$BASE/api/urls" -H 'Content-Type: application/json' \
    -d "{\"url\":\"https://bench.example/setup/$1\"}" | grep -o '"code":"[^"]*"' | cut -d'"' -f4
}
export -f create_link
export BASE
seq 1 "$CODES" | xargs -P 8 -I{} bash -c 'create_link {}' > "$codes_file"
[ "$(wc -l < "$codes_file")" -eq "$CODES" ] || { echo "created $(wc -l < "$codes_file") of $CODES links" >&2; exit 1; }

cpu_ticks() { sed 's/^.*) //' "/proc/$server_pid/stat" | awk '{print $12 + $13}'; }
to_ms() { # a wrk latency ("512.00us", "1.23ms", "2.01s") in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000
    printf "%.3f", n }'
}
# run LABEL WRK-ARGS... -> prints a line; leaves "rps p99_ms cpu_us" in $WORK/LABEL
run() {
  local label=$1 t0 t1 rps p99 requests non2xx cpu
  shift
  t0=$(cpu_ticks)
  CODES_FILE=$codes_file "${WRK[@]}" -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$BASE" > "$WORK/wrk.out"
  t1=$(cpu_ticks)
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")")
  requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
  non2xx=$(awk '/Non-2xx or 3xx/ {print $5}' "$WORK/wrk.out")
  cpu=$(awk -v d="$((t1 - t0))" -v hz="$clk_tck" -v n="$requests" 'BEGIN { printf "%.0f", d * 1e6 / hz / n }')
  printf '%-9s %9.0f req/s  p50 %8.3f ms  p99 %8.3f ms  server CPU %4s us/request  non-2xx/3xx %s\n' "$label" "$rps" \
    "$(to_ms "$(awk '$1=="50%" {print $2}' "$WORK/wrk.out")")" "$p99" "$cpu" "${non2xx:-0}"
  echo "$rps $p99 $cpu" > "$WORK/$label"
}
# Redirects the server has answered: its REST request count for RedirectResource (MicroProfile Metrics, base scope).
redirects_served() {
  curl -fsS -k -u "$BENCH_ADMIN" "https://127.0.0.1:$((PORT + 263))/metrics?scope=base" \
    | awk '/^REST_request_seconds_count\{.*RedirectResource/ {n += $NF} END {printf "%d", n}'
}
# Sum of the stats' totals over all codes, read as a client would (one connection, one request per code).
clicks_in_stats() {
  sed "s|^|url = \"$BASE/api/urls/|; s|\$|/stats\"|" "$codes_file" | curl -fsS -K - | grep -o '"total":[0-9]*' \
    | awk -F: '{n += $2} END {printf "%d", n}'
}

echo "== warm-up, $WARMUP each"
CODES_FILE=$codes_file "${WRK[@]}" -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/redirect.lua "$BASE" > /dev/null
"${WRK[@]}" -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/ping.lua "$BASE" > /dev/null

echo "== $ROUNDS alternating rounds"
for round in $(seq 1 "$ROUNDS"); do
  run "ping-$round" -s bench/wrk/ping.lua # a per-request Lua function, like redirect.lua: the same client cost
  run "redirect-$round" -s bench/wrk/redirect.lua
  read -r p_rps p_p99 _ < "$WORK/ping-$round"
  read -r r_rps r_p99 _ < "$WORK/redirect-$round"
  awk -v rr="$r_rps" -v pr="$p_rps" -v rp="$r_p99" -v pp="$p_p99" -v n="$round" \
    'BEGIN { printf "round %d: redirect/ping throughput %.1f %% (target >= 80 %%), p99 %.2fx ping'"'"'s (target <= 1.5x)\n", n, 100 * rr / pr, rp / pp }'
done

served=$(redirects_served)
stopped=$(date +%s%3N)
counted=0
until [ "$counted" -ge "$served" ] || [ $(( $(date +%s%3N) - stopped )) -gt 10000 ]; do
  sleep 0.5
  counted=$(clicks_in_stats)
done
sleep 2 # a double count would show as more clicks than redirects: look again after another flush or two
counted_later=$(clicks_in_stats)
echo "clicks: $served redirects served (warm-up included), $counted in the stats after" \
  "$(( ($(date +%s%3N) - stopped - 2000) / 1000 )) s, $counted_later 2 s later:" \
  "$([ "$counted_later" -eq "$served" ] && echo "every click counted once (target: within 10 s)" || echo "MISSED: $((served - counted_later)) lost (negative: double-counted)")"

if [ "${JFR:-0}" = 1 ]; then
  jfr_file=$WORK/redirect.jfr
  jcmd "$server_pid" JFR.start name=bench settings=profile filename="$jfr_file" > /dev/null
  run redirect-jfr -s bench/wrk/redirect.lua
  jcmd "$server_pid" JFR.stop name=bench > /dev/null
  jfr print --events jdk.ExecutionSample --stack-depth 128 "$jfr_file" | awk '
    /^jdk.ExecutionSample/ { if (inside) tally(); inside = 1; stack = ""; next }
    inside { stack = stack $0 "\n" }
    function tally() { n++; if (stack ~ /shortener\.application\.clicks|ClickAggregat/) clicks++
      if (stack ~ /com\.ibm\.ws\.sib|jakarta\.jms|com\.ibm\.ws\.messaging/) jms++
      if (stack ~ /org\.apache\.derby/) derby++; if (stack ~ /platform\.ratelimit|rest\.ratelimit/) limiter++
      if (stack ~ /RedirectResource/) resource++ }
    END { if (inside) tally(); if (n == 0) { print "JFR: no execution samples"; exit }
      printf "JFR execution samples during a redirect run: %d; click pipeline %.1f %%, JMS/messaging %.1f %%, Derby %.1f %%, rate limiter %.1f %%, RedirectResource (all of its call tree) %.1f %%\n",
        n, 100 * clicks / n, 100 * jms / n, 100 * derby / n, 100 * limiter / n, 100 * resource / n }'
  cp "$jfr_file" "/tmp/shortener-redirect-$(date +%s).jfr" && echo "JFR recording kept in /tmp"
fi

echo "== creates"
run create -s bench/wrk/create.lua
read -r c_rps c_p99 _ < "$WORK/create"
read -r _ p_p99 _ < "$WORK/ping-$ROUNDS"
awk -v c="$c_p99" -v p="$p_p99" 'BEGIN { printf "create p99 %.2fx the last ping round'"'"'s (target <= 3x)\n", c / p }'
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
