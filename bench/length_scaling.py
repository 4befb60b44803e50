"""Time and peak memory against article length, and articles/s on one core for many short copies.

    .venv/bin/python bench/length_scaling.py [--words 1000 5000 20000] [--copies 300] [--max-seconds 60]
    .venv/bin/python bench/length_scaling.py --compare A.jsonl B.jsonl   # byte-compare two extract outputs

The long article is the founding article (seed-000 of ../shared/eval/dev/articles.jsonl) repeated, lines
cycled until it reaches the word count. Each length runs in a fresh child process: the knowledge base is
loaded and one short article extracted first (warm-up, not timed), then the long one is timed; peak RSS is
the child's maximum resident set. The exponent is the least-squares slope of log(seconds) on log(words).
A length is skipped when the exponent so far predicts it would take longer than --max-seconds. `--copies N` times N separate copies of the founding article in one process.

`--compare` is the output-unchanged check used while optimising: run `rasd extract` before and after a
change on the dev set and compare the two files (byte-identical, or the first differing article is named).

Session 3, 2026-12-05, the shared 2-core machine under load 6-12 (so CPU seconds are the figure compared),
the session's start (4e0e6d6, via PYTHONPATH) and branch speed3, back to back (README, "Speed and memory"):

    words     start: wall / CPU       speed3: wall / CPU
    1,011     0.29 s / 0.13 s         0.31 s / 0.10 s
    5,000     3.51 s / 0.90 s         1.59 s / 0.51 s
   20,032    14.17 s / 3.75 s         6.18 s / 2.07 s
   80,038   106.75 s / 32.22 s  339 MB  26.10 s / 8.85 s  281 MB
   exponent  1.32 wall, 1.25 CPU     1.01 wall, 1.02 CPU
   300 copies of seed-000, one core: 8.3 -> 11.3 articles per CPU second (a second run: 9.7 -> 10.4)

Session 10, speed15 (fae5b32) against main f0d7fd2, back to back at load 2, 80,038 words (`--child length 80000`):
peak RSS 331 / 331 MB -> 287.6 / 287.6 MB, CPU 6.94 / 6.29 s -> 6.01 / 6.14 s (tokens and spans keep their values
in the object, tokens share word strings and prefixes lists, event_actors' mentions memo forgets far sentences).

Session 15, mem24 (compiled build, load 9-12 on 2 cores), 80,038 words, peak RSS: base 52d8c5a 322 MB (per-stage
RSS probe: warm process 157 MB, +87 MB in the entities stage, of which the NER tagger's temporary arrays were ~90 MB
at once by tracemalloc) -> 297-298 MB (ef88fcf: the tagger's state scores gathered per relative position, Viterbi
back-pointers as bytes, marginals in place) -> 291 MB (5ff1ba1: malloc_trim after each stage of a long article;
span indexes in text order keep no index list). CPU 4.3-4.4 s at that load. A fixed glibc mmap threshold
(MALLOC_MMAP_THRESHOLD_=131072) gave 290 MB: what is left is live data (~127 MB traced for the document).

Session 2's figures: 80k words 25.7 s, exponent 1.21, 10.5 articles/s on the copies.
Output was byte-identical (dev set, tests/data/heldout2, news articles, long articles) after every change.
"""
from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


def founding(path: Path = DEV) -> dict:
    for line in path.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        if a["id"] == "seed-000":
            return a
    raise SystemExit(f"{path}: no article seed-000")


def long_text(text: str, words: int) -> str:
    lines = [l for l in text.split("\n") if l.strip()]
    out: list[str] = []
    n = 0
    i = 0
    while n < words:
        line = lines[i % len(lines)]
        out.append(line)
        n += len(line.split())
        i += 1
    return "\n".join(out)


def child(mode: str, arg: int) -> None:
    from rasd.document import Article
    from rasd.pipeline import extract
    a = founding()
    base = Article(id=a["id"], text=a["text"], published=a.get("published"))
    extract(base)  # warm-up: KB, models, lexicons
    if mode == "length":
        art = Article(id="long", text=long_text(a["text"], arg), published=a.get("published"))
        start, cpu = time.perf_counter(), time.process_time()
        extract(art)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        n = len(art.text.split())
    else:
        arts = [Article(id=f"c{k}", text=a["text"], published=a.get("published")) for k in range(arg)]
        start, cpu = time.perf_counter(), time.process_time()
        for art in arts:
            extract(art)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        n = arg
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": n, "seconds": elapsed, "cpu": cpu, "peak_mb": peak}))


def run_child(mode: str, arg: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(arg)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def exponent(points: list[tuple[int, float]]) -> float:
    xs = [math.log(w) for w, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def compare(a: Path, b: Path) -> int:
    if a.read_bytes() == b.read_bytes():
        print(f"identical: {a} {b}")
        return 0
    la, lb = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
    for k, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            print(f"DIFFER at line {k + 1} (article {json.loads(x).get('id', '?')})")
            return 1
    print(f"DIFFER in length: {len(la)} vs {len(lb)} lines")
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[1000, 5000, 20000, 80000])
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--compare", type=Path, nargs=2)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    if args.compare:
        return compare(*args.compare)
    print(f"{'words':>7} {'seconds':>8} {'CPU s':>8} {'words/s':>8} {'peak RSS MB':>12}")
    points: list[tuple[int, float]] = []
    cpu_points: list[tuple[int, float]] = []
    for words in sorted(args.words):
        if points:
            # predicted from the exponent so far (2 with one point): skip a length that would take too long
            k = exponent(points) if len(points) >= 2 else 2.0
            predicted = points[-1][1] * (words / points[-1][0]) ** k
            if predicted > args.max_seconds:
                print(f"{words:>7} skipped (predicted {predicted:.0f} s > --max-seconds {args.max_seconds:.0f})")
                continue
        r = run_child("length", words)
        points.append((r["n"], r["seconds"]))
        cpu_points.append((r["n"], r["cpu"]))
        print(f"{r['n']:>7} {r['seconds']:>8.2f} {r['cpu']:>8.2f} {r['n'] / r['seconds']:>8.0f} {r['peak_mb']:>12.0f}",
              flush=True)
    if len(points) >= 2:
        print(f"fitted exponent (seconds ~ words^k): k = {exponent(points):.2f} wall clock, "
              f"{exponent(cpu_points):.2f} CPU time")
    if args.copies:
        r = run_child("copies", args.copies)
        print(f"{args.copies} copies of seed-000, one core: {r['seconds']:.2f} s, "
              f"{args.copies / r['seconds']:.1f} articles/s ({r['cpu']:.2f} s CPU, {args.copies / r['cpu']:.1f} "
              f"articles per CPU second), peak RSS {r['peak_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
