"""Where events are lost: events F1 per set as scored, and again with the pairing's place test dropped.

Run: .venv/bin/python bench/event_losses.py [SET ...]   (SET: dev-tune, dev-check, dev, or a tests/data folder name)
The second figure pairs a system event with a gold event of the same type in the same article wherever it
is (score.py's `_event_pairable` without its place test), so the gap between the two columns is what the
event's place costs. Aggregate figures only: safe to run on sets whose texts must not be read.
Scores come from ../shared/eval/score.py, unchanged apart from that one test in the second pass.
--kinds also sorts the place losses (gold events paired only when the place test is dropped) by what the system
did: no place; a place the article's places layer also resolved near the gold point (the event chose another
mention: a chooser error); a place in the gold event's country but away from it; another country. It reads
per-event output, so use it only on sets you may read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_splits import _score_module, records, set_files  # noqa: E402
from sets import BLIND_HELDOUT  # noqa: E402

DEFAULT_SETS = ("dev-tune", "dev-check", *(f"heldout{n}" for n in range(3, 9)), *BLIND_HELDOUT, *(f"tune{n}" for n in range(8, 15)))


def load_set(score, name: str) -> tuple[dict, dict]:
    """(gold, system records) of one named set."""
    gold_path, articles, keep = set_files(name)
    gold = {k: v for k, v in score.read_jsonl(str(gold_path)).items() if keep(k)}
    return gold, {k: v for k, v in records(articles).items() if k in gold}


def place_loss_kinds(score, gold: dict, system: dict, strict_pairable, type_only) -> str:
    """Counts of the place losses by kind, as 'kind n, ...'."""
    from collections import Counter
    kinds: Counter = Counter()
    for doc_id, g_doc in gold.items():
        sys_doc = system.get(doc_id) or {}
        evs = [e for e in sys_doc.get("events") or [] if isinstance(e, dict)]
        golds = [g for g in g_doc.get("events", []) if not g.get("optional")]
        places = g_doc.get("places", [])
        strict = score._max_weight_matching([[1 if strict_pairable(g, e, places) else 0 for e in evs] for g in golds])
        loose = score._max_weight_matching([[1 if type_only(g, e) else 0 for e in evs] for g in golds])
        for gi, ei in loose.items():
            g = golds[gi]
            if gi in strict or g.get("lat") is None:
                continue
            gp = score._event_place(g, places)
            place = evs[ei].get("place")
            if not isinstance(place, dict):
                kinds["no place"] += 1
            elif any(score.place_match(p, gp) for p in sys_doc.get("places") or [] if isinstance(p, dict)):
                kinds["chose another mention"] += 1
            elif str(place.get("country") or "").upper() == str(_gold_country(g, places) or "").upper():
                kinds["same country, away"] += 1
            else:
                kinds["other country"] += 1
    return ", ".join(f"{k} {n}" for k, n in kinds.most_common())


def _gold_country(g: dict, places: list) -> str | None:
    named = next((p for p in places if g.get("place") and p.get("name") == g["place"]), None)
    return named.get("country") if named else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(DEFAULT_SETS))
    ap.add_argument("--kinds", action="store_true", help="sort the place losses by kind (read-allowed sets only)")
    args = ap.parse_args()
    score = _score_module()
    strict_pairable = score._event_pairable

    def type_only(g, ev, gold_places=()):
        return str(ev.get("type", "")).upper() in {x.upper() for x in g["type"]}

    print("| set | events F1 | F1, place test dropped | place cost |" + (" losses by kind |" if args.kinds else "")
          + "\n|---|---|---|---|" + ("---|" if args.kinds else ""))
    for name in args.sets:
        gold, system = load_set(score, name)
        score._event_pairable = strict_pairable
        strict = score.score(gold, system)["events"]["f1"]
        score._event_pairable = type_only
        blind = score.score(gold, system)["events"]["f1"]
        score._event_pairable = strict_pairable
        kinds = f" {place_loss_kinds(score, gold, system, strict_pairable, type_only)} |" if args.kinds else ""
        print(f"| {name} | {strict:.3f} | {blind:.3f} | {blind - strict:+.3f} |{kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
