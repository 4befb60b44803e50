"""Train the CRF NER model (`make model`) and optionally print its benchmark.

    .venv/bin/python scripts/train_ner.py                # shipped model -> src/rasd/extract/models/ner.crfsuite
    .venv/bin/python scripts/train_ner.py --eval         # ... then the F1 table (bench/ner_eval.py prints the same)
    .venv/bin/python scripts/train_ner.py --research     # also an ANERcorp-train model -> out/models/ (research only)

The shipped model is trained only on licence-clean data: AQMAR (CC BY-SA 3.0, Mohit et al. 2012) minus its
held-out articles, the Wojood public sample train+val (MIT, SinaLab), and 2,000 synthetic news sentences from our
own templates (src/rasd/extract/data/ner_templates.tsv) filled with names from our own KB (fixed seed). ANERcorp (research use) is used for
evaluation on its test split and, with --research, to train a model that is never shipped. No test split is
ever trained on. Training is deterministic: fixed corpus order, fixed L-BFGS parameters.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite

import ner_corpus
from collections import Counter

from rasd.extract.ner_model import (MODEL_PATH, kb_token_tags, load_ner_model, sentence_features, vocab_path,
                                    write_vocab)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ner"
RESEARCH_PATH = REPO / "out" / "models" / "ner_research.crfsuite"

# L1 prunes useless features (keeps the file small); L2 smooths the rest. Chosen on ANERcorp *train*
# (not test) as a development set for the shipped model, which never trains on ANERcorp.
SYNTHETIC = 2000     # template sentences filled from our KB (data/ner_templates.tsv)
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}


def train(sents: list[ner_corpus.CorpusSentence], out: Path, params: dict, use_kb: bool = True) -> None:
    # stem counts from real text only: a synthetic sentence's names repeat, and would look "common" to the
    # frequency feature while an unseen name in news is "rare"
    vocab = Counter(t.stem for s in sents if not s.doc.startswith("synthetic-") for t in s.tokens())
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sents:
        tokens = s.tokens()
        if tokens:
            kb_tags = kb_token_tags(tokens, s.text) if use_kb else None
            trainer.append(sentence_features(tokens, kb_tags, vocab), s.token_labels())
    trainer.set_params(params)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    write_vocab(vocab, vocab_path(out))
    load_ner_model.cache_clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared ner/ folder")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--research", action="store_true", help=f"also train on ANERcorp train -> {RESEARCH_PATH}")
    ap.add_argument("--eval", action="store_true", help="print the benchmark table after training")
    ap.add_argument("--no-train", action="store_true", help="skip training (with --eval: score existing files)")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"NER data not found at {args.data} (see docs: ../shared/data/ner)", file=sys.stderr)
        return 2
    params = {**PARAMS, "c1": args.c1, "c2": args.c2}

    if not args.no_train:
        t0 = time.perf_counter()
        from rasd.kb import load_kb
        sents = ner_corpus.shipped_training_data(args.data) + ner_corpus.synthetic_sentences(load_kb(), SYNTHETIC)
        train(sents, args.out, params)
        print(f"shipped model: {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, "
              f"{time.perf_counter() - t0:.0f} s)")
        if args.research:
            t0 = time.perf_counter()
            train(ner_corpus.research_training_data(args.data), RESEARCH_PATH, params)
            print(f"research model (ANERcorp, research use only): {RESEARCH_PATH} "
                  f"({time.perf_counter() - t0:.0f} s)")
    if args.eval:
        print(ner_corpus.format_table(ner_corpus.benchmark(args.data, args.out, RESEARCH_PATH)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
