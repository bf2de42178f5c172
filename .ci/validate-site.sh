#!/usr/bin/env bash
# .ci/validate-site.sh DIR - validate a built afterword site (CI step 5; also for local use).
#
#   1. installs what is missing (idempotent, cached):
#        - Java (the Nu Html Checker needs Java 11+): only if `java` is not on PATH,
#          `apt-get install -y --no-install-recommends default-jre-headless` (Debian 12: OpenJDK 17),
#          through sudo when not root
#        - the Nu Html Checker: npm package vnu-jar@$VNU_VERSION into
#          ${CI_CACHE:-~/.cache/afterword-ci}/vnu-jar-$VNU_VERSION, with --ignore-scripts because its
#          postinstall would download a JDK (we use Debian's)
#   2. HTML: `java -jar vnu.jar --errors-only --skip-non-html DIR`; any error fails
#   3. XML: DIR/sitemap.xml must exist, be well-formed and be a sitemaps.org <urlset>/<sitemapindex>
#      whose entries each have a <loc>; every other *.xml under DIR must be well-formed (python3's
#      xml.etree, nothing to install)
#   4. feeds: every feed.xml / rss.xml passes .ci/feedcheck.py (feedparser from pip, cached)
#   5. every .json parses, the eight /api/v2 files exist, maintenance.ics is CRLF, folded and
#      balanced
#
# Install times measured on the 2-core Debian 12 machine (2026-11):
#   vnu-jar npm install (32 MB jar), empty npm cache ...... ~1.5 s  (0.9 s with a warm ~/.npm)
#   Java, only when missing: apt-get update ............... ~1.6 s
#                            apt-get install default-jre-headless (from a bare Debian minbase:
#                            35 packages, 58 MB download, 229 MB on disk) ... ~9 s
#   cached run: no network, install checks take < 1 s
# vnu itself takes ~2-3 s for a handful of pages (JVM start-up included).
#
# Usage:  .ci/validate-site.sh public          (after `cargo run --release -- build`)
#         .ci/validate-site.sh --install-only  (just install/check the tools)
# Env:    CI_CACHE     cache root (default ~/.cache/afterword-ci)
#         VNU_VERSION  vnu-jar version (default 26.9.27)
# Exit:   0 all checks pass, 1 a check failed, 2 usage or install error.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VNU_VERSION=${VNU_VERSION:-26.9.27}
CI_CACHE=${CI_CACHE:-$HOME/.cache/afterword-ci}

