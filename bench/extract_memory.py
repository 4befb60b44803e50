"""Peak memory of extraction in one process over the first N real news articles of ../shared/data/news
(evaluation-only data, read in place), with the CPU time it took. The per-word caches grow with vocabulary;
this shows where their caps leave the process.

Run: .venv/bin/python bench/extract_memory.py [N]      (default 800)
"""
from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from pathlib import Path

from rasd.document import Article
from rasd.pipeline import extract

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "corpus.jsonl.gz"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 800
    start = time.process_time()
    done = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            if done >= n:
                break
            a = json.loads(line)
            extract(Article(id=a["id"], text=a["text"]))
            done += 1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"articles {done}  peak RSS {peak_mb} MB  CPU {time.process_time() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
