"""Memory of the input readers on large files (issue 18: "a 300 MB JSONL → 693 MB; a 50 MB line → 440 MB").

    .venv/bin/python bench/ingest_memory.py [--mb 300] [--line-mb 50]

Writes, in a temporary directory, a JSONL file of about --mb megabytes (distinct Arabic articles of ~20 KB)
and a file with one --line-mb megabyte line between two good lines, then reads each in a fresh process
through `rasd.ingest.readers.read_inputs` (what `rasd extract` and `rasd ingest` consume; extraction after
it keeps a bounded window of articles in flight) and prints the articles read and the child's peak RSS.
A whole-file read would need at least the file's size; the line-by-line reader needs about one line.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = ("قتل خمسة مدنيين في غارة جوية استهدفت سوقا شعبيا في مدينة إدلب صباح الجمعة، بحسب الدفاع المدني "
             "السوري. وقال مسؤول محلي إن الطائرات الحربية استهدفت السوق مرتين خلال ساعة واحدة. ")

CHILD = """
import resource, sys
from rasd.ingest.readers import read_inputs
from rasd.document import Article
good = bad = 0
for item in read_inputs([sys.argv[1]]):
    if isinstance(item, Article):
        good += 1
    else:
        bad += 1
print(good, bad, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def write_big(path: Path, megabytes: int) -> int:
    body = PARAGRAPH * 60                                      # ~20 KB of UTF-8
    n = 0
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < megabytes * 1_000_000:
            out.write(json.dumps({"id": f"big-{n}", "text": f"{body} رقم {n}", "published": "2024-03-01"},
                                 ensure_ascii=False) + "\n")
            n += 1
    return n


def write_long_line(path: Path, megabytes: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"id": "before", "text": PARAGRAPH}, ensure_ascii=False) + "\n")
        out.write('{"id": "huge", "text": "' + "ب" * (megabytes * 500_000) + '"}\n')
        out.write(json.dumps({"id": "after", "text": PARAGRAPH + " ثانية"}, ensure_ascii=False) + "\n")


def measure(path: Path) -> tuple[int, int, float, float]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
    good, bad, rss_kb = (int(x) for x in out.stdout.split())
    return good, bad, rss_kb / 1024, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--line-mb", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rasd-mem-") as tmp:
        big, long_line = Path(tmp) / "big.jsonl", Path(tmp) / "long-line.jsonl"
        n = write_big(big, args.mb)
        write_long_line(long_line, args.line_mb)
        baseline = subprocess.run([sys.executable, "-c", "import resource; from rasd.ingest.readers import "
                                   "read_inputs; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"],
                                  capture_output=True, text=True, check=True)
        print(f"interpreter + readers imported: {int(baseline.stdout) / 1024:.0f} MB peak RSS")
        for label, path in ((f"{big.stat().st_size / 1e6:.0f} MB JSONL, {n:,} articles", big),
                            (f"one {long_line.stat().st_size / 1e6:.0f} MB line between two good lines", long_line)):
            good, bad, rss, seconds = measure(path)
            print(f"{label}: {good:,} read, {bad} error line(s), peak RSS {rss:.0f} MB, {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
