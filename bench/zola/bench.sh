#!/usr/bin/env bash
# bench.sh SIZE VARIANT [RUNS] - afterword vs Zola, interleaved, on a fresh ext4 loop filesystem.
#   VARIANT search:   afterword as generated (its search index on) vs Zola with build_search_index
#   VARIANT nosearch: afterword with [search] enabled = false vs Zola without search index,
#                     plus Zola with severity/factor pages paginated (zsp-SIZE) when EXTRA=zsp
# Each block makes the loop filesystem anew, copies the sites onto it, then runs k = 1..RUNS:
# afterword and Zola into new output folders, alternating which goes first, `sync` before each.
# Appends "size variant tool k wall user sys maxrss_kb files bytes" to results/runs.tsv.
#
# Needs: ZOLA, a zola binary (0.22.1 was built from github.com/getzola/zola at tag v0.22.1 with
# its own release profile); AFTERWORD (default target/release/afterword); the sites, made first
# under $ZOLA_BENCH_DIR (default /tmp/afterword-zola):
#   target/release/examples/gen-corpus --incidents N --out $ZOLA_BENCH_DIR/aw-N
#   printf '\n[social]\ncards = false\n' >> $ZOLA_BENCH_DIR/aw-N/site.toml
#   cp -r aw-N aw-N-ns && printf '\n[search]\nenabled = false\n' >> aw-N-ns/site.toml
#   python3 bench/zola/aw2zola.py aw-N zs-N; python3 bench/zola/aw2zola.py --search aw-N zss-N
#   (and --paginate-terms into zsp-N for EXTRA=zsp)
# Then: python3 bench/zola/summarize.py $ZOLA_BENCH_DIR/results/runs.tsv. Runs as root (mount).
# Figures of a run are in docs/performance.md.
set -euo pipefail
N=$1; V=$2; RUNS=${3:-5}
B=${ZOLA_BENCH_DIR:-/tmp/afterword-zola}
ZOLA=${ZOLA:?set ZOLA to a zola binary}
AFTERWORD=${AFTERWORD:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/target/release/afterword}
IMG=/var/tmp/zb.img; MNT=/mnt/zb
NOW=2026-11-21T12:00:00Z
TIME=/usr/bin/time
mkdir -p $B/results
OUT=$B/results/runs.tsv

if mountpoint -q $MNT; then umount $MNT; fi
rm -f $IMG
truncate -s 8G $IMG && mkfs.ext4 -q -F -i 4096 $IMG && mkdir -p $MNT && mount -o loop $IMG $MNT

case $V in
  search)   AW=aw-$N;    ZS=zss-$N ;;
  nosearch) AW=aw-$N-ns; ZS=zs-$N ;;
esac
cp -r $B/$AW $MNT/aw; cp -r $B/$ZS $MNT/zs
tools=(afterword zola)
if [ "${EXTRA:-}" = zsp ]; then cp -r $B/zsp-$N $MNT/zsp; tools+=(zola-paged); fi

run() { # tool k
  local tool=$1 k=$2 dir=$MNT/out-$1-$2 line
  sync
  case $tool in
    afterword) line=$($TIME -f '%e %U %S %M' $AFTERWORD build --root $MNT/aw --now $NOW \
                 --output $dir --no-cache 2>&1 >/dev/null | tail -n 1) ;;
    zola)      line=$($TIME -f '%e %U %S %M' $ZOLA --root $MNT/zs build --output-dir $dir \
                 2>&1 >/dev/null | tail -n 1) ;;
    zola-paged) line=$($TIME -f '%e %U %S %M' $ZOLA --root $MNT/zsp build --output-dir $dir \
                 2>&1 >/dev/null | tail -n 1) ;;
  esac
  local files bytes
  files=$(find "$dir" -type f | wc -l)
  bytes=$(du -s --apparent-size --block-size=1 "$dir" | cut -f1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$V" "$tool" "$k" "$(echo $line | tr ' ' '\t')" "$files" "$bytes" | tee -a $OUT
}

echo "# $(date -u +%FT%TZ) N=$N V=$V start: $(uptime)" | tee -a $B/results/load.log
for k in $(seq "$RUNS"); do
  if [ $((k % 2)) -eq 1 ]; then order=("${tools[@]}"); else order=(); for ((i=${#tools[@]}-1; i>=0; i--)); do order+=("${tools[$i]}"); done; fi
  for t in "${order[@]}"; do run "$t" "$k"; done
done
echo "# $(date -u +%FT%TZ) N=$N V=$V end: $(uptime)" | tee -a $B/results/load.log
df -h $MNT | tail -1
umount $MNT; rm -f $IMG
