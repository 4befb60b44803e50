"""NER benchmark: the FULL pipeline's entity layer (and, with --crf, the CRF model alone) on NER test sets.

    .venv/bin/python bench/ner_eval.py                 # full pipeline, all test sets (~1-2 min)
    .venv/bin/python bench/ner_eval.py --quick         # ANERcorp test (original) as 10-sentence documents only
    .venv/bin/python bench/ner_eval.py --crf           # also the CRF-only / dictionary table of earlier rounds
    .venv/bin/python bench/ner_eval.py --errors 40     # ... and print the commonest missed/spurious spans

Full pipeline: `rasd.pipeline.extract(article, stages=("sources", "entities", "places"))` (the places stage
drops gazetteer readings it cannot place, so the entity layer is final after it) on documents made by joining
corpus sentences with a space (10-sentence documents, or one sentence per document). `doc.entities` types map
PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC; generic agents (`doc.agents`) are not entities and are not scored.
An entity's character span covers the corpus words it overlaps; "exact" needs the same first and last word and
type as a gold span, "overlap" any shared word and the same type. MISC-like gold classes are not scored.

Test sets: ANERcorp test split, original and corrected annotation (research use: evaluation only, never
trained on), AQMAR's held-out articles (listed in the output; the other AQMAR articles are training data of the
shipped CRF). Writes bench/results/ner_eval.json and prints Markdown tables.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import ner_corpus  # noqa: E402
from rasd.extract.ner_model import MODEL_PATH  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "ner"
TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SOURCES: dict = {}     # (entity text, class) → the recogniser that produced it, for --errors
STAGES = ("sources", "entities", "places")   # places drops gazetteer-only misreads from doc.entities


def _documents(sents: list[ner_corpus.CorpusSentence], per_doc: int):
    """(text, [(sentence, char offset of each of its words)]) per document of `per_doc` sentences."""
    for i in range(0, len(sents), per_doc):
        group = sents[i:i + per_doc]
        parts, layout, pos = [], [], 0
        for s in group:
            offsets = []
            for w in s.words:
                offsets.append(pos)
                parts.append(w)
                pos += len(w) + 1
            layout.append((s, offsets))
        yield " ".join(parts), layout


def _word_spans(entities, offsets: list[int], words: list[str]) -> tuple[set, set]:
    """Entity char spans → (first word, last word, class) on one sentence's words, plus overlap sets."""
    if not offsets:
        return set()
    lo, hi = offsets[0], offsets[-1] + len(words[-1])
    out = set()
    for start, end, cls in entities:
        if end <= lo or start >= hi:
            continue
        idx = [k for k, o in enumerate(offsets) if o < end and start < o + len(words[k])]
        if idx:
            out.add((idx[0], idx[-1], cls))
    return out


def pipeline_predictions(sents, per_doc: int):
    """{sentence index: set of predicted word spans} from the full pipeline."""
    from rasd.document import Article
    from rasd.pipeline import extract

    preds: list[set] = []
    for n, (text, layout) in enumerate(_documents(sents, per_doc)):
        doc = extract(Article(id=f"ner-{n}", text=text), stages=STAGES)
        ents = [(e.span.start, e.span.end, TYPE[e.type]) for e in doc.entities if e.type in TYPE]
        for e in doc.entities:
            SOURCES[(e.text, TYPE.get(e.type))] = e.source
        for s, offsets in layout:
            preds.append(_word_spans(ents, offsets, s.words))
    return preds


