#!/usr/bin/env python3
"""Outlet check for dedup_heldout3 (the idea of ../outlet_check.py, which it reuses by import): every
article's URL host, host stem and outlet aliases against (1) the other dedup sets (../dedup, ../dedup2,
../dedup_heldout, ../dedup_heldout2) and (2) every other tests/data/*/ set and the dev set. Both must give no
hit (this set uses no outlet of any set). Also lists hosts used twice within this set.

    python3 tests/data/dedup_heldout3/outlet_check.py
"""
import glob
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
DEV = "/work/shared/eval/dev"
DEDUP = ["dedup", "dedup2", "dedup_heldout", "dedup_heldout2"]
sys.path.insert(0, DATA)  # the shared checker's folding and host stems (tests/data/outlet_check.py)
from outlet_check import fold, host_of, stem_of  # noqa: E402


def pool(folders):
    names = set()
    for d in folders:
        for line in open(os.path.join(d, "articles.jsonl"), encoding="utf-8"):
            if line.strip():
                a = json.loads(line)
                if a.get("url"):
                    h = host_of(a["url"])
                    names |= {h, stem_of(h)}
                if a.get("outlet"):
                    names.add(a["outlet"])
        gold = os.path.join(d, "gold.jsonl")
        if os.path.exists(gold):
            for line in open(gold, encoding="utf-8"):
                if line.strip():
                    names |= set((json.loads(line).get("source") or {}).get("outlet") or [])
    names.discard("")
    return {fold(x) for x in names}


def hits(names, used):
    return sorted({(n, u) for n in names for u in used if n == u or n in u or (len(u) > 3 and u in n)})


def main():
    dedup = pool([os.path.join(DATA, d) for d in DEDUP])
    others = [d for d in glob.glob(os.path.join(DATA, "*")) if os.path.isdir(d) and d != HERE
              and os.path.exists(os.path.join(d, "articles.jsonl")) and os.path.basename(d) not in DEDUP] + [DEV]
    rest = pool(others)
    arts = {json.loads(l)["id"]: json.loads(l) for l in open(os.path.join(HERE, "articles.jsonl"), encoding="utf-8")}
    n = 0
    hosts = Counter()
    for line in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        h = host_of(arts[g["id"]]["url"])
        hosts[h] += 1
        names = {fold(h), fold(stem_of(h))} | {fold(x) for x in g["source"]["outlet"]}
        d, r = hits(names, dedup), hits(names, rest)
        n += bool(d or r)
        print(f"{g['id']:26} {h:22} dedup sets: {d or 'no hit'}; other sets: {r or 'no hit'}")
    print(f"{n} articles whose outlet occurs in another set; hosts used twice here: "
          f"{[h for h, c in hosts.items() if c > 1] or 'none'}")


if __name__ == "__main__":
    main()
