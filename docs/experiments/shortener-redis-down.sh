#!/usr/bin/env bash
# Experiment: the rate limiter at work, then a redirect surviving Redis going down.
#   docs/experiments/shortener-redis-down.sh        (after `mvn -DskipTests install`)
# Starts the app on embedded defaults with its embedded redis-server on port 6399 (so killing it cannot touch
# any other Redis), a create limit of 10 per client, and stops everything at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=http://127.0.0.1:9080
REDIS_PORT=6399
if curl -fsS "$BASE/api/ping" >/dev/null 2>&1; then
  echo "something already answers on $BASE; stop it first (mvn -pl ear liberty:stop)" >&2; exit 1
fi
[ -f ear/target/practical-systems.ear ] || mvn -q -DskipTests install

echo "== starting: embedded Redis on $REDIS_PORT, create limit 10 then 1 per 5 s"
PS_EMBEDDED_REDIS_PORT=$REDIS_PORT PS_IDGEN_WORKER_ID=7 \
PS_RATELIMIT_CREATE_CAPACITY=10 PS_RATELIMIT_CREATE_REFILL_PER_SECOND=0.2 \
  mvn -q -pl ear liberty:start
trap 'mvn -q -pl ear liberty:stop' EXIT
for _ in $(seq 1 120); do curl -fsS "$BASE/api/ping" >/dev/null 2>&1 && break; sleep 1; done

create() {
  curl -sS -o /tmp/exp-create.body -D /tmp/exp-create.head -X POST "$BASE/api/urls" \
    -H 'Content-Type: application/json' -H 'X-Api-Key: experiment' -d "{\"url\":\"$1\"}"
  head -1 /tmp/exp-create.head | tr -d '\r'
}
follow() { curl -sS -o /dev/null -w '%{http_code} -> %{redirect_url}\n' "$BASE/$1"; }
redis_health() { curl -sS "$BASE/health/ready" | grep -o '"name":"redis","status":"[A-Z]*"'; }

echo; echo "-- 1. rate limiter: 12 creates in a burst with a limit of 10"
for i in $(seq 1 12); do
  printf 'create %2d: %s  %s\n' "$i" "$(create "https://experiment.example/$i")" \
    "$(grep -iE '^(RateLimit-Remaining|Retry-After)' /tmp/exp-create.head | tr -d '\r' | tr '\n' ' ')"
done
echo "the 429 body:"; cat /tmp/exp-create.body; echo

echo; echo "-- 2. a link, followed once (now cached in Redis)"
sleep 6 # one token back
create "https://openliberty.io/" >/dev/null
code=$(sed 's/.*"code":"\([^"]*\)".*/\1/' /tmp/exp-create.body)
follow "$code"; redis_health

echo; echo "-- 3. Redis dies (kill -9 of the embedded redis-server)"
redis_pid=$(ss -ltnpH "sport = :$REDIS_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
echo "redis-server pid $redis_pid"; kill -9 "$redis_pid"
sleep 1
for i in 1 2 3; do follow "$code"; done
redis_health
echo "the redirect kept working: cache miss -> circuit breaker -> database. The rate limiter failed open (see the log):"
grep -hE "failing OPEN|rate limit" ear/target/liberty/wlp/usr/servers/practical/logs/messages.log | tail -2 | cut -c1-200 || true
