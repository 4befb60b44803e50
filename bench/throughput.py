"""Throughput and peak memory of `rasd extract` on N copies of the bundled sample.

    .venv/bin/python bench/throughput.py [--copies 20 50] [--input examples/articles.jsonl]

Each run is a fresh `rasd extract` process (knowledge base loading included), so the figures are what a
user sees; peak memory is the child's maximum resident set size. Prints a table; the README quotes it.
CPU seconds are those of the process and its extraction workers (read from /proc), so articles per CPU
second compare code on a shared machine, where wall clock measures the other users too. The issue-16 figure
(the founding article copied) is `--input` a JSONL of seed-000 alone, e.g.
`grep '"seed-000"' ../shared/eval/dev/articles.jsonl > /tmp/seed.jsonl`.

Session 4 (2026-12-05, load 6-11 on 2 cores), branch speed5, `--input /tmp/seed.jsonl --copies 1 100
--workers 1 2`: one worker 8.0-8.1 articles per CPU second (steady 9.2-9.4, start-up and KB loading
cancelled), about 1.7 CPU s to start; with two workers 2.4 articles/s wall at that load.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # bench/ingest_memory.py: the /proc reader

ROOT = Path(__file__).resolve().parents[1]
RASD = ROOT / ".venv" / "bin" / "rasd"


def make_input(source: Path, copies: int, folder: Path) -> Path:
    articles = [json.loads(l) for l in source.read_text(encoding="utf-8").splitlines() if l.strip()]
    path = folder / f"bench-{copies}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(copies):
            for a in articles:
                out.write(json.dumps({**a, "id": f"{a['id']}-{k}"}, ensure_ascii=False) + "\n")
    return path


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_once(path: Path, out: Path, workers: int) -> tuple[float, int, float]:
    """(wall seconds, peak RSS kB, CPU seconds of the `rasd extract` process and its workers).

    The workers' CPU is read from /proc every 0.2 s (they are the forkserver's children, which rusage does
    not count), each worker's last reading kept; the main process's from rusage."""
    from ingest_memory import _tree_rss
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen([str(RASD), "extract", str(path), "-o", str(out), "-q", "--workers", str(workers)])
    tree_cpu: dict[int, float] = {}
    while proc.poll() is None:
        _tree_rss(proc.pid, tree_cpu)
        time.sleep(0.2)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    workers_cpu = sum(v for pid, v in tree_cpu.items() if pid != proc.pid)
    return elapsed, max(peak_kb, before), _children_cpu() - cpu + workers_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=ROOT / "examples" / "articles.jsonl")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 25, 100])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    n_per_copy = sum(1 for l in args.input.read_text(encoding="utf-8").splitlines() if l.strip())
    chars = len(args.input.read_text(encoding="utf-8"))
    print(f"input: {args.input} ({n_per_copy} articles, {chars:,} characters a copy)")
    import rasd._native     # (`import rasd` decides: compiled modules when built from these sources, issue 16)
    print("extraction modules: " + ("compiled (mypyc)" if rasd._native.running_compiled()
                                    else "pure Python (not built, stale, or RASD_NO_MYPYC=1: `make native`)"))
    print(f"{'workers':>7} {'articles':>9} {'seconds':>8} {'articles/s':>11} {'steady art/s':>13} "
          f"{'CPU s':>7} {'per CPU s':>10} {'steady /CPU s':>14} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for workers in args.workers:
            first: tuple[int, float, float] | None = None
            for copies in args.copies:
                path = make_input(args.input, copies, folder)
                elapsed, peak_kb, cpu = run_once(path, folder / "out.jsonl", workers)
                n = copies * n_per_copy
                # steady rate: the extra articles over the extra time, start-up and KB loading cancelled out;
                # per CPU second (the process and its workers): what the code costs on a shared machine
                steady = (n - first[0]) / (elapsed - first[1]) if first and elapsed > first[1] else float("nan")
                steady_cpu = (n - first[0]) / (cpu - first[2]) if first and cpu > first[2] else float("nan")
                first = first or (n, elapsed, cpu)
                print(f"{workers:>7} {n:>9} {elapsed:>8.2f} {n / elapsed:>11.1f} {steady:>13.1f} "
                      f"{cpu:>7.1f} {n / cpu:>10.1f} {steady_cpu:>14.1f} {peak_kb / 1024:>12.0f}")
    print("(peak RSS is the largest single process so far; worker processes each hold their own KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
