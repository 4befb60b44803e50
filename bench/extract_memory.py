"""Peak memory of extraction in one process over the first N real news articles of ../shared/data/news
(evaluation-only data, read in place), with the CPU time it took. The per-word caches grow with vocabulary;
this shows where their caps leave the process.

Run: .venv/bin/python bench/extract_memory.py [N] [EVERY]     (default 800; EVERY: print RSS every EVERY articles)

Each article is extracted and turned into its record (what an ingest worker does). A worker of
`rasd ingest --workers 2` over bench/ingest_memory.py's 10,000 articles sees about half of them, whose words
are all words of these 2,976 distinct texts (the repeats add one closing line each), so one process over
the whole corpus meets at least the vocabulary any such worker meets: the per-word caches, bounded by entry
count, reach their caps here or earlier.
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


def _rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmRSS:"))


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 800
    every = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    start = time.process_time()
    done = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            if done >= n:
                break
            a = json.loads(line)
            extract(Article(id=a["id"], text=a["text"])).to_record()
            done += 1
            if every and done % every == 0:
                print(f"articles {done}  RSS {_rss_mb()} MB  CPU {time.process_time() - start:.0f} s", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"articles {done}  peak RSS {peak_mb} MB  CPU {time.process_time() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
