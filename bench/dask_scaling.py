"""Dask scaling: extraction throughput on a dask.distributed LocalCluster with 1 worker vs 2 workers.

    .venv/bin/python bench/dask_scaling.py [--articles 1000] [--workers 1 2]

The articles are the /work/main/examples articles repeated with distinct ids (and a distinct closing line,
so content hashes differ), as `rasd ingest --dask` would send them: chunks submitted in a bounded window,
results gathered in input order. Cluster start-up is excluded (measured separately); the ratio is
(articles/s with N workers) / (articles/s with 1 worker). It can only approach 2 on a machine with at least
two free cores; the number of cores seen is printed with the result.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from rasd.document import Article
from rasd.ingest.batch import WINDOW_PER_WORKER, _Dask, extract_in_order

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def sample_articles(count: int) -> list[Article]:
    from rasd.ingest.readers import read_inputs
    base = [a for a in read_inputs([EXAMPLES]) if isinstance(a, Article)]
    return [base[i % len(base)].model_copy(update={
        "id": f"{base[i % len(base)].id}-copy{i}",
        "text": base[i % len(base)].text + f"\nنسخة رقم {i}."}) for i in range(count)]


def run(workers: int, articles: list[Article]) -> dict:
    started = time.perf_counter()
    executor = _Dask(None, workers, None)
    startup = time.perf_counter() - started
    try:
        started = time.perf_counter()
        done = sum(1 for r in extract_in_order(articles, executor, workers * WINDOW_PER_WORKER)
                   if not isinstance(r, Exception))
        seconds = time.perf_counter() - started
    finally:
        executor.close()
    return {"workers": workers, "articles": done, "seconds": round(seconds, 2),
            "articles_per_s": round(done / seconds, 3), "cluster_startup_s": round(startup, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    articles = sample_articles(args.articles)
    cores = len(os.sched_getaffinity(0))
    results = [run(w, articles) for w in args.workers]
    base = results[0]["articles_per_s"]
    for r in results:
        r["ratio_vs_first"] = round(r["articles_per_s"] / base, 3)
    print(json.dumps({"cores": cores, "load_avg_1m": round(os.getloadavg()[0], 2), "results": results},
                     indent=2))


if __name__ == "__main__":
    main()
