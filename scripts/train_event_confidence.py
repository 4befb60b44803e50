"""Train the event-confidence model (src/rasd/extract/models/event_confidence.json) from our tuning sets.

Run: .venv/bin/pip install 'scikit-learn>=1.9,<2' && .venv/bin/python scripts/train_event_confidence.py
(`[train]` extra in pyproject.toml). The pipeline runs without the `event_confidence` stage; each event it
outputs is labelled by ../shared/eval/score.py's own pairing (an event paired with a gold event, required or
optional, is positive). Training data: the dev set's tuning split (seed-000..dev-029) and the sets we annotated
and read for errors (tests/data/heldout, heldout2, tune2...). The dev check split and the blind sets (heldout3,
heldout4, heldout5) are never trained on: the script reports the model's effect on them.

An L2-regularised logistic regression (scikit-learn) over binary features (`event_features`); the strength of
the regularisation and the threshold are chosen by leave-one-set-out cross-validation on the training sets,
maximising the events F1 those sets would get (2·kept positives / (kept events + gold events)). Output is
deterministic (liblinear, fixed order).
"""
from __future__ import annotations

import argparse
import importlib.util
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
CHECK_SETS = ("heldout3", "heldout4", "heldout5")
C_GRID = (0.03, 0.1, 0.3, 1.0)


def _scorer():
    spec = importlib.util.spec_from_file_location("rasd_eval_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _is_check(doc_id: str) -> bool:
    return doc_id.startswith("dev-") and int(doc_id.split("-")[1]) >= 30


def labelled_events(articles: Path, gold_path: Path, keep=lambda doc_id: True) -> tuple[list, int]:
    """[(features, label)] for every event the pipeline (without this stage) outputs, and the number of
    required gold events, over the articles `keep` accepts."""
    score = _scorer()
    gold = score.read_jsonl(gold_path)
    stages = [s for s in STAGES if s != "event_confidence"]
    rows, required = [], 0
    for line in articles.read_text(encoding="utf-8").splitlines():
        article = Article.model_validate(json.loads(line))
        if not keep(article.id) or article.id not in gold:
            continue
        doc = extract(article, stages=stages)
        sys_events = [e.model_dump(mode="json") for e in doc.events]
        golds = gold[article.id].get("events", [])
        places = gold[article.id].get("places", [])
        pairs = score._max_weight_matching([[score._pair_weight(g, ev, places) for ev in sys_events] for g in golds])
        matched = set(pairs.values())
        required += sum(1 for g in golds if not g.get("optional"))
        for i, event in enumerate(doc.events):
            rows.append((event_confidence.event_features(event, doc, doc.events), int(i in matched)))
    return rows, required


def _fit(rows, c):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform([{name: 1 for name in feats} for feats, _ in rows])
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    model.fit(x, [label for _, label in rows])
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}
    return {"bias": float(model.intercept_[0]), "weights": weights}


def _f1_at(scored, required, threshold):
    kept = [label for p, label in scored if p >= threshold]
    return 2 * sum(kept) / (len(kept) + required) if kept or required else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=event_confidence.MODEL)
    args = ap.parse_args()
    sets: dict[str, tuple[list, int]] = {"dev-tune": labelled_events(DEV / "articles.jsonl", DEV / "gold.jsonl",
                                                                      lambda i: not _is_check(i))}
    for name in TRAIN_SETS:
        if (OUR / name / "gold.jsonl").exists():
            sets[name] = labelled_events(OUR / name / "articles.jsonl", OUR / name / "gold.jsonl")
    checks = {"dev-check": labelled_events(DEV / "articles.jsonl", DEV / "gold.jsonl", _is_check)}
    for name in CHECK_SETS:
        checks[name] = labelled_events(OUR / name / "articles.jsonl", OUR / name / "gold.jsonl")
    print("training sets:", ", ".join(f"{k} {len(r)} events ({sum(lab for _, lab in r)} true), {g} gold"
                                       for k, (r, g) in sets.items()))
    # leave one set out: each set scored by a model trained on the others
    best = None
    for c in C_GRID:
        scored, required = [], 0
        for held in sets:
            model = _fit([row for name, (rows, _) in sets.items() if name != held for row in rows], c)
            rows, g = sets[held]
            scored += [(event_confidence.probability(f, model), lab) for f, lab in rows]
            required += g
        for threshold in [t / 100 for t in range(0, 61, 2)]:
            f1 = _f1_at(scored, required, threshold)
            if best is None or f1 > best[0] + 1e-9:
                best = (f1, c, threshold)
        print(f"C={c}: no filter {_f1_at(scored, required, 0.0):.3f}, best threshold "
              f"{max((_f1_at(scored, required, t / 100), t / 100) for t in range(0, 61, 2))}")
    f1, c, threshold = best
    print(f"chosen C={c} threshold={threshold} (cross-validated events F1 {f1:.3f})")
    model = _fit([row for rows, _ in sets.values() for row in rows], c)
    model["threshold"] = threshold
    model["trained_on"] = sorted(sets)
    for name, (rows, g) in checks.items():
        scored = [(event_confidence.probability(f, model), lab) for f, lab in rows]
        print(f"{name}: events F1 (approx.) {_f1_at(scored, g, 0.0):.3f} -> {_f1_at(scored, g, threshold):.3f}, "
              f"dropped {sum(1 for p, _ in scored if p < threshold)} "
              f"({sum(1 for p, lab in scored if p < threshold and lab)} true)")
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print("wrote", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
