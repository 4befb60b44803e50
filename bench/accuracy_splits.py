"""Accuracy on the dev set's tuning and check splits, on the whole dev set, and on our own sets.

Run: .venv/bin/python bench/accuracy_splits.py [--per-type]
The dev set (../shared/eval/dev, 46 articles) is split as the rules were written: seed-000..dev-029 were read
to find errors (tune); dev-030..dev-045 were only ever scored (check). tests/data/heldout (8 articles),
tests/data/heldout2 (20 articles), tests/data/heldout3 (20), tests/data/heldout4 (20, blind: only its aggregate
is read), heldout5 (20, blind, made in session 5), heldout6 (20, blind, made in session 7), heldout7 (20, blind,
made in session 8), heldout8 (16, blind, made at the end of session 8), heldout9 (22, blind, made in session 9), heldout10 and heldout11 (21 each, blind, made in session 10), heldout12, heldout13 and heldout14 (21 each, blind, made in session 11), heldout15, heldout16 and heldout17 (21 each, blind, made in session 12), heldout18 and heldout19 (21 each, blind, made in session 13; heldout3..heldout6 were released for reading in session 13), heldout20 and heldout21 (21 each, blind, made in session 14; heldout7 and heldout8 released for reading in session 14), heldout22 and heldout23 (21 each, blind, made in session 15; heldout9 and heldout10 released for reading in session 15), tune2, tune3, tune4, tune5, tune6, tune7, tune8, tune9, tune10, tune11, tune12, tune13 and tune14 (annotated blind, then
read for errors) are our own annotated sets; see their READMEs.
Scores come from ../shared/eval/score.py, unchanged.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sets import BLIND_HELDOUT, READ_HELDOUT, READ_TUNE  # noqa: E402

from rasd.document import Article, Document
from rasd.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _score_module():
    spec = importlib.util.spec_from_file_location("rasd_eval_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_check(doc_id: str) -> bool:
    return doc_id.startswith("dev-") and int(doc_id.split("-")[1]) >= 30


def set_files(name: str) -> tuple[Path, Path, Callable[[str], bool]]:
    """(gold, articles, which ids) of a named set: «dev», «dev-tune», «dev-check» or a tests/data folder."""
    if name.startswith("dev"):
        keep: Callable[[str], bool] = {"dev-tune": lambda i: not is_check(i), "dev-check": is_check}.get(
            name, lambda i: True)
        return SHARED / "eval" / "dev" / "gold.jsonl", SHARED / "eval" / "dev" / "articles.jsonl", keep
    base = ROOT / "tests" / "data" / name
    return base / "gold.jsonl", base / "articles.jsonl", lambda i: True


def documents(score, name: str) -> tuple[dict, dict[str, Document]]:
    """(gold, extracted documents) of a named set, for the tools that read per-event output."""
    gold_path, articles, keep = set_files(name)
    gold = {k: v for k, v in score.read_jsonl(str(gold_path)).items() if keep(k)}
    docs = {}
    for line in articles.read_text(encoding="utf-8").splitlines():
        article = Article.model_validate(json.loads(line))
        if article.id in gold:
            docs[article.id] = extract(article)
    return gold, docs


def paired_events(score, name: str, field: str):
    """(doc_id, document, gold event, system event) for each required gold event with `field` set that score.py
    pairs with a system event of a set (the same optimal assignment), for the tools that read field losses."""
    gold, docs = documents(score, name)
    for doc_id, g_doc in gold.items():
        doc = docs[doc_id]
        sys_events = [e for e in doc.to_record().get("events") or [] if isinstance(e, dict)]
        golds = g_doc.get("events", [])
        places = g_doc.get("places", [])
        pairs = score._max_weight_matching([[score._pair_weight(g, ev, places) for ev in sys_events] for g in golds])
        for gi, g in enumerate(golds):
            if not g.get("optional") and g.get(field) and gi in pairs:
                yield doc_id, doc, g, sys_events[pairs[gi]]


def records(articles: Path) -> dict[str, dict]:
    out = {}
    for line in articles.read_text(encoding="utf-8").splitlines():
        article = Article.model_validate(json.loads(line))
        out[article.id] = extract(article).to_record()
    return out


def row(name: str, report: dict) -> str:
    def acc(key):
        value = report[key]["accuracy"]
        return "-" if value is None else f"{value:.3f}"
    ev = report["events"]
    return (f"| {name} | {report['entities']['f1']:.3f} | {report['places']['f1']:.3f} | "
            f"{ev['precision']:.3f} / {ev['recall']:.3f} / **{ev['f1']:.3f}** | {acc('event_actor1')} | "
            f"{acc('event_date')} | {acc('fatalities')} / {acc('injuries')} | {report['quotes']['f1']:.3f} | "
            f"{acc('quote_speaker')} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-type", action="store_true", help="also print events by PLOVER type on the whole dev set")
    args = ap.parse_args()
    score = _score_module()
    dev_gold = score.read_jsonl(str(SHARED / "eval" / "dev" / "gold.jsonl"))
    dev = records(SHARED / "eval" / "dev" / "articles.jsonl")
    print("| set | entities F1 | places F1 | events P / R / F1 | actor1 | date | fatalities / injuries | quotes F1 "
          "| speaker |")
    print("|---|---|---|---|---|---|---|---|---|")
    splits = {"dev, tune (30)": {k: v for k, v in dev_gold.items() if not is_check(k)},
              "dev, check (16)": {k: v for k, v in dev_gold.items() if is_check(k)},
              "dev, all (46)": dev_gold}
    for name, gold in splits.items():
        print(row(name, score.score(gold, dev)))
    for folder in (*READ_HELDOUT, *BLIND_HELDOUT, *READ_TUNE):     # bench/sets.py lists them
        base = ROOT / "tests" / "data" / folder
        if (base / "gold.jsonl").exists():
            gold = score.read_jsonl(str(base / "gold.jsonl"))
            print(row(f"{folder} ({len(gold)})", score.score(gold, records(base / "articles.jsonl"))))
    if args.per_type:
        report = score.score(dev_gold, dev)
        print("\n| type (dev, all) | P | R | F1 | gold | system |\n|---|---|---|---|---|---|")
        for t, r in sorted(report["events_by_type"].items()):
            print(f"| {t} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['gold']} | {r['system']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
