#!/usr/bin/env bash
# scripts/action.sh - what the GitHub Action (action.yml) does, as a script the tests run here
# (tests/action.rs) and anyone can run in another CI:
#
#   1. install afterword: the release archive for this OS and architecture
#      (afterword-<target>.tar.xz, or .zip on Windows) from $AFTERWORD_INSTALL_URL (default: the
#      GitHub releases of $AFTERWORD_REPOSITORY), its SHA-256 checked against the `.sha256` file
#      published beside it; if there is no archive for this runner, `cargo install --locked`
#      into a cached folder;
#   2. `afterword check --format github` (annotations), unless AFTERWORD_CHECK=false;
#   3. `afterword build`, and `output-path` / `version` written to $GITHUB_OUTPUT.
#
# Inputs (environment): AFTERWORD_VERSION (latest), AFTERWORD_ROOT (.), AFTERWORD_OUTPUT
# (public), AFTERWORD_BASE_URL, AFTERWORD_CHECK (true), AFTERWORD_DENY_WARNINGS (false),
# AFTERWORD_INSTALL_URL, AFTERWORD_REPOSITORY (OWNER/afterword), AFTERWORD_HOME (where the
# binary goes: ~/.cache/afterword-action).
set -euo pipefail

VERSION=${AFTERWORD_VERSION:-latest}
ROOT=${AFTERWORD_ROOT:-.}
OUTPUT=${AFTERWORD_OUTPUT:-public}
BASE_URL=${AFTERWORD_BASE_URL:-}
CHECK=${AFTERWORD_CHECK:-true}
DENY=${AFTERWORD_DENY_WARNINGS:-false}
REPO=${AFTERWORD_REPOSITORY:-OWNER/afterword}
HOME_DIR=${AFTERWORD_HOME:-$HOME/.cache/afterword-action}
BIN_DIR="$HOME_DIR/bin"
mkdir -p "$BIN_DIR"

fail() { echo "::error title=afterword action::$*" >&2; exit 1; }

# The Rust target triple of this runner, as the release archives are named.
target() {
  local os arch
  os=$(uname -s)
  arch=$(uname -m)
  case "$arch" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) echo ""; return ;;
  esac
  case "$os" in
    Linux) echo "$arch-unknown-linux-gnu" ;;
    Darwin) echo "$arch-apple-darwin" ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT) [ "$arch" = x86_64 ] && echo "x86_64-pc-windows-msvc" || echo "" ;;
    *) echo "" ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

# install_prebuilt TARGET: download, verify, unpack into $BIN_DIR. Returns 1 when no archive
# exists for the target (so the caller builds from source); a checksum mismatch is fatal.
install_prebuilt() {
  local t=$1 ext=tar.xz base url tmp
  case "$t" in *windows*) ext=zip ;; esac
  if [ -n "${AFTERWORD_INSTALL_URL:-}" ]; then
    base=${AFTERWORD_INSTALL_URL%/}
  elif [ "$VERSION" = latest ]; then
    base="https://github.com/$REPO/releases/latest/download"
  else
    base="https://github.com/$REPO/releases/download/v${VERSION#v}"
  fi
  url="$base/afterword-$t.$ext"
  tmp=$(mktemp -d)
  echo "afterword: downloading $url"
  if ! curl --fail --silent --show-error --location --retry 3 -o "$tmp/archive" "$url"; then
    echo "afterword: no prebuilt archive for $t at $url"
    rm -rf "$tmp"
    return 1
  fi
  curl --fail --silent --show-error --location --retry 3 -o "$tmp/archive.sha256" "$url.sha256" \
    || fail "no checksum file at $url.sha256: refusing an unverified binary"
  local want got
  want=$(cut -d' ' -f1 < "$tmp/archive.sha256" | tr -d '\r\n')
  got=$(sha256 "$tmp/archive")
  [ "$want" = "$got" ] || fail "SHA-256 mismatch for $url: expected $want, got $got"
  echo "afterword: SHA-256 verified ($got)"
  mkdir -p "$tmp/x"
  if [ "$ext" = zip ]; then unzip -q "$tmp/archive" -d "$tmp/x"; else tar -xJf "$tmp/archive" -C "$tmp/x"; fi
  local found
  found=$(find "$tmp/x" -type f \( -name afterword -o -name afterword.exe \) | head -n 1)
  [ -n "$found" ] || fail "the archive $url holds no afterword binary"
  install -m 0755 "$found" "$BIN_DIR/$(basename "$found")"
  rm -rf "$tmp"
}

install_source() {
  command -v cargo >/dev/null || fail "no prebuilt afterword for this runner and no cargo to build one (install Rust with rustup)"
  local args=(install --locked --root "$HOME_DIR" afterword)
  [ "$VERSION" = latest ] || args+=(--version "${VERSION#v}")
  echo "afterword: building from source: cargo ${args[*]}"
  cargo "${args[@]}"
}

T=$(target)
if [ -x "$BIN_DIR/afterword" ] && [ "${AFTERWORD_REINSTALL:-false}" != true ]; then
  echo "afterword: using the cached $BIN_DIR/afterword"
elif [ -z "$T" ] || ! install_prebuilt "$T"; then
  install_source
fi
export PATH="$BIN_DIR:$PATH"
[ -n "${GITHUB_PATH:-}" ] && echo "$BIN_DIR" >> "$GITHUB_PATH"
AW_VERSION=$(afterword --version | awk '{print $2}')
echo "afterword: $(afterword --version)"

if [ "$CHECK" = true ]; then
  args=(check --root "$ROOT" --format github)
  [ "$DENY" = true ] && args+=(--deny-warnings)
  afterword "${args[@]}"
fi

args=(build --root "$ROOT" --output "$OUTPUT")
[ -n "$BASE_URL" ] && args+=(--base-url "$BASE_URL")
afterword "${args[@]}"

OUT_ABS=$(cd "$OUTPUT" && pwd)
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "output-path=$OUT_ABS" >> "$GITHUB_OUTPUT"
  echo "version=$AW_VERSION" >> "$GITHUB_OUTPUT"
fi
echo "afterword: built $OUT_ABS"
