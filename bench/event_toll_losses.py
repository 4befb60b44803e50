"""Gold tolls lost, one line per gold event with a figure, sorted by cause (read-allowed sets only).

Run: .venv/bin/python bench/event_toll_losses.py [--list] [SET ...]   (default: every read-allowed set)
For each required gold event with fatalities or injuries, score.py's pairing decides the system event it meets;
a figure is lost when the event is missed («missed»), matched with no figure («none»), or matched with another
figure («wrong»). A wrong or missing figure says whether the gold figure was given to another event of the
article («other-event») or was read as the other kind («kind-swap»), so that toll choice and number reading
can be told apart. Blind sets (dev check, heldout11 and later: bench/sets.py) are refused: their texts are never read.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy_splits import _score_module, documents  # noqa: E402
from sets import READ_SETS  # noqa: E402

FIELDS = ("fatalities", "injuries")


def _cause(field: str, gold_value: int, ev: dict | None, others: list[dict]) -> str:
    if ev is None:
        return "missed"
    got = ev.get(field)
    other_field = FIELDS[1 - FIELDS.index(field)]
    if ev.get(other_field) == gold_value and got != gold_value:
        return "kind-swap"
    if any(o.get(field) == gold_value for o in others):
        return "other-event"
    return "none" if got is None else ("wrong-high" if got > gold_value else "wrong-low")


def losses(score, name: str) -> list[tuple[str, str, str, int, object, str, str]]:
    gold_docs, docs = documents(score, name)
    out = []
    for doc_id, gold in gold_docs.items():
        record = docs[doc_id].to_record()
        sys_events = [e for e in record.get("events") or [] if isinstance(e, dict)]
        golds = gold.get("events", [])
        pairs = score._max_weight_matching(
            [[score._pair_weight(g, ev, gold.get("places", [])) for ev in sys_events] for g in golds])
        for gi, g in enumerate(golds):
            if g.get("optional"):
                continue
            hit = pairs.get(gi)
            ev = sys_events[hit] if hit is not None else None
            others = [e for k, e in enumerate(sys_events) if k != hit]
            for field in FIELDS:
                if g.get(field) is None or (ev is not None and ev.get(field) == g[field]):
                    continue
                cause = _cause(field, g[field], ev, others)
                got = None if ev is None else ev.get(field)
                evidence = "" if ev is None else (ev.get("evidence") or {}).get("text", "")
                out.append((cause, doc_id, field, g[field], got, g.get("evidence", ""), evidence))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(READ_SETS))
    ap.add_argument("--list", action="store_true", help="print each loss with the gold and system evidence")
    args = ap.parse_args()
    blind = [s for s in args.sets if s not in READ_SETS]
    if blind:
        sys.exit(f"not a read-allowed set: {', '.join(blind)}")
    score = _score_module()
    counts: Counter[tuple[str, str]] = Counter()
    for name in args.sets:
        for cause, doc_id, field, gold_value, got, gold_ev, sys_ev in losses(score, name):
            counts[(field, cause)] += 1
            if args.list:
                print(f"{name}\t{doc_id}\t{field}\t{cause}\tgold={gold_value}\tsys={got}\n"
                      f"    gold: {gold_ev[:300]}\n    sys:  {sys_ev[:300]}")
    print("\n| field | cause | lost |\n|---|---|---|")
    for (field, cause), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"| {field} | {cause} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
