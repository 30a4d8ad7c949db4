#!/usr/bin/env bash
# A local key-value cluster: 3 Liberty servers running the same EAR on loopback, N=3 R=2 W=2.
#
#   bin/kv-cluster.sh start     # after `mvn -DskipTests install`; nodes on :9081, :9082, :9083
#   bin/kv-cluster.sh status    # each node's /api/kv-cluster, in one line per member
#   bin/kv-cluster.sh kill 3    # kill -9 node 3 (its data stays on disk)
#   bin/kv-cluster.sh restart 3 # start node 3 again
#   bin/kv-cluster.sh stop      # stop all
#
# Settings: NODES (3), BASE_PORT (9080: node i listens on BASE_PORT+i), QUORUM (3/2/2), KV_CLUSTER_DIR,
# PEER_TRANSPORT (websocket, or http: how replica calls travel between the nodes)
# (target/kv-cluster). Each node gets its own WLP_USER_DIR/WLP_OUTPUT_DIR under KV_CLUSTER_DIR, embedded Derby,
# embedded Redis and Mongo-wire servers on their own ports, and the KV store in its own MVStore file. The cluster
# secret is generated once per cluster directory (never committed).
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
PS_EMBEDDED_REDIS_PORT=$(( 16379 + n ))
PS_EMBEDDED_MONGODB_PORT=$(( 27017 + 100 + n ))
PS_IDGEN_WORKER_ID=$n
ENV
}

case "${1:-}" in
  start)
    [ -d "$TEMPLATE" ] || { echo "run 'mvn -DskipTests install' first ($TEMPLATE missing)" >&2; exit 1; }
    mkdir -p "$DIR"
    [ -f "$DIR/secret" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$DIR/secret")
    for n in $(seq 1 "$NODES"); do prepare "$n"; server "$n" start "kv-$n" >/dev/null & done
    wait
    for n in $(seq 1 "$NODES"); do
      until curl -fsS "http://127.0.0.1:$(port "$n")/health/ready" >/dev/null 2>&1; do sleep 2; done
      echo "kv-$n ready on http://127.0.0.1:$(port "$n")"
    done ;;
  stop)
    for n in $(seq 1 "$NODES"); do server "$n" stop "kv-$n" >/dev/null 2>&1 & done; wait ;;
  kill)
    pid=$(cat "$(node_dir "$2")/output/.pid/kv-$2.pid"); kill -9 "$pid"; echo "killed kv-$2 (pid $pid)" ;;
  restart)
    server "$2" start "kv-$2" >/dev/null
    until curl -fsS "http://127.0.0.1:$(port "$2")/health/ready" >/dev/null 2>&1; do sleep 2; done
    echo "kv-$2 ready" ;;
  status)
    for n in $(seq 1 "$NODES"); do
      echo "== kv-$n"
      curl -fsS "http://127.0.0.1:$(port "$n")/api/kv-cluster" 2>/dev/null \
        | grep -o '"id":"[^"]*","ownership":[^,]*,"phi":[^,]*,"reachability":"[^"]*","status":"[^"]*"' \
        || echo "  (not answering)"
      curl -fsS "http://127.0.0.1:$(port "$n")/api/kv-cluster" 2>/dev/null | grep -o '"hintsByTarget":{[^}]*}' || true
    done ;;
  *) sed -n '2,14p' "$0"; exit 1 ;;
esac
