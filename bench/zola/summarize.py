#!/usr/bin/env python3
"""summarize.py RUNS.tsv: medians per (size, variant, tool) and zola/afterword ratios."""
import statistics as st
import sys
from collections import defaultdict

rows = defaultdict(list)
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    if len(f) != 10:
        continue
    n, v, tool, k, wall, user, sys_, rss, files, byts = f
    rows[(int(n), v, tool)].append((float(wall), float(user) + float(sys_), int(rss) / 1024,
                                    int(files), int(byts)))

med = {}
print("| items | variant | tool | runs | wall s | CPU s | peak RSS MB | files | bytes |")
print("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for key in sorted(rows):
    r = rows[key]
    m = tuple(st.median(x[i] for x in r) for i in range(3))
    med[key] = m
    lo_hi = f"{min(x[0] for x in r):.2f}–{max(x[0] for x in r):.2f}"
    print(f"| {key[0]:,} | {key[1]} | {key[2]} | {len(r)} | {m[0]:.2f} ({lo_hi}) | {m[1]:.2f} | "
          f"{m[2]:.0f} | {r[0][3]:,} | {r[0][4]:,} |")
print()
print("| items | variant | tool | wall ratio | CPU ratio | RSS ratio | (vs afterword) |")
print("| ---: | --- | --- | ---: | ---: | ---: | --- |")
for key in sorted(med):
    if key[2] == "afterword":
        continue
    a = med.get((key[0], key[1], "afterword"))
    if not a:
        continue
    z = med[key]
    print(f"| {key[0]:,} | {key[1]} | {key[2]} | {z[0]/a[0]:.1f}× | {z[1]/a[1]:.1f}× | "
          f"{z[2]/a[2]:.1f}× | |")
