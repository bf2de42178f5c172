#!/usr/bin/env bash
# bench/identical.sh - proof that a refactor changed no output byte.
#
#   bash bench/identical.sh OLD_BINARY [NEW_BINARY]
#
# Builds, with both binaries and the same --now, the example site (with and without drafts,
# and under a sub-path base URL), every fixture site that builds, and a generated
# 10,000-item corpus (examples/gen-corpus.rs, deterministic), then `diff -r`s each pair.
# Prints one line per site and exits non-zero on the first difference.
# NEW_BINARY defaults to target/release/afterword (built first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OLD=$(realpath "$1")
if [ $# -ge 2 ]; then NEW=$(realpath "$2"); else
  cargo build --release --quiet --bin afterword --example gen-corpus
  NEW=$PWD/target/release/afterword
fi
DIR=${IDENTICAL_DIR:-/tmp/afterword-identical}
NOW=2026-11-21T12:00:00Z
N=${CORPUS:-10000}
rm -rf "$DIR" && mkdir -p "$DIR"
[ -d "$DIR/../afterword-corpus-$N" ] || cargo run --release --quiet --example gen-corpus -- --incidents "$N" --out "$DIR/../afterword-corpus-$N" >/dev/null 2>&1
CORPUS_DIR=$(realpath "$DIR/../afterword-corpus-$N")

status=0
# same NAME ROOT [ARGS...]: build ROOT with both binaries, diff.
same() {
  local name=$1 root=$2; shift 2
  local a=$DIR/$name-old b=$DIR/$name-new
  "$OLD" build --no-cache --root "$root" --output "$a" --now "$NOW" "$@" >/dev/null 2>"$DIR/$name-old.err" || true
  "$NEW" build --no-cache --root "$root" --output "$b" --now "$NOW" "$@" >/dev/null 2>"$DIR/$name-new.err" || true
  rm -f "$a/.afterword-manifest" "$b/.afterword-manifest" 2>/dev/null || true
  if { [ ! -e "$a" ] && [ ! -e "$b" ]; } || diff -r "$a" "$b" >"$DIR/$name.diff"; then :; else
    printf 'DIFFERENT %-28s see %s\n' "$name" "$DIR/$name.diff"; status=1; return
  fi
  if diff "$DIR/$name-old.err" "$DIR/$name-new.err" >>"$DIR/$name.diff"; then
    printf 'same      %-28s %6s files\n' "$name" "$(find "$a" -type f 2>/dev/null | wc -l)"
  else
    printf 'DIFFERENT %-28s see %s\n' "$name" "$DIR/$name.diff"; status=1
  fi
}
same example . 
same example-drafts . --drafts
same example-subpath . --base-url https://example.org/status/
for f in tests/fixtures/site tests/fixtures/status tests/fixtures/api tests/fixtures/check; do
  same "fixture-$(basename "$f")" "$f"
  same "fixture-$(basename "$f")-drafts" "$f" --drafts
done
same "corpus-$N" "$CORPUS_DIR"
# Diagnostics: `check` on every invalid fixture and the check fixture, all three formats.
for f in tests/fixtures/check tests/fixtures/invalid/*/; do
  name=check-$(basename "$f")
  for fmt in human json github; do
    "$OLD" check --root "$f" --format "$fmt" --now "$NOW" >"$DIR/$name-$fmt-old.out" 2>&1 || echo "exit $?" >>"$DIR/$name-$fmt-old.out"
    "$NEW" check --root "$f" --format "$fmt" --now "$NOW" >"$DIR/$name-$fmt-new.out" 2>&1 || echo "exit $?" >>"$DIR/$name-$fmt-new.out"
    if ! diff "$DIR/$name-$fmt-old.out" "$DIR/$name-$fmt-new.out" >"$DIR/$name-$fmt.diff"; then
      printf 'DIFFERENT %-28s see %s\n' "$name $fmt" "$DIR/$name-$fmt.diff"; status=1
    fi
  done
done
echo "check output: $(ls tests/fixtures/invalid | wc -l) invalid fixtures + the check fixture, 3 formats each, compared"
exit $status
