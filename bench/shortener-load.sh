#!/usr/bin/env bash
# URL shortener benchmark (issue 18): every target is a ratio to a floor measured in the same run on the same server.
#  - Redirect (GET /{code}, CODES cached codes, CONNECTIONS connections, click capture ON with its default settings)
#    against the no-op GET /api/ping: throughput >= 80 %, p99 <= 1.5x ping's p99; ROUNDS alternating rounds after a
#    JIT warm-up of each endpoint. Then every click of the run (warm-up included) must be in the stats within 10 s
#    after the load stops: the clicks the server served (its own counts in /metrics) against the sum of
#    the stats' totals over all codes; and exactly: EXACT (20000) more redirects by curl, each answered, must add
#    exactly that many clicks within 10 s (nothing lost, nothing double-counted).
#  - CPU per request of each run (utime + stime over the run / requests) of the server, MariaDB's mariadbd, the
#    server's redis-server and wrk, and of the whole machine (busy time of all cores: the kernel's share, too); with
#    JFR=1 a JFR profile of one more ping and one more redirect run: per kind of work (web container, security, JAX-RS,
#    CDI, metrics, rate limiter, link cache, click pipeline, JMS, Derby, ...) its share of the samples and of the CPU per
#    request (bench/lib/jfr-shares.awk), so the two endpoints' costs compare line by line.
#  - Creates (POST /api/urls), ROUNDS rounds alternating with the database floor: a plain JDBC loop inserting the same
#    rows into the same table of the same MariaDB over as many connections as the server's pool (CreateFloor).
#    Throughput >= 50 % of the floor, p99 <= 3x ping's p99. The floor needs the database outside the server, so the
#    server runs on MariaDB (127.0.0.1:3306, root, a database of its own that is dropped at the end) when it answers;
#    without it the server uses embedded Derby and the creates are measured without their floor.
#
#   mvn -B -o -pl ear,bench -am verify -DskipTests -Dui.skip   # once: builds the server this script copies
#   bench/shortener-load.sh                                    # JFR=1 adds the profile; WARMUP=30s for a quick look
#
# Knobs: PORT (9380; HTTPS PORT+263), CONNECTIONS (64), DURATION (15s), ROUNDS (3), CODES (1000), DB (mariadb if it
# answers, else derby; DB=derby forces the embedded one), WARMUP (60s: a
# fresh JVM runs the redirect path several times slower until it is JIT-compiled), SERVER_ENV (more NAME=VALUE
# settings for the server, e.g. "PS_SHORTENER_CLICKS_FLUSH_MS=200"), CREATES_ONLY (1: ping rounds for the p99 floor, then
# the creates; no redirect rounds, no click checks; with JFR=1 only ping and create are profiled). The server is bench/lib/liberty.sh's: its own
# redis-server and document store, rate limits raised (one load client would otherwise get 429s, correctly).
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
# shellcheck source=bench/lib/wrk.sh
. bench/lib/wrk.sh

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
DB_NAME=shortbench_$$
MARIADB_JAR=$(ls "$BENCH_WLP"/usr/shared/resources/jdbc/mariadb/*.jar 2>/dev/null | head -1)
if [ "${DB:-mariadb}" = mariadb ] && [ -n "$MARIADB_JAR" ] && mariadb -h127.0.0.1 -uroot -e "CREATE DATABASE $DB_NAME" 2>/dev/null; then
  DB=mariadb
  DB_SETTINGS="DB_KIND=mariadb DB_URL=jdbc:mariadb://127.0.0.1:3306/$DB_NAME DB_SCHEMA=$DB_NAME DB_USER=root DB_PASSWORD="
  POOL=$(sed -n 's/.*maxPoolSize="\([0-9]*\)".*/\1/p' liberty-config/datasource-mariadb.xml)
  stop_all() { liberty_stop "$WORK" "$NAME"; rm -rf "$WORK"; mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB_NAME"; }
  db_note="MariaDB 127.0.0.1:3306 (database $DB_NAME, pool $POOL)"
else
  DB=derby
  DB_SETTINGS=
  db_note="embedded Derby (MariaDB not answering: creates are measured without their floor)"
fi
BIG=1000000000
# shellcheck disable=SC2086
liberty_start "$WORK" "$NAME" "$PORT" $DB_SETTINGS \
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
  "server settings: $db_note, rate limits raised${SERVER_ENV:+, $SERVER_ENV}"

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

# The machine's other CPU users, measured alongside the server: MariaDB's server process and the bench's own
# redis-server (the one listening on the server's embedded Redis port).
mariadb_pid=$([ "$DB" = mariadb ] && { pgrep -xo mariadbd || pgrep -xo mysqld; } || true)
redis_pid=$(ss -Hltnp "sport = :$((PORT + 7199))" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
# CPU ticks so far: "server mariadbd redis wrk machine". A process's utime + stime (/proc/PID/stat; 0 if absent);
# wrk's as this shell's children's (cutime + cstime: wrk is the only child that runs during a round, and its time is
# added when it ends); the machine's as the busy time of all cores (/proc/stat: all but idle and iowait), which adds
# the kernel's network and disk work that no process is charged with.
cpu_ticks() {
  local pid
  for pid in "$server_pid" "$mariadb_pid" "$redis_pid"; do
    if [ -n "$pid" ]; then sed 's/^.*) //' "/proc/$pid/stat" | awk '{printf "%d ", $12 + $13}'; else printf '0 '; fi
  done
  sed 's/^.*) //' "/proc/$$/stat" | awk '{printf "%d ", $14 + $15}'
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}
# run LABEL WRK-ARGS... -> prints two lines; leaves "rps p99_ms server mariadbd redis wrk machine" (the last five
# in CPU us per request) in $WORK/LABEL
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
  read -r -a cpu <<< "$(awk -v t0="$t0" -v t1="$t1" -v hz="$clk_tck" -v n="$requests" 'BEGIN {
    split(t0, a); split(t1, b); for (i = 1; i <= 5; i++) printf "%.0f ", (b[i] - a[i]) * 1e6 / hz / n }')"
  printf '%-9s %9.0f req/s  p50 %8.3f ms  p99 %8.3f ms  server CPU %4s us/request  non-2xx/3xx %s\n' "$label" "$rps" \
    "$(to_ms "$(awk '$1=="50%" {print $2}' "$WORK/wrk.out")")" "$p99" "${cpu[0]}" "${non2xx:-0}"
  printf '%-9s CPU us/request: server %s, mariadbd %s, redis %s, wrk %s; whole machine %s (the rest %s)\n' "" \
    "${cpu[@]}" "$((cpu[4] - cpu[0] - cpu[1] - cpu[2] - cpu[3]))"
  echo "$rps $p99 ${cpu[*]}" > "$WORK/$label"
}
# Redirects the server has answered: those of the servlet fast path (its counter, shortener.redirects.fast) and those
# of JAX-RS (the REST request count for RedirectResource; MicroProfile Metrics).
redirects_served() {
  curl -fsS -k -u "$BENCH_ADMIN" "https://127.0.0.1:$((PORT + 263))/metrics" \
    | awk '/^REST_request_seconds_count\{.*RedirectResource/ || /^shortener_redirects_fast_total/ {n += $NF}
      END {printf "%d", n}'
}
# Sum of the stats' totals over all codes, read as a client would (one connection, one request per code).
clicks_in_stats() {
  sed "s|^|url = \"$BASE/api/urls/|; s|\$|/stats\"|" "$codes_file" | curl -fsS -K - | grep -o '"total":[0-9]*' \
    | awk -F: '{n += $2} END {printf "%d", n}'
}

echo "== warm-up, $WARMUP each"
[ "${CREATES_ONLY:-0}" = 1 ] ||
  CODES_FILE=$codes_file "${WRK[@]}" -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/redirect.lua "$BASE" > /dev/null
"${WRK[@]}" -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/ping.lua "$BASE" > /dev/null
"${WRK[@]}" -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/create.lua "$BASE" > /dev/null

echo "== $ROUNDS alternating rounds"
for round in $(seq 1 "$ROUNDS"); do
  run "ping-$round" -s bench/wrk/ping.lua # a per-request Lua function, like redirect.lua: the same client cost
  [ "${CREATES_ONLY:-0}" = 1 ] && continue
  run "redirect-$round" -s bench/wrk/redirect.lua
  read -r p_rps p_p99 _ < "$WORK/ping-$round"
  read -r r_rps r_p99 _ < "$WORK/redirect-$round"
  awk -v rr="$r_rps" -v pr="$p_rps" -v rp="$r_p99" -v pp="$p_p99" -v n="$round" \
    'BEGIN { printf "round %d: redirect/ping throughput %.1f %% (target >= 80 %%), p99 %.2fx ping'"'"'s (target <= 1.5x)\n", n, 100 * rr / pr, rp / pp }'
done

# Two click counts. (1) The load runs' clicks: wrk ends each run by dropping its connections with requests in flight,
# and a redirect the server counted but could not answer is missing from its REST request count, so the stats may
# hold up to CONNECTIONS more clicks per run than the count of redirects served (never fewer: that would be a loss).
# (2) An exact check: EXACT redirects by curl, every one answered, must add exactly EXACT clicks within 10 s.
await_clicks() { # await_clicks EXPECTED -> "COUNT_WHEN_REACHED_OR_AT_10_S SECONDS COUNT_2_S_LATER"
  local since counted=0 later
  since=$(date +%s%3N)
  until [ "$counted" -ge "$1" ] || [ $(( $(date +%s%3N) - since )) -gt 10000 ]; do
    sleep 0.5
    counted=$(clicks_in_stats)
  done
  local took=$(( $(date +%s%3N) - since ))
  sleep 2 # a double count would show as more clicks than expected: look again after another flush or two
  later=$(clicks_in_stats)
  echo "$counted $(awk -v t="$took" 'BEGIN { printf "%.1f", t / 1000 }') $later"
}
if [ "${CREATES_ONLY:-0}" != 1 ]; then
served=$(redirects_served)
redirect_runs=$(( ROUNDS + 1 ))
read -r counted took counted_later <<< "$(await_clicks "$served")"
echo "clicks of the load runs: $served redirects answered (warm-up included), $counted in the stats after $took s," \
  "$counted_later 2 s later: $(awk -v s="$served" -v c="$counted_later" -v slack=$(( CONNECTIONS * redirect_runs )) 'BEGIN {
    if (c < s) printf "MISSED: %d clicks lost", s - c
    else if (c - s <= slack) printf "none lost; %d counted for requests wrk dropped in flight (at most %d)", c - s, slack
    else printf "DOUBLE-COUNTED: %d more than the answered redirects and the dropped ones", c - s - slack }')"
