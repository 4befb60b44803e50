"""Matched events whose actor1 is wrong, on sets you may read, paired the way score.py pairs them.

Run: PYTHONHASHSEED=0 .venv/bin/python bench/actor_losses.py [--list] SET ...
(SET: dev-tune or a tests/data folder you may read: heldout, heldout2 .. heldout6, tune2 ...; never dev-check, heldout7 and up)
Each loss is sorted by what the system gave: no actor1 at all; an actor the gold event names as its actor2 (the
object or victim taken); an actor named in the gold event's aliases of another event of the article; or another
name. --list prints each case: the gold actor1 aliases, the system's actor1, the trigger and its sentence.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_splits import _score_module, documents  # noqa: E402
from event_type_errors import _readable  # noqa: E402


def _cause(score, g, ev) -> str:
    names = score.names_of(ev.get("actor1"))
    if not names:
        return "no actor1"
    if g.get("actor2") and score.name_match(names, g["actor2"]):
        return "actor2 taken as actor1"
    return "another actor"


def _sentence(doc, start: int) -> str:
    s = doc.sentences[doc.sentence_at(start)]
    return doc.text[s.start:s.end]


def losses(score, name: str):
    gold, docs = documents(score, name)
    for doc_id, g_doc in gold.items():
        doc = docs[doc_id]
        record = doc.to_record()
        sys_events = [e for e in record.get("events") or [] if isinstance(e, dict)]
        golds = g_doc.get("events", [])
        places = g_doc.get("places", [])
        pairs = score._max_weight_matching([[score._pair_weight(g, ev, places) for ev in sys_events] for g in golds])
        for gi, g in enumerate(golds):
            if g.get("optional") or not g.get("actor1") or gi not in pairs:
                continue
            ev = sys_events[pairs[gi]]
            if score.name_match(score.names_of(ev.get("actor1")), g["actor1"]):
                continue
            yield doc_id, g, ev, _cause(score, g, ev), _sentence(doc, ev["trigger"]["start"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    bad = [s for s in args.sets if not _readable(s)]
    if bad:
        sys.exit(f"not a set you may read: {', '.join(bad)}")
    score = _score_module()
    causes: Counter[str] = Counter()
    for name in args.sets:
        for doc_id, g, ev, cause, sentence in losses(score, name):
            causes[cause] += 1
            if args.list:
                a1 = ev.get("actor1") or {}
                print(f"{doc_id} {ev['type']} «{ev['trigger']['text']}» [{cause}]\n"
                      f"  gold: {' | '.join(g['actor1'][:4])}\n"
                      f"  sys:  {a1.get('text')} / {a1.get('canonical')} / {a1.get('name_en')}\n"
                      f"  {sentence[:400]}\n")
    for cause, n in causes.most_common():
        print(f"{n:4}  {cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
