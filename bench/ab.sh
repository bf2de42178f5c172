#!/usr/bin/env bash
# bench/ab.sh - same-run A/B of two binaries: interleaved runs, medians, ratios.
#
#   bash bench/ab.sh OLD_BINARY [NEW_BINARY] [SITE]
#
# Runs on SITE (default: a generated 10,000-item corpus, examples/gen-corpus.rs), RUNS times each
# (default 5), alternating old and new so both see the same machine state:
#   build    `build` into a new folder each time
#   check    `check`
#   rebuild  `build` again into the binary's own output folder, nothing changed
#   edit     `build` into that folder after one incident's body changed (a line appended to
#            the first file in content/, a different line each run; both binaries build after
#            each edit, so each sees one change since its last build)
# and prints the median wall time and peak RSS of each and new/old ratios. NEW_BINARY defaults
# to target/release/afterword (built first). Whatever either binary keeps between builds (the
# build cache in SITE/.afterword/) stays, as it would for a user.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OLD=$(realpath "$1")
if [ $# -ge 2 ]; then NEW=$(realpath "$2"); else
  cargo build --release --quiet --bin afterword --example gen-corpus
  NEW=$PWD/target/release/afterword
fi
RUNS=${RUNS:-5}
DIR=${AB_DIR:-/tmp/afterword-ab}
NOW=2026-11-21T12:00:00Z
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)"; exit 1; }
if [ $# -ge 3 ]; then SITE=$(realpath "$3"); else
  SITE=/tmp/afterword-corpus-10000
  [ -d "$SITE" ] || cargo run --release --quiet --example gen-corpus -- --incidents 10000 --out "$SITE" >/dev/null
fi
rm -rf "$DIR" && mkdir -p "$DIR"
# Each binary builds its own copy of the site: both keep a build cache in the site's
# .afterword/, and a cache written by the other binary would make every rebuild a full build.
if [ -z "${OLD_SITE:-}" ]; then
  OLD_SITE=$DIR/site-old
  mkdir -p "$OLD_SITE" && (cd "$SITE" && tar --exclude=./.afterword -cf - .) | (cd "$OLD_SITE" && tar -xf -)
fi
OLD_SITE=$(realpath "$OLD_SITE")

# one BIN WHAT K: prints "wall rss_kb".
one() {
  local bin=$1 what=$2 k=$3 SITE=$4
  sync
  if [ "$what" = build ]; then
    "$TIME" -f '%e %M' "$bin" build --root "$SITE" --output "$DIR/out-$k-$RANDOM" --now "$NOW" 2>&1 >/dev/null | tail -n 1
  elif [ "$what" = rebuild ] || [ "$what" = edit ]; then
    "$TIME" -f '%e %M' "$bin" build --root "$SITE" --output "$DIR/public-${k:0:1}" --now "$NOW" 2>&1 >/dev/null | tail -n 1
  else
    "$TIME" -f '%e %M' "$bin" check --root "$SITE" --now "$NOW" 2>&1 >/dev/null | tail -n 1
  fi
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf 'old binary on: %s\n' "$OLD_SITE"
printf 'site: %s (%s files)\nruns: %s each, interleaved\n\n' "$SITE" "$(find "$SITE/content" -type f | wc -l)" "$RUNS"
printf '%-6s %10s %10s %8s %12s %12s %8s\n' what old_s new_s ratio old_rss_MB new_rss_MB ratio
EDITED=$(cd "$SITE" && find content -name '*.md' | sort | awk 'NR == 1')
edit() {
  local line
  line=$(printf '\nEdited at %s.\n' "$(date +%s%N)")
  printf '%s\n' "$line" >>"$SITE/$EDITED"
  [ ! -e "$OLD_SITE/$EDITED" ] || [ "$OLD_SITE" = "$SITE" ] || printf '%s\n' "$line" >>"$OLD_SITE/$EDITED"
}
for what in build check rebuild edit; do
  : >"$DIR/old" && : >"$DIR/new"
  if [ "$what" = rebuild ]; then
    # Each binary's own output folder, built once before the runs.
    one "$OLD" build o0 "$OLD_SITE" >/dev/null
    one "$NEW" build n0 "$SITE" >/dev/null
    one "$OLD" rebuild o0 "$OLD_SITE" >/dev/null
    one "$NEW" rebuild n0 "$SITE" >/dev/null
  fi
  for k in $(seq "$RUNS"); do
    if [ "$what" = edit ]; then edit; fi
    one "$OLD" "$what" "o$k" "$OLD_SITE" >>"$DIR/old"
    one "$NEW" "$what" "n$k" "$SITE" >>"$DIR/new"
    rm -rf "$DIR"/out-*
  done
  ow=$(cut -d' ' -f1 "$DIR/old" | median); nw=$(cut -d' ' -f1 "$DIR/new" | median)
  om=$(cut -d' ' -f2 "$DIR/old" | median); nm=$(cut -d' ' -f2 "$DIR/new" | median)
  awk -v w="$what" -v ow="$ow" -v nw="$nw" -v om="$om" -v nm="$nm" 'BEGIN {
    printf "%-6s %10.2f %10.2f %8.3f %12.0f %12.0f %8.3f\n", w, ow, nw, nw / ow, om / 1024, nm / 1024, nm / om }'
done
