"""Attribution cost: who-says-what (speech attributions, quotes, `reported_by` for events) per article and against
article length.

    .venv/bin/python bench/attribution.py [--repeat 3]

Each article is first run through the stages before attribution (sources, entities, places, dates: not timed);
then the timed work is what reads speech: the `attribution` stage, the `quotes` stage, and one
`reported_by_for_span` call per sentence (as the events stage asks per event). On a tree without the attribution
stage (before it existed) the same work is `quotes.run` plus `reported_by_for_span` from `rasd.extract.quotes`,
so the script also measures the old code when run with PYTHONPATH pointing at an older `src/`.

Inputs: the dev articles (../shared/eval/dev/articles.jsonl) and the founding article (seed-000) repeated 1, 5,
20 and 40 times as one article, to fit the exponent of time against length (1.0 is linear).
"""
from __future__ import annotations

import argparse
import importlib
import json
import math
import time
from pathlib import Path

from rasd.document import Article
from rasd.text import prepare

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles.jsonl"
BEFORE = ("sources", "entities", "places", "dates")


def _stage(name: str):
    return importlib.import_module(f"rasd.extract.{name}").run


def prepared(article: Article):
    doc = prepare(article)
    for name in BEFORE:
        _stage(name)(doc)
    return doc


def speech_work():
    """The timed function for this tree: new (attribution stage) or old (quotes computes attributions)."""
    try:
        attribution = importlib.import_module("rasd.extract.attribution")
    except ImportError:
        attribution = None
    quotes = importlib.import_module("rasd.extract.quotes")
    reported_by = attribution.reported_by_for_span if attribution else quotes.reported_by_for_span

    def work(doc) -> None:
        if attribution is not None:
            attribution.run(doc)
        for s in doc.sentences:
            reported_by(doc, s.start, s.end)
        quotes.run(doc)
    return work, ("attribution stage" if attribution else "quotes computes attributions")


def timed(work, docs, repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        fresh = [d.model_copy(deep=True) for d in docs]
        started = time.perf_counter()
        for d in fresh:
            work(d)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    work, kind = speech_work()
    articles = [Article(**{k: v for k, v in json.loads(line).items() if k in Article.model_fields})
                for line in DEV.open(encoding="utf-8")]
    docs = [prepared(a) for a in articles]
    secs = timed(work, docs, args.repeat)
    words = sum(len(a.text.split()) for a in articles)
    print(f"code: {kind}")
    print(f"dev set: {len(docs)} articles, {words} words: {secs * 1000:.0f} ms "
          f"({len(docs) / secs:.0f} articles/s, {words / secs:.0f} words/s)")
    seed = articles[0]
    points = []
    for n in (1, 5, 20, 40):
        long = Article(id=f"seed-x{n}", text="\n\n".join([seed.text] * n), published=seed.published)
        doc = prepared(long)
        t = timed(work, [doc], 1 if n >= 20 else args.repeat)
        points.append((len(long.text.split()), t))
        print(f"founding article x{n}: {points[-1][0]} words: {t * 1000:.0f} ms")
    (w0, t0), (w1, t1) = points[0], points[-1]
    print(f"exponent of time against length ({w0}→{w1} words): {math.log(t1 / t0) / math.log(w1 / w0):.2f}")


if __name__ == "__main__":
    main()