class Tally:
    def __init__(self):
        self.tp, self.fp, self.fn = Counter(), Counter(), Counter()
        self.otp, self.ofp, self.ofn = Counter(), Counter(), Counter()
        self.missed, self.spurious = Counter(), Counter()

    def add(self, sent, gold: set, pred: set) -> None:
        for s in gold & pred:
            self.tp[s[2]] += 1
        for s in pred - gold:
            self.fp[s[2]] += 1
            self.spurious[(s[2], " ".join(sent.words[s[0]:s[1] + 1]))] += 1
        for s in gold - pred:
            self.fn[s[2]] += 1
            self.missed[(s[2], " ".join(sent.words[s[0]:s[1] + 1]))] += 1
        hit = lambda a, bs: any(a[2] == b[2] and a[0] <= b[1] and b[0] <= a[1] for b in bs)  # noqa: E731
        for g in gold:
            (self.otp if hit(g, pred) else self.ofn)[g[2]] += 1
        for p in pred:
            if not hit(p, gold):
                self.ofp[p[2]] += 1

    @staticmethod
    def _prf(tp, fp, fn, cls):
        pick = (lambda c: sum(c.values())) if cls is None else (lambda c: c[cls])
        t, f_p, f_n = pick(tp), pick(fp), pick(fn)
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def rows(self, test: str, system: str) -> list[dict]:
        out = []
        for match, (tp, fp, fn) in (("exact", (self.tp, self.fp, self.fn)),
                                    ("overlap", (self.otp, self.ofp, self.ofn))):
            for cls in ("PER", "ORG", "LOC", None):
                p, r, f = self._prf(tp, fp, fn, cls)
                gold = (tp[cls] + fn[cls]) if cls else sum((tp + fn).values())
                out.append({"test": test, "system": system, "match": match, "class": cls or "micro",
                            "P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "gold": gold})
        return out


def score_pipeline(sents, per_doc: int) -> Tally:
    tally = Tally()
    for s, pred in zip(sents, pipeline_predictions(sents, per_doc)):
        tally.add(s, s.gold_spans(), pred)
    return tally


def test_sets(root: Path, quick: bool) -> list[tuple[str, list, int]]:
    test_orig = ner_corpus.load_anercorp(root, "test", "original")
    sets = [("ANERcorp test (original), 10-sentence docs", test_orig, 10)]
    if quick:
        return sets
    sets.append(("ANERcorp test (original), single sentences", test_orig, 1))
    if (root / "anercorp" / "ANERcorp_test_corrected.txt.gz").exists():
        corr = ner_corpus.load_anercorp(root, "test", "corrected")
        sets.append(("ANERcorp test (corrected), 10-sentence docs", corr, 10))
        sets.append(("ANERcorp test (corrected), single sentences", corr, 1))
    sets.append(("AQMAR held-out articles, 10-sentence docs", ner_corpus.load_aqmar(root, held_out=True), 10))
    return sets


def format_rows(rows: list[dict]) -> str:
    lines = ["| test set | match | PER P/R/F1 | ORG P/R/F1 | LOC P/R/F1 | micro P / R / **F1** |",
             "|---|---|---|---|---|---|"]
    keyed: dict = {}
    for r in rows:
        keyed.setdefault((r["test"], r["system"], r["match"]), {})[r["class"]] = r
    for (test, _system, match), c in keyed.items():
        cell = lambda k: f"{c[k]['P']:.2f}/{c[k]['R']:.2f}/{c[k]['F1']:.3f}"  # noqa: E731
        m = c["micro"]
        lines.append(f"| {test} | {match} | {cell('PER')} | {cell('ORG')} | {cell('LOC')} "
                     f"| {m['P']:.3f} / {m['R']:.3f} / **{m['F1']:.3f}** |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument("--quick", action="store_true", help="ANERcorp test, original, 10-sentence documents only")
    ap.add_argument("--crf", action="store_true", help="also score the CRF alone and the dictionary baselines")
    ap.add_argument("--errors", type=int, default=0, help="print the N commonest missed and spurious spans")
    ap.add_argument("--json", type=Path, default=REPO / "bench" / "results" / "ner_eval.json")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"NER data not found at {args.data}", file=sys.stderr)
        return 2
    rows: list[dict] = []
    t0 = time.perf_counter()
    for name, sents, per_doc in test_sets(args.data, args.quick):
        tally = score_pipeline(sents, per_doc)
        rows += tally.rows(name, "full pipeline")
        if args.errors:
            print(f"\n## {name}: missed (gold not found exactly)")
            for (cls, text), n in tally.missed.most_common(args.errors):
                print(f"  {n:3d} {cls} {text}")
            print(f"## {name}: spurious (predicted, not a gold span)")
            for (cls, text), n in tally.spurious.most_common(args.errors):
                src = next((v for (t, c), v in SOURCES.items() if c == cls and text.endswith(t)), "?")
                print(f"  {n:3d} {cls} {text}  [{src}]")
    print(f"\nFull pipeline (stages {' → '.join(STAGES)}), {time.perf_counter() - t0:.0f} s\n")
    print(format_rows(rows))
    held = ner_corpus.aqmar_held_out_articles(args.data)
    trained = sorted({s.doc for s in ner_corpus.load_aqmar(args.data, held_out=False)})
    print(f"\nAQMAR held-out articles (never trained on): {', '.join(held)}")
    print(f"AQMAR articles in the shipped CRF's training data: {', '.join(trained)}")
    out = {"pipeline": rows, "aqmar_held_out": held, "aqmar_trained": trained}
    if args.crf:
        crf_rows = ner_corpus.benchmark(args.data, args.model, None)
        print("\nCRF alone and dictionary baselines (exact spans, our tokenisation of the corpus words)\n")
        print(ner_corpus.format_table(crf_rows))
        out["crf"] = crf_rows
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
