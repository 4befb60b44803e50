"""Throughput of the text layer: tokens/s of rasd.text.tokens.tokenize and articles/s of rasd.text.prepare.

Run: .venv/bin/python bench/tokens.py [N_COPIES]
Uses the dev articles (shared/eval/dev/articles.jsonl) repeated N times; prints a small table.
Cold = first pass (segmentation cache empty); warm = later passes (news repeats its words).
Times are CPU time of this process (time.process_time), so other load on the machine does not skew them.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from rasd.document import Article
from rasd.text import prepare
from rasd.text.tokens import segment, tokenize

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles.jsonl"


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    texts = [json.loads(line)["text"] for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    segment.cache_clear()
    t0 = time.process_time()
    cold = sum(len(tokenize(t)) for t in texts)
    cold_s = time.process_time() - t0
    t0 = time.process_time()
    warm = sum(len(tokenize(t)) for _ in range(copies) for t in texts)
    warm_s = time.process_time() - t0
    t0 = time.process_time()
    for i in range(copies):
        for j, t in enumerate(texts):
            prepare(Article(id=f"{i}-{j}", text=t))
    prep_s = time.process_time() - t0
    n_articles = copies * len(texts)
    print(f"{'measure':<28}{'value':>14}")
    print(f"{'tokenize cold tokens/s':<28}{cold / cold_s:>14,.0f}")
    print(f"{'tokenize warm tokens/s':<28}{warm / warm_s:>14,.0f}")
    print(f"{'prepare() articles/s':<28}{n_articles / prep_s:>14,.1f}")
    print(f"{'articles x copies':<28}{n_articles:>14}")


if __name__ == "__main__":
    main()
