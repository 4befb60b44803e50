#!/usr/bin/env python3
"""Write a held-out set's gold as its own "perfect system output" (the system format read by score.py):

    python3 tests/data/make_perfect.py tests/data/SET/gold.jsonl /tmp/perfect.jsonl
    python3 /work/shared/eval/score.py tests/data/SET/gold.jsonl /tmp/perfect.jsonl

must give 1.000 on every figure: a check that the gold is self-consistent (every event pairable, places
and names well formed).  Optional items are emitted too (they may never count as wrong).  (tests/data/heldout
gives quotes P=0.982: an optional fragment and its full quote tie on overlap, see its README.)
"""
import json
import re
import sys

AR = re.compile(r"[\u0600-\u06ff]")


def first(aliases, arabic=True):
    for a in aliases:
        if bool(AR.search(a)) == arabic:
            return a
    return aliases[0] if aliases else None


def named(aliases):
    if not aliases:
        return None
    return {"text": first(aliases), "name_en": first(aliases, arabic=False)}


def sys_place(p):
    return {"text": first(p["aliases"]) or p["name"], "name_en": p["name"], "lat": p["lat"], "lon": p["lon"],
            "country": p["country"], "feature": p["kind"]}


def perfect(g):
    places = {p["name"]: p for p in g["places"]}
    out = {"id": g["id"],
           "source": {k: first(v) for k, v in g.get("source", {}).items() if v},
           "entities": [{"type": e["type"], "text": first(e["aliases"]), "name_en": first(e["aliases"], False)}
                        for e in g["entities"]],
           "places": [sys_place(p) for p in g["places"]],
           "events": [],
           "quotes": [{"text": q["text"], "speaker": named(q.get("speaker"))} for q in g["quotes"]]}
    for e in g["events"]:
        ev = {"type": e["type"][0], "actor1": named(e.get("actor1")), "actor2": named(e.get("actor2")),
              "place": sys_place(places[e["place"]]) if e.get("place") else None,
              "date": e["date"][0] if e.get("date") else None,
              "fatalities": e.get("fatalities"), "injuries": e.get("injuries")}
        out["events"].append(ev)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_perfect.py GOLD.jsonl OUT.jsonl")
    gold_path, out_path = sys.argv[1], sys.argv[2]
    with open(gold_path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as o:
        for n, line in enumerate(f, 1):
            if line.strip():
                o.write(json.dumps(perfect(json.loads(line)), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
