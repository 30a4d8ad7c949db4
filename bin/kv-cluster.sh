#!/usr/bin/env bash
# A local key-value cluster: 3 Liberty servers running the same EAR on loopback, N=3 R=2 W=2.
#
#   bin/kv-cluster.sh start     # after `mvn -DskipTests install`; nodes on :9081, :9082, :9083
#   bin/kv-cluster.sh status    # each node's /api/kv-cluster, in one line per member
#   bin/kv-cluster.sh kill 3    # kill -9 node 3 (its data stays on disk)
#   bin/kv-cluster.sh restart 3 # start node 3 again
#   bin/kv-cluster.sh stop      # stop all
#
# Settings: NODES (3), BASE_PORT (9080: node i listens on BASE_PORT+i, HTTPS on BASE_PORT+1000+i, its embedded
# Redis on BASE_PORT+7299+i and Mongo-wire server on BASE_PORT+18037+i — 16379+i and 27117+i by default, so
# clusters with BASE_PORTs 100 apart do not collide), QUORUM (3/2/2), KV_CLUSTER_DIR (target/kv-cluster),
# PEER_TRANSPORT (websocket, or http: how replica calls travel between the nodes), READY_TIMEOUT (300 s: how long
# start and restart wait for a node's /health/ready). Each node gets its own WLP_USER_DIR/WLP_OUTPUT_DIR under
# KV_CLUSTER_DIR (logs in KV_CLUSTER_DIR/kv-<i>/output/kv-<i>/logs), embedded Derby, embedded Redis and Mongo-wire
# servers, and the KV store in its own MVStore file. The cluster secret is generated once per cluster directory
# (never committed). `kill` and `stop` also end the processes a node started (its embedded redis-server).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
NODES=${NODES:-3}
BASE_PORT=${BASE_PORT:-9080}
QUORUM=${QUORUM:-3/2/2}
DIR=${KV_CLUSTER_DIR:-$ROOT/target/kv-cluster}
WLP=$ROOT/ear/target/liberty/wlp
TEMPLATE=$WLP/usr/servers/practical

node_dir() { echo "$DIR/kv-$1"; }
port() { echo $((BASE_PORT + $1)); }

server() { # $1 node, rest: bin/server arguments
  local n=$1; shift
  WLP_USER_DIR=$(node_dir "$n")/usr WLP_OUTPUT_DIR=$(node_dir "$n")/output "$WLP/bin/server" "$@"
}

