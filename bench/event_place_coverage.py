"""Whether the gold events' places were resolved at all, and if not, whether the gazetteer knows them.

Run: .venv/bin/python bench/event_place_coverage.py SET [SET ...]   (any set: it prints counts only)
For every named gold place that is some gold event's place (countries left out), it tallies whether any place
rasd resolved in the article matches it (the scorer's place_match), and for the unmatched ones, by the gold
place's kind, whether a gazetteer candidate under its name or aliases lies within the scorer's radius
(«gazetteer near»: found in the gazetteer but not read or not chosen in the text), only elsewhere («gazetteer
far»: a homonym won) or nowhere («not in gazetteer»: coverage). Then, over the gold events paired with a system
event by type but not by place (bench/event_losses.py's place losses), what the system did (event_losses's
kinds: no place, chose another mention the article resolved near the gold point, same country away, other
country), summed over all the sets given. Counts only, so it is safe on the blind sets.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_splits import _score_module, records, set_files  # noqa: E402
from event_losses import place_loss_kinds  # noqa: E402

from rasd.kb.gazetteer import Gazetteer  # noqa: E402


def coverage(score, gazetteer: Gazetteer, name: str) -> tuple[Counter, Counter]:
    gold_path, articles, keep = set_files(name)
    gold = {k: v for k, v in score.read_jsonl(str(gold_path)).items() if keep(k)}
    extracted = records(articles)
    return place_tally(score, gazetteer, gold, extracted), event_tally(score, gold, extracted)


def event_tally(score, gold: dict, extracted: dict) -> Counter:
    """The place losses of the set by kind (event_losses.place_loss_kinds), as a Counter."""
    def type_only(g, ev, gold_places=()):
        return str(ev.get("type", "")).upper() in {x.upper() for x in g["type"]}
    system = {k: v for k, v in extracted.items() if k in gold}
    text = place_loss_kinds(score, gold, system, score._event_pairable, type_only)
    pairs = (part.rpartition(" ") for part in re.split(r"(?<=\d), ", text) if part)   # «same country, away 2»
    return Counter({kind: int(n) for kind, _, n in pairs})


def place_tally(score, gazetteer: Gazetteer, gold: dict, extracted: dict) -> Counter:
    tally: Counter = Counter()
    for doc_id, g in gold.items():
        resolved = extracted.get(doc_id, {}).get("places", [])
        event_places = {e.get("place") for e in g.get("events", []) if e.get("place")}
        for p in g.get("places", []):
            if p.get("name") not in event_places or p.get("kind") == "country":
                continue
            if any(score.place_match(s, p) for s in resolved):
                tally["resolved"] += 1
                continue
            radius = score.CITY_KM if p.get("kind") == "city" else score.EVENT_KM
            cands = [c for n in [p["name"], *(p.get("aliases") or [])] for c in gazetteer.candidates(n)]
            near = any(score.km(c.lat, c.lon, p["lat"], p["lon"]) <= radius for c in cands)
            why = "gazetteer near" if near else "gazetteer far" if cands else "not in gazetteer"
            tally[f"unresolved: {why}: {p.get('kind')}"] += 1
    return tally


def main() -> int:
    names = sys.argv[1:]
    if not names:
        raise SystemExit(__doc__)
    score, gazetteer = _score_module(), Gazetteer()
    total: Counter = Counter()
    losses: Counter = Counter()
    for name in names:
        places, events = coverage(score, gazetteer, name)
        total += places
        losses += events
    for key, n in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:5d}  {key}")
    print("place losses of events (paired by type, not by place):")
    for key, n in sorted(losses.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:5d}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