usage() { echo "usage: $0 SITE_DIR | --install-only" >&2; exit 2; }
[ $# -eq 1 ] || usage
INSTALL_ONLY=0
if [ "$1" = --install-only ]; then
  INSTALL_ONLY=1
else
  [ -d "$1" ] || { echo "error: '$1' is not a directory (build the site first)" >&2; exit 2; }
  SITE=$(cd "$1" && pwd)
fi

header() { printf '\n--- %s\n' "$*"; }
die() { echo "error: $*" >&2; exit 2; }

# --- Java --------------------------------------------------------------------
java_major() { # prints the major version of `java`, e.g. 17 (1.8 -> 8)
  java -version 2>&1 | sed -nE '1s/.*version "([0-9]+)(\.([0-9]+))?.*/\1 \3/p' \
    | awk '{ print ($1 == 1) ? $2 : $1 }'
}

ensure_java() {
  header "Java"
  if command -v java >/dev/null 2>&1; then
    echo "present: $(command -v java) ($(java -version 2>&1 | head -n 1))"
  else
    command -v apt-get >/dev/null 2>&1 || die "java is missing and apt-get is not available: install Java 11+"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || die "java is missing; installing it needs root or sudo"
      sudo=(sudo)
      [ -t 0 ] || sudo+=(-n) # no terminal (CI): fail rather than wait for a password
    fi
    echo "java not found: installing default-jre-headless from Debian"
    local t0=$SECONDS
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends default-jre-headless
    hash -r
    command -v java >/dev/null 2>&1 || die "default-jre-headless installed but java is still not on PATH"
    echo "installed java in $((SECONDS - t0))s: $(java -version 2>&1 | head -n 1)"
  fi
  local major
  major=$(java_major)
  if [ -z "$major" ] || [ "$major" -lt 11 ]; then
    die "the Nu Html Checker needs Java 11 or newer; \`java\` is version '${major:-unknown}'"
  fi
}

# --- Nu Html Checker (npm: vnu-jar) --------------------------------------------
VNU_DIR=$CI_CACHE/vnu-jar-$VNU_VERSION
VNU_JAR=$VNU_DIR/node_modules/vnu-jar/build/dist/vnu.jar

vnu_ok() { [ -f "$VNU_JAR" ] && java -jar "$VNU_JAR" --version >/dev/null 2>&1; }

ensure_vnu() {
  header "Nu Html Checker (vnu-jar@$VNU_VERSION)"
  if vnu_ok; then
    echo "present: $VNU_JAR ($(java -jar "$VNU_JAR" --version))"
    return
  fi
  command -v npm >/dev/null 2>&1 || die "npm is needed to install vnu-jar"
  echo "installing into $VNU_DIR"
  local t0=$SECONDS tmp
  mkdir -p "$CI_CACHE"
  tmp=$(mktemp -d "$CI_CACHE/.vnu-install.XXXXXX")
  # --ignore-scripts: the postinstall (vnu-java-downloader.js) would download a JDK.
  if ! npm install --prefix "$tmp" --no-audit --no-fund --ignore-scripts "vnu-jar@$VNU_VERSION"; then
    rm -rf "$tmp"; die "npm install vnu-jar@$VNU_VERSION failed"
  fi
  # Move into place only once complete, so an interrupted install is never taken as cached.
  rm -rf "$VNU_DIR"
  mv "$tmp" "$VNU_DIR"
  vnu_ok || die "vnu.jar does not run: $VNU_JAR"
  echo "installed in $((SECONDS - t0))s: $(java -jar "$VNU_JAR" --version)"
}

ensure_java
ensure_vnu
if [ "$INSTALL_ONLY" = 1 ]; then
  echo; echo "tools ready (cache: $CI_CACHE)"; exit 0
fi

failed=0

# --- HTML ----------------------------------------------------------------------------
n_html=$(find "$SITE" -type f \( -name '*.html' -o -name '*.htm' \) | wc -l)
header "HTML: vnu --errors-only on $n_html .html files in $SITE"
if [ "$n_html" -eq 0 ]; then
  echo "FAIL: no .html files in $SITE"
  failed=1
else
  t0=$SECONDS
  out=$(mktemp); trap 'rm -f "$out"' EXIT
  rc=0
  java -jar "$VNU_JAR" --errors-only --skip-non-html "$SITE/" >"$out" 2>&1 || rc=$?
  sed "s#\"file:$SITE/#\"#" "$out" # paths relative to the site
  n_err=$(grep -cE ': (error|fatal)' "$out" || true)
  if [ "$rc" -ne 0 ] || [ "$n_err" -ne 0 ]; then
    echo "FAIL: $n_err HTML errors in $n_html files (vnu exit $rc, $((SECONDS - t0))s)"
    failed=1
  else
    echo "ok: $n_html files, 0 errors ($((SECONDS - t0))s)"
  fi
fi

# --- XML -----------------------------------------------------------------------------
header "XML: sitemap.xml and every other .xml must be well-formed"
python3 - "$SITE" <<'PY' || failed=1
import os, sys
import xml.etree.ElementTree as ET

site = sys.argv[1]
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
bad = 0
files = sorted(
    os.path.join(d, f) for d, _, fs in os.walk(site) for f in fs if f.endswith(".xml")
)
sitemap = os.path.join(site, "sitemap.xml")
if sitemap not in files:
    print("FAIL: sitemap.xml is missing")
    bad += 1
for path in files:
    rel = os.path.relpath(path, site)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"FAIL: {rel}: not well-formed XML: {e}")
        bad += 1
        continue
    if path != sitemap:
        print(f"ok: {rel}: well-formed")
        continue
    if root.tag not in (NS + "urlset", NS + "sitemapindex"):
        print(f"FAIL: {rel}: root element is {root.tag}, expected {NS}urlset or sitemapindex")
        bad += 1
        continue
    entries = list(root)
    missing = [i + 1 for i, e in enumerate(entries) if not (e.findtext(NS + "loc") or "").strip()]
    if missing:
        print(f"FAIL: {rel}: entries without <loc>: {missing[:10]}")
        bad += 1
    else:
        print(f"ok: {rel}: well-formed {root.tag[len(NS):]} with {len(entries)} entries")
