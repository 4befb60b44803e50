"""Two versions of the code compared on the same news articles, interleaved, in CPU seconds (issue 16).

    .venv/bin/python bench/ab_interleaved.py A_SRC B_SRC [--articles 150] [--chunk 10] [--passes 2] [--founding]
                                             [--a-env KEY=VALUE ...] [--b-env KEY=VALUE ...]

A_SRC and B_SRC are `src` directories (e.g. `git archive main src | tar -x -C /tmp/main`, with the built KB
linked into `src/rasd/kb/built`). Each runs in its own worker process (PYTHONPATH, PYTHONHASHSEED=0), warmed
up with one short article; the workers then take the first N articles of ../shared/data/news
(evaluation-only data, read in place) in chunks, in alternating order (A B, B A, ...), so that both see the
same load on a shared machine; each chunk's CPU time is the worker's own `time.process_time()`. Pass 1 is
with cold caches (what a short run sees), pass 2 repeats the articles with the per-word caches warm (closer
to a long run's steady state). With --founding, the articles are N copies of the founding article (seed-000 of
../shared/eval/dev/articles.jsonl, each with its own id): the issue's one-core throughput target.

Session 6 (2026-12-05, load 5-10 on 2 cores), 150 articles, chunks of 10:
    main 4b5df60 vs speed7 (4 commits):  pass 1 11.69 -> 12.55 per CPU s (+7%), pass 2 13.46 -> 16.45 (+22%)
    main 8d1364a vs speed7 (5 commits):  pass 1 12.41 -> 13.29 (+7%),           pass 2 13.66 -> 16.31 (+19%)
    main 9c60bd5 vs speed7 (7 commits):  pass 1 12.22 -> 13.64 (+12%),          pass 2 15.23 -> 17.69 (+16%)

Session 7 (load 3-4), main 2924353 vs speed8 (17 commits):
    150 news articles:                  pass 1 17.40 -> 19.17 (+10%), pass 2 20.84 -> 23.88 (+15%)
                                        pass 1 18.73 -> 20.20 (+8%),  pass 2 20.94 -> 24.70 (+18%)
    --founding --articles 300 --chunk 20: pass 1 16.77 -> 18.82 (+12%), pass 2 16.02 -> 18.08 (+13%)
                                        pass 1 15.33 -> 17.69 (+15%), pass 2 17.12 -> 19.07 (+11%)

Session 8 (load 5-7), main fb4262f vs speed9 (6 commits):
    150 news articles:                  pass 1 19.28 -> 20.20 (+5%),  pass 2 24.27 -> 25.71 (+6%)
                                        pass 1 20.71 -> 21.17 (+2%),  pass 2 24.84 -> 25.88 (+4%)
    --founding --articles 300 --chunk 20: pass 1 19.75 -> 20.54 (+4%),  pass 2 20.92 -> 21.69 (+4%)
                                        pass 1 21.32 -> 22.21 (+4%),  pass 2 19.44 -> 20.80 (+7%)

Session 9 (load 4-7), main 10c561e vs speed12 (21 commits):
    150 news articles:                  pass 1 20.02 -> 21.38 (+7%),  pass 2 24.62 -> 27.04 (+10%)
    --founding --articles 300 --chunk 20: pass 1 17.70 -> 19.82 (+12%), pass 2 19.58 -> 21.63 (+10%)
                                        pass 1 20.53 -> 23.38 (+14%), pass 2 20.81 -> 23.74 (+14%)

Session 10 (load 6-15), main 2d659a7 (/tmp/base10) vs speed14:
    150 news articles (58eb496):        pass 1 15.53 -> 16.21 (+4%),  pass 2 17.71 -> 19.74 (+11%)
    --founding --articles 300 --chunk 20: pass 1 15.63 -> 16.71 (+7%),  pass 2 16.09 -> 17.41 (+8%)   (58eb496)
                                        pass 1 13.46 -> 14.63 (+9%),  pass 2 16.19 -> 18.16 (+12%)  (a6cebfa)
    speed15 (fae5b32) against main f0d7fd2 (the session's main after speed14), load 2-4:
    --founding --articles 300 --chunk 20: pass 1 22.93 -> 23.72 (+3.5%), pass 2 21.34 -> 22.62 (+6.0%)
    150 news articles:                  pass 1 19.75 -> 20.90 (+5.8%), pass 2 23.32 -> 24.23 (+3.9%)
    and against /tmp/base10 (2d659a7), load 4-6, founding: pass 1 14.95 -> 17.85 (+19%), pass 2 19.55 -> 22.06 (+13%)

Session 11, speed16 (8d00205) against main 3530404:
    --founding --articles 300 --chunk 20 --passes 3, load 3-5: 19.10 -> 20.13 (+5.4%), 17.57 -> 18.20 (+3.6%),
                                        15.84 -> 16.46 (+3.9%); a run at load 5-8: 16.59 -> 16.40 (-1.1%), 16.31 -> 17.23 (+5.6%)
    150 news articles, load 5-8:        pass 1 16.29 -> 16.17 (-0.7%), pass 2 20.27 -> 20.38 (+0.6%)
    instructions per founding article (cachegrind, 10 copies after 5 warm): 427.7 M -> 395.5 M (-7.5%)

Session 11, speed17 (6d88541) against main 4ebd57f, load 4-6:
    --founding --articles 300 --chunk 20: pass 1 19.60 -> 19.85 (+1.3%), pass 2 21.32 -> 21.90 (+2.7%)
                                        pass 1 21.37 -> 21.81 (+2.0%), pass 2 21.99 -> 22.22 (+1.1%)
    150 news articles:                  pass 1 18.94 -> 18.78 (-0.8%), pass 2 21.12 -> 21.25 (+0.6%)  (noise)
    instructions per founding article (cachegrind, 10 copies after 5 warm, each side minus its own 0-copy
    run): 412.6 M -> 405.9 M (-1.6%)

Session 13, speed20 (speed18's mypyc build rebased on main 052c44c: 37 modules compiled) against main 052c44c
(pure Python, `git archive`), interleaved:
    --founding --articles 200 --chunk 20, load 12-17: pass 1 15.16 -> 18.82 (+24%), pass 2 13.32 -> 15.89 (+19%)
                                        load 4-5:   pass 1 16.92 -> 22.01 (+30%), pass 2 15.41 -> 18.06 (+17%)
    150 news articles, load 12-13:      pass 1 11.57 -> 12.88 (+11%), pass 2 15.28 -> 17.36 (+14%)
                    load 4-5:           pass 1 13.51 -> 14.87 (+10%), pass 2 15.70 -> 18.85 (+20%)
    the same src both sides, A with --a-env RASD_NO_MYPYC=1 (compilation alone), founding, load 4-6:
                                        pass 1 14.95 -> 19.76 (+32%), pass 2 15.50 -> 20.40 (+32%)
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORKER = r"""
import gzip, json, sys, time
from rasd.document import Article
from rasd.pipeline import extract
n = int(sys.argv[1])
arts = []
if sys.argv[2].endswith(".gz"):
    with gzip.open(sys.argv[2], "rt", encoding="utf-8") as f:
        for line in f:
            if len(arts) >= n:
                break
            arts.append(json.loads(line))
