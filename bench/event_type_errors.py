"""Type-level event errors on sets you may read: gold events with no system event of their type, system events
with no gold event of theirs, paired per article by type alone (score.py's pairing with its place test dropped).

Run: PYTHONHASHSEED=0 .venv/bin/python bench/event_type_errors.py [--list] SET ...
(SET: dev-tune or a tests/data folder you may read: heldout, heldout2 .. heldout10, tune2 ...; never dev-check, heldout11 and up: bench/sets.py)
Each miss is sorted by what the system did with its gold evidence (the gold event's `evidence` found in the text):
a system event of its type there paired with another gold event; its type's trigger there merged into another
event before the end; set aside (by modality, specificity, the confidence model, as a summary ...); a trigger of
another type only; no trigger at all. Each extra system event: the same type as a gold event whose evidence holds
it (a duplicate of one event), another type inside a gold event's evidence, another event of a gold type told
elsewhere, or false. Counts per cause and type; --list prints each case with its sentence.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rasd.extract.events as events_stage  # noqa: E402
from accuracy_splits import _score_module, documents  # noqa: E402
from sets import readable  # noqa: E402

_PRE_MERGE: dict[int, list[tuple[str, int, int]]] = {}     # id(doc) → the mentions before merging


def _recording_merge(found, restating=frozenset(), doc=None, *rest, **named):
    # whatever further arguments merge_events takes (one_more, weekdays, deaths_only, ...) pass through unread
    _PRE_MERGE[id(doc)] = [(e.type, e.trigger.start, e.trigger.end) for _, e in found]
    return _merge(found, restating, doc, *rest, **named)


_merge = events_stage.merge_events
events_stage.merge_events = _recording_merge


def _readable(name: str) -> bool:
    return readable(name)


def _load(score, name: str):
    return documents(score, name)


def _spans(text: str, evidence: str) -> list[tuple[int, int]]:
    out = []
    for piece in (p.strip() for p in evidence.split(" / ")):
        at = text.find(piece) if piece else -1
        if at < 0 and piece:
            at = text.find(piece[:40])
        if at >= 0:
            out.append((at, at + len(piece)))
    return out


def _inside(start: int, end: int, spans) -> bool:
    return any(a - 5 <= start and end <= b + 5 for a, b in spans)


def _miss_cause(g, text, events, non_events, pre_merge) -> str:
    spans = _spans(text, g.get("evidence", ""))
    if not spans:
        return "evidence not found in the text"
    here = [e for e in events if _inside(e["trigger"]["start"], e["trigger"]["end"], spans)]
    mine = [n for n in non_events if n.get("type") in g["type"] and _inside(n["trigger"]["start"], n["trigger"]["end"], spans)]
    if any(e["type"] in g["type"] for e in here):
        return "its type told there, paired with another gold event"
    if any("low confidence" in (n.get("reason") or "") for n in mine):
        return "set aside: confidence model"
    if any(n.get("modality") == "summary" for n in mine):
        return "set aside: summary"
    if any(t in g["type"] and _inside(a, b, spans) for t, a, b in pre_merge):
        return "merged into another event"
    if mine:
        return f"set aside: {mine[0].get('modality')}"
    if here:
        return "another type only"
    return "no trigger"


def _extra_cause(e, text, golds) -> str:
    inside_of = [g for g in golds if _inside(e["trigger"]["start"], e["trigger"]["end"], _spans(text, g.get("evidence", "")))]
    if any(e["type"] in g["type"] for g in inside_of):
        return "duplicate of a gold event (in its evidence)"
    if inside_of:
        return "another type inside a gold event's evidence"
    if any(e["type"] in g["type"] for g in golds):
        return "another event of a gold type"
    return "false"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--list", action="store_true", help="print each case with its sentence")
    args = ap.parse_args()
    refused = [s for s in args.sets if not _readable(s)]
    if refused:
        print(f"refused (aggregate-only sets): {', '.join(refused)}; use bench/event_losses.py", file=sys.stderr)
        return 2
    score = _score_module()
    causes: Counter = Counter()
    for name in args.sets:
        gold, docs = _load(score, name)
        for doc_id, g_doc in gold.items():
            doc = docs[doc_id]
            record = doc.to_record()
            events, golds = record.get("events") or [], g_doc.get("events", [])
            weights = [[(1 if g.get("optional") else 2) if e["type"] in g["type"] else 0 for e in events] for g in golds]
            pairs = score._max_weight_matching(weights)
            for gi, g in enumerate(golds):
                if gi in pairs or g.get("optional"):
                    continue
                cause = _miss_cause(g, doc.text, events, record.get("non_events") or [], _PRE_MERGE.get(id(doc), []))
                causes[("missed", cause, "/".join(g["type"]))] += 1
                if args.list:
                    print(f"missed | {cause} | {name} {doc_id} {'/'.join(g['type'])} | {g.get('evidence', '')[:200]}")
            for ei, e in enumerate(events):
                if ei in pairs.values():
                    continue
                cause = _extra_cause(e, doc.text, golds)
                causes[("extra", cause, e["type"])] += 1
                if args.list:
                    print(f"extra | {cause} | {name} {doc_id} {e['type']} «{e['trigger']['text']}» | {e['evidence']['text'][:200]}")
    print("| kind | cause | type | n |\n|---|---|---|---|")
    for (kind, cause, etype), n in sorted(causes.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"| {kind} | {cause} | {etype} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
