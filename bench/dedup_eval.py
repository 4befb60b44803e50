"""Cross-article dedup on the dedup evaluation set, two ways (figures in docs/DEDUP.md):

    .venv/bin/python bench/dedup_eval.py [--set tests/data/dedup] [--json] [--no-background]

1. end to end: every article extracted by rasd, ingested into a fresh store, `rasd export --format jsonl`
   scored by ../shared/eval/dedup_score.py — what a user gets (extraction errors included);
2. gold-fed: the GOLD events of each article (type, place with its coordinates and kind, date, actors, tolls)
   stored through the same Repository.add_record, so the score measures the deduplication alone. Background
   mentions the gold leaves undated (an optional event with `date: []`, e.g. «في يناير 2018») are left out:
   the gold has no date to feed for them. Actors are
   identified as rasd identifies them: a gold actor alias found among the article's extracted entities,
   agents or event actors takes that one's knowledge-base id, sector and country.

--no-background scores against the gold without its optional keyed events (background mentions of another
keyed event, «آخر تفجير ... في يناير 2018»): ANNOTATION.md makes background events optional, while
dedup_score.py scores every keyed event as required; rasd keeps such mentions out of its events (historical).

The held-out sets (tests/data/dedup_heldout, dedup_heldout2, dedup_heldout3: blind) print their aggregate lines only — no
per-event lines, no --json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".." / "shared" / "eval"))


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


_NO_BACKGROUND = False


def _read_gold(gold_path: Path) -> dict:
    from dedup_score import read_jsonl
    gold = read_jsonl(str(gold_path))
    if _NO_BACKGROUND:
        for g in gold.values():
            g["events"] = [e for e in g.get("events", []) if not (e.get("optional") and e.get("event_key"))]
    return gold


def _score(gold_path: Path, repo) -> dict:
    from dedup_score import score
    from rasd.export.formats import export_events
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "canonical.jsonl"
        export_events(repo, "jsonl", str(out), None)
        canon = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return score(_read_gold(gold_path), canon)


def _article(a: dict):
    from rasd.document import Article
    return Article(id=a["id"], text=a["text"], published=dt.date.fromisoformat(a["published"]) if a.get("published")
                   else None, url=a.get("url"), outlet=a.get("outlet"), lang=a.get("lang") or "ar")


def end_to_end(articles: list[dict], gold_path: Path, db: str) -> dict:
    from rasd.document import Record
    from rasd.pipeline import extract
    from rasd.store import Repository
    with Repository.open(db) as repo:
        for a in articles:
            art = _article(a)
            repo.add_record(Record.from_document(extract(art)) if hasattr(Record, "from_document")
                            else _record(extract(art)), art)
        return _score(gold_path, repo)


def _record(doc):
    from rasd.document import Record
    return Record.model_validate(doc.to_record() if hasattr(doc, "to_record") else doc.record())


def _actor_index(doc) -> dict[str, object]:
    from rasd.text.normalize import normalize_for_match
    index = {}
    for e in list(doc.entities) + list(getattr(doc, "agents", []) or []):
        if e.kb_id:
            index.setdefault(normalize_for_match(e.text), (e.kb_id, e.sector, e.country, e.name_en))
    for ev in doc.events:
        for a in (ev.actor1, ev.actor2):
            if a is not None and a.kb_id:
                index.setdefault(normalize_for_match(a.text), (a.kb_id, a.sector, a.country, a.name_en))
    return index


def gold_fed(articles: list[dict], golds: dict[str, dict], gold_path: Path, db: str) -> dict:
    from rasd.document import Actor, Event, EventPlace, Record, RecordSource, Span
    from rasd.pipeline import extract
    from rasd.store import Repository
    from rasd.text.normalize import normalize_for_match

    def actor(aliases, text, index):
        arabic = [x for x in aliases if x in text]
        for alias in arabic:
            hit = index.get(normalize_for_match(alias))
            if hit:
                kb_id, sector, country, name_en = hit
                return Actor(text=alias, kb_id=kb_id, sector=sector, country=country, name_en=name_en)
        return Actor(text=arabic[0]) if arabic else None

    with Repository.open(db) as repo:
        for a in articles:
            art, g = _article(a), golds[a["id"]]
            index = _actor_index(extract(art))
            places = {p["name"]: p for p in g.get("places", [])}
            events = []
            for e in g.get("events", []):
                if e.get("optional") and e.get("event_key") and not e.get("date"):
                    continue   # a background mention the gold cannot date («في يناير 2018»): nothing to feed
                ev_text = e.get("evidence") or ""
                start = max(0, a["text"].find(ev_text)) if ev_text else 0
                span = Span(start=start, end=start + len(ev_text), text=a["text"][start:start + len(ev_text)])
                place = None
                if e.get("place"):
                    p = places.get(e["place"], {})
                    name = next((x for x in p.get("aliases", []) if x in a["text"]), e["place"])
                    place = EventPlace(text=name, lat=e.get("lat"), lon=e.get("lon"), country=p.get("country"),
                                       feature=p.get("kind"))
                dates = e.get("date") or []
                events.append(Event(type=e["type"][0], trigger=span, evidence=span, place=place,
                                    date=dates[0] if dates else None, date_precision="day" if dates else None,
                                    date_source="text" if dates else "publication",
                                    actor1=actor(e.get("actor1") or [], a["text"], index),
                                    actor2=actor(e.get("actor2") or [], a["text"], index),
                                    fatalities=e.get("fatalities"), injuries=e.get("injuries")))
            record = Record(id=a["id"], published=art.published, url=art.url,
                            source=RecordSource(outlet=art.outlet), entities=[], places=[], events=events,
                            non_events=[], quotes=[], relations=[], dates=[])
            repo.add_record(record, art)
        return _score(gold_path, repo)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default=str(ROOT / "tests" / "data" / "dedup"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-background", action="store_true",
                    help="score without the gold's optional keyed (background) events")
    args = ap.parse_args()
    global _NO_BACKGROUND
    _NO_BACKGROUND = args.no_background
    folder = Path(args.set)
    articles = _load(folder / "articles.jsonl")
    golds = {g["id"]: g for g in _load(folder / "gold.jsonl")}
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        report["end_to_end"] = end_to_end(articles, folder / "gold.jsonl", f"sqlite:///{tmp}/e2e.db")
        report["gold_fed"] = gold_fed(articles, golds, folder / "gold.jsonl", f"sqlite:///{tmp}/gold.db")
    blind = folder.resolve().name.startswith("dedup_heldout")    # held-out dedup sets: aggregate figures only
    if args.json and not blind:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    for name, rep in report.items():
        pw = rep["pairwise"]
        print(f"{name}: pairwise P={pw['precision']:.3f} R={pw['recall']:.3f} F1={pw['f1']:.3f} "
              f"(gold pairs {pw['pairs_same_event_gold']}, system pairs {pw['pairs_same_event_system']}); "
              f"unified {rep['keys_unified']}/{rep['keys_reported_by_several_articles']}; "
              f"joining different events {rep['canonical_events_joining_different_keys']}; tolls in range "
              f"{rep['tolls_within_reported_range']['ok']}/{rep['tolls_within_reported_range']['n']}")
        for k, v in rep["splits"].items() if not blind else ():   # a blind set's events are never listed
            if v["canonical_events"] != 1:
                print(f"   {k}: {v['matched_articles']}/{v['articles']} matched, in {v['canonical_events']} event(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
