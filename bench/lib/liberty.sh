# Sourced by the benchmark scripts: one Liberty server of the built EAR, in a directory of its own, on chosen ports.
#   liberty_start WORK NAME PORT [ENV=VALUE...]   # HTTP on PORT, HTTPS on PORT + 263; waits for /health/ready
#                                                 # (BENCH_START_TIMEOUT seconds, 300 by default)
#   liberty_stop WORK NAME
# It copies ear/target/liberty's server (mvn -B -o -pl ear,bench -am verify -DskipTests builds it), gives it its own
# embedded document store and redis-server (ports of their own, so nothing is shared), and an admin user
# with a password made up for this run (BENCH_ADMIN, "user:password").
BENCH_WLP=${BENCH_WLP:-$(pwd)/ear/target/liberty/wlp}
BENCH_ADMIN=${BENCH_ADMIN:-"bench:$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"}

liberty_start() {
  local work=$1 name=$2 port=$3 template=$BENCH_WLP/usr/servers/practical item
  shift 3
  [ -d "$template/apps" ] || { echo "no server template at $template: mvn -B -o -pl ear,bench -am verify -DskipTests" >&2; return 1; }
  mkdir -p "$work/usr/servers/$name" "$work/usr/shared/resources"
  for item in "$template"/*.xml "$template"/jvm.options "$template"/server.env "$template"/apps "$template"/resources; do
    [ -e "$item" ] && cp -r "$item" "$work/usr/servers/$name/"
  done
  # all of it: jdbc, and login-throttle (the trust association interceptor's jars: without them Liberty's own
  # applications, /metrics among them, refuse every sign-in with 403 AuthenticationFailed)
  cp -r "$BENCH_WLP/usr/shared/resources/." "$work/usr/shared/resources/"
  { echo
    echo "HTTP_PORT=$port"
    echo "HTTPS_PORT=$((port + 263))"
    echo "ADMIN_USER=${BENCH_ADMIN%%:*}"
    echo "ADMIN_PASSWORD=${BENCH_ADMIN#*:}"
    echo "PS_EMBEDDED_MONGODB_PORT=$((port + 17837))"
    echo "PS_EMBEDDED_REDIS_PORT=$((port + 7199))"
    for item in "$@"; do echo "$item"; done
  } >> "$work/usr/servers/$name/server.env"
  # BENCH_SERVER_CPUS (e.g. "1-3"): the server's JVM pinned to those cores (taskset), away from the load generator
  WLP_USER_DIR=$work/usr WLP_OUTPUT_DIR=$work/output ${BENCH_SERVER_CPUS:+taskset -c "$BENCH_SERVER_CPUS"} \
    "$BENCH_WLP/bin/server" start "$name" >/dev/null
  local waited=0
  until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    sleep 2; waited=$((waited + 2))
    [ $waited -lt "${BENCH_START_TIMEOUT:-300}" ] || { echo "server $name not ready after $waited s" >&2; return 1; }
  done
}

liberty_stop() {
  WLP_USER_DIR=$1/usr WLP_OUTPUT_DIR=$1/output "$BENCH_WLP/bin/server" stop "$2" >/dev/null 2>&1 || true
}
