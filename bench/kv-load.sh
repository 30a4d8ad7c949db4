#!/usr/bin/env bash
# KV store load test: put and get throughput and p50/p99 on a 3-server loopback cluster with N=3,R=2,W=2 against
# the same 3 servers with N=1,R=1,W=1, in the same run (targets, issue 18: puts and gets >= 50 % of the N=1 throughput,
# p99 <= 2x the no-op floor's p99 on node 1);
# a one-server cluster is measured too, for reference. On both 3-node clusters, node 1's no-op /api/ping is measured
# at each level as well: the floor that no KV request can go below on this machine. The N=1 cluster also gives the
# one-peer-hop floor: gets and puts of keys node 1 does not own (KeysOwnedElsewhere, from node 1's own ring), so each
# crosses exactly one peer hop to the key's only replica — the least an N=3 R=2 get or W=2 put must do besides its
# local work; their p99s against that cluster's ping p99 bound the ratio the N=3 cluster can reach on this machine.
# (The script checks the hop: node 1's forwardedWrites grows by one per such put.)
# JFR=1: then one more round of gets on the N=3 cluster at each of JFR_LEVELS ("4 32") with all three servers under
# JFR (settings=profile), kept as /tmp/kv-get-c<connections>-kv-<node>-<time>.jfr; not part of the measured rounds.
#
# ROUNDS (3) alternating rounds per connection count on both 3-node clusters — put, get, [the one-hop floor,] ping —
# as issue 18 asks; at the end bench/kv-verdicts.sh prints each target's ratio per round and judges by their median
# (a p99 against the same round's ping p99: one round's verdict flips with the machine's hiccups).
#
#   bench/kv-load.sh                      # after `mvn -DskipTests install`; needs wrk and jq (apt-get install -y wrk jq)
#   LEVELS="1 4 8 16 32" bench/kv-load.sh # measure at several connection counts (default: 32)
#
# It starts each cluster itself with bin/kv-cluster.sh (1 node on :9091, then 3 nodes on :9081-9083 twice) in
# separate directories, loads node 1 (it coordinates, or forwards to a replica), and stops it. Each cluster first
# takes WARMUP (60s) of puts: a fresh JVM runs the request path several times slower until the JIT has compiled it.
# Then warm-up cycles (5 s of each measured request kind at each level, not recorded) until the servers' compilers
# used at most 10 % of the cores over a cycle, or WARMUP_MAX (300) seconds of cycles (bench/lib/jit.sh).
# COMPARE_HTTP=1 adds the three-node N=3 cluster with replica calls over HTTP instead of WebSockets.
# JVM_ARGS="..." adds JVM options to every server of every cluster (after jvm.options: G1, 512 MB heap), e.g.
# JVM_ARGS="-XX:+UseZGC -Xms1g -Xmx1g" for the ZGC comparison in docs/kv.md. JAVA_HOME picks the servers' JDK.
# CLUSTERS="n3" runs only the N=3 cluster (with its ping floor), e.g. to compare JVM_ARGS quickly; default "1 n1 n3".
# With more than two cores wrk is pinned to core 0 and the servers to the others (taskset); with two they share.
set -euo pipefail
cd "$(dirname "$0")/.."
LEVELS=${LEVELS:-32}
DURATION=${DURATION:-20s}
ROUNDS=${ROUNDS:-3}
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT
export KEYS=${KEYS:-5000}
export JVM_ARGS=${JVM_ARGS:-}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not found (it reads the ring for the one-hop floor): apt-get install -y jq" >&2; exit 1; }
CORES=$(nproc)
if [ "$CORES" -gt 2 ]; then
  WRK=(taskset -c 0 wrk); SERVERS=(taskset -c "1-$((CORES - 1))")
  cores_note="wrk pinned to core 0 (1 core), the servers to cores 1-$((CORES - 1)) ($((CORES - 1)) cores)"
else
  WRK=(wrk); SERVERS=()
  cores_note="$CORES cores shared by wrk and every server (not pinned: that needs more than two)"
fi
# One load client from one address: raise its per-client KV limit (default 1000 then 500/s) out of the way. The
# limiter still runs on every request (one Redis call per 50, see docs/ratelimit.md), as in production.
export PS_RATELIMIT_KV_CAPACITY=${PS_RATELIMIT_KV_CAPACITY:-1000000000}
export PS_RATELIMIT_KV_REFILL_PER_SECOND=${PS_RATELIMIT_KV_REFILL_PER_SECOND:-1000000000}

