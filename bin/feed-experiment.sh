#!/usr/bin/env bash
# Experiment (issue 16): push, pull and the merge, seen from outside. One Liberty server with a celebrity threshold of
# 2 followers; four users: alice (a normal author), star (a celebrity: 2 followers), reader (follows both) and fan
# (follows star, to make star a celebrity). alice and star each post; the script prints which route each post took
# (deliveredBy: PUSH into followers' home feeds, PULL merged at read time), what the reader's pushed home feed in
# Redis holds (only alice's post), and the reader's timeline (both, merged newest first). Then it deletes every feed
# key from Redis — the cache tiers — and reads again: the same timeline and counters, rebuilt from the documents.
#
#   bin/feed-experiment.sh          # after `mvn -DskipTests install` (or mvn -B -o -pl ear -am verify -DskipTests)
#   PORT=9380 KEEP=1 bin/feed-experiment.sh
#
# Knobs: PORT (HTTP, 9380; HTTPS PORT + 263), KEEP=1 (keep the server's directory and logs, and print where).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-9380}
command -v jq >/dev/null || { echo "jq not found: apt-get install -y jq" >&2; exit 1; }
command -v redis-cli >/dev/null || { echo "redis-cli not found: apt-get install -y redis-tools" >&2; exit 1; }
# shellcheck source=bench/lib/liberty.sh
. bench/lib/liberty.sh
WORK=$(mktemp -d /tmp/feed-experiment.XXXXXX)
finish() { liberty_stop "$WORK" feedexp; if [ "${KEEP:-0}" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi; }
trap finish EXIT
REDIS_PORT=$((PORT + 7199))
API=http://127.0.0.1:$PORT/api/feed

echo "== starting a server (celebrity threshold: 2 followers) ..."
liberty_start "$WORK" feedexp "$PORT" PS_FEED_CELEBRITY_FOLLOWERS=2
json() { curl -fsS -H 'Content-Type: application/json' "$@"; }
declare -A TOKEN ID
for u in alice star reader fan; do
  ID[$u]=$(json -X POST "$API/users" -d "{\"handle\":\"$u\",\"password\":\"experiment-$u\"}" | jq -r .id)
  TOKEN[$u]=$(json -X POST "$API/sessions" -d "{\"handle\":\"$u\",\"password\":\"experiment-$u\"}" | jq -r .token)
done
as() { local who=$1; shift; curl -fsS -H "Authorization: Bearer ${TOKEN[$who]}" -H 'Content-Type: application/json' "$@"; }
as reader "$API/timeline" >/dev/null                 # the reader is an active reader: pushes reach its feed
for u in alice star; do as reader -X PUT "$API/follows/$u"; done
as fan -X PUT "$API/follows/star"
echo "== followers: alice $(as reader "$API/users/alice" | jq .followers), star $(as reader "$API/users/star" | jq .followers) (threshold 2)"

for u in alice star; do
  post=$(as "$u" -X POST "$API/posts" -d "{\"text\":\"hello from $u\"}")
  echo "== $u posts $(jq -r .id <<<"$post"): deliveredBy $(jq -r .deliveredBy <<<"$post")"
done
as reader -X PUT "$API/posts/$(as star "$API/users/star/posts" | jq -r '.items[0].id')/like" >/dev/null
sleep 2 # the fanout runs in the MDB, after the post's answer
timeline() { as reader "$API/timeline" | jq -r '.items[] | "   \(.id)  @\(.author)  \(.deliveredBy)  likes \(.likes)  \"\(.text)\""'; }
echo "== the reader's pushed home feed in Redis (feed:home:${ID[reader]}; '~' marks a feed rebuilt from the documents):"
redis-cli -p "$REDIS_PORT" zrevrange "feed:home:${ID[reader]}" 0 -1 | sed 's/^/   /'
echo "== the reader's timeline (pushed feed merged with the celebrities' posts at read time):"
timeline | tee "$WORK/before"
echo "== deleting every feed key from Redis (the five cache tiers) ..."
redis-cli -p "$REDIS_PORT" --scan --pattern 'feed:*' | xargs -r redis-cli -p "$REDIS_PORT" del >/dev/null
echo "== the reader's timeline again, rebuilt from the documents:"
timeline | tee "$WORK/after"
if diff -q "$WORK/before" "$WORK/after" >/dev/null; then echo "== same timeline and counters after the flush"; else echo "== DIFFERENT after the flush" >&2; exit 1; fi
