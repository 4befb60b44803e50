"""Sentence-level event detection on the OEDA Arabic event GSR (development quarter), ASSAULT and PROTEST.

Run: .venv/bin/python bench/gsr_eval.py [--errors ASSAULT|PROTEST|all] [--hits] [--limit N]
Reads ../shared/data/events/arabic_event_gsr/{assault,protest}_gsr.csv.gz (LDC text, RESEARCH/EVAL ONLY: it is
read here and never stored in the repo). Each sentence is one article run through the real pipeline; a sentence
is predicted positive when an event of the file's type is in the record's events. Labels: "yes" is positive,
"easy no" / "difficult no" negative, "ambiguous" skipped.
Systems compared:
  keyword    any trigger word of the type (data/event_triggers.tsv) in the sentence, whatever its modality
  pipeline   rasd.pipeline.extract as it stands
  +filter    pipeline events kept only when rasd.extract.specificity.reports_specific_event says so
--errors prints the false positives / negatives of pipeline+filter (to the terminal only) with the gold label and
the reasons; --hits adds the true positives.

Halves: the development quarter is split by story, so the sentences of one Gigaword story stay together: a
sentence is in the CHECK half when bit 3 of the SHA-1 of its story id (the id without its trailing «-N» / «_N»
sentence number) is set, else in the TUNE half (ASSAULT 46 / 44 yes, PROTEST 14 / 14). Rules are written from the
tune half's errors only; the check half is only scored, and a change is kept when the check half does not fall.
--errors therefore prints tune-half errors only. Each system's figure is printed for all, tune and check.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import hashlib
import io
import re
import sys
from pathlib import Path

from rasd.document import Article, Document
from rasd.extract.specificity import reports_specific_event
from rasd.extract.triggers import find_triggers
from rasd.pipeline import extract

GSR = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "arabic_event_gsr"
FILES = {"ASSAULT": "assault_gsr.csv.gz", "PROTEST": "protest_gsr.csv.gz"}
POSITIVE, NEGATIVE = {"yes"}, {"easy no", "difficult no"}


def load_sentences(event_type: str) -> list[tuple[str, str, str]]:
    """(id, text, label) for every sentence with a yes / no label."""
    raw = gzip.decompress((GSR / FILES[event_type]).read_bytes()).decode("utf-8")
    out = []
    for row in csv.DictReader(io.StringIO(raw)):
        if row["label"] in POSITIVE | NEGATIVE:
            out.append((row["id"], row["text"], row["label"]))
    return out


_SENTENCE_NUMBER = re.compile(r"[-_]\d+$")


def half(sentence_id: str) -> str:
    """«tune» or «check»: bit 3 of the SHA-1 of the story id (the sentence id without its sentence number)."""
    story = _SENTENCE_NUMBER.sub("", sentence_id)
    return "check" if int(hashlib.sha1(story.encode("utf-8")).hexdigest(), 16) >> 3 & 1 else "tune"


def keyword_positive(doc: Document, event_type: str) -> bool:
    return any(m.rule.get("type") == event_type for m in find_triggers(doc.tokens))


def token_index(doc: Document, offset: int) -> int:
    return next(k for k, t in enumerate(doc.tokens) if t.end > offset)


def filtered_events(doc: Document, event_type: str) -> list[tuple[bool, str]]:
    """(kept, reason) for each event of the type that the pipeline produced."""
    out = []
    for ev in doc.events:
        if ev.type != event_type:
            continue
        i = token_index(doc, ev.trigger.start)
        kept, why = reports_specific_event(doc, doc.tokens[i].sentence, i, event_type)
        out.append((kept, f"«{doc.text[ev.trigger.start:ev.trigger.end]}» {why}"))
    return out


def dropped(doc: Document, event_type: str) -> list[str]:
    """Why the pipeline kept no event of the type: its non_events of that type, with their reasons."""
    out = []
    for ne in doc.non_events:
        if ne.get("type") == event_type:
            trig = ne.get("trigger") or {}
            out.append(f"dropped «{trig.get('text', '')}» {ne.get('modality', '')}: {ne.get('reason', '')}")
    return out


def prf(pred: list[bool], gold: list[bool]) -> tuple[float, float, float, int, int, int]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp, fn


_GIGAWORD_DATE = re.compile(r"_(\d{4})(\d{2})(\d{2})\.")


def publication_date(sentence_id: str) -> dt.date | None:
    """Gigaword ids carry the story's date («AAW_ARB_20081011.0036-10»): a real article's publication date."""
    m = _GIGAWORD_DATE.search(sentence_id)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def evaluate(event_type: str, limit: int | None, show_errors: bool, show_hits: bool = False) -> dict[str, tuple]:
    rows = load_sentences(event_type)[:limit]
    gold, kw, pipe, filt, halves = [], [], [], [], []
    errors = []
    for sid, text, label in rows:
        is_yes = label in POSITIVE
        doc = extract(Article(id=sid, text=text, published=publication_date(sid)))
        verdicts = filtered_events(doc, event_type)
        gold.append(is_yes)
        halves.append(half(sid))
        kw.append(keyword_positive(doc, event_type))
        pipe.append(bool(verdicts))
        filt.append(any(kept for kept, _ in verdicts))
        if show_errors and halves[-1] == "tune" and (filt[-1] != is_yes or show_hits and is_yes):
            kind = "TP" if filt[-1] == is_yes else "FN" if is_yes else "FP"
            errors.append((kind, label, sid[-12:], [r for _, r in verdicts] or dropped(doc, event_type), text))
    for kind, label, sid, reasons, text in sorted(errors):
        print(f"{kind} ({label})\t{event_type}\t{sid}\t{'; '.join(reasons) or '(no event)'}\n\t{text}\n")
    out = {"keyword": prf(kw, gold), "pipeline": prf(pipe, gold), "pipeline+filter": prf(filt, gold),
           "n": (len(gold), sum(gold))}
    for name in ("tune", "check"):
        keep = [h == name for h in halves]

        def part(xs: list[bool]) -> list[bool]:
            return [x for x, k in zip(xs, keep) if k]
        out[name] = {"keyword": prf(part(kw), part(gold)), "pipeline": prf(part(pipe), part(gold)),
                     "pipeline+filter": prf(part(filt), part(gold)), "n": (sum(keep), sum(part(gold)))}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", nargs="?", const="all", default=None, help="print FP/FN of pipeline+filter")
    ap.add_argument("--hits", action="store_true", help="with --errors, also print the true positives")
    ap.add_argument("--limit", type=int, default=None, help="first N labelled sentences per file")
    ap.add_argument("--types", default="ASSAULT,PROTEST")
    args = ap.parse_args()
    results = {}
    for event_type in args.types.split(","):
        show = args.errors in ("all", event_type)
        results[event_type] = evaluate(event_type, args.limit, show, args.hits)
    print(f"{'type':8} {'system':22} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}   sentences (yes)")
    for event_type, res in results.items():
        for name, part in (("", res), ("/tune", res["tune"]), ("/check", res["check"])):
            n, yes = part["n"]
            for system in ("keyword", "pipeline", "pipeline+filter"):
                p, r, f, tp, fp, fn = part[system]
                print(f"{event_type:8} {system + name:22} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {fp:5d} {fn:5d}   "
                      f"{n} ({yes})")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
