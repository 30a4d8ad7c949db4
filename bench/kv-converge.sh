#!/usr/bin/env bash
# Anti-entropy after kill -9, with no client reads: on a 3-node cluster (bin/kv-cluster.sh, default settings) kill -9
# node 3, write KEYS new keys through node 1 with W=2 (node 1 keeps a hint for node 3 per key), kill -9 node 1 as well
# (its hints lived in memory: lost), restart both, and time how long until node 3 stores every key — read from each
# node's keyCount in /api/kv-cluster, never from a key, so no read repair. Only anti-entropy copies them.
#
#   bench/kv-converge.sh        # after `mvn -DskipTests install`; KEYS (500), BASE_PORT (9180), LIMIT (1200 s)
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS=${KEYS:-500}
LIMIT=${LIMIT:-1200}
export BASE_PORT=${BASE_PORT:-9180}
export KV_CLUSTER_DIR=${KV_CLUSTER_DIR:-$(mktemp -d)}
trap 'bin/kv-cluster.sh stop' EXIT
url() { echo "http://127.0.0.1:$((BASE_PORT + $1))"; }
key_count() { curl -fsS "$(url "$1")/api/kv-cluster" 2>/dev/null | grep -o '"keyCount":[0-9]*' | cut -d: -f2 || echo "?"; }

bin/kv-cluster.sh start
bin/kv-cluster.sh kill 3
for i in $(seq 1 "$KEYS"); do
  curl -fsS -o /dev/null -X PUT --data "v$i" "$(url 1)/api/kv/converge-$i?w=2"
done
echo "wrote $KEYS keys with kv-3 down; keyCount kv-1 $(key_count 1), kv-2 $(key_count 2)"
bin/kv-cluster.sh kill 1
restarted=$SECONDS
bin/kv-cluster.sh restart 1 & bin/kv-cluster.sh restart 3 & wait
ready=$SECONDS
echo "kv-1 and kv-3 ready $((ready - restarted)) s after the restart began"
until [ "$(key_count 3)" = "$KEYS" ]; do
  (( SECONDS - ready < LIMIT )) || { echo "kv-3 holds $(key_count 3) of $KEYS keys after $LIMIT s" >&2; exit 1; }
  sleep 1
done
echo "converged: kv-3 holds all $KEYS keys $((SECONDS - ready)) s after both nodes were ready" \
  "(keyCount kv-1 $(key_count 1), kv-2 $(key_count 2), kv-3 $(key_count 3)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