# shellcheck source=bench/lib/wrk.sh
. bench/lib/wrk.sh
# shellcheck source=bench/lib/jit.sh
. bench/lib/jit.sh

run() { # $1 label, $2 base url, $3 script, $4 connections; prints one line, leaves req/s and p99 (ms) in rps, p99
  local threads=$(( $4 < 2 ? 1 : 2 )) started p99_text; started=$(date -u +%T)
  "${WRK[@]}" -t"$threads" -c"$4" -d"$DURATION" --latency -s "bench/wrk/$3" "$2" > /tmp/kv-wrk.out
  rps=$(awk '/Requests\/sec/ {print $2}' /tmp/kv-wrk.out); p99_text=$(awk '$1=="99%" {print $2}' /tmp/kv-wrk.out)
  p99=$(to_ms "$p99_text")
  printf '%-40s c=%-3s %10s req/s  p50 %-9s p99 %-9s non-2xx %-4s %s UTC\n' "$1" "$4" "$rps" \
    "$(awk '$1=="50%" {print $2}' /tmp/kv-wrk.out)" "$p99_text" "$(awk '/Non-2xx/ {print $5}' /tmp/kv-wrk.out)" "$started"
}

remote_keys() { # $1 url, $2 key prefix, $3 count: the first keys with that prefix node 1 does not own, one a line
  curl -fsS "$1/api/kv-cluster/ring" | jq -r '.arcs[] | "\(.end) \(.node)"' \
    | java -cp bench/target/classes:ejb/target/classes io.practicalsystems.kv.bench.KeysOwnedElsewhere kv-1 "$2" "$3"
}

forwarded() { curl -fsS "$1/api/kv-cluster" | jq '.counters.forwardedWrites // 0'; } # $1 url: node 1's count

warm_cycle() { # $1 url, $2 extras: one warm-up cycle, 5 s of each measured request kind at each level, unrecorded
  local c threads; warm_cycles=$(( ${warm_cycles:-0} + 1 ))
  for c in $LEVELS; do
    threads=$(( c < 2 ? 1 : 2 ))
    RUN=warm-$warm_cycles-$c "${WRK[@]}" -t"$threads" -c"$c" -d5s -s bench/wrk/kv-put.lua "$1" >/dev/null
    "${WRK[@]}" -t"$threads" -c"$c" -d5s -s bench/wrk/kv-get.lua "$1" >/dev/null
    if [[ " $2 " == *" ping "* ]]; then "${WRK[@]}" -t"$threads" -c"$c" -d5s -s bench/wrk/ping.lua "$1" >/dev/null; fi
  done
}

record() { # $1 cluster key, $2 what, $3 connections, $4 round: appends "key what c round req/s p99-ms" of the last run
  echo "$1 $2 $3 $4 $rps $p99" >> "$RESULTS"
}

