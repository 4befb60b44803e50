"""Memory of the input readers on large files (issue 18: "a 300 MB JSONL → 693 MB; a 50 MB line → 440 MB"),
and of a whole `rasd ingest` of many varied articles (issue 16: "under 500 MB while ingesting 10,000").

    .venv/bin/python bench/ingest_memory.py [--mb 300] [--line-mb 50]
    .venv/bin/python bench/ingest_memory.py --ingest 10000 [--workers 2] [--max-minutes 40]

--ingest N: the 2,976 real articles of ../shared/data/news (RESEARCH licence: measuring only; the JSONL is
written to a temporary directory, never the repository), repeated with new ids, URLs and a closing line up to
N articles, are ingested by `rasd ingest --workers W` into a fresh SQLite file while the process tree's RSS
(the ingest process and each extraction worker, from /proc) is sampled every second; prints the peak RSS of
the parent, of the largest worker and of the whole tree, with the RSS seen after each 1,000 articles stored,
against the 500 MB ceiling. --max-minutes stops the ingest (SIGINT) and reports how far it got.

Writes, in a temporary directory, a JSONL file of about --mb megabytes (distinct Arabic articles of ~20 KB)
and a file with one --line-mb megabyte line between two good lines, then reads each in a fresh process
through `rasd.ingest.readers.read_inputs` (what `rasd extract` and `rasd ingest` consume; extraction after
it keeps a bounded window of articles in flight) and prints the articles read and the child's peak RSS.
A whole-file read would need at least the file's size; the line-by-line reader needs about one line.

Session 4 (2026-12-05, 14:22-14:47, load 6-11 on 2 cores): `nice -n 19 ... --ingest 10000 --workers 2` on
main at `ec123ad` (the lead's cache caps in) got only idle CPU: 1,711 articles stored in 24 minutes, when it
was stopped; each worker then at 324 MB RSS (~850 articles each), the ingest process 111 MB. A full run at
that share of the machine would take hours, so the ceiling was measured in one process instead
(bench/extract_memory.py, which bounds a worker's vocabulary; README, "Speed and memory").
"""
from __future__ import annotations

import argparse
import json
import os
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


NEWS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "corpus.jsonl.gz"
CEILING_MB = 500


def _tree_rss(root: int, cpu: dict[int, float] | None = None, pss: dict[int, int] | None = None) -> dict[int, int]:
    """{pid: RSS in kB} of `root` and all its descendants (Linux /proc); `cpu` gets each one's CPU seconds."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = {}, [root]
    while todo:
        pid = todo.pop()
        try:
            if cpu is not None:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                cpu[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    out[pid] = int(line.split()[1])
            if pss is not None:   # proportional: pages shared between processes counted once in the sum
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss[pid] = int(line.split()[1])
        except OSError:
            continue
        todo.extend(children.get(pid, []))
    return out


def ingest_memory(count: int, workers: int, max_minutes: float) -> int:
    import gzip
    import signal
    import sqlite3
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        base = [json.loads(line) for line in f]
    rasd = Path(sys.executable).with_name("rasd")
    with tempfile.TemporaryDirectory(prefix="rasd-mem-") as tmp:
        path, db = Path(tmp) / "news.jsonl", Path(tmp) / "mem.db"
        with path.open("w", encoding="utf-8") as out:
            for n in range(count):
                item = dict(base[n % len(base)])
                r = n // len(base)
                if r:
                    item.update(id=f"{item['id']}-r{r}", url=f"{item.get('url') or ''}#r{r}",
                                text=item["text"] + f"\nنسخة {r}.")
                item.pop("lang", None)
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        started, cpu_by_pid = time.perf_counter(), {}
        proc = subprocess.Popen([str(rasd), "ingest", str(path), "--db", str(db), "--workers", str(workers), "-q"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peak_parent = peak_worker = peak_total = peak_pss = 0
        marks: dict[int, int] = {}
        stored = 0
        while proc.poll() is None:
            pss: dict[int, int] = {}
            rss = _tree_rss(proc.pid, cpu_by_pid, pss)
            peak_pss = max(peak_pss, sum(pss.values()))
            parent = rss.pop(proc.pid, 0)
            peak_parent, peak_total = max(peak_parent, parent), max(peak_total, parent + sum(rss.values()))
            peak_worker = max([peak_worker, *rss.values()])
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                pass
            bucket = stored // 1000 * 1000
            marks[bucket] = max(marks.get(bucket, 0), parent, *rss.values())
            if time.perf_counter() - started > max_minutes * 60:
                proc.send_signal(signal.SIGINT)
                proc.wait()
                break
            time.sleep(1)
        seconds = time.perf_counter() - started
        stderr = proc.stderr.read() if proc.stderr else ""
        with sqlite3.connect(str(db)) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    cpu = sum(cpu_by_pid.values())   # as last sampled (up to a second short per process)
    print(f"rasd ingest --workers {workers}: {stored:,} of {count:,} articles stored in {seconds:.0f} s wall, "
          f"{cpu:.0f} CPU s (parent + workers); {stored / seconds:.1f} articles/s wall, "
          f"{stored / cpu if cpu else 0:.1f} per CPU s")
    print(f"peak RSS: ingest process {peak_parent / 1024:.0f} MB, largest worker {peak_worker / 1024:.0f} MB, "
          f"whole tree {peak_total / 1024:.0f} MB RSS, {peak_pss / 1024:.0f} MB PSS (ceiling {CEILING_MB} MB)")
    print("largest process RSS by articles stored: " + ", ".join(
        f"{k:,}: {v / 1024:.0f} MB" for k, v in sorted(marks.items())))
    if stderr.strip():
        print("stderr (last line): " + stderr.strip().splitlines()[-1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--line-mb", type=int, default=50)
    parser.add_argument("--ingest", type=int, help="ingest this many varied news articles and report peak RSS")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-minutes", type=float, default=60.0)
    args = parser.parse_args()
    if args.ingest:
        return ingest_memory(args.ingest, args.workers, args.max_minutes)
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
