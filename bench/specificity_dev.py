"""Effect of the specificity filter on the dev set: events F1 with and without it (score.py).

Run: .venv/bin/python bench/specificity_dev.py [--show]
Extracts ../shared/eval/dev/articles.jsonl with the pipeline, writes the records as they are and with the
ASSAULT / PROTEST events that rasd.extract.specificity.reports_specific_event rejects removed (a simulation of
the events stage calling it; it filters after merging, so a merged event is judged by its first trigger),
and prints score.py's events lines for both. --show prints each dropped event with the reason.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from rasd.document import Article
from rasd.extract.specificity import reports_specific_event
from rasd.pipeline import extract

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
FILTERED_TYPES = ("ASSAULT", "PROTEST")


def read_articles() -> list[Article]:
    out = []
    for line in (EVAL / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
            out.append(Article(id=row["id"], text=row["text"], published=published, url=row.get("url")))
    return out


def filter_document(doc, show: bool) -> None:
    kept = []
    for ev in doc.events:
        if ev.type in FILTERED_TYPES:
            i = next(k for k, t in enumerate(doc.tokens) if t.end > ev.trigger.start)
            ok, why = reports_specific_event(doc, doc.tokens[i].sentence, i, ev.type)
            if not ok:
                if show:
                    print(f"drop {doc.article.id} «{ev.trigger.text}» {why}\n\t{ev.evidence.text[:200]}")
                continue
        kept.append(ev)
    doc.events = kept


def score(path: Path) -> str:
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / "dev" / "gold.jsonl"), str(path)],
                         capture_output=True, text=True, check=True).stdout
    return "\n".join(l for l in out.splitlines() if l.startswith(("events", "fatalities", "injuries", "event_")))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain, filtered = Path(tmp) / "plain.jsonl", Path(tmp) / "filtered.jsonl"
        with plain.open("w", encoding="utf-8") as fp, filtered.open("w", encoding="utf-8") as ff:
            for article in read_articles():
                doc = extract(article)
                fp.write(json.dumps(doc.to_record(), ensure_ascii=False, default=str) + "\n")
                filter_document(doc, args.show)
                ff.write(json.dumps(doc.to_record(), ensure_ascii=False, default=str) + "\n")
        print("pipeline:\n" + score(plain))
        print("pipeline + specificity filter (ASSAULT, PROTEST):\n" + score(filtered))


if __name__ == "__main__":
    main()
