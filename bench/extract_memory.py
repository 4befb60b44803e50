"""Peak memory of extraction in one process over the first N real news articles of ../shared/data/news
(evaluation-only data, read in place), with the CPU time it took. The per-word caches grow with vocabulary;
this shows where their caps leave the process.

Run: .venv/bin/python bench/extract_memory.py [N] [EVERY]     (default 800; EVERY: print RSS every EVERY articles)
     .venv/bin/python bench/extract_memory.py --jsonl N PATH    (write N articles, cycled as below, to PATH)

With N above the corpus's 2,976 texts the articles are cycled as bench/ingest_memory.py does: each repeat with
a new id and a closing line («نسخة r.»). `--jsonl` writes those N articles to a file outside the repository
for a whole `rasd extract` run under `/usr/bin/time -v` (the 10,000-article memory run, README "Speed and
memory").

Each article is extracted and turned into its record (what an ingest worker does). A worker of
`rasd ingest --workers 2` over bench/ingest_memory.py's 10,000 articles sees about half of them, whose words
are all words of these 2,976 distinct texts (the repeats add one closing line each), so one process over
the whole corpus meets at least the vocabulary any such worker meets: the per-word caches, bounded by entry
count, reach their caps here or earlier.

Session 5 (2026-12-05, load 10-13 on 2 cores): `extract_memory.py 300 100` gave 291 MB on main at `eb3b175` and
303 MB on speed6 (41.6 and 31.3 CPU s). The 10,000-article `rasd extract` run under `nice -n 19 /usr/bin/time -v`
got only idle CPU: stopped after 37.5 minutes with 730 articles written, peak RSS 337 MB.
Session 6 (speed7 at its start, = main 4b5df60): the same 10,000-article run completed under `nice -n 19`
(`PYTHONHASHSEED=0 nice -n 19 /usr/bin/time -v .venv/bin/rasd extract -q /tmp/news10k.jsonl -o /tmp/out.jsonl`):
10,000 records, peak RSS 423,072 kB, 620.5 CPU s (16.1 articles per CPU second), 68 min wall; RSS flat at
420-423 MB from the end of the 2,976 distinct texts on.
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


def cycled(n: int):
    """The first n articles of the corpus, cycled past its end with a new id and a closing line per repeat."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        base = [json.loads(line) for line in f]
    for k in range(n):
        item = dict(base[k % len(base)])
        r = k // len(base)
        if r:
            item.update(id=f"{item['id']}-r{r}", url=f"{item.get('url') or ''}#r{r}", text=item["text"] + f"\nنسخة {r}.")
        item.pop("lang", None)
        yield item


def main() -> int:
    if sys.argv[1:2] == ["--jsonl"]:
        with open(sys.argv[3], "w", encoding="utf-8") as out:
            for item in cycled(int(sys.argv[2])):
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        return 0
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 800
    every = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    start = time.process_time()
    done = 0
    for a in cycled(n):
        extract(Article(id=a["id"], text=a["text"])).to_record()
        done += 1
        if every and done % every == 0:
            print(f"articles {done}  RSS {_rss_mb()} MB  CPU {time.process_time() - start:.0f} s", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"articles {done}  peak RSS {peak_mb} MB  CPU {time.process_time() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
