"""Matched events whose date is wrong, on sets you may read, paired the way score.py pairs them.

Run: PYTHONHASHSEED=0 .venv/bin/python bench/date_losses.py [--list] SET ...
(SET: dev-tune or a tests/data folder you may read: heldout, heldout2 .. heldout10, tune2 ...; never dev-check, heldout11 and up: bench/sets.py)
Each loss is sorted by what the system gave: no date; a coarser date than gold's (a month or year where gold has a
day); a day off by one to seven days (a weekday or «أمس» resolved against the wrong anchor); another date. --list
prints each case: the article's publication date, gold's dates, the system's, the trigger and its sentence.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_splits import paired_events  # noqa: E402
from actor_losses import report  # noqa: E402  (the same command line and counting)


def _days_apart(a: str, b: str) -> int | None:
    if len(a) != 10 or len(b) != 10:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _cause(sys_date: str | None, gold_dates: list[str]) -> str:
    if not sys_date:
        return "no date"
    if any(len(sys_date) < len(d) and d.startswith(sys_date) for d in gold_dates):
        return "coarser than gold"
    apart = [d for d in (_days_apart(sys_date, g) for g in gold_dates) if d is not None]
    if apart and min(apart) <= 7:
        return f"off by {min(apart)} day(s)"
    return "another date"


def losses(score, name: str):
    for doc_id, doc, g, ev in paired_events(score, name, "date"):
        if not score._date_ok(ev.get("date"), g["date"]):
            s = doc.sentences[doc.sentence_at(ev["trigger"]["start"])]
            yield doc_id, doc, g, ev, _cause(ev.get("date"), g["date"]), doc.text[s.start:s.end]


def _describe(doc_id, doc, g, ev, cause, sentence) -> str:
    return (f"{doc_id} {ev['type']} «{ev['trigger']['text']}» [{cause}] published {doc.article.published}\n"
            f"  gold: {' | '.join(g['date'])}   sys: {ev.get('date')}\n"
            f"  {sentence[:400]}\n")


if __name__ == "__main__":
    raise SystemExit(report(__doc__.splitlines()[0], losses, _describe))
