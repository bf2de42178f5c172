#!/usr/bin/env python3
"""What a reader's first search downloads, from a built site: bench/search_bytes.py PUBLIC WORD...

Follows search.js: the page, search.js, the manifest, the term shards the query's words need
(every shard whose prefix starts the word or that the word starts), the document chunks of the
first ten results and their index.json files (for the excerpt). Prints raw and gzip bytes.
"""
import gzip, json, os, re, sys

pub = sys.argv[1]
words = sys.argv[2:] or ["database"]


def size(rel):
    with open(os.path.join(pub, rel), "rb") as f:
        b = f.read()
    return len(b), len(gzip.compress(b, 6))


def hexname(s):
    return "_" if not s else s.encode().hex()


m = json.load(open(os.path.join(pub, "search/index.json")))
base_files = ["search/index.html", "search.js", "search/index.json"]
for q in words:
    files = list(base_files)
    ws = [w for w in re.findall(r"\w+", q.lower()) if len(w) >= 2]
    scores = None
    for w in ws:
        shards = [s for s in m["shards"] if w.startswith(s) or s.startswith(w)]
        got = {}
        for s in shards:
            rel = f"search/t/{hexname(s)}.json"
            files.append(rel)
            t = json.load(open(os.path.join(pub, rel)))
            for term, p in t.items():
                if term.startswith(w):
                    d = 0
                    for k in range(0, len(p), 2):
                        d += p[k]
                        got[d] = max(got.get(d, 0), p[k + 1] * (2 if term == w else 1))
        scores = got if scores is None else {d: s + got[d] for d, s in scores.items() if d in got}
    ids = sorted((scores or {}).items(), key=lambda x: (-x[1], x[0]))[:10]
    for d, _ in ids:
        chunk = d // m["chunk"]
        rel = f"search/d/{chunk}.json"
        if rel not in files:
            files.append(rel)
        row = json.load(open(os.path.join(pub, rel)))[d - chunk * m["chunk"]]
        path = row[0]
        # The path carries the base path; the files sit under PUBLIC without it.
        files.append(re.sub(r"^/[^/]*?/?(?=incidents/)", "", path.lstrip("/")) + "index.json")
    raw = gz = 0
    for f in files:
        a, b = size(f)
        raw += a
        gz += b
    print(f"{q!r}: {len(scores or {})} results, {len(files)} files, first search {raw / 1024:.0f} KB ({gz / 1024:.0f} KB gzip)")