sys.exit(1 if bad else 0)
PY

# --- Feeds ---------------------------------------------------------------------------
# feedcheck.py: feedparser (bozo) plus the RSS 2.0 / Atom 1.0 rules feedparser tolerates
# (RFC 822 / 3339 dates, required elements, unique ids, absolute links). feedparser is
# installed with pip into the cache (~2 s the first time).
PY_DIR=$CI_CACHE/py-feedparser
if ! PYTHONPATH=$PY_DIR python3 -c 'import feedparser' 2>/dev/null; then
  header "feedparser (pip)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$PY_DIR" feedparser \
    || die "pip install feedparser failed"
fi
mapfile -t feeds < <(cd "$SITE" && find . -type f \( -name feed.xml -o -name rss.xml \) | sort)
header "Feeds: .ci/feedcheck.py on ${#feeds[@]} feeds"
if [ "${#feeds[@]}" -lt 2 ]; then
  echo "FAIL: expected at least feed.xml and rss.xml"
  failed=1
elif ! (cd "$SITE" && PYTHONPATH=$PY_DIR python3 "$HERE/feedcheck.py" "${feeds[@]}"); then
  echo "FAIL: feed errors"
  failed=1
fi

# --- JSON and iCalendar -----------------------------------------------------------------
header "JSON: every .json parses; maintenance.ics: CRLF, folded at 75 octets, balanced"
python3 - "$SITE" <<'PY' || failed=1
import json, os, sys

site = sys.argv[1]
bad = n = 0
for d, _, fs in os.walk(site):
    for f in fs:
        if f.endswith(".json"):
            n += 1
            try:
                json.load(open(os.path.join(d, f), encoding="utf-8"))
            except ValueError as e:
                print(f"FAIL: {os.path.relpath(os.path.join(d, f), site)}: {e}")
                bad += 1
for need in ("summary", "status", "components", "incidents", "incidents/unresolved",
             "scheduled-maintenances", "scheduled-maintenances/upcoming",
             "scheduled-maintenances/active"):
    if not os.path.exists(os.path.join(site, "api/v2", need + ".json")):
        print(f"FAIL: api/v2/{need}.json is missing")
        bad += 1
print(f"ok: {n} JSON files parsed" if not bad else f"{bad} JSON problems")
ics = os.path.join(site, "maintenance.ics")
raw = open(ics, "rb").read()
lines = raw.split(b"\r\n")
if b"\n" in raw.replace(b"\r\n", b""):
    print("FAIL: maintenance.ics has a line ending other than CRLF"); bad += 1
long = [i + 1 for i, l in enumerate(lines) if len(l) > 75]
if long:
    print(f"FAIL: maintenance.ics lines longer than 75 octets: {long[:10]}"); bad += 1
unfolded = raw.replace(b"\r\n ", b"").split(b"\r\n")
begins = sum(1 for l in unfolded if l == b"BEGIN:VEVENT")
ends = sum(1 for l in unfolded if l == b"END:VEVENT")
if unfolded[0] != b"BEGIN:VCALENDAR" or begins != ends:
    print("FAIL: maintenance.ics is not a balanced VCALENDAR"); bad += 1
else:
    print(f"ok: maintenance.ics, {begins} events")
sys.exit(1 if bad else 0)
PY

echo
if [ "$failed" -ne 0 ]; then
  echo "validate-site: FAILED ($SITE)"
  exit 1
fi
echo "validate-site: all checks passed ($SITE)"
