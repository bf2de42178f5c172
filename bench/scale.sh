#!/usr/bin/env bash
# bench/scale.sh - how `afterword build` scales, against a floor, on generated sites.
#
#   bash bench/scale.sh [SIZES...]        # default: 1000 10000 100000
#
# For each size N it generates a site (examples/gen-corpus.rs, deterministic) under
# ${BENCH_DIR:-/tmp/afterword-bench}/corpus-N and measures, with GNU time, RUNS times each
# (default 3; the median is printed):
#   floor    read every file, parse its front matter, render its Markdown (examples/floor.rs)
#   build    `afterword build` into a new output folder (never one just deleted: on some
#            filesystems freeing a 20,000-file tree slows the writes that follow)
#   writes   the writes alone: the built site's folders and files made again, same bytes, in
#            parallel, into a new folder (examples/write-floor.rs; wall is of the writes only)
#   rebuild  `afterword build` again, nothing changed, output folder present
#   edit     `afterword build` after one incident's body changed (a line appended to the
#            first file in content/, a different line each run), output folder present
#   bytes    what a build writes: files, folders and bytes of the output (du --apparent-size)
# Wall and CPU (user + system) seconds and peak RSS; then build/floor and the growth from
# one size to the next. Social cards are off (CARDS=on to draw them). Figures of a run are in docs/performance.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-/tmp/afterword-bench}
NOW=2026-11-21T12:00:00Z
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)"; exit 1; }

cargo build --release --quiet --bin afterword --example gen-corpus --example floor --example write-floor
BIN=$PWD/target/release/afterword

# measure NAME CMD...: RUNS runs; prints "wall cpu rss_mb" of the median-wall run. A build's
# command ends with --output and gets a new folder each run, as does the write floor's; they
# go after the size's runs. The write floor reports its own wall time (of the writes only).
measure() {
  local out=() line k
  for k in $(seq "$RUNS"); do
    sync
    if [ "$1" = build ]; then
      line=$("$TIME" -f '%e %U %S %M' "${@:2}" "$SITE/fresh-$k" 2>&1 >/dev/null | tail -n 1)
    elif [ "$1" = writes ]; then
      # Wall: of the writes, as the example prints it; CPU and RSS: the whole run (which
      # reads the built site into memory first).
      line=$("$TIME" -f '%e %U %S %M' "${@:2}" "$SITE/writes-$k" 2>&1 | awk '
        /^write floor:/ { w = $(NF - 1) } { last = $0 }
        END { split(last, t, " "); print w, t[2], t[3], t[4] }')
    else
      line=$("$TIME" -f '%e %U %S %M' "${@:2}" 2>&1 >/dev/null | tail -n 1)
    fi
    out+=("$line")
  done
  printf '%s\n' "${out[@]}" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2) {
    printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }'
}

printf '%s\n' "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr)"
printf '%s\n' "runs per figure: $RUNS (median by wall time)"
printf '\n%-8s %-8s %9s %9s %9s\n' size what wall_s cpu_s rss_MB
declare -A WALL
for n in "${SIZES[@]}"; do
  SITE=$DIR/corpus-$n
  mkdir -p "$SITE"
  # Outputs left by an interrupted run would be "previous outputs" to reuse files from.
  rm -rf "$SITE"/fresh-* "$SITE"/writes-* "$SITE/public"
  ./target/release/examples/gen-corpus --incidents "$n" --out "$SITE" 2>/dev/null
  # Social cards cost ~6 ms of CPU each (docs/link-previews.md measures them on their own);
  # CARDS=on keeps them in these figures.
  [ "${CARDS:-off}" = on ] || printf '\n[social]\ncards = false\n' >> "$SITE/site.toml"
  for what in floor build rebuild edit writes; do
    case $what in
      floor) r=$(measure floor ./target/release/examples/floor "$SITE") ;;
      build) r=$(measure build "$BIN" build --root "$SITE" --now "$NOW" --output) ;;
      rebuild)
        "$BIN" build --root "$SITE" --now "$NOW" >/dev/null 2>&1
        r=$(measure rebuild "$BIN" build --root "$SITE" --now "$NOW") ;;
      edit)
        # (awk, not head: under pipefail, sort killed by SIGPIPE would end the script)
        EDITED=$(find "$SITE/content" -name '*.md' | sort | awk 'NR == 1')
        export EDITED
        r=$(measure edit bash -c 'printf "\nEdited at %s.\n" "$(date +%s%N)" >> "$EDITED" && exec "$@"' _ \
          "$BIN" build --root "$SITE" --now "$NOW") ;;
      writes)
        # One built copy is the source; the others go first (at 100,000 items each is 3 GB).
        for k in $(seq 2 "$RUNS"); do rm -rf "$SITE/fresh-$k"; done
        r=$(measure writes ./target/release/examples/write-floor "$SITE/fresh-1") ;;
    esac
    WALL[$what-$n]=${r%% *}
    printf '%-8s %-8s %9s %9s %9s\n' "$n" "$what" $r
  done
  printf '%-8s %-8s %s files, %s folders, %s bytes\n' "$n" bytes \
    "$(find "$SITE/fresh-1" -type f | wc -l)" "$(find "$SITE/fresh-1" -type d | wc -l)" \
    "$(du -s --apparent-size --block-size=1 "$SITE/fresh-1" | cut -f1)"
  rm -rf "$SITE"/fresh-* "$SITE"/writes-*
done

printf '\n'
prev=
for n in "${SIZES[@]}"; do
  printf 'size %-7s build / floor = %s; build / (floor + writes) = %s\n' "$n" \
    "$(awk -v a="${WALL[build-$n]}" -v b="${WALL[floor-$n]}" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v a="${WALL[build-$n]}" -v b="${WALL[floor-$n]}" -v c="${WALL[writes-$n]}" 'BEGIN { printf "%.2f", a / (b + c) }')"
  if [ -n "$prev" ]; then
    printf 'build(%s) / build(%s) = %s (sizes x%s)\n' "$n" "$prev" \
      "$(awk -v a="${WALL[build-$n]}" -v b="${WALL[build-$prev]}" 'BEGIN { printf "%.2f", a / b }')" "$((n / prev))"
  fi
  prev=$n
done
