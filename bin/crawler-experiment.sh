#!/usr/bin/env bash
# Experiment (issue 15): two Liberty servers crawl one crawl of a local test web; one is killed with kill -9 a third
# of the way in, and the other finishes it, without fetching anything twice and without working a host at the same
# time as the dead one did.
#
#   bin/crawler-experiment.sh                       # after `mvn -DskipTests install`
#   H=40 PAGES=25 D_MS=250 bin/crawler-experiment.sh
#
# It prints a line a second while the crawl runs — pages/s, fetched, the frontier (queued, in flight), the hosts
# (leased by which server, how long the waiting ones have until their next allowed fetch) and which server the web
# has seen how often — then a verdict from the web's own access log: pages missing, URLs requested twice (0 expected
# but for the crash window: pages the killed server had fetched and not completed), the smallest gap between two
# requests to one host against the delay, and requests to one host by both servers at once (0 expected).
#
# Knobs: H (hosts, 20), PAGES (pages per host, 40), D_MS (per-host delay, the crawl's minDelayMs, 500), LEASE_MS
# (host lease: how long a dead server's hosts wait, 10000), KILL_PCT (kill when this % of the pages are fetched, 33),
# RESTART (1: start the killed server again at once; 0: leave it dead), FETCH_CONCURRENCY (per server, 4), BASE_PORT
# (9280: server a on HTTP BASE_PORT+1 / HTTPS BASE_PORT+301, b on +2 / +302), REDIS_URL (default: 127.0.0.1:6379 if
# it answers, else an embedded redis-server), ADMIN_PASSWORD (default: a random one for this run), KEEP=1 (keep the
# work directory under target/ with the servers' logs).
#
# What runs: the benchmark web (bench module BenchWeb: H hosts h<i>.bench.test of PAGES pages each, robots.txt and
# sitemap.xml 404, a TestDnsServer naming them, a TestWeb with its access log) in one JVM that also holds what the
# servers share and what must outlive a kill -9 (the document store, and Redis if none answers); two Liberty servers
# copied from ear/target/liberty (crawl-a, crawl-b), each with its own contact URL in its User-Agent so the access
# log tells them apart. Everything it starts is stopped on exit, Ctrl-C included.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
H=${H:-20}
PAGES=${PAGES:-40}
D_MS=${D_MS:-500}
LEASE_MS=${LEASE_MS:-10000}
KILL_PCT=${KILL_PCT:-33}
RESTART=${RESTART:-1}
FETCH_CONCURRENCY=${FETCH_CONCURRENCY:-4}
BASE_PORT=${BASE_PORT:-9280}
SERVERS=(crawl-a crawl-b)
WLP=$ROOT/ear/target/liberty/wlp
TEMPLATE=$WLP/usr/servers/practical
[ -d "$TEMPLATE/apps" ] || { echo "no server template at $TEMPLATE: run mvn -DskipTests install" >&2; exit 1; }
[ -f bench/target/classes/io/practicalsystems/crawler/bench/FailoverVerdict.class ] \
  || { echo "bench not compiled: run mvn -DskipTests install" >&2; exit 1; }

mkdir -p target
WORK=$(mktemp -d "$ROOT/target/crawler-experiment.XXXXXX")
ADMIN="admin:${ADMIN_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}"
web_pid=""
restart_pid=""

server() { WLP_USER_DIR=$WORK/usr WLP_OUTPUT_DIR=$WORK/output "$WLP/bin/server" "$@"; }
pid_of() { cat "$WORK/output/.pid/$1.pid" 2>/dev/null || true; }
http_port() { [ "$1" = crawl-a ] && echo $((BASE_PORT + 1)) || echo $((BASE_PORT + 2)); }
https_port() { echo $(($(http_port "$1") + 300)); }