EXACT=${EXACT:-20000}
awk -v n="$EXACT" 'NR == FNR { code[FNR] = $0; k = FNR; next } END { for (i = 0; i < n; i++)
  printf "url = \"%s/%s\"\noutput = \"/dev/null\"\n", base, code[i % k + 1] }' base="$BASE" "$codes_file" /dev/null \
  > "$WORK/exact.curl"
base_count=$(clicks_in_stats)
answered=$(curl -sS --no-progress-meter -Z --parallel-max "$CONNECTIONS" -K "$WORK/exact.curl" -w '%{http_code}\n' | grep -c '^302$' || true)
read -r counted took counted_later <<< "$(await_clicks $(( base_count + answered )))"
echo "clicks, exact check: $answered of $EXACT redirects answered 302 by curl; the stats grew by $(( counted - base_count ))" \
  "in $took s and by $(( counted_later - base_count )) 2 s later: $([ $(( counted_later - base_count )) -eq "$answered" ] \
  && [ "$answered" -eq "$EXACT" ] && echo "every click counted once (target: within 10 s)" || echo "MISMATCH")"
fi

if [ "${JFR:-0}" = 1 ]; then # one more run of each endpoint under JFR: where a request's CPU goes, side by side
  endpoints="ping redirect create"
  [ "${CREATES_ONLY:-0}" = 1 ] && endpoints="ping create"
  for endpoint in $endpoints; do
    jfr_file=$WORK/$endpoint.jfr
    jcmd "$server_pid" JFR.start name="$endpoint" settings=profile filename="$jfr_file" > /dev/null
    run "$endpoint-jfr" -s "bench/wrk/$endpoint.lua"
    jcmd "$server_pid" JFR.stop name="$endpoint" > /dev/null
    read -r _ _ cpu _ < "$WORK/$endpoint-jfr"
    jfr print --events jdk.ExecutionSample --stack-depth 128 "$jfr_file" \
      | awk -v label="$endpoint" -v cpu_us="$cpu" -f bench/lib/jfr-shares.awk
    cp "$jfr_file" "/tmp/shortener-$endpoint-$(date +%s).jfr"
  done
  echo "JFR recordings kept in /tmp (shortener-{ping,redirect,create}-*.jfr)"
