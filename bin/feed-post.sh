#!/usr/bin/env bash
# Publishes feed posts from outside the server: logs in over REST (or takes a token), then runs the seed producer's
# application client in its `post` mode, which reaches the server's messaging engine over TLS as the post producer
# user and puts one message per post on queue feed.posts. The server checks each message's token and posts as its
# user (same text rules and rate limit as POST /api/feed/posts). docs/feed.md, "External producers".
#
#   FEED_HANDLE=alice FEED_PASSWORD=… FEED_POST_PASSWORD=… bin/feed-post.sh [--reply-to POST_ID] TEXT [TEXT ...]
#   FEED_TOKEN=… FEED_POST_PASSWORD=… bin/feed-post.sh < posts.txt      # one post per non-blank line
#
# The server must run with PS_MESSAGING_REMOTE=on, PS_MESSAGING_PASSWORD and PS_FEED_POSTS_PASSWORD set. Settings:
#   FEED_URL            the server's base URL, for the log-in                                [http://localhost:9080]
#   FEED_HANDLE, FEED_PASSWORD  the author's account (not needed when FEED_TOKEN is set)
#   FEED_TOKEN          the author's token from POST /api/feed/sessions (instead of logging in)
#   FEED_POST_USER      the server's PS_FEED_POSTS_USER                                      [feed-poster]
#   FEED_POST_PASSWORD  the server's PS_FEED_POSTS_PASSWORD; from the environment only, never an argument
#   FEED_POST_RUN_ID    names the run in the messages' ids: the same run id again posts nothing twice [random]
#   CRAWL_SEED_SERVER, CRAWL_SEED_CERT  the TLS messaging endpoint and its certificate, as for bin/crawl-seed.sh
# Exit codes: 0 sent (the server logs each post it made or dropped), 2 bad input or log-in refused, 3 refused by
# the messaging engine, 4 could not send. Needs `mvn -DskipTests install` first.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${FEED_TOKEN:-}" ]; then
  [ -n "${FEED_HANDLE:-}" ] && [ -n "${FEED_PASSWORD:-}" ] \
    || { echo "feed-post: set FEED_TOKEN, or FEED_HANDLE and FEED_PASSWORD to log in" >&2; exit 2; }
  SESSION=$(FEED_HANDLE=$FEED_HANDLE FEED_PASSWORD=$FEED_PASSWORD python3 -c \
    'import json, os; print(json.dumps({"handle": os.environ["FEED_HANDLE"], "password": os.environ["FEED_PASSWORD"]}))' \
    | curl -sS -H 'Content-Type: application/json' --data-binary @- -w '\n%{http_code}' \
      "${FEED_URL:-http://localhost:9080}/api/feed/sessions") || { echo "feed-post: could not reach the server" >&2; exit 4; }
  STATUS=${SESSION##*$'\n'}
  [ "$STATUS" = 200 ] || { echo "feed-post: log-in refused (HTTP $STATUS): ${SESSION%$'\n'*}" >&2; exit 2; }
  FEED_TOKEN=$(printf '%s' "${SESSION%$'\n'*}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
fi
export FEED_TOKEN
exec bin/crawl-seed.sh post "$@"
