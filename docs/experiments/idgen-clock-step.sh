#!/usr/bin/env bash
# Experiment: step the ID generator's clock back and watch what it does.
#   docs/experiments/idgen-clock-step.sh
# Starts the app in the background with fault injection enabled (after `mvn -DskipTests install`), or uses one
# already running at $BASE with PS_IDGEN_FAULT_INJECTION_ENABLED=true. Admin credentials: $ADMIN_USER/$ADMIN_PASSWORD,
# else the password the server generated at first start. Admin calls go over HTTPS ($ADMIN_BASE; -k: the
# server's certificate is self-signed).
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=${BASE:-http://127.0.0.1:9080}
ADMIN_BASE=${ADMIN_BASE:-https://127.0.0.1:9443}
GENERATED_PASSWORD=ear/target/liberty/wlp/usr/servers/practical/data/admin/admin-password
started=no

if ! curl -fsS "$BASE/api/ping" >/dev/null 2>&1; then
  echo "== starting the application with PS_IDGEN_FAULT_INJECTION_ENABLED=true"
  [ -f ear/target/practical-systems.ear ] || mvn -q -DskipTests install
  PS_IDGEN_FAULT_INJECTION_ENABLED=true mvn -q -pl ear liberty:start
  started=yes
fi
trap '[ "$started" = yes ] && mvn -q -pl ear liberty:stop' EXIT

step() { # $1 = offset in ms
  curl -fsS -k -u "${ADMIN_USER:-admin}:${ADMIN_PASSWORD:-$(cat "$GENERATED_PASSWORD")}" \
    -X POST "$ADMIN_BASE/api/ids/admin/clock-offset?ms=$1" >/dev/null
  echo "== clock offset now $1 ms"
}
show() { # one request, status line + Retry-After + body
  curl -sS -o /tmp/idgen-exp.body -D /tmp/idgen-exp.head "$BASE/api/ids/next"
  printf '%s  %s  %s\n' "$(head -1 /tmp/idgen-exp.head | tr -d '\r')" \
    "$(grep -i '^Retry-After' /tmp/idgen-exp.head | tr -d '\r')" "$(cat /tmp/idgen-exp.body)"
}
decode() { curl -fsS "$BASE/api/ids/$1/decode"; echo; }

step 0
show; show
last=$(curl -fsS "$BASE/api/ids/next" | sed 's/.*"id":"\([0-9]*\)".*/\1/')
echo "last issued: $last -> $(decode "$last")"

echo; echo "-- 1. step back 3 ms (tolerance is 5 ms): the generator waits it out, IDs keep increasing"
step -3
show; show

echo; echo "-- 2. step back 60 s: refused with 503 + Retry-After; the sequence is NOT reset"
step -60000
show; show

echo; echo "-- 3. clock restored: IDs continue strictly above everything issued before"
step 0
next=$(curl -fsS "$BASE/api/ids/next" | sed 's/.*"id":"\([0-9]*\)".*/\1/')
echo "next issued: $next -> $(decode "$next")"
if [ "$next" -gt "$last" ]; then echo "OK: $next > $last"; else echo "BUG: $next <= $last"; exit 1; fi
