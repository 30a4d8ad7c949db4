#!/usr/bin/env bash
# Sends seed URLs to a crawl from outside the server: a separate process (Liberty's application client running the
# seed-producer module) that reaches the server's messaging engine over TLS as the seed producer user and puts the
# URLs on queue crawler.seeds. docs/crawler.md, "Seeds from outside".
#
#   CRAWL_SEED_PASSWORD=… bin/crawl-seed.sh CRAWL_ID URL [URL ...]
#   CRAWL_SEED_PASSWORD=… bin/crawl-seed.sh CRAWL_ID < urls.txt     # one URL per line; blank and # lines skipped
#
# The server must run with PS_MESSAGING_REMOTE=on, PS_MESSAGING_PASSWORD and PS_SEEDS_PASSWORD set. Settings:
#   CRAWL_SEED_SERVER    host:port of its TLS messaging endpoint (PS_MESSAGING_REMOTE_PORT)   [localhost:7286]
#   CRAWL_SEED_USER      the server's PS_SEEDS_USER                                           [crawl-seeder]
#   CRAWL_SEED_PASSWORD  the server's PS_SEEDS_PASSWORD; from the environment only, never an argument (ps shows those)
#   CRAWL_SEED_CERT      the certificate the server presents (PEM or DER), the only one trusted; unset: exported
#                        from the keystore of the local server `mvn -pl ear liberty:run` made
# Exit codes: 0 sent (the server then checks each URL against the crawl and logs what it took), 2 bad input,
# 3 refused (user, password or permission), 4 could not send. Needs `mvn -DskipTests install` first.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WLP=$ROOT/ear/target/liberty/wlp
EAR=$ROOT/seed-producer/target/crawl-seed.ear
LOCAL_SERVER=$WLP/usr/servers/practical

[ -x "$WLP/bin/client" ] && [ -f "$EAR" ] || { echo "crawl-seed: run \`mvn -DskipTests install\` first" >&2; exit 2; }
mkdir -p "$ROOT/target/crawl-seed"
# Each run a user dir of its own (a client holds a lock there), removed when the run succeeds.
RUN=$(mktemp -d "$ROOT/target/crawl-seed/run.XXXXXX")
CONFIG=$RUN/clients/crawl-seed
mkdir -p "$CONFIG/apps"
cp "$ROOT/seed-producer/src/main/liberty/client.xml" "$CONFIG/"
cp "$EAR" "$CONFIG/apps/"

CERT=${CRAWL_SEED_CERT:-}
if [ -z "$CERT" ]; then
  KEYS=$LOCAL_SERVER/resources/security/key.p12
  [ -f "$KEYS" ] || { echo "crawl-seed: set CRAWL_SEED_CERT to the server's certificate (no local server keystore at $KEYS)" >&2; exit 2; }
  CERT=$RUN/server.pem
  KEYS_PASSWORD=$(sed -n 's/^keystore_password=//p' "$LOCAL_SERVER/server.env")
  keytool -exportcert -rfc -alias default -keystore "$KEYS" -storetype PKCS12 -storepass "$KEYS_PASSWORD" \
    -file "$CERT" > /dev/null
fi
TRUST_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
keytool -importcert -noprompt -alias server -file "$CERT" -keystore "$RUN/trust.p12" -storetype PKCS12 \
  -storepass "$TRUST_PASSWORD" > /dev/null

set +e
WLP_USER_DIR=$RUN CRAWL_SEED_TRUSTSTORE=$RUN/trust.p12 CRAWL_SEED_TRUSTSTORE_PASSWORD=$TRUST_PASSWORD \
  "$WLP/bin/client" run crawl-seed -- "$@"
rc=$?
set -e
if [ "$rc" -eq 0 ]; then rm -rf "$RUN"; else echo "crawl-seed: exit $rc; the client's logs are in $CONFIG/logs" >&2; fi
exit "$rc"
