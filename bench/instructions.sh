#!/usr/bin/env bash
# bench/instructions.sh - a build's instructions per item: a figure that does not move with the
# machine's load, for changes that claim to make a build cheaper (docs/performance.md, "The
# 1.5 x target set aside").
#
#   bash bench/instructions.sh [BINARY...]     # default: target/release/afterword (built first)
#
# Works in ${INSTR_DIR:-/tmp/afterword-instructions}, which it deletes and makes again.
# Generates a 1,000-item corpus (examples/gen-corpus.rs, deterministic; social cards off) and
# builds it with each BINARY on one thread under callgrind (`--no-cache`, a fixed `--now`, into
# a new folder), then prints each binary's instruction count and instructions per item. One
# thread, because rayon's work stealing changes the count from run to run; on one thread it
# still moves by under 0.1% (hash tables with random seeds), and not with the machine's load.
# Needs valgrind (apt-get install valgrind); ~30-60 s per binary.
#
# BUDGET (default 2.84, millions per item: 2,829-2,831 M instructions for 1,000 items at the
# end of issue 22, and 0.3% of room) is printed beside each figure; a binary over it prints
# "over" and the script exits non-zero, so a change that makes builds dearer is seen before it
# lands. Lower it when a change makes builds cheaper.
set -euo pipefail
# Binaries as the caller named them, before the working folder changes.
BINS=()
for b in "$@"; do BINS+=("$(realpath "$b")"); done
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)"; exit 1; }
BUDGET=${BUDGET:-2.84}
DIR=${INSTR_DIR:-/tmp/afterword-instructions}
NOW=2026-11-21T12:00:00Z
ITEMS=1000
if [ ${#BINS[@]} -eq 0 ]; then
  cargo build --release --quiet --bin afterword --example gen-corpus
  BINS=("$PWD/target/release/afterword")
else
  cargo build --release --quiet --example gen-corpus
fi
rm -rf "$DIR" && mkdir -p "$DIR"
./target/release/examples/gen-corpus --incidents "$ITEMS" --out "$DIR/site" >/dev/null 2>"$DIR/gen.log" \
  || { cat "$DIR/gen.log"; exit 1; }
printf '\n[social]\ncards = false\n' >> "$DIR/site/site.toml"
over=0
k=0
for bin in "${BINS[@]}"; do
  k=$((k + 1))
  out=$DIR/callgrind.$k
  RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$bin" build --root "$DIR/site" --no-cache --now "$NOW" --output "$DIR/out-$k" \
    >/dev/null 2>"$DIR/valgrind.$k.log" || { cat "$DIR/valgrind.$k.log"; exit 1; }
  total=$(awk '/^summary:/ { print $2 }' "$out")
  [ -n "$total" ] || { echo "$bin: no instruction count in $out"; exit 1; }
  awk -v t="$total" -v n="$ITEMS" -v b="$BUDGET" -v bin="$bin" 'BEGIN {
    per = t / n / 1e6
    over = (per > b)
    printf "%-50s %14.0f instructions  %.3f M per item  (budget %.2f)%s\n", bin, t, per, b,
      (over ? "  over" : "")
    exit over
  }' || over=1
done
exit "$over"
