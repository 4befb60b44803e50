"""Print, per article, the gold events beside the system's, paired the way score.py pairs them.

For error analysis on the tuning split only:
    python scripts/event_diff.py GOLD SYSTEM [--ids seed-000,dev-001] [--split tune|check|all]
The check split (dev-030 onwards) is for scoring, never for reading: the default is tune.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

SCORE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"


def _score_module():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def in_split(doc_id: str, split: str) -> bool:
    if split == "all":
        return True
    number = int(doc_id.split("-")[1])
    is_check = doc_id.startswith("dev-") and number >= 30
    return is_check if split == "check" else not is_check


def _actor(a) -> str:
    if not a:
        return "-"
    if isinstance(a, dict):
        return f"{a.get('text')}|{a.get('name_en')}"
    return "/".join(a[:2])


def _place(p) -> str:
    if not p:
        return "-"
    return f"{p.get('text') or p.get('name')}({p.get('country')})"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--ids", default="")
    ap.add_argument("--split", default="tune", choices=["tune", "check", "all"])
    args = ap.parse_args()
    sc = _score_module()
    gold = {d["id"]: d for d in map(json.loads, open(args.gold, encoding="utf-8"))}
    system = {d["id"]: d for d in map(json.loads, open(args.system, encoding="utf-8"))}
    wanted = set(filter(None, args.ids.split(",")))
    for doc_id, g in gold.items():
        if (wanted and doc_id not in wanted) or (not wanted and not in_split(doc_id, args.split)):
            continue
        s = system.get(doc_id, {})
        evs = s.get("events") or []
        golds = g.get("events", [])
        pairs = sc._max_weight_matching([[sc._pair_weight(ge, ev, g.get("places", [])) for ev in evs] for ge in golds])
        print(f"=== {doc_id} published {g.get('published')}")
        for gi, ge in enumerate(golds):
            hit = pairs.get(gi)
            ev = evs[hit] if hit is not None else None
            opt = " (opt)" if ge.get("optional") else ""
            print(f"  G{gi}{opt} {'/'.join(ge['type'])} a1={_actor(ge.get('actor1'))} place={ge.get('place')} "
                  f"date={ge.get('date')} f={ge.get('fatalities')} i={ge.get('injuries')}")
            if ev is not None:
                print(f"     ↔ S{hit} {ev['type']} a1={_actor(ev.get('actor1'))} place={_place(ev.get('place'))} "
                      f"date={ev.get('date')} f={ev.get('fatalities')} i={ev.get('injuries')}")
            else:
                print("     ↔ MISSED")
        matched = set(pairs.values())
        for i, ev in enumerate(evs):
            if i not in matched:
                trig = (ev.get("trigger") or {}).get("text")
                print(f"  S{i} SPURIOUS {ev['type']} trig={trig} a1={_actor(ev.get('actor1'))} "
                      f"place={_place(ev.get('place'))} date={ev.get('date')} f={ev.get('fatalities')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
