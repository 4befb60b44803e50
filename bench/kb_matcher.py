"""KB load time and matcher throughput.

Run: .venv/bin/python bench/kb_matcher.py [N_COPIES]
Load time is measured in a fresh interpreter (imports + gazetteer + actor files + matcher), as a process
pays it once. Matching runs `kb.matcher.match_tokens` over the tokens of the example articles (and the dev
articles when ../shared is present) repeated N times; tokenisation is done beforehand and not timed.
Times are CPU time (time.process_time) so other load on the machine does not skew them.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples" / "articles.jsonl", ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"]

_LOAD = """
import time
t0 = time.perf_counter(); c0 = time.process_time()
from rasd.kb import load_kb
kb = load_kb()
print(time.perf_counter() - t0, time.process_time() - c0, len(kb.gazetteer.names), len(kb.matcher.entries))
"""


def load_time() -> tuple[float, float, int, int]:
    out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def texts() -> list[str]:
    out = []
    for path in SOURCES:
        if path.exists():
            out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    from rasd.kb import load_kb
    from rasd.text.tokens import tokenize

    wall, cpu, n_names, n_other = load_time()
    kb = load_kb()
    docs = [(tokenize(t), t) for t in texts()]
    n_tokens = sum(len(toks) for toks, _ in docs)
    t0 = time.process_time()
    n_matches = sum(len(kb.matcher.match_tokens(toks, t)) for toks, t in docs)
    cold = time.process_time() - t0
    t0 = time.process_time()
    for _ in range(copies):
        for toks, t in docs:
            kb.matcher.match_tokens(toks, t)
    warm = time.process_time() - t0
    print(f"{'measure':<34}{'value':>14}")
    print(f"{'kb load wall s (fresh process)':<34}{wall:>14.2f}")
    print(f"{'kb load cpu s':<34}{cpu:>14.2f}")
    print(f"{'place names / other keys':<34}{n_names:>7,} / {n_other:,}")
    print(f"{'articles x tokens':<34}{len(docs):>7} x {n_tokens:,}")
    print(f"{'matches per pass':<34}{n_matches:>14,}")
    print(f"{'match cold tokens/s':<34}{n_tokens / cold:>14,.0f}")
    print(f"{'match warm tokens/s':<34}{copies * n_tokens / warm:>14,.0f}")


if __name__ == "__main__":
    main()
