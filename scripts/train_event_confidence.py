"""Train the event-confidence model (src/rasd/extract/models/event_confidence.json) from our tuning sets.

Run: .venv/bin/pip install 'scikit-learn>=1.9,<2' && .venv/bin/python scripts/train_event_confidence.py
(`[train]` extra in pyproject.toml). The pipeline runs without the `event_confidence` stage; each event it
outputs is labelled by ../shared/eval/score.py's own pairing (an event paired with a gold event, required or
optional, is positive). Training data: the dev set's tuning split (seed-000..dev-029) and the sets we annotated
and read for errors (tests/data/heldout, heldout2, tune2-tune7). The dev check split, the blind sets (heldout3,
heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15, heldout16, heldout17, heldout18, heldout19, heldout20, heldout21, heldout22, heldout23) and tune8-tune14 are never trained on: the script reports the model's effect on them.

An L2-regularised logistic regression (scikit-learn) over binary features (`event_features`); the strength of
the regularisation and the threshold are chosen by leave-one-set-out cross-validation on the training sets
(a threshold scored with its two neighbours on the grid, so that a lone peak does not decide):
each set is filtered by the model trained on the others and scored by score.py's own event scoring, and the
mean of the sets' events F1 decides. Output is deterministic (liblinear, fixed order).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rasd.document import Article
from rasd.extract import event_confidence
from rasd.pipeline import STAGES, extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"
OUR = ROOT / "tests" / "data"
TRAIN_SETS = ("heldout", "heldout2", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7")
# never trained on: the blind sets, tune10 and tune11 (session 7) and tune8/tune9 (made at the end of session 6: trained on, the model scored
# lower on the never-trained sets, 2.801 -> 2.765 summed; kept apart as two more checks of the learned stage).
# Session 12 (2026-12-06), with the rules of eda16a0: retrained on the same sets (C 0.3, threshold 0.54) the dev check
# split fell 0.793 -> 0.720 and heldout4 0.728 -> 0.680; with `--also tune8 ... tune14` (C 1.0, threshold 0.26) dev
# check 0.759, heldout3 0.823, heldout6 0.594, heldout10 0.686 (the kept model: 0.793 / 0.844 / 0.622 / 0.725).
# The weights of efeb8df were kept.
# Session 13 (rules of 052c44c): `--also heldout3 heldout4 heldout5 heldout6` (released for reading this session; C 0.3,
# threshold 0.46) moved the never-trained sets -0.046 summed over dev check and heldout7-17 (dev check 0.793 -> 0.767,
# heldout10 0.733 -> 0.699, heldout7 0.678 -> 0.700, heldout12 0.668 -> 0.686): the efeb8df weights stay.
CHECK_SETS = ("heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "tune8", "tune9", "tune10", "tune11", "tune12", "tune13", "tune14")
C_GRID = (0.03, 0.1, 0.3, 1.0)

# the dev split and the scorer as bench/accuracy_splits.py defines and loads them (one definition of "check")
sys.path.insert(0, str(ROOT / "bench"))
from accuracy_splits import _score_module as _scorer, is_check as _is_check  # noqa: E402


class LabelledSet:
    """One annotated set run through the rules: per article, its gold record, the events the pipeline outputs
    (without this stage) as the scorer reads them, their features and whether the scorer pairs them."""

    def __init__(self, articles: Path, gold_path: Path, keep=lambda doc_id: True):
        score = _scorer()
        gold = score.read_jsonl(gold_path)
        stages = [s for s in STAGES if s != "event_confidence"]
        self.gold: dict[str, dict] = {}
        self.docs: list[tuple[str, list[dict], list[list[str]], list[int], int]] = []
        for line in articles.read_text(encoding="utf-8").splitlines():
            article = Article.model_validate(json.loads(line))
            if not keep(article.id) or article.id not in gold:
                continue
            doc = extract(article, stages=stages)
            events = [e.model_dump(mode="json") for e in doc.events]
            golds = gold[article.id].get("events", [])
            places = gold[article.id].get("places", [])
            pairs = score._max_weight_matching([[score._pair_weight(g, ev, places) for ev in events] for g in golds])
            matched = set(pairs.values())
            features = [event_confidence.event_features(e, doc, doc.events) for e in doc.events]
            self.gold[article.id] = gold[article.id]
            self.docs.append((article.id, events, features, [int(i in matched) for i in range(len(events))],
                              len(doc.sentences)))

    @property
    def rows(self) -> list[tuple[list[str], int]]:
        return [(f, label) for _, _, feats, labels, _ in self.docs for f, label in zip(feats, labels)]

    def events_f1(self, model: dict | None, threshold: float) -> float:
        """The scorer's events F1 on this set with the events `model` scores under `threshold` left out, as
        the stage does (never in a text under MIN_SENTENCES_TO_FILTER sentences, never one with a death toll)."""
        score = _scorer()
        sys_docs = {}
        for doc_id, events, feats, _, n_sentences in self.docs:
            kept = [e for e, f in zip(events, feats)
                    if model is None or n_sentences < event_confidence.MIN_SENTENCES_TO_FILTER or e.get("fatalities")
                    or event_confidence.probability(f, model) >= threshold]
            sys_docs[doc_id] = {"id": doc_id, "events": kept}
        tally = score.Tally()
        for doc_id, gold in self.gold.items():
            score.score_events(tally, gold, sys_docs.get(doc_id, {}))
        return tally.prf("events")["f1"]


def _fit(rows, c):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform([{name: 1 for name in feats} for feats, _ in rows])
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    model.fit(x, [label for _, label in rows])
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}
    return {"bias": float(model.intercept_[0]), "weights": weights}


THRESHOLDS = [t / 100 for t in range(10, 62, 2)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=event_confidence.MODEL)
    ap.add_argument("--also", nargs="*", default=[], help="more read sets to train on (taken out of the checks)")
    args = ap.parse_args()
    train_sets = TRAIN_SETS + tuple(args.also)
    check_sets = tuple(n for n in CHECK_SETS if n not in args.also)
    sets = {"dev-tune": LabelledSet(DEV / "articles.jsonl", DEV / "gold.jsonl", lambda i: not _is_check(i))}
    for name in train_sets:
        if (OUR / name / "gold.jsonl").exists():
            sets[name] = LabelledSet(OUR / name / "articles.jsonl", OUR / name / "gold.jsonl")
    checks = {"dev-check": LabelledSet(DEV / "articles.jsonl", DEV / "gold.jsonl", _is_check)}
    for name in check_sets:
        checks[name] = LabelledSet(OUR / name / "articles.jsonl", OUR / name / "gold.jsonl")
    print("training sets:", ", ".join(f"{k} {len(s.rows)} events ({sum(lab for _, lab in s.rows)} paired)"
                                       for k, s in sets.items()))
    # leave one set out: each set filtered by a model trained on the others, scored by the scorer; the mean
    # of the sets' events F1 chooses the regularisation and the threshold
    base = sum(s.events_f1(None, 0.0) for s in sets.values()) / len(sets)
    best = None
    for c in C_GRID:
        models = {held: _fit([row for name, s in sets.items() if name != held for row in s.rows], c)
                  for held in sets}
        by_threshold = [sum(s.events_f1(models[name], t) for name, s in sets.items()) / len(sets)
                        for t in THRESHOLDS]
        for k, threshold in enumerate(THRESHOLDS):
            # scored with its two neighbours: a lone peak of the grid is the noise of a few articles
            near = by_threshold[max(0, k - 1):k + 2]
            f1 = sum(near) / len(near)
            if best is None or f1 > best[0] + 1e-9:
                best = (f1, c, threshold)
        print(f"C={c}: best so far {best[0]:.4f} (C={best[1]}, threshold {best[2]})")
    f1, c, threshold = best
    print(f"chosen C={c} threshold={threshold}: cross-validated mean events F1 {base:.4f} -> {f1:.4f} (with neighbours)")
    model = _fit([row for s in sets.values() for row in s.rows], c)
    model["threshold"] = threshold
    model["trained_on"] = sorted(sets)
    for name, s in checks.items():
        print(f"{name} (never trained on): events F1 {s.events_f1(None, 0.0):.3f} -> {s.events_f1(model, threshold):.3f}")
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print("wrote", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