cleanup() {
  set +e
  trap - EXIT INT TERM
  # a server being restarted is stopped once its start command has returned (it returns after ~30 s at most)
  [ -n "$restart_pid" ] && wait "$restart_pid" 2>/dev/null
  local stops=() s pid
  for s in "${SERVERS[@]}"; do [ -n "$(pid_of "$s")" ] && { server stop "$s" >/dev/null 2>&1 & stops+=($!); }; done
  [ ${#stops[@]} -gt 0 ] && wait "${stops[@]}"
  for s in "${SERVERS[@]}"; do
    pid=$(pid_of "$s")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  done
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null && wait "$web_pid" 2>/dev/null
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== crawler experiment: $H hosts x $PAGES pages, delay ${D_MS} ms, lease ${LEASE_MS} ms, fetch concurrency" \
  "$FETCH_CONCURRENCY per server; kill -9 crawl-a at ${KILL_PCT} %, restart $RESTART"
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

# --- the local web, its DNS server, and what the two servers share
mvn -B -o -q -pl bench dependency:build-classpath -DexcludeGroupIds=io.practicalsystems \
  -Dmdep.outputFile="$WORK/cp" >/dev/null 2>&1 \
  || mvn -B -q -pl bench dependency:build-classpath -DexcludeGroupIds=io.practicalsystems \
    -Dmdep.outputFile="$WORK/cp" >/dev/null
CP=$ROOT/bench/target/classes:$ROOT/ejb/target/classes:$ROOT/ejb/target/test-classes:$(cat "$WORK/cp")
shared=(--documents "$WORK/documents")
[ -z "${REDIS_URL:-}" ] && shared+=(--redis "$WORK/redis")
java -Xmx512m -cp "$CP" io.practicalsystems.crawler.bench.BenchWeb "$H" "$PAGES" "$WORK/web.env" "${shared[@]}" \
  > "$WORK/web.log" 2>&1 &
web_pid=$!
until [ -f "$WORK/web.env" ]; do kill -0 "$web_pid" || { cat "$WORK/web.log"; exit 1; }; sleep 0.5; done
# shellcheck disable=SC1091
. "$WORK/web.env" # DNS, WEB_PORT, SEEDS, MONGODB_URL, and REDIS_URL unless given
control() { curl -fsS --max-time 60 -H "Host: control.bench" "http://127.0.0.1:$WEB_PORT$1"; }
echo "== web on :$WEB_PORT (DNS $DNS), documents $MONGODB_URL, Redis $REDIS_URL"

# --- two Liberty servers from the built runtime, sharing Redis and the document store
mkdir -p "$WORK/usr/shared/resources"
cp -r "$WLP/usr/shared/resources/." "$WORK/usr/shared/resources/"
for s in "${SERVERS[@]}"; do
  mkdir -p "$WORK/usr/servers/$s"
  for item in "$TEMPLATE"/*.xml "$TEMPLATE"/jvm.options "$TEMPLATE"/server.env "$TEMPLATE"/apps "$TEMPLATE"/resources; do
    [ -e "$item" ] && cp -r "$item" "$WORK/usr/servers/$s/"
  done
  echo >> "$WORK/usr/servers/$s/server.env" # the generated file may lack a final newline
  cat >> "$WORK/usr/servers/$s/server.env" <<ENV
HTTP_PORT=$(http_port "$s")
HTTPS_PORT=$(https_port "$s")
ADMIN_USER=${ADMIN%%:*}
ADMIN_PASSWORD=${ADMIN#*:}
PS_REDIS_URL=$REDIS_URL
PS_MONGODB_URL=$MONGODB_URL
PS_CRAWLER_DNS_SERVER=$DNS
PS_CRAWLER_CONTACT_URL=http://$s.experiment.test/
PS_CRAWLER_FETCH_CONCURRENCY=$FETCH_CONCURRENCY
PS_CRAWLER_LEASE_MS=$LEASE_MS
PS_CRAWLER_FETCH_DEADLINE_MS=$((LEASE_MS / 2 < 30000 ? LEASE_MS / 2 : 30000))
PS_CRAWLER_CONNECT_TIMEOUT_MS=1000
PS_CRAWLER_READ_TIMEOUT_MS=2000
PS_CRAWLER_JOIN_INTERVAL_MS=1000
ENV
done
started=$(date +%s)
starts=()
for s in "${SERVERS[@]}"; do server start "$s" >/dev/null & starts+=($!); done
wait "${starts[@]}" || true # a slow start only means its command timed out; readiness below decides
ready() { curl -fsS --max-time 5 "http://127.0.0.1:$(http_port "$1")/health/ready" >/dev/null 2>&1; }
for s in "${SERVERS[@]}"; do
  until ready "$s"; do
    [ -n "$(pid_of "$s")" ] && kill -0 "$(pid_of "$s")" 2>/dev/null \
      || { echo "$s did not start; its log:" >&2; tail -20 "$WORK/output/$s/logs/messages.log" >&2; exit 1; }
    sleep 2
  done
  echo "== $s ready on http://127.0.0.1:$(http_port "$s") (pid $(pid_of "$s")) after $(($(date +%s) - started)) s"
done

# --- the crawl, created and started on crawl-a (crawl-b joins it within its join interval)
API_A=https://127.0.0.1:$(https_port crawl-a)/api/crawls
admin() { curl -fsS -k --max-time 30 -u "$ADMIN" -H 'Content-Type: application/json' "$@"; }
TOTAL=$((H * PAGES))
body=$(jq -cn --argjson seeds "$SEEDS" --argjson d "$D_MS" --argjson n "$((TOTAL * 2))" --argjson per "$((PAGES * 2))" \
  '{seeds:$seeds, allowedDomains:["bench.test"], maxDepth:20, maxPages:$n, maxPagesPerHost:$per, minDelayMs:$d,
    allowPrivateAddresses:true}')
control /mark >/dev/null
id=$(admin -X POST "$API_A" -d "$body" | jq -r .id)
admin -X POST "$API_A/$id/start" >/dev/null
crawl_started=$(date +%s)
echo "== crawl $id started on crawl-a: $TOTAL pages; the web also answers robots.txt and /sitemap.xml (404) once per host"

# The status and the hosts from whichever server answers (the killed one does not).
status() {
  local s
  for s in "${SERVERS[@]}"; do
    curl -fsS --max-time 10 "http://127.0.0.1:$(http_port "$s")/api/crawls/$id$1" 2>/dev/null && return
  done
  return 1
}
hosts_json() { # every page of the host listing, as one array
  local cursor="" page pages=""
  while :; do
    page=$(status "/hosts?limit=100${cursor:+&cursor=$cursor}") || return 1
    pages+=$page
    cursor=$(jq -r '.next // empty' <<<"$page")
    [ -z "$cursor" ] && break
  done
  jq -cs '[.[].items[]]' <<<"$pages"
}
# One line's numbers, tab-separated, from the status view ($st), the hosts ($hs, received at $at ms): leases per
# server (leasedBy is "<pid>:<host>:…"); hosts with queued URLs and no lease either wait out their per-host delay
# (next allowed fetch still ahead: how many, the longest wait) or are due and not yet claimed by a server.
LINE_JQ='def ms: capture("^(?<s>[^.Z]+)(\\.(?<f>[0-9]+))?Z$")
           | ((.s + "Z") | fromdateiso8601) * 1000 + (((.f // "") + "000")[0:3] | tonumber);
  ($st[0] // {}) as $s | ($hs[0] // []) as $h
  | [$h[] | select(.leasedBy != null) | .leasedBy | split(":")[0]] as $leases
  | [$h[] | select(.queued > 0 and .leasedBy == null)
          | if .nextFetchAt == null then 0 else (.nextFetchAt | ms) - $at end] as $idle
  | [$idle[] | select(. > 0)] as $waiting
  | [$s.state // "-", $s.fetched // "?", ($s.pagesPerSecond // 0 | . * 10 | round / 10),
     $s.frontier.queued // "?", $s.frontier.inFlight // "?",
     ([$leases[] | select(. == $a)] | length), ([$leases[] | select(. == $b)] | length),
     ($waiting | length), (($waiting | max // 0) / 1000 * 100 | round / 100), ([$idle[] | select(. <= 0)] | length)]
  | @tsv'

line() { # one progress line, from the status, the hosts and the web's log fetched at once; sets $state, $fetched
  local d=$WORK/line p1 p2 p3 fields n pps queued inflight la lb waiting wmax due
  rm -rf "$d"; mkdir -p "$d"
  status "" > "$d/status" & p1=$!
  { hosts_json > "$d/hosts"; date +%s%3N > "$d/at"; } & p2=$!
  control "/servers?servers=crawl-a,crawl-b" > "$d/web" & p3=$!
  wait "$p1" "$p2" "$p3" || true
  fields=$(jq -rn --slurpfile st "$d/status" --slurpfile hs "$d/hosts" --argjson at "$(cat "$d/at" 2>/dev/null \
    || date +%s%3N)" --arg a "$(pid_of crawl-a)" --arg b "$(pid_of crawl-b)" "$LINE_JQ" 2>/dev/null) || fields=""
  IFS=$'\t' read -r state n pps queued inflight la lb waiting wmax due <<<"$fields" || true
  [[ "${n:-}" =~ ^[0-9]+$ ]] && fetched=$n
  if [ -z "$state" ] || [ "$state" = - ]; then
    state=UNKNOWN
    printf '%4ds no server answered\n' $(($(date +%s) - crawl_started))
    return
  fi
  printf '%4ds %-8s fetched %3s/%d %5s pages/s | queued %3s, in flight %2s | hosts leased a %2s b %2s,' \
    $(($(date +%s) - crawl_started)) "$state" "$n" "$TOTAL" "$pps" "$queued" "$inflight" "$la" "$lb"
  printf ' waiting %2s (max %4s s), due %2s | requests a %3s b %3s\n' "$waiting" "$wmax" "$due" \
    "$(awk '$1 == "crawl-a" {print $2}' "$d/web")" "$(awk '$1 == "crawl-b" {print $2}' "$d/web")"
}

echo "== a line a second (when the servers answer that fast): crawl state, pages fetched, pages/s over the last" \
  "10 s; the frontier; hosts leased by each server, hosts waiting out their per-host delay (and the longest wait)," \
  "hosts due but not yet claimed; requests each server sent, from the web's access log"
killed=0
state=RUNNING
fetched=0
deadline=$((crawl_started + 4 * (PAGES + 2) * D_MS / 1000 + 2 * LEASE_MS / 1000 + 600))
while :; do
  tick=$(date +%s%3N)
  line
  case $state in FINISHED|STOPPED) break ;; esac
  if [ "$killed" = 0 ] && [ "$fetched" -ge $((TOTAL * KILL_PCT / 100)) ]; then
    b_seen=$(control "/servers?servers=crawl-b" | awk '$1 == "crawl-b" {print $2}')
    if [ "${b_seen:-0}" -gt 0 ] || [ "$fetched" -ge $((TOTAL * KILL_PCT / 50)) ]; then
      pid=$(pid_of crawl-a)
      kill -9 "$pid"
      control "/kill?server=crawl-a" >/dev/null
      killed=1
      echo "==== kill -9 crawl-a (pid $pid) at $fetched pages fetched; crawl-b had sent ${b_seen:-0} requests." \
        "crawl-a's hosts wait for their leases (${LEASE_MS} ms) to expire, then crawl-b takes them over"
      if [ "$RESTART" = 1 ]; then
        server start crawl-a > "$WORK/restart.log" 2>&1 &
        restart_pid=$!
        echo "==== starting crawl-a again (it rejoins the crawl if it is still running when it is up)"
      fi
    fi
  fi
  if [ "$(date +%s)" -gt "$deadline" ]; then
    echo "==== the crawl did not finish in time: stopping it" >&2
    admin -X POST "https://127.0.0.1:$(https_port crawl-b)/api/crawls/$id/stop" >/dev/null || true
    break
  fi
  rest=$((1000 - $(date +%s%3N) + tick))
  [ "$rest" -gt 0 ] && sleep "$((rest / 1000)).$(printf '%03d' $((rest % 1000)))"
done

echo "== crawl $id: $(status "" | jq -c '{state, fetched, frontier, duplicates, errors, startedAt, endedAt}')"
if [ "$RESTART" = 1 ] && [ "$killed" = 1 ]; then
  wait "$restart_pid" 2>/dev/null || true
  restart_pid=""
  until ready crawl-a; do
    kill -0 "$(pid_of crawl-a)" 2>/dev/null || { echo "== crawl-a did not come back (see KEEP=1)"; break; }
    [ $(($(date +%s) - deadline)) -gt 0 ] && { echo "== crawl-a not ready in time"; break; }
    sleep 2
  done
  ready crawl-a && echo "== restarted crawl-a (pid $(pid_of crawl-a)) says: $(curl -fsS \
    "http://127.0.0.1:$(http_port crawl-a)/api/crawls/$id" | jq -c '{state, fetched}')"
fi
verdict=$(control "/verdict?servers=crawl-a,crawl-b&delayMs=$D_MS&leaseMs=$LEASE_MS&inFlightBound=$((2 * FETCH_CONCURRENCY))")
echo "$verdict"
grep -q '^verdict: PASS$' <<<"$verdict"
