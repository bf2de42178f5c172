#!/usr/bin/env bash
# bench/search.sh - what search costs: the same binary builds each corpus with and without
# `[search] enabled`, interleaved, RUNS times (default 5); prints medians, the ratio, the
# index's size and file count, and what a reader's first search downloads (search_bytes.py).
#
#   bash bench/search.sh [BINARY] [SITE...]     (default: target/release/afterword on generated
#                                               1,000- and 10,000-incident corpora)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=$(realpath "${1:-target/release/afterword}"); shift || true
RUNS=${RUNS:-5}
DIR=${AB_DIR:-/tmp/afterword-search-bench}
NOW=2026-11-21T12:00:00Z
sites=("$@")
if [ ${#sites[@]} -eq 0 ]; then
  for n in 1000 10000; do
    s=/tmp/afterword-corpus18-$n
    [ -d "$s" ] || cargo run --release --quiet --example gen-corpus -- --incidents "$n" --out "$s" >/dev/null
    sites+=("$s")
  done
fi
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
rm -rf "$DIR" && mkdir -p "$DIR"
printf '%-28s %9s %9s %7s %9s %9s %7s %s\n' site off_s on_s ratio off_MB on_MB files index
for site in "${sites[@]}"; do
  off=$DIR/$(basename "$site")-off
  mkdir -p "$off" && cp -r "$site/content" "$off/content"
  { cat "$site/site.toml"; printf '\n[search]\nenabled = false\n'; } >"$off/site.toml"
  : >"$DIR/a" && : >"$DIR/b"
  for k in $(seq "$RUNS"); do
    sync
    /usr/bin/time -f '%e %M' "$BIN" build --root "$off" --output "$DIR/out-a" --now "$NOW" 2>&1 >/dev/null | tail -n 1 >>"$DIR/a"
    sync
    /usr/bin/time -f '%e %M' "$BIN" build --root "$site" --output "$DIR/out-b" --now "$NOW" 2>&1 >/dev/null | tail -n 1 >>"$DIR/b"
    [ "$k" = "$RUNS" ] || rm -rf "$DIR/out-a" "$DIR/out-b"
  done
  a=$(cut -d' ' -f1 "$DIR/a" | median); b=$(cut -d' ' -f1 "$DIR/b" | median)
  am=$(cut -d' ' -f2 "$DIR/a" | median); bm=$(cut -d' ' -f2 "$DIR/b" | median)
  files=$(find "$DIR/out-b/search" -type f | wc -l)
  size=$(du -s --apparent-size --block-size=1K "$DIR/out-b/search" | cut -f1)
  awk -v s="$(basename "$site")" -v a="$a" -v b="$b" -v am="$am" -v bm="$bm" -v f="$files" -v z="$size" 'BEGIN {
    printf "%-28s %9.2f %9.2f %7.3f %9.0f %9.0f %7d %6.1f MB\n", s, a, b, b / a, am / 1024, bm / 1024, f, z / 1024 }'
  python3 bench/search_bytes.py "$DIR/out-b" failover latency "primary replica" | sed 's/^/    /'
  rm -rf "$DIR/out-a" "$DIR/out-b" "$off"
done