bench_cluster() { # $1 label, $2 nodes, $3 base port, $4 quorum, $5 peer transport, $6 extras: "ping", "one-hop", "jfr", $7 key
  local dir; dir=$(mktemp -d)
  KV_CLUSTER_DIR=$dir NODES=$2 BASE_PORT=$3 QUORUM=$4 PEER_TRANSPORT=${5:-websocket} ${SERVERS[@]+"${SERVERS[@]}"} \
    bin/kv-cluster.sh start >/dev/null
  local url="http://127.0.0.1:$(( $3 + 1 ))" c before round rounds=$ROUNDS
  [[ " ${6:-} " == *" ping "* ]] || rounds=1 # the reference cluster: no floor to alternate with
  RUN=fill "${WRK[@]}" -t2 -c32 -d"${WARMUP:-60s}" -s bench/wrk/kv-put.lua "$url" > /tmp/kv-fill.out # fill + JIT
  # Each fill thread wrote keys 1, 2, ... up to about half the puts; a key it never reached (or whose put failed)
  # answers 404 to the gets below, so they ask only for keys the fill wrote.
  local fill_puts; fill_puts=$(awk '/requests in/ {print $1}' /tmp/kv-fill.out)
  echo "  fill: $fill_puts puts, $(awk '/Non-2xx/ {n = $5} END {print n + 0}' /tmp/kv-fill.out) non-2xx"
  (( fill_puts / 2 >= KEYS )) || echo "  fill: fewer than KEYS=$KEYS puts per thread: some gets will find no key (404)"
  local pids=() i # node i's process is pids[i-1]
  for i in $(seq 1 "$2"); do pids+=("$(cat "$dir/kv-$i/output/.pid/kv-$i.pid")"); done
  settle_jit "${WARMUP_MAX:-300}" "${pids[*]}" warm_cycle "$url" "${6:-}"
  # gets of filled keys node 1 does not own, KEYS per thread: of thread 1's fill (~2/3 of its keys qualify, so at
  # most 3/10 of all fill puts)
  if [[ " ${6:-} " == *" one-hop "* ]]; then
    remote_keys "$url" bench-fill-1- $(( 2 * KEYS < fill_puts * 3 / 10 ? 2 * KEYS : fill_puts * 3 / 10 )) > "$dir/remote-gets"
  fi
  for c in $LEVELS; do
    for round in $(seq 1 "$rounds"); do
      RUN=measured-$c-$round run "$1 put" "$url" kv-put.lua "$c"; record "$7" put "$c" "$round"
      run "$1 get" "$url" kv-get.lua "$c"; record "$7" get "$c" "$round"
      if [[ " ${6:-} " == *" one-hop "* ]]; then
        remote_keys "$url" "bench-one-hop-$c-$round-" 300000 > "$dir/remote-puts" # 20,000 puts/s for 15 s, each once
        before=$(forwarded "$url")
        METHOD=PUT KEYS_FILE=$dir/remote-puts run "$1 put, one peer hop" "$url" kv-remote.lua "$c"
        record "$7" hop-put "$c" "$round"
        echo "  (node 1 forwarded $(( $(forwarded "$url") - before )) writes; wrk counted $(awk '/requests in/ {print $1}' /tmp/kv-wrk.out) puts)"
        METHOD=GET KEYS_FILE=$dir/remote-gets run "$1 get, one peer hop" "$url" kv-remote.lua "$c"
        record "$7" hop-get "$c" "$round"
      fi
      if [[ " ${6:-} " == *" ping "* ]]; then run "$1 ping (no-op floor)" "$url" ping.lua "$c"; record "$7" ping "$c" "$round"; fi
    done
  done
  if [[ " ${6:-} " == *" jfr "* ]] && [ "${JFR:-0}" = 1 ]; then
    local stamp; stamp=$(date +%s)
    for c in ${JFR_LEVELS:-4 32}; do
      for i in $(seq 1 "$2"); do
        jcmd "${pids[i - 1]}" JFR.start name=kvget settings=profile \
          filename="/tmp/kv-get-c$c-kv-$i-$stamp.jfr" >/dev/null
      done
      run "$1 get under JFR" "$url" kv-get.lua "$c"
      for i in $(seq 1 "$2"); do jcmd "${pids[i - 1]}" JFR.stop name=kvget >/dev/null; done
    done
    echo "  JFR recordings: /tmp/kv-get-c*-kv-*-$stamp.jfr"
  fi
  KV_CLUSTER_DIR=$dir NODES=$2 BASE_PORT=$3 bin/kv-cluster.sh stop
  rm -rf "$dir"
}

echo "== connections: $LEVELS; $DURATION per run, $KEYS keys; $cores_note; load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "JVM_ARGS: ${JVM_ARGS:-(none: jvm.options)};" \
  "$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
CLUSTERS=" ${CLUSTERS:-1 n1 n3} "
if [[ $CLUSTERS == *" 1 "* ]]; then bench_cluster "1 node, N=1 R=1 W=1" 1 9090 1/1/1 websocket "" one; fi
if [[ $CLUSTERS == *" n1 "* ]]; then bench_cluster "3 nodes, N=1 R=1 W=1" 3 9080 1/1/1 websocket "ping one-hop" n1; fi
if [[ $CLUSTERS == *" n3 "* ]]; then bench_cluster "3 nodes, N=3 R=2 W=2" 3 9080 3/2/2 websocket "ping jfr" n3; fi
if [ "${COMPARE_HTTP:-0}" = 1 ]; then bench_cluster "3 nodes, N=3, HTTP links" 3 9080 3/2/2 http "" http; fi
bench/kv-verdicts.sh "$RESULTS" "$LEVELS"
