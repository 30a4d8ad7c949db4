#!/usr/bin/env bash
# KV store load test: put and get throughput and p50/p99 on a 3-server loopback cluster with N=3,R=2,W=2, and on a
# one-server cluster (N=R=W=1), in the same run (targets: p99 < 10 ms and >= 50 % of the N=1 throughput).
#
#   bench/kv-load.sh          # after `mvn -DskipTests install`; needs wrk (apt-get install -y wrk)
#
# It starts both clusters itself with bin/kv-cluster.sh (3 nodes on :9081-9083, then 1 node on :9091) in separate
# directories, loads node 1 (it coordinates or forwards; every node holds every key at N=3), and stops them. Each
# cluster first takes WARMUP (60s) of puts: a fresh JVM runs the request path several times slower until the JIT has
# compiled it. Then the three-node cluster again with replica calls over HTTP instead of WebSockets (COMPARE_HTTP=0
# skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
export KEYS=${KEYS:-5000}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }

run() { # $1 label, $2 base url, $3 script
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "bench/wrk/$3" "$2" > /tmp/kv-wrk.out
  printf '%-22s %10s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' /tmp/kv-wrk.out)" "$(awk '$1=="50%" {print $2}' /tmp/kv-wrk.out)" \
    "$(awk '$1=="99%" {print $2}' /tmp/kv-wrk.out)" "$(awk '/Non-2xx/ {print $5}' /tmp/kv-wrk.out)"
}

bench_cluster() { # $1 label, $2 nodes, $3 base port, $4 quorum, $5 peer transport
  local dir; dir=$(mktemp -d)
  KV_CLUSTER_DIR=$dir NODES=$2 BASE_PORT=$3 QUORUM=$4 PEER_TRANSPORT=${5:-websocket} bin/kv-cluster.sh start >/dev/null
  local url="http://127.0.0.1:$(( $3 + 1 ))"
  RUN=fill wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-60s}" -s bench/wrk/kv-put.lua "$url" >/dev/null # fill + JIT warm-up
  RUN=measured run "$1 put" "$url" kv-put.lua
  run "$1 get" "$url" kv-get.lua
  KV_CLUSTER_DIR=$dir NODES=$2 BASE_PORT=$3 bin/kv-cluster.sh stop
  rm -rf "$dir"
}

echo "== $CONNECTIONS connections, $DURATION per run, $KEYS keys; $(nproc) cores shared by wrk and every server"
bench_cluster "N=1 R=1 W=1 (1 node)" 1 9090 1/1/1
bench_cluster "N=3 R=2 W=2 (3 nodes)" 3 9080 3/2/2 websocket
[ "${COMPARE_HTTP:-1}" = 1 ] && bench_cluster "N=3 ... over HTTP" 3 9080 3/2/2 http
