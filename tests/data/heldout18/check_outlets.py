#!/usr/bin/env python3
"""Outlet check for heldout18: is a candidate outlet (URL host and names) already used by a test/dev set?

    python3 tests/data/heldout18/check_outlets.py HOST [ALIAS ...]

Compares the host, its stem (domain name without TLD and without www/ar/m/mail/admin/arabic labels) and every
alias (case folded; Arabic hamza forms, taa marbuta, alef maqsura and diacritics folded) with the URL host,
stem and every outlet alias of every tests/data/*/articles.jsonl + gold.jsonl (heldout18 excluded) and of
/work/shared/eval/dev, both ways: new inside used, or a used item of more than three letters inside a new one.
Prints the hits; exit 1 if any."""
import glob
import json
import os
import re
import sys
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
SKIP = {"www", "ar", "m", "mail", "admin", "arabic", "amp"}
TLDS = {"com", "net", "org", "info", "news", "tv", "ps", "sa", "ae", "qa", "kw", "bh", "om", "jo", "lb", "iq",
        "sy", "ye", "eg", "ma", "dz", "tn", "ly", "sd", "co", "uk", "me", "io", "online", "site", "media", "fm",
        "press", "gov", "edu", "int", "us", "fr", "de", "ir", "tr", "pk", "af", "so", "ml", "mr", "ne", "ru",
        "global", "live", "today", "biz", "cc", "ws", "tk", "in", "ca", "ch", "eu", "be", "nl", "ly", "ng"}


def fold(s):
    s = s.lower()
    s = re.sub(r"[\u064b-\u0652\u0640]", "", s)
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ة", "ه").replace("ى", "ي").replace("ؤ", "و").replace("ئ", "ي")
    return s.strip()


def stem(host):
    parts = [p for p in host.lower().split(".") if p not in SKIP]
    while len(parts) > 1 and parts[-1] in TLDS:
        parts.pop()
    return parts[-1] if parts else host


def used():
    items = set()
    files = glob.glob(os.path.join(DATA, "*", "articles.jsonl")) + ["/work/shared/eval/dev/articles.jsonl"]
    for f in files:
        if os.path.basename(os.path.dirname(f)) == "heldout18":
            continue
        for line in open(f, encoding="utf-8"):
            if line.strip():
                url = json.loads(line).get("url") or ""
                h = urlparse(url).netloc.lower()
                if h:
                    items.add(("host", h))
                    items.add(("stem", stem(h)))
    gfiles = glob.glob(os.path.join(DATA, "*", "gold.jsonl")) + ["/work/shared/eval/dev/gold.jsonl"]
    for f in gfiles:
        if os.path.basename(os.path.dirname(f)) == "heldout18":
            continue
        for line in open(f, encoding="utf-8"):
            if line.strip():
                for a in (json.loads(line).get("source") or {}).get("outlet", []):
                    items.add(("alias", fold(a)))
    return items


def main():
    host = sys.argv[1].lower()
    new = [("host", host), ("stem", stem(host))] + [("alias", fold(a)) for a in sys.argv[2:]]
    hits = []
    for kind, n in new:
        for ukind, u in USED:
            if not n or not u:
                continue
            if n == u or n in u or (len(u) > 3 and u in n):
                hits.append(f"{kind} {n!r} ~ used {ukind} {u!r}")
    for h in hits:
        print(h)
    print(f"{host}: {len(hits)} hits (against {len(USED)} used hosts/stems/aliases)")
    return 1 if hits else 0


USED = used()
if __name__ == "__main__":
    sys.exit(main())
