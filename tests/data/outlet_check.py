#!/usr/bin/env python3
"""Outlet check for a new set: a candidate outlet (URL host + outlet aliases) must not be used in any
tests/data/*/articles.jsonl / gold.jsonl (this set excluded) or the dev set.  Compares the URL host, the host's
stem (domain name without TLD and without www/ar/m/mail/admin/arabic labels) and every outlet alias (case
folded; Arabic hamza forms, taa marbuta, alef maqsura and diacritics folded), both ways: the new name equal to
or inside a used one; a used one of more than three letters inside the new one.

    python3 tests/data/outlet_check.py SET HOST [ALIAS ...]     # one candidate for tests/data/SET
    python3 tests/data/outlet_check.py SET --set                # every outlet of tests/data/SET's gold

(made for heldout19, then used as is for heldout20 and heldout21: one script, the set's folder named first)
"""
import glob
import json
import os
import re
import sys
from urllib.parse import urlparse

DATA = os.path.dirname(os.path.abspath(__file__))
DEV = "/work/shared/eval/dev"
SKIP_LABELS = {"www", "ar", "m", "mail", "admin", "arabic", "amp"}
SLD = {"com", "co", "gov", "net", "org", "edu", "ac"}


def fold(s):
    s = s.lower()
    s = re.sub(r"[\u064b-\u065f\u0670\u0640]", "", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ة", "ه").replace("ى", "ي").replace("ؤ", "و").replace("ئ", "ي")
    return re.sub(r"\s+", " ", s).strip()


def host_of(url):
    return (urlparse(url).hostname or "").lower()


def stem_of(host):
    labels = [x for x in host.split(".") if x]
    while labels and labels[0] in SKIP_LABELS:
        labels = labels[1:]
    if len(labels) > 1:
        labels = labels[:-1]  # the TLD
    while len(labels) > 1 and labels[-1] in SLD:
        labels = labels[:-1]  # com.sa, co.uk, gov.iq ...
    return labels[-1] if labels else host


def used(here):
    """Hosts, host stems and folded outlet aliases of every set but `here` (the folder being checked)."""
    hosts, aliases = set(), set()
    files = [f for f in glob.glob(os.path.join(DATA, "*", "articles.jsonl")) if not f.startswith(here + os.sep)]
    files.append(os.path.join(DEV, "articles.jsonl"))
    for f in files:
        for line in open(f, encoding="utf-8"):
            if line.strip():
                u = json.loads(line).get("url") or ""
                if u:
                    hosts.add(host_of(u))
    gfiles = [f for f in glob.glob(os.path.join(DATA, "*", "gold.jsonl")) if not f.startswith(here + os.sep)]
    gfiles.append(os.path.join(DEV, "gold.jsonl"))
    for f in gfiles:
        for line in open(f, encoding="utf-8"):
            if line.strip():
                src = json.loads(line).get("source") or {}
                for a in src.get("outlet") or []:
                    aliases.add(fold(a))
    hosts.discard("")
    stems = {stem_of(h) for h in hosts}
    return hosts, stems, aliases


def check(host, names, U):
    hosts, stems, aliases = U
    pool = {fold(x) for x in hosts | stems | aliases}
    new = {fold(host), fold(stem_of(host))} | {fold(n) for n in names}
    hits = []
    for n in sorted(new):
        for u in sorted(pool):
            if n == u or (n in u) or (len(u) > 3 and u in n):
                hits.append((n, u))
    return hits


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    HERE = os.path.join(DATA, sys.argv[1])
    U = used(HERE)
    if sys.argv[2:] == ["--set"]:
        total = 0
        for line in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8"):
            g = json.loads(line)
            art = [json.loads(l) for l in open(os.path.join(HERE, "articles.jsonl"), encoding="utf-8")
                   if json.loads(l)["id"] == g["id"]][0]
            h = host_of(art["url"])
            hits = check(h, g["source"]["outlet"], U)
            total += len(hits)
            print(g["id"], h, stem_of(h), "HITS: %s" % hits if hits else "no hit")
        print(f"{len(U[0])} used hosts, {len(U[2])} used aliases; {total} hits")
        return
    host, names = sys.argv[2].lower(), sys.argv[3:]
    hits = check(host, names, U)
    print(host, stem_of(host), "HITS: %s" % hits if hits else "no hit")


if __name__ == "__main__":
    main()
