"""Ingest throughput into SQLite and PostgreSQL (articles/s).

    .venv/bin/python bench/ingest.py [--articles 200] [--no-postgres]

Two numbers per database:
- store: `Repository.add_record` alone on pre-extracted records (one transaction per article, event
  clustering included) — what the database side can absorb;
- end-to-end (SQLite only): `rasd ingest`'s path (read, extract over all cores, store) on the same articles.
Articles are the /work/main/examples articles repeated with distinct ids and a distinct closing line.
PostgreSQL runs in a throw-away local cluster (rasd_testkit.store.throwaway_postgres), skipped if absent.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))   # rasd_testkit
from dask_scaling import sample_articles  # noqa: E402  (same article set)

from rasd.ingest.batch import default_workers, ingest_articles  # noqa: E402
from rasd.pipeline import extract  # noqa: E402
from rasd.store import Repository  # noqa: E402
from rasd_testkit.store import postgres_unavailable, throwaway_postgres  # noqa: E402


def store_rate(url: str, pairs) -> dict:
    with Repository.open(url) as repo:
        started, cpu = time.perf_counter(), time.process_time()
        for article, record in pairs:
            repo.add_record(record, article)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        events = repo.stats()
    # CPU seconds too: on a shared machine wall clock measures the other users as well
    return {"articles": len(pairs), "seconds": round(seconds, 2), "articles_per_s": round(len(pairs) / seconds, 1),
            "cpu_seconds": round(cpu, 2), "articles_per_cpu_s": round(len(pairs) / cpu, 1),
            "event_mentions": events.event_mentions, "canonical_events": events.events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    articles = sample_articles(args.articles)
    # extract once (cheaply: the base articles are repeated, so reuse their records with new ids)
    base: dict[str, dict] = {}
    pairs = []
    for a in articles:
        root = a.id.rsplit("-copy", 1)[0]
        if root not in base:
            base[root] = extract(a).to_record()
        pairs.append((a, {**base[root], "id": a.id}))
    out: dict = {"cores": len(os.sched_getaffinity(0)), "load_avg_1m": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryDirectory() as tmp:
        out["sqlite_store"] = store_rate(f"sqlite:///{tmp}/bench.db", pairs)
        with Repository.open(f"sqlite:///{tmp}/e2e.db") as repo:
            workers = default_workers()
            report = ingest_articles(iter(articles), repo, workers=workers)
        out["sqlite_end_to_end"] = {"articles": report.added, "workers": workers, "seconds": round(report.seconds, 2),
                                    "articles_per_s": round(report.rate, 2)}
    reason = "disabled" if args.no_postgres else postgres_unavailable()
    if reason:
        out["postgres_store"] = f"skipped: {reason}"
    else:
        with throwaway_postgres() as url:
            out["postgres_store"] = store_rate(url, pairs)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
