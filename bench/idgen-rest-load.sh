#!/usr/bin/env bash
# HTTP load test of the ID generator REST API with wrk, against an already running server.
#
#   1. warm-up: GET /api/ping, GET /api/ids/next and GET /api/ids/batch (the JIT needs it: first rounds run slow)
#   2. ROUNDS rounds alternating GET /api/ping (no-op JAX-RS baseline) and GET /api/ids/next, so both see the same
#      machine conditions; reports req/s, p50/p99 latency and next/ping (target >= 90%)
#   3. GET /api/ids/batch?count=BATCH_COUNT, converted to IDs/s (target >= 1,000,000 IDs/s)
#   4. a compact summary table
#
# If the server runs on this machine its CPU time per request is reported too (from /proc/<pid>/stat): on a shared or
# small machine that is steadier than req/s, which swings with whatever else is running.
#
# Start the server with the per-client ID limit raised (default 1000 then 500/s), or the rate limiter (correctly)
# answers 429 to the single load client:
#   PS_RATELIMIT_IDS_CAPACITY=1000000000 PS_RATELIMIT_IDS_REFILL_PER_SECOND=1000000000 mvn -pl ear liberty:start
# The script refuses to run when /api/ids/next announces a lower RateLimit-Limit.
#
# Usage: bench/idgen-rest-load.sh [base-url]        (default http://127.0.0.1:9080, or $BASE_URL)
# Env:   CONNECTIONS=64 THREADS=2 DURATION=10s ROUNDS=3 WARMUP=20s BATCH_COUNT=10000
#        BATCH_CONNECTIONS=8  each batch response is ~210 KB; more connections only add queueing (same IDs/s)
#        SERVER_PID=<pid>     the server JVM, for CPU/request; found automatically for a local port when possible
# Needs wrk: apt-get install -y wrk
set -euo pipefail

base="${1:-${BASE_URL:-http://127.0.0.1:9080}}"
base="${base%/}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
duration="${DURATION:-10s}"
rounds="${ROUNDS:-3}"
warmup="${WARMUP:-20s}"
batch_count="${BATCH_COUNT:-10000}"
batch_connections="${BATCH_CONNECTIONS:-8}"
next_target_pct=90
batch_target=1000000

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed. Install it with:  apt-get install -y wrk   (Debian/Ubuntu, as root)" >&2
  exit 2
fi
if ! command -v curl >/dev/null 2>&1; then
  echo "curl is needed for the pre-flight check: apt-get install -y curl" >&2
  exit 2
fi

for path in /api/ping /api/ids/next "/api/ids/batch?count=1"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$base$path" || true)"
  if [ "$code" != 200 ]; then
    echo "GET $base$path answered '${code:-nothing}', expected 200: is the server running? (see docs/idgen.md)" >&2
    exit 1
  fi
done
limit="$(curl -s -D - -o /dev/null -m 10 "$base/api/ids/next" | tr -d '\r' | awk -F': ' 'tolower($1)=="ratelimit-limit" {print $2}')"
if [ -n "$limit" ] && [ "$limit" -lt 1000000 ]; then
  echo "the server limits /api/ids to $limit requests per client: start it with PS_RATELIMIT_IDS_CAPACITY and" \
    "PS_RATELIMIT_IDS_REFILL_PER_SECOND raised (see the top of this script)" >&2
  exit 1
fi

export LC_ALL=C
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The server's PID, for CPU/request: $SERVER_PID, else whoever listens on the URL's port if the host is local.
server_pid="${SERVER_PID:-}"
if [ -z "$server_pid" ] && command -v ss >/dev/null 2>&1; then
  hostport="${base#*://}"
  hostport="${hostport%%/*}"
  case "$hostport" in
    127.0.0.1:* | localhost:* | \[::1\]:*)
      port="${hostport##*:}"
      server_pid="$(ss -Hltnp "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1 || true)"
      ;;
  esac
fi
if [ -n "$server_pid" ] && [ ! -r "/proc/$server_pid/stat" ]; then
  server_pid=""
fi
clk_tck="$(getconf CLK_TCK 2>/dev/null || echo 100)"

# utime + stime of the server process in clock ticks (fields 14 and 15; the command name in field 2 may hold spaces).
cpu_ticks() {
  if [ -n "$server_pid" ]; then
    sed 's/^.*) //' "/proc/$server_pid/stat" | awk '{print $12 + $13}'
  else
    echo 0
  fi
}

# shellcheck source=bench/lib/wrk.sh
. "$(dirname "$0")/lib/wrk.sh" # to_ms

# run_wrk NAME CONNECTIONS DURATION PATH
#   -> prints "req/s p50_ms p99_ms non2xx socket_errors server_cpu_us_per_request(-1 if unknown)"
run_wrk() {
  local name="$1" conns="$2" dur="$3" path="$4" out rps p50 p99 non2xx errors requests t0 t1 cpu
  out="$tmp/$name"
  t0="$(cpu_ticks)"
  wrk -t "$threads" -c "$conns" -d "$dur" --latency "$base$path" >"$out" 2>&1
  t1="$(cpu_ticks)"
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")"
  errors="$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$out")"
  requests="$(awk '/requests in/ {print $1}' "$out")"
  if [ -n "$server_pid" ] && [ "${requests:-0}" -gt 0 ]; then
    cpu="$(awk -v d="$((t1 - t0))" -v hz="$clk_tck" -v n="$requests" 'BEGIN { printf "%.1f", d * 1e6 / hz / n }')"
  else
    cpu=-1
  fi
  echo "${rps:-0} $p50 $p99 ${non2xx:-0} ${errors:-0} $cpu"
}