prepare() { # $1 node
  local n=$1 d; d=$(node_dir "$n")
  [ -d "$d/usr/servers/kv-$n" ] && return
  mkdir -p "$d/usr/servers" "$d/usr/shared/resources"
  mkdir -p "$d/usr/servers/kv-$n"
  # configuration and the application only: not the template's own logs, data or work area
  local item
  for item in "$TEMPLATE"/*.xml "$TEMPLATE"/jvm.options "$TEMPLATE"/server.env "$TEMPLATE"/apps "$TEMPLATE"/resources; do
    [ -e "$item" ] && cp -r "$item" "$d/usr/servers/kv-$n/"
  done
  cp -r "$WLP/usr/shared/resources/." "$d/usr/shared/resources/" # JDBC drivers, the login-throttle library
  # The NODES JVMs share this machine's cores, but each sizes its GC thread pools for all of them. A G1 pause ends
  # only when its last worker does, and a worker that waits for a core behind the other servers holds the whole
  # pause: 2 workers per JVM on a 2-core machine running 3 nodes took 0.06 s of CPU in 0.32 s young pauses and
  # 0.22 s in a 0.46 s remark. Each node gets its share of the cores, at least one, for stop-the-world and
  # concurrent work alike.
  local share=$(( $(nproc) / NODES ))
  (( share >= 1 )) || share=1
  printf '%s\n' "-XX:ParallelGCThreads=$share" "-XX:ConcGCThreads=$share" >> "$d/usr/servers/kv-$n/jvm.options"
  local seeds="" i
  for i in $(seq 1 "$NODES"); do seeds="$seeds${seeds:+,}http://127.0.0.1:$(port "$i")"; done
  echo >> "$d/usr/servers/kv-$n/server.env" # the generated file may lack a final newline
  cat >> "$d/usr/servers/kv-$n/server.env" <<ENV
HTTP_PORT=$(port "$n")
HTTPS_PORT=$(( $(port "$n") + 1000 ))
PS_KV_NODE_ID=kv-$n
PS_KV_ADDRESS=http://127.0.0.1:$(port "$n")
PS_KV_SEEDS=$seeds
PS_KV_QUORUM=$QUORUM
PS_KV_PEER_TRANSPORT=${PEER_TRANSPORT:-websocket}
PS_KV_CLUSTER_SECRET=$(cat "$DIR/secret")
PS_EMBEDDED_REDIS_PORT=$(( BASE_PORT + 7299 + n ))
PS_EMBEDDED_MONGODB_PORT=$(( BASE_PORT + 18037 + n ))
PS_IDGEN_WORKER_ID=$n
ENV
}

pid_of() { # $1 node: the pid of its server JVM, if it runs
  local f; f="$(node_dir "$1")/output/.pid/kv-$1.pid"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"
}

descendants() { # $1 pid: every process below it (the embedded redis-server and whatever that starts)
  local child
  for child in $(pgrep -P "$1" || true); do echo "$child"; descendants "$child"; done
}

DEADLINE=$((SECONDS + ${READY_TIMEOUT:-300})) # start and restart end by then, ready or not

await_ready() { # $1 node: until its /health/ready answers 200, or DEADLINE
  local n=$1
  until curl -fsS "http://127.0.0.1:$(port "$n")/health/ready" >/dev/null 2>&1; do
    if (( SECONDS >= DEADLINE )); then
      echo "kv-$n not ready within ${READY_TIMEOUT:-300} s; see $(node_dir "$n")/output/kv-$n/logs/messages.log" >&2
      return 1
    fi
    sleep 2
  done
  echo "kv-$n ready on http://127.0.0.1:$(port "$n")"
}

stop_node() { # $1 node: graceful stop; then whatever of it still runs (the JVM after 60 s, its children) is killed
  local n=$1 pid children waited=0
  pid=$(pid_of "$n") || return 0
  children=$(descendants "$pid")
  server "$n" stop "kv-$n" >/dev/null 2>&1 || true
  # a JVM still starting may start its redis-server while it stops: collect children until the JVM is gone
  while kill -0 "$pid" 2>/dev/null && (( waited < 60 )); do
    children="$children $(descendants "$pid")"; sleep 1; waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
  # shellcheck disable=SC2086 # one pid per word
  [ -z "${children// /}" ] || kill -9 $children 2>/dev/null || true
  redis_listener "$n" | xargs -r kill -9 2>/dev/null || true
}

redis_listener() { # $1 node: the pid of a redis-server still listening on the node's own embedded Redis port
  command -v ss >/dev/null || return 0
  ss -ltnpH "sport = :$(( BASE_PORT + 7299 + $1 ))" 2>/dev/null | grep -o 'redis-server[^"]*",pid=[0-9]*' \
    | grep -o '[0-9]*$' || true
}

case "${1:-}" in
  start)
    [ -d "$TEMPLATE" ] || { echo "run 'mvn -DskipTests install' first ($TEMPLATE missing)" >&2; exit 1; }
    mkdir -p "$DIR"
    [ -f "$DIR/secret" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$DIR/secret")
    # not waiting for `server start` itself, which waits as long as Liberty's own start: await_ready decides
    for n in $(seq 1 "$NODES"); do prepare "$n"; server "$n" start "kv-$n" >/dev/null 2>&1 & done
    for n in $(seq 1 "$NODES"); do await_ready "$n"; done ;;
  stop)
    for n in $(seq 1 "$NODES"); do stop_node "$n" & done; wait ;;
  kill)
    pid=$(pid_of "$2") || { echo "kv-$2 is not running" >&2; exit 1; }
    children=$(descendants "$pid")
    # shellcheck disable=SC2086 # one pid per word
    kill -9 "$pid" $children 2>/dev/null || true
    redis_listener "$2" | xargs -r kill -9 2>/dev/null || true; echo "killed kv-$2 (pid $pid${children:+ and its processes $(echo $children)})" ;;
  restart)
    server "$2" start "kv-$2" >/dev/null 2>&1 &
    await_ready "$2" ;;
  status)
    for n in $(seq 1 "$NODES"); do
      echo "== kv-$n"
      curl -fsS "http://127.0.0.1:$(port "$n")/api/kv-cluster" 2>/dev/null \
        | grep -o '"id":"[^"]*","ownership":[^,]*,"phi":[^,]*,"reachability":"[^"]*","status":"[^"]*"' \
        || echo "  (not answering)"
      curl -fsS "http://127.0.0.1:$(port "$n")/api/kv-cluster" 2>/dev/null | grep -o '"hintsByTarget":{[^}]*}' || true
    done ;;
  *) sed -n '2,17p' "$0"; exit 1 ;;
esac
