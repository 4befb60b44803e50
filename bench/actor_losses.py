"""Matched events whose actor1 is wrong, on sets you may read, paired the way score.py pairs them.

Run: PYTHONHASHSEED=0 .venv/bin/python bench/actor_losses.py [--list] SET ...
(SET: dev-tune or a tests/data folder you may read: heldout, heldout2 .. heldout10, tune2 ...; never dev-check, heldout11 and up: bench/sets.py)
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

from accuracy_splits import _score_module, paired_events  # noqa: E402
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
    for doc_id, doc, g, ev in paired_events(score, name, "actor1"):
        if not score.name_match(score.names_of(ev.get("actor1")), g["actor1"]):
            yield doc_id, doc, g, ev, _cause(score, g, ev), _sentence(doc, ev["trigger"]["start"])


def _describe(doc_id, doc, g, ev, cause, sentence) -> str:
    a1 = ev.get("actor1") or {}
    return (f"{doc_id} {ev['type']} «{ev['trigger']['text']}» [{cause}]\n"
            f"  gold: {' | '.join(g['actor1'][:4])}\n"
            f"  sys:  {a1.get('text')} / {a1.get('canonical')} / {a1.get('name_en')}\n"
            f"  {sentence[:400]}\n")


def report(description: str, losses, describe) -> int:
    """The command line of a field-loss tool: SET... [--list]; counts of `losses(score, name)`'s causes over
    the read sets named, and with --list each loss as `describe` writes it."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    bad = [s for s in args.sets if not _readable(s)]
    if bad:
        sys.exit(f"not a set you may read: {', '.join(bad)}")
    score = _score_module()
    causes: Counter[str] = Counter()
    for name in args.sets:
        for loss in losses(score, name):
            causes[loss[4]] += 1
            if args.list:
                print(describe(*loss))
    for cause, n in causes.most_common():
        print(f"{n:4}  {cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(report(__doc__.splitlines()[0], losses, _describe))
