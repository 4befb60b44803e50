#!/usr/bin/env python3
"""Outlet check for dedup_heldout2 (heldout19/outlet_check.py's idea): every article's URL host, host stem and
outlet aliases against (1) the two other dedup sets, ../dedup and ../dedup_heldout (the check that matters here),
and (2) for information, every other tests/data/*/ set and the dev set.

    python3 tests/data/dedup_heldout2/outlet_check.py
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(DATA, "heldout19"))
from outlet_check import fold, host_of, stem_of  # noqa: E402

DEV = "/work/shared/eval/dev"


def pool(folders):
    hosts, aliases = set(), set()
    for d in folders:
        for line in open(os.path.join(d, "articles.jsonl"), encoding="utf-8"):
            if line.strip():
                a = json.loads(line)
                if a.get("url"):
                    hosts.add(host_of(a["url"]))
                if a.get("outlet"):
                    aliases.add(fold(a["outlet"]))
        for line in open(os.path.join(d, "gold.jsonl"), encoding="utf-8"):
            if line.strip():
                for x in (json.loads(line).get("source") or {}).get("outlet") or []:
                    aliases.add(fold(x))
    hosts.discard("")
    return {fold(x) for x in hosts | {stem_of(h) for h in hosts} | aliases}


def hits(names, used):
    return sorted({(n, u) for n in names for u in used if n == u or n in u or (len(u) > 3 and u in n)})


def main():
    dedup = pool([os.path.join(DATA, "dedup"), os.path.join(DATA, "dedup_heldout")])
    others = [d for d in glob.glob(os.path.join(DATA, "*")) if os.path.isdir(d) and d != HERE
              and os.path.exists(os.path.join(d, "articles.jsonl"))
              and os.path.basename(d) not in ("dedup", "dedup_heldout")] + [DEV]
    rest = pool(others)
    arts = {json.loads(l)["id"]: json.loads(l) for l in open(os.path.join(HERE, "articles.jsonl"), encoding="utf-8")}
    n_dedup = 0
    for line in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        h = host_of(arts[g["id"]]["url"])
        names = {fold(h), fold(stem_of(h))} | {fold(x) for x in g["source"]["outlet"]}
        d, r = hits(names, dedup), hits(names, rest)
        n_dedup += bool(d)
        print(f"{g['id']:28} {h:24} dedup sets: {d or 'no hit'}; other sets: {r[:4] if r else 'no hit'}")
    print(f"{n_dedup} articles whose outlet is in ../dedup or ../dedup_heldout")


if __name__ == "__main__":
    main()