else:
    with open(sys.argv[2], encoding="utf-8") as f:
        seed = next(a for a in map(json.loads, f) if a["id"] == "seed-000")
    arts = [dict(seed, id=f"copy-{i}") for i in range(n)]
extract(Article(id="w", text="قال الرئيس في دمشق يوم الاثنين إن ثلاثة قتلوا.")).to_record()
print("ready", flush=True)
for line in sys.stdin:
    i, j = map(int, line.split())
    t = time.process_time()
    for a in arts[i:j]:
        extract(Article(id=a["id"], text=a["text"])).to_record()
    print(f"{time.process_time() - t:.4f}", flush=True)
"""

CORPUS = ROOT.parent / "shared" / "data" / "news" / "corpus.jsonl.gz"
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


def start(src: str, n: int, corpus: Path, extra_env: list[str] = ()) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=src, PYTHONHASHSEED="0", **dict(kv.split("=", 1) for kv in extra_env))
    proc = subprocess.Popen([sys.executable, "-c", WORKER, str(n), str(corpus)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a_src")
    parser.add_argument("b_src")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--chunk", type=int, default=10)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--founding", action="store_true", help="N copies of the founding article, not news")
    parser.add_argument("--a-env", nargs="*", default=[], metavar="KEY=VALUE",
                        help="environment of side A only (e.g. RASD_NO_MYPYC=1: the same src, pure Python)")
    parser.add_argument("--b-env", nargs="*", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    n = args.articles
    corpus = DEV if args.founding else CORPUS
    procs = {"A": start(args.a_src, n, corpus, args.a_env), "B": start(args.b_src, n, corpus, args.b_env)}
    for number in range(1, args.passes + 1):
        cpu = {"A": 0.0, "B": 0.0}
        for k, i in enumerate(range(0, n, args.chunk)):
            for side in ("AB" if k % 2 == 0 else "BA"):
                proc = procs[side]
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(f"{i} {min(n, i + args.chunk)}\n")
                proc.stdin.flush()
                cpu[side] += float(proc.stdout.readline())
        print(f"pass {number}: A {n / cpu['A']:.2f} per CPU s ({cpu['A']:.1f} s)  "
              f"B {n / cpu['B']:.2f} per CPU s ({cpu['B']:.1f} s)  B/A {cpu['A'] / cpu['B']:.3f}", flush=True)
    for proc in procs.values():
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
