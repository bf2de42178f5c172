#!/usr/bin/env bash
# tests/browser/run.sh - the browser tests: build tests/fixtures/search under the sub-path
# /status/ and tests/fixtures/badges under /badges/, serve them on loopback, and drive headless
# Chromium through them (search.js, badges.js).
#
#   bash tests/browser/run.sh [AFTERWORD_BINARY]     (default: target/release/afterword)
#
# Needs node/npm, python3 and Chromium (Debian `chromium`, or CHROMIUM=/path). playwright-core
# (which never downloads a browser) is installed once into ${CI_CACHE:-~/.cache/afterword-ci}.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BIN=$(realpath "${1:-target/release/afterword}")
CI_CACHE=${CI_CACHE:-$HOME/.cache/afterword-ci}
PLAYWRIGHT_VERSION=1.65.1
PW_DIR=$CI_CACHE/playwright-core-$PLAYWRIGHT_VERSION
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ] && command -v apt-get >/dev/null 2>&1; then
  # Debian's Chromium (about 100 MB with its libraries), as root or through sudo.
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "installing Chromium (apt-get install chromium)"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
[ -x "$CHROMIUM" ] || { echo "Chromium not found at $CHROMIUM (apt-get install chromium, or set CHROMIUM)"; exit 1; }
if [ ! -f "$PW_DIR/node_modules/playwright-core/package.json" ]; then
  mkdir -p "$CI_CACHE"
  tmp=$(mktemp -d "$CI_CACHE/.pw-install.XXXXXX")
  npm install --prefix "$tmp" --no-audit --no-fund --ignore-scripts "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
  rm -rf "$PW_DIR" && mv "$tmp" "$PW_DIR"
fi
export NODE_PATH=$PW_DIR/node_modules

work=$(mktemp -d)
server=
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$BIN" build --root tests/fixtures/search --output "$work/root/status" --now 2025-11-29T12:00:00Z 2>/dev/null
# The same site with an incident in Japanese (tests/fixtures/search-cjk), under /cjk/.
cp -r tests/fixtures/search "$work/cjk-site"
cp tests/fixtures/search-cjk/2025-07-01-tokyo.md "$work/cjk-site/content/"
"$BIN" build --root "$work/cjk-site" --output "$work/root/cjk" --base-url https://status.example.com/cjk/ --now 2025-11-29T12:00:00Z 2>/dev/null
"$BIN" build --root tests/fixtures/badges --output "$work/root/badges" --now 2025-11-29T12:00:00Z 2>/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/root" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/status/')" 2>/dev/null && break
  sleep 0.1
done
BASE="http://127.0.0.1:$port/status/" CJK="http://127.0.0.1:$port/cjk/" node tests/browser/search.js
BADGES="http://127.0.0.1:$port/badges/" node tests/browser/badges.js