fi

echo "== creates: $ROUNDS rounds alternating with the database floor"
mvn -B -o -q -pl bench compile -Dstyle.color=never > "$WORK/mvn.out" 2>&1 || { cat "$WORK/mvn.out" >&2; exit 1; } # CreateFloor
read -r _ p_p99 _ < "$WORK/ping-$ROUNDS"
for round in $(seq 1 "$ROUNDS"); do
  floor=
  if [ "$DB" = mariadb ]; then
    java -cp "bench/target/classes:$MARIADB_JAR" io.practicalsystems.shortener.bench.CreateFloor \
      "jdbc:mariadb://127.0.0.1:3306/$DB_NAME" root "" "$POOL" "${DURATION%s}" | tee "$WORK/floor.out"
    floor=$(sed -n 's/.*= \([0-9]*\) inserts\/s/\1/p' "$WORK/floor.out")
  fi
  run "create-$round" -s bench/wrk/create.lua
  read -r c_rps c_p99 _ < "$WORK/create-$round"
  awk -v c="$c_p99" -v p="$p_p99" -v r="$c_rps" -v f="$floor" -v n="$round" 'BEGIN {
    if (f != "") printf "round %d: creates %.1f %% of the database floor (target >= 50 %%), ", n, 100 * r / f
    else printf "round %d: no database floor (embedded Derby), ", n
    printf "p99 %.2fx the last ping round'"'"'s (target <= 3x)\n", c / p }'
done
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
