#!/usr/bin/env bash
# News feed benchmarks (issue 16), each against a floor measured in the same run on this machine:
#  1. Fanout: an author with F (100,000) followers posts; inserts/s until every follower's home feed holds the
#     post, as a ratio of Redis's own rate for the same entries (one ZADD per feed, pipelined in the fanout's batch
#     size) — target >= 50 %; also the time until the last follower's feed has it. ROUNDS rounds, alternating.
#  2. Timeline reads: GET /api/feed/timeline (20 items) against the no-op GET /api/ping on the same server —
#     throughput >= 50 % and p99 <= 2x ping's; and a reader following 5 celebrities (their posts merged at read
#     time) against a reader whose 5 authors are pushed — cost (1 / throughput) <= 1.3x. ROUNDS rounds, alternating.
#     A second floor in the same rounds: GET /api/feed/sessions/current, the cheapest request that passes the
#     bearer-token check (mpJwt; it answers the token's own claims, no storage read) — the authenticated floor; if
#     it is below 50 % of ping, the script says the timeline target is out of reach here.
#
#   bench/feed-load.sh                     # after: mvn -B -o -pl ear,bench -am verify -DskipTests; needs wrk, jq
#   F=20000 ROUNDS=1 bench/feed-load.sh    # smaller and quicker
#
# Knobs: F (followers, 100000), ROUNDS (3), DURATION (wrk seconds per measurement, 15s), CONNS (wrk connections,
# 16), WARMUP (20s), PORT (HTTP 9280, HTTPS PORT + 263), SKIP_FANOUT=1 / SKIP_READS=1.
# STAGES=1: after each fanout round, the server's own stage times of the publish listener (FanoutService's FINE line)
# and Redis's command time during the round (INFO commandstats, the await poller's ZSCOREs included). JFR=1: a JFR
# recording (settings=profile) of the server over the fanout rounds, and one over an extra DURATION of push-reader
# timeline reads after the read rounds, kept in /tmp.
# Each part starts its own Liberty server (bench/lib/liberty.sh): the fanout server with the celebrity threshold out
# of the way (an author of 100,000 followers must be pushed), the read server with a threshold of 3 followers (so
# five authors with 3 followers each are celebrities). Redis is the server's embedded redis-server (bench/lib/liberty.sh
# gives it a port of its own); documents are in its embedded Mongo-wire store, where FanoutBench writes the follow edges.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
F=${F:-100000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
CONNS=${CONNS:-16}
WARMUP=${WARMUP:-20s}   # per request kind, three times over: a fresh JVM runs the request path slower until JIT-compiled
PORT=${PORT:-9280}
batch=${PS_FEED_FANOUT_BATCH_SIZE:-1000} # the server's fanout batch size (ps.feed.fanout.batch-size), and the floor's
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not found: apt-get install -y jq" >&2; exit 1; }
[ -d bench/target/classes/io/practicalsystems/feed/bench ] || { echo "bench not compiled: mvn -B -o -pl ear,bench -am verify -DskipTests" >&2; exit 1; }
# shellcheck source=bench/lib/liberty.sh
. bench/lib/liberty.sh

WORK=$(mktemp -d /tmp/feed-bench.XXXXXX)
SERVER=""
stop_all() { [ -n "$SERVER" ] && liberty_stop "$WORK" "$SERVER"; rm -rf "$WORK"; }
trap stop_all EXIT
mvn -B -o -q -pl bench dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
CP=$ROOT/bench/target/classes:$(cat "$WORK/cp")
bench_java() { java -Xmx1g -cp "$CP" io.practicalsystems.feed.bench.FanoutBench "$@"; }

REDIS=redis://127.0.0.1:$((PORT + 7199)) # the server's embedded redis-server (a real one, started for it)
MONGO=mongodb://127.0.0.1:$((PORT + 17837))
API=http://127.0.0.1:$PORT/api/feed
# One client address makes every call: the per-address and per-user limits out of the way (they still run).
LIMITS=(PS_RATELIMIT_FEED_WRITE_CAPACITY=1000000000 PS_RATELIMIT_FEED_WRITE_REFILL_PER_SECOND=1000000000
        PS_RATELIMIT_FEED_SIGNUP_CAPACITY=1000000000 PS_RATELIMIT_FEED_SIGNUP_REFILL_PER_SECOND=1000000000
        PS_RATELIMIT_FEED_LOGIN_CAPACITY=1000000000 PS_RATELIMIT_FEED_LOGIN_REFILL_PER_SECOND=1000000000)

json() { curl -fsS -H 'Content-Type: application/json' "$@"; }
user() { # $1 handle: signs up (a fresh handle per run), prints "id token"
  local handle="$1$RANDOM" id token
  id=$(json -X POST "$API/users" -d "{\"handle\":\"$handle\",\"password\":\"bench-password-1\"}" | jq -r .id)
  token=$(json -X POST "$API/sessions" -d "{\"handle\":\"$handle\",\"password\":\"bench-password-1\"}" | jq -r .token)
  echo "$id $token $handle"
}
post() { json -X POST -H "Authorization: Bearer $1" "$API/posts" -d "{\"text\":\"$2\"}" | jq -r .id; }
follow() { curl -fsS -X PUT -H "Authorization: Bearer $1" "$API/follows/$2" >/dev/null; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

CORES=$(nproc)
echo "== feed benchmark: $CORES cores shared by the server, wrk, Redis and this script; commit" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo '?'); load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "$(java -version 2>&1 | head -1); Redis $REDIS"

if [ "${SKIP_FANOUT:-0}" != 1 ]; then
  SERVER=feedfanout
  liberty_start "$WORK" "$SERVER" "$PORT" PS_FEED_CELEBRITY_FOLLOWERS=1000000000 PS_FEED_FANOUT_BATCH_SIZE="$batch" "${LIMITS[@]}"
  read -r author token _ < <(user author)
  bench_java seed "$MONGO" practical "$REDIS" feed: "$author" "$F"
  post "$token" "warm-up: loads the follower set and compiles the fanout path" >/dev/null
  server_dir=$WORK/usr/servers/$SERVER
  if [ "${STAGES:-0}" = 1 ]; then # a config drop-in: the running server applies it within a second
    mkdir -p "$server_dir/configDropins/overrides"
    echo '<server><logging traceSpecification="*=info:io.practicalsystems.feed.application.FanoutService=fine"/></server>' \
      > "$server_dir/configDropins/overrides/fanout-stages.xml"
  fi
  sleep 20
  if [ "${JFR:-0}" = 1 ]; then
    jfr_file=/tmp/feed-fanout-$(date +%s).jfr
    jcmd "$(cat "$WORK/output/.pid/$SERVER.pid")" JFR.start name=fanout settings=profile filename="$jfr_file" >/dev/null
  fi
  : > "$WORK/fanout.rates"; : > "$WORK/floor.rates"
  redis_time() { # Redis's command time since the last call (STAGES=1)
    redis-cli -u "$REDIS" info commandstats | tr -d '\r' | awk -F'[:=,]' -v what="$1" '/^cmdstat_/ && $5 > 1000 {
      sub("cmdstat_", "", $1); printf "redis, %s: %-10s %7d calls %9.1f ms\n", what, $1, $3, $5 / 1000 }'
    redis-cli -u "$REDIS" config resetstat >/dev/null
  }
  for round in $(seq 1 "$ROUNDS"); do
    [ "${STAGES:-0}" = 1 ] && redis-cli -u "$REDIS" config resetstat >/dev/null
    bench_java floor "$REDIS" "$F" "$batch" | tee /dev/stderr | sed -n 's/.*= \([0-9]*\) inserts.*/\1/p' >> "$WORK/floor.rates"
    [ "${STAGES:-0}" = 1 ] && redis_time floor
    # The waiting JVM starts first and signals when connected: its start-up is not fanout time.
    rm -f "$WORK/ids" "$WORK/ready"; mkfifo "$WORK/ids"
    bench_java await "$REDIS" feed: "$F" "$WORK/ready" 600 < "$WORK/ids" > "$WORK/await.out" &
    awaiting=$!
    exec 3> "$WORK/ids"
    until [ -e "$WORK/ready" ]; do sleep 0.05; done
    [ "${STAGES:-0}" = 1 ] && redis-cli -u "$REDIS" config resetstat >/dev/null # the floor's DELs not counted
    since=$(date +%s%3N)
    id=$(post "$token" "round $round")
    echo "$id $since" >&3; exec 3>&-
    wait "$awaiting" || { cat "$WORK/await.out" >&2; exit 1; }
    tee /dev/stderr < "$WORK/await.out" | sed -n 's/.*= \([0-9]*\) inserts.*/\1/p' >> "$WORK/fanout.rates"
    if [ "${STAGES:-0}" = 1 ]; then
      sleep 1 # the trace is written behind the work
      echo "post sent at $since (epoch ms)"
      grep -h "feed fanout of post $id" "$WORK"/output/"$SERVER"/logs/trace*.log | sed 's/.*feed fanout/server: feed fanout/' || true
      redis_time fanout
    fi
  done 2>&1 | sed 's/^/  /'
  fanout=$(median < "$WORK/fanout.rates"); floor=$(median < "$WORK/floor.rates")
  echo "fanout: target >= 50 % of Redis's pipelined ZADD rate for the same $F entries"
  echo "fanout: result $fanout inserts/s (median of $ROUNDS; $(awk -v f="$F" -v r="$fanout" 'BEGIN {printf "%.2f", f / r}') s until the last of $F feeds had the post)"
  echo "fanout: floor $floor inserts/s (one ZADD per feed, pipelined $batch at a time)"
  echo "fanout: ratio $(awk -v r="$fanout" -v f="$floor" 'BEGIN {printf "%.1f", 100 * r / f}') %"
  if [ "${JFR:-0}" = 1 ]; then
    jcmd "$(cat "$WORK/output/.pid/$SERVER.pid")" JFR.stop name=fanout >/dev/null && echo "fanout: JFR recording $jfr_file"
  fi
  liberty_stop "$WORK" "$SERVER"; SERVER=""
