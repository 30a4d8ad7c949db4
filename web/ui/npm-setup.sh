#!/bin/sh
# Run by the web module's Maven build before `npm run build` / `npm test` (web/pom.xml): checks that the machine has
# Node.js and npm — the build never downloads a Node binary — and installs node_modules from package-lock.json with
# `npm ci` when they are missing or older than the lock file. `--prefer-offline` takes packages from npm's cache, so
# once they have been fetched a repeat build needs no network.
set -eu
cd "$(dirname "$0")"

fail() {
  echo "[ERROR] $1" >&2
  echo "[ERROR] The news feed UI (web/ui) is built with the machine's Node.js >= 20.19 and npm." >&2
  echo "[ERROR] Install them (docs/feed.md, \"UI\"), or build without the UI: mvn ... -Dui.skip" >&2
  exit 1
}

command -v node >/dev/null 2>&1 || fail "'node' was not found on PATH."
command -v npm >/dev/null 2>&1 || fail "'npm' was not found on PATH."
node -e 'const [major, minor] = process.versions.node.split(".").map(Number);
         process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)' \
  || fail "Node.js $(node --version) is too old."

if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
   && [ node_modules/.package-lock.json -nt package.json ]; then
  echo "node_modules is up to date with package-lock.json (node $(node --version), npm $(npm --version))"
else
  echo "npm ci (node $(node --version), npm $(npm --version))"
  npm ci --prefer-offline --no-audit --no-fund
fi
