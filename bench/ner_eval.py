"""Entity-level P/R/F1 (exact span) of the NER model and the dictionary baseline on the NER test sets.

    .venv/bin/python bench/ner_eval.py              # shipped model (+ research model if out/models/ has one)
    .venv/bin/python bench/ner_eval.py --research   # train the ANERcorp research model first (~1.5 min)

Test sets: ANERcorp test split (original annotation; research use, evaluation only), the 6 held-out AQMAR
articles, the Wojood-sample test split. MISC-like classes are not scored (the model has PER/ORG/LOC;
GPE/LOC/FAC predictions count as LOC). Writes bench/results/ner_eval.json and prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import train_ner  # noqa: E402  (the training script: data paths and research-model training)

from rasd.extract import ner_corpus  # noqa: E402
from rasd.extract.ner_model import MODEL_PATH  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=train_ner.DEFAULT_DATA)
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument("--research", action="store_true", help="(re)train the ANERcorp research model first")
    args = ap.parse_args()
    if args.research:
        train_ner.train(ner_corpus.research_training_data(args.data), train_ner.RESEARCH_PATH, train_ner.PARAMS)
    rows = ner_corpus.benchmark(args.data, args.model, train_ner.RESEARCH_PATH)
    out = REPO / "bench" / "results" / "ner_eval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(ner_corpus.format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