fi

wrk_run() { # $1 label, $2 path, $3 token or "" → "req/s p99ms"
  local args=(-t2 -c"$CONNS" -d"$DURATION" --latency)
  [ -n "$3" ] && args+=(-H "Authorization: Bearer $3")
  wrk "${args[@]}" "http://127.0.0.1:$PORT$2" > "$WORK/wrk.out"
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub("us", "", v); v /= 1000} else if (v ~ /ms$/) sub("ms", "", v); else if (v ~ /s$/) {sub("s", "", v); v *= 1000}; print v}' "$WORK/wrk.out")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.out")
  printf '  %-34s %10s req/s  p99 %8.2f ms  non-2xx %s\n' "$1" "$rps" "$p99" "${non2xx:-0}" >&2
  echo "$rps $p99"
}

if [ "${SKIP_READS:-0}" != 1 ]; then
  SERVER=feedreads
  liberty_start "$WORK" "$SERVER" "$PORT" PS_FEED_CELEBRITY_FOLLOWERS=3 "${LIMITS[@]}"
  read -r _ push_token _ < <(user pushreader)
  read -r _ celeb_token _ < <(user celebreader)
  fans=(); for f in 1 2; do read -r _ t _ < <(user fan); fans+=("$t"); done
  curl -fsS -H "Authorization: Bearer $push_token" "$API/timeline" >/dev/null   # both readers are active readers
  curl -fsS -H "Authorization: Bearer $celeb_token" "$API/timeline" >/dev/null
  for a in 1 2 3 4 5; do
    read -r _ t handle < <(user author)
    follow "$push_token" "$handle"
    read -r _ ct chandle < <(user celeb)
    for reader in "$celeb_token" "${fans[@]}"; do follow "$reader" "$chandle"; done
    for p in $(seq 1 40); do post "$t" "author $a post $p" >/dev/null; post "$ct" "celebrity $a post $p" >/dev/null; done
  done
  sleep 5
  for r in push celeb; do
    tok=$push_token; [ $r = celeb ] && tok=$celeb_token
    n=$(curl -fsS -H "Authorization: Bearer $tok" "$API/timeline?limit=20" | jq '.items | length')
    [ "$n" = 20 ] || { echo "the $r reader's timeline has $n items, not 20" >&2; exit 1; }
  done
  echo "  warm-up (JIT): 3 x $WARMUP of each request"
  for _ in 1 2 3; do
    wrk -t2 -c"$CONNS" -d"$WARMUP" -s bench/wrk/ping.lua "http://127.0.0.1:$PORT" >/dev/null
    wrk -t2 -c"$CONNS" -d"$WARMUP" -H "Authorization: Bearer $push_token" "http://127.0.0.1:$PORT/api/feed/sessions/current" >/dev/null
    wrk -t2 -c"$CONNS" -d"$WARMUP" -H "Authorization: Bearer $push_token" "http://127.0.0.1:$PORT/api/feed/timeline?limit=20" >/dev/null
    wrk -t2 -c"$CONNS" -d"$WARMUP" -H "Authorization: Bearer $celeb_token" "http://127.0.0.1:$PORT/api/feed/timeline?limit=20" >/dev/null
  done
  : > "$WORK/reads"
  for round in $(seq 1 "$ROUNDS"); do
    echo "ping $(wrk_run "round $round: /api/ping (floor)" /api/ping "")" >> "$WORK/reads"
    echo "auth $(wrk_run "round $round: sessions/current (token only)" /api/feed/sessions/current "$push_token")" >> "$WORK/reads"
    echo "push $(wrk_run "round $round: timeline, 5 pushed" "/api/feed/timeline?limit=20" "$push_token")" >> "$WORK/reads"
    echo "celeb $(wrk_run "round $round: timeline, 5 celebrities" "/api/feed/timeline?limit=20" "$celeb_token")" >> "$WORK/reads"
  done
  m() { awk -v k="$1" -v c="$2" '$1 == k {print $c}' "$WORK/reads" | median; }
  ping=$(m ping 2); ping99=$(m ping 3); auth=$(m auth 2); auth99=$(m auth 3)
  push=$(m push 2); push99=$(m push 3); celeb=$(m celeb 2)
  echo "reads: target timeline >= 50 % of /api/ping's throughput, p99 <= 2x ping's p99; celebrity merge <= 1.3x a push-only read"
  echo "reads: result timeline $push req/s, p99 $push99 ms; with 5 celebrities merged $celeb req/s (medians of $ROUNDS, $CONNS connections)"
  echo "reads: floor /api/ping $ping req/s, p99 $ping99 ms"
  # The authenticated floor: the token check every timeline read needs (mpJwt, which the issue prescribes) and
  # nothing else. What it reaches of ping bounds what any timeline code can reach.
  auth_ratio=$(awk -v a="$auth" -v b="$ping" 'BEGIN {printf "%.1f", 100 * a / b}')
  echo "reads: authenticated floor /api/feed/sessions/current $auth req/s = $auth_ratio % of ping, p99 $auth99 ms" \
    "($(awk -v a="$auth99" -v b="$ping99" 'BEGIN {printf "%.2f", a / b}')x ping's);" \
    "the timeline is $(awk -v a="$push" -v b="$auth" 'BEGIN {printf "%.1f", 100 * a / b}') % of it"
  if awk -v r="$auth_ratio" 'BEGIN {exit !(r < 50)}'; then
    echo "reads: the token check alone is below 50 % of ping here: the timeline target is out of reach on this machine"
  fi
  echo "reads: ratio $(awk -v a="$push" -v b="$ping" 'BEGIN {printf "%.1f", 100 * a / b}') % of ping's throughput;" \
    "p99 $(awk -v a="$push99" -v b="$ping99" 'BEGIN {printf "%.2f", a / b}')x ping's;" \
    "celebrity read cost $(awk -v a="$push" -v b="$celeb" 'BEGIN {printf "%.2f", a / b}')x a push-only read"
  if [ "${JFR:-0}" = 1 ]; then
    jfr_file=/tmp/feed-timeline-$(date +%s).jfr
    pid=$(cat "$WORK/output/.pid/$SERVER.pid")
    jcmd "$pid" JFR.start name=timeline settings=profile >/dev/null
    wrk_run "profiled: timeline, 5 pushed" "/api/feed/timeline?limit=20" "$push_token" >/dev/null
    jcmd "$pid" JFR.dump name=timeline filename="$jfr_file" >/dev/null
    jcmd "$pid" JFR.stop name=timeline >/dev/null
    echo "reads: JFR recording of $DURATION of timeline reads $jfr_file"
  fi
fi
