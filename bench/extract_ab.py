"""Whole `rasd extract` runs of two versions of the code, interleaved: start-up and --workers (issue 16).

    .venv/bin/python bench/extract_ab.py A_SRC B_SRC [--input /tmp/seed.jsonl] [--copies 1 300]
        [--workers 1 2] [--rounds 3]

A_SRC and B_SRC are `src` directories (e.g. `git archive main src | tar -x -C /tmp/main`, with the built KB
linked into `src/rasd/kb/built`); each run is `python -m rasd.cli extract` with PYTHONPATH=SRC and
PYTHONHASHSEED=0, in the order A B, B A, A B ... so that both see the same load on a shared machine. For each
(copies, workers) it prints the median wall seconds and CPU seconds (the process and every descendant:
the forkserver and its workers, read from /proc every 0.1 s, as bench/throughput.py does) of A and B, and
B/A ratios; the load average is printed before and after. bench/ab_interleaved.py compares the extraction
itself in one warm process; this compares what a user waits for: start-up, workers, the parent's writing.

Session 13 (branch speed21, base 052c44c; load 6-18 on 2 cores, so walls are mostly the other users):
    copies 1, workers 1 (start-up), 5 rounds:  CPU 1.88 -> 1.17 s (0.62x), wall 4.98 -> 2.91 s (lazy store,
                                                actors read once)
    copies 1, workers 1 / 2, 3 rounds (+ warm forkserver, JSON lines from workers): CPU 1.65 -> 1.05 s (0.64x)
                                                / 1.91 -> 1.43 s (0.75x)
    copies 300, workers 1 / 2, 3 rounds:        CPU 23.13 -> 23.13 s (1.00x: start-up is ~3% of it, within
                                                the noise) / 31.04 -> 29.45 s (0.95x); walls 70-150 s, noise
    60 copies, workers 2 (/proc sampling of the tree, 2 runs each): parent CPU 0.94, 1.08 -> 0.30, 0.34 s;
                                                workers + forkserver CPU 6.23, 7.03 -> 5.54, 5.71 s; tree peak
                                                PSS 366 -> 235 MB (one KB shared copy-on-write)
Output identical (cmp) on every run, and on the dev set, tune6, tune11 and news 1-300 with --workers 1 and 2.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # bench/ingest_memory.py: the /proc reader

from throughput import _children_cpu, make_input  # noqa: E402  (the same copies and CPU reading)


def run_once(src: Path, path: Path, out: Path, workers: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process tree) of one `rasd extract`."""
    from ingest_memory import _tree_rss
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rasd.cli", "extract", str(path), "-o", str(out), "-q",
                             "--workers", str(workers)], env=env)
    tree_cpu: dict[int, float] = {}
    while proc.poll() is None:
        _tree_rss(proc.pid, tree_cpu)
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args)
    # the main process's own CPU from rusage (complete once reaped), its descendants' last /proc readings
    return elapsed, _children_cpu() - before + sum(v for pid, v in tree_cpu.items() if pid != proc.pid)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--input", type=Path, default=Path("/tmp/seed.jsonl"))
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 300])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="rasd-ab-") as tmp:
        folder = Path(tmp)
        for copies in args.copies:
            path = make_input(args.input, copies, folder)
            for workers in args.workers:
                runs: dict[str, list[tuple[float, float]]] = {"A": [], "B": []}
                for k in range(args.rounds):
                    for side in ("AB" if k % 2 == 0 else "BA"):
                        src = args.a if side == "A" else args.b
                        runs[side].append(run_once(src, path, folder / f"out-{side}.jsonl", workers))
                same = (folder / "out-A.jsonl").read_bytes() == (folder / "out-B.jsonl").read_bytes()
                wall = {s: statistics.median(w for w, _ in r) for s, r in runs.items()}
                cpu = {s: statistics.median(c for _, c in r) for s, r in runs.items()}
                print(f"copies {copies:>4} workers {workers}: wall A {wall['A']:6.2f} B {wall['B']:6.2f} "
                      f"(B/A {wall['B'] / wall['A']:.3f})  CPU A {cpu['A']:6.2f} B {cpu['B']:6.2f} "
                      f"(B/A {cpu['B'] / cpu['A']:.3f})  output {'identical' if same else 'DIFFERS'}  "
                      f"walls A {[round(w, 2) for w, _ in runs['A']]} B {[round(w, 2) for w, _ in runs['B']]}",
                      flush=True)
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