cpu_note="server CPU/request: ${server_pid:+pid $server_pid}"
[ -n "$server_pid" ] || cpu_note="server CPU/request: n/a (server not local or PID unknown; set SERVER_PID)"
echo ">> $base  wrk -t $threads -c $connections -d $duration --latency"
echo ">> $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $cpu_note"
echo ">> warm-up $warmup each: /api/ping, /api/ids/next, /api/ids/batch?count=$batch_count"
run_wrk warm-ping "$connections" "$warmup" /api/ping >/dev/null
run_wrk warm-next "$connections" "$warmup" /api/ids/next >/dev/null
run_wrk warm-batch "$batch_connections" "$warmup" "/api/ids/batch?count=$batch_count" >/dev/null

: >"$tmp/rounds"
ping_rps=0
for round in $(seq 1 "$rounds"); do
  for kind in ping next; do
    if [ "$kind" = ping ]; then path=/api/ping; else path=/api/ids/next; fi
    res="$(run_wrk "$kind-$round" "$connections" "$duration" "$path")"
    read -r rps p50 p99 non2xx errors cpu <<<"$res"
    printf "round %d  %-4s %10.0f req/s  p50 %7.3f ms  p99 %7.3f ms  cpu %6s us/req  non-2xx %s  sock.err %s" \
      "$round" "$kind" "$rps" "$p50" "$p99" "$cpu" "$non2xx" "$errors"
    if [ "$kind" = ping ]; then
      ping_rps="$rps"
      echo
    else
      awk -v n="$rps" -v p="$ping_rps" 'BEGIN { printf "  next/ping %.1f%%\n", 100 * n / p }'
    fi
    echo "$kind $rps $p50 $p99 $non2xx $errors $cpu" >>"$tmp/rounds"
  done
done

res="$(run_wrk batch "$batch_connections" "$duration" "/api/ids/batch?count=$batch_count")"
read -r b_rps b_p50 b_p99 b_non2xx b_errors b_cpu <<<"$res"
printf "batch    %10.0f req/s  p50 %7.3f ms  p99 %7.3f ms  cpu %6s us/req  non-2xx %s  sock.err %s  (-c %s, count=%s)\n" \
  "$b_rps" "$b_p50" "$b_p99" "$b_cpu" "$b_non2xx" "$b_errors" "$batch_connections" "$batch_count"

echo
echo "== Summary: $rounds rounds x $duration, wrk -t $threads -c $connections; req/s and CPU = mean of rounds, latency = worst round =="
awk -v target="$next_target_pct" -v b_rps="$b_rps" -v b_p50="$b_p50" -v b_p99="$b_p99" -v count="$batch_count" \
  -v b_target="$batch_target" -v b_conns="$batch_connections" -v b_bad="$((b_non2xx + b_errors))" -v b_cpu="$b_cpu" '
  function us(v) { return v < 0 ? "n/a" : sprintf("%.1f", v) }
  {
    n[$1]++; rps[$1] += $2; cpu[$1] += $7; if ($3 > p50[$1]) p50[$1] = $3; if ($4 > p99[$1]) p99[$1] = $4
    bad[$1] += $5 + $6
    if ($1 == "ping") last_ping = $2; else rounds = rounds sprintf("%s%.1f%%", (rounds == "" ? "" : ", "), 100 * $2 / last_ping)
  }
  END {
    ping = rps["ping"] / n["ping"]; next_ = rps["next"] / n["next"]; ratio = 100 * next_ / ping
    ping_cpu = cpu["ping"] / n["ping"]; next_cpu = cpu["next"] / n["next"]
    ids = b_rps * count
    printf "%-31s %11s %9s %9s %10s %6s  %s\n", "endpoint", "req/s", "p50 ms", "p99 ms", "CPU us/req", "errors", "result"
    printf "%-31s %11.0f %9.3f %9.3f %10s %6d  %s\n", "GET /api/ping", ping, p50["ping"], p99["ping"], us(ping_cpu),
      bad["ping"], "baseline"
    printf "%-31s %11.0f %9.3f %9.3f %10s %6d  next/ping %.1f%% (target >= %d%%: %s)\n", "GET /api/ids/next", next_,
      p50["next"], p99["next"], us(next_cpu), bad["next"], ratio, target, (ratio >= target ? "MET" : "MISSED")
    printf "%-31s %11.1f %9.3f %9.3f %10s %6d  %.0f IDs/s (target >= %d: %s, %.0f%%)\n",
      "GET /api/ids/batch?count=" count, b_rps, b_p50, b_p99, us(b_cpu), b_bad, ids, b_target,
      (ids >= b_target ? "MET" : "MISSED"), 100 * ids / b_target
    printf "next/ping per round: %s", rounds
    if (ping_cpu > 0 && next_cpu > 0) printf "; CPU ping/next: %.1f%%", 100 * ping_cpu / next_cpu
    printf "; batch at -c %d\n", b_conns
  }' "$tmp/rounds"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
