"""Duplicate events inside articles (issue 13): how many of rasd's events repeat an event already counted.

Run: .venv/bin/python bench/dedup_in_article.py [--set dev|heldout|heldout2..heldout17|tune2..tune14|dedup|dedup_heldout|all]
                                                [--list]

Each article's system events are paired one to one with its gold events as ../shared/eval/score.py pairs them
(same type and place, an optimal assignment). A system event left unpaired is a DUPLICATE when it could have
paired with a gold event (same type, same place) that another system event of the article already took: the
same real event counted twice. Other unpaired events are counted as SPURIOUS (no gold event of its type and
place at all). On the dev set the tune split (seed-000..dev-029) and the check split (dev-030..dev-045) are
counted apart. --list prints the duplicates of the sets read for errors only (dev tune, heldout, heldout2..heldout8,
tune2..tune14, dedup): the dev check split, heldout11..heldout21 and dedup_heldout are scored, never read.
--set all counts every set, one row each.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rasd.document import Article
from rasd.pipeline import extract

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy_splits import ROOT, SHARED, _score_module, is_check  # noqa: E402  (the same split and scorer)
from sets import BLIND_HELDOUT, READ_HELDOUT, READ_TUNE  # noqa: E402


def duplicates(score, gold: dict, record: dict) -> tuple[list[dict], int]:
    """(the article's duplicate system events, its count of spurious ones)."""
    sys_events = [e for e in record.get("events") or [] if isinstance(e, dict)]
    golds = gold.get("events", [])
    places = gold.get("places", [])
    pairs = score._max_weight_matching([[score._pair_weight(g, ev, places) for ev in sys_events] for g in golds])
    taken = set(pairs.values())
    dups, spurious = [], 0
    for k, ev in enumerate(sys_events):
        if k in taken:
            continue
        if any(score._event_pairable(g, ev, places) for gi, g in enumerate(golds) if gi in pairs):
            dups.append(ev)
        else:
            spurious += 1
    return dups, spurious


# The sets read for errors (their duplicates may be listed) and the sets only ever scored in aggregate (bench/sets.py).
READ_SETS = (*READ_HELDOUT, *READ_TUNE, "dedup", "dedup2")
SCORED_SETS = (*BLIND_HELDOUT, "dedup_heldout", "dedup_heldout2", "dedup_heldout3")


def count_set(score, name: str, totals: dict[str, list[int]], listing: bool) -> None:
    """Add one set's articles, events, duplicates and spurious events to totals (the dev set by split)."""
    base = SHARED / "eval" / "dev" if name == "dev" else ROOT / "tests" / "data" / name
    gold = score.read_jsonl(str(base / "gold.jsonl"))
    for line in (base / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        article = Article.model_validate(json.loads(line))
        if article.id not in gold:
            continue
        record = extract(article).to_record()
        dups, spurious = duplicates(score, gold[article.id], record)
        split = ("check" if is_check(article.id) else "tune") if name == "dev" else name
        t = totals.setdefault(split, [0, 0, 0, 0])
        t[0] += 1
        t[1] += len(record.get("events") or [])
        t[2] += len(dups)
        t[3] += spurious
        if listing and split in ("tune", *READ_SETS):
            for ev in dups:
                print(f"{split}\t{article.id}\t{ev['type']}\t{ev['trigger']['text']}@{ev['trigger']['start']}\t"
                      f"{(ev.get('place') or {}).get('text')}\t{ev.get('date')}\t{ev.get('fatalities')}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="dev", choices=("dev", *READ_SETS, *SCORED_SETS, "all"))
    ap.add_argument("--list", action="store_true", help="print the duplicate events of a set read for errors")
    args = ap.parse_args()
    score = _score_module()
    totals: dict[str, list[int]] = {}
    for name in ("dev", *READ_SETS, *SCORED_SETS) if args.set == "all" else (args.set,):
        count_set(score, name, totals, args.list)
    print("| split | articles | system events | duplicates | spurious (no gold event of its type and place) |")
    print("|---|---|---|---|---|")
    for split, (n, events, dups, spurious) in totals.items():
        print(f"| {split} | {n} | {events} | {dups} | {spurious} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
