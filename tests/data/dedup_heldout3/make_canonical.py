#!/usr/bin/env python3
"""Write the set's gold as a perfect canonical file (the format of `rasd export --format jsonl` that
/work/shared/eval/dedup_score.py reads): one canonical event per event_key, one mention per keyed gold event.
A self-check of the gold (every keyed event pairable, every multi-article key unified):

    python3 tests/data/dedup_heldout3/make_canonical.py /tmp/canon.jsonl
    python3 /work/shared/eval/dedup_score.py tests/data/dedup_heldout3/gold.jsonl /tmp/canon.jsonl

must give P=R=F1=1.000 and every multi-article key in one canonical event.
"""
import json
import os
import sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))


def first(aliases):
    return aliases[0] if aliases else None


def main(out):
    canon = OrderedDict()
    for line in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        places = {p["name"]: p for p in g["places"]}
        for e in g["events"]:
            k = e.get("event_key")
            if not k:
                continue
            p = places.get(e.get("place")) if e.get("place") else None
            c = canon.setdefault(k, {"id": k, "type": e["type"][0], "country": p["country"] if p else None,
                                     "feature": p["kind"] if p else None, "mentions": []})
            c["mentions"].append({"article_id": g["id"], "lat": e.get("lat"), "lon": e.get("lon"),
                                  "date": e["date"][0] if e["date"] else None,
                                  "actor1_name": first(e.get("actor1", [])), "actor2_name": first(e.get("actor2", [])),
                                  "fatalities": e.get("fatalities"), "injuries": e.get("injuries")})
    with open(out, "w", encoding="utf-8") as f:
        for c in canon.values():
            tolls = [m["fatalities"] for m in c["mentions"] if m["fatalities"] is not None]
            c["fatalities"] = min(tolls) if tolls else None
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{len(canon)} canonical events")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dedup_heldout3_canon.jsonl")
