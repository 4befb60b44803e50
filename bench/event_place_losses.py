"""Why an event lost its place: where the gold place lies relative to the trigger, and what the chooser took.

Run: .venv/bin/python bench/event_place_losses.py [SET ...] [--list]   (read-allowed sets only: it reads per-event
output and gold; default: the read-allowed sets, see READ_SETS)
For each gold event paired with a system event by type but not by place (bench/event_losses.py's place losses),
it tallies
  - where the nearest mention of the gold place that the places layer resolved lies relative to the trigger (same
    clause; same sentence, another clause, before or after; the previous sentence; the headline; the lead; an
    earlier or later sentence; nowhere resolved), and whether it was among the chooser's candidates (and if not,
    why it was left out);
  - where the chooser's own place came from (a place of the trigger's sentence, the previous sentence's, the
    article's focus, a region of the country, or a step after the chooser: a merge or a restatement);
  - when both were candidates, the score term that decided against the gold mention (event_place.score_terms).
--list prints one line per loss too (article, trigger, chosen, gold mention).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_splits import _score_module, documents  # noqa: E402
from sets import READ_SETS  # noqa: E402

from rasd.document import Document  # noqa: E402
from rasd.extract import event_place as ep  # noqa: E402
from rasd.extract.clauses import clause_bounds  # noqa: E402
from rasd.text.normalize import normalize_for_match  # noqa: E402



def load_docs(name: str) -> tuple[dict, dict[str, Document]]:
    """(gold, documents) of a read-allowed set."""
    if name not in READ_SETS:
        raise SystemExit(f"{name}: not a set whose per-event output may be read; score it in aggregate "
                         "(bench/event_losses.py)")
    return documents(_score_module(), name)


def place_losses(score, gold: dict, docs: dict[str, Document]):
    """(doc, gold event, gold place, system event record, system event) of each place loss."""
    for doc_id, g_doc in gold.items():
        doc = docs.get(doc_id)
        if doc is None:
            continue
        evs = doc.events
        recs = [e.model_dump(mode="json") for e in evs]
        golds = [g for g in g_doc.get("events", []) if not g.get("optional")]
        places = g_doc.get("places", [])
        strict = score._max_weight_matching([[1 if score._event_pairable(g, e, places) else 0 for e in recs]
                                             for g in golds])
        # the events left unpaired by the scorer, paired by type alone: a place loss and the event that lost it
        left_g = [gi for gi in range(len(golds)) if gi not in strict and golds[gi].get("lat") is not None]
        taken = set(strict.values())
        left_e = [ei for ei in range(len(recs)) if ei not in taken]
        # (a pair telling one occurrence first: see `occurrence`)
        loose = score._max_weight_matching([[(1 + (occurrence(golds[gi], evs[ei]) == "same occurrence"))
                                             if _same_type(golds[gi], recs[ei]) else 0 for ei in left_e]
                                            for gi in left_g])
        for a, b in loose.items():
            g, ei = golds[left_g[a]], left_e[b]
            if _same_type(g, recs[ei]):
                yield doc, g, score._event_place(g, places), recs[ei], evs[ei]


def _same_type(g, ev) -> bool:
    return str(ev.get("type", "")).upper() in {x.upper() for x in g["type"]}


def _headline(doc: Document, sentence: int) -> bool:
    """The article's first line, when it stands alone (a title line, no full stop)."""
    first_line_end = doc.text.find("\n")
    return sentence == 0 and first_line_end > 0 and doc.sentences[0].end <= first_line_end + 1


def where(doc: Document, trig_first: int, at: int) -> str:
    """Where token `at` lies relative to the trigger at token `trig_first`."""
    s_trig, s_at = doc.tokens[trig_first].sentence, doc.tokens[at].sentence
    if s_at == s_trig:
        lo, hi = ep._sentence_tokens(doc, s_trig)
        c_lo, c_hi = clause_bounds(doc, trig_first, lo, hi)
        side = "before" if at < trig_first else "after"
        return f"same clause, {side}" if c_lo <= at < c_hi else f"same sentence, other clause, {side}"
    if s_at == s_trig - 1:
        return "previous sentence"
    if _headline(doc, s_at):
        return "headline"
    if s_at == (1 if _headline(doc, 0) else 0):
        return "lead"
    return "earlier sentence" if s_at < s_trig else "later sentence"


_ORDER = ("same clause, after", "same clause, before", "same sentence, other clause, after",
          "same sentence, other clause, before", "previous sentence", "headline", "lead", "earlier sentence",
          "later sentence")


def why_not_candidate(doc: Document, p, at: int) -> str:
    """Why the places layer's mention is not among its sentence's candidates."""
    if p.lat is None:
        return "unresolved"
    if ep._is_dateline(doc, p):
        return "dateline"
    if ep._quoted_name(doc, p):
        return "quoted name"
    if p.feature == "country" and not ep._is_locative(doc, at):
        return "country not after a preposition"
    if ep._in_a_name_or_title(doc, p, at):
        return "name or title"
    return "nested in a longer place"


def explain(doc: Document, gold_event: dict, g_place: dict, ev, score, same_kind: frozenset[int]) -> dict:
    """The facts of one loss (see the module docstring)."""
    first = doc.token_range(ev.trigger.start, ev.trigger.end)
    match = SimpleNamespace(first=first[0], last=first[1])
    sentence = doc.tokens[match.first].sentence
    focus = ep.article_focus(doc)
    chosen = ep.choose_place(doc, match, focus, same_kind)
    out: dict = {"doc": doc.article.id, "trigger": ev.trigger.text, "type": ev.type,
                 "event place": (ev.place.text if ev.place else None), "occurrence": occurrence(gold_event, ev)}
    # where the event's own place came from
    if ev.place is None:
        out["source"] = "no place"
    elif chosen is None or chosen.span != ev.place.span:
        out["source"] = "after the chooser (merge, restatement, list)"
    elif focus is not None and chosen is focus and not _in_sentence_cands(doc, sentence, chosen) \
            and not _in_sentence_cands(doc, sentence - 1, chosen):
        out["source"] = "article focus"
    elif chosen.feature == "region" and chosen.reason and "البلاد" in chosen.reason:
        out["source"] = "region of the country"
    elif chosen.feature == "approximate":
        out["source"] = "unresolved name in the clause"
    elif _in_sentence_cands(doc, sentence, chosen):
        out["source"] = "trigger's sentence"
    else:
        out["source"] = "previous sentence"
    # the gold place's mentions the places layer resolved
    mentions = []
    for p in doc.places:
        if not score.place_match(p.model_dump(mode="json"), g_place):
            continue
        rng = doc.token_range(p.span.start, p.span.end)
        if rng is None:
            continue
        mentions.append((_ORDER.index(where(doc, match.first, rng[0])), p, rng[0]))
    if not mentions:
        out["gold"] = "not resolved in the article"
        return out
    rank, p, at = min(mentions, key=lambda m: (m[0], abs(m[2] - match.first)))
    out["gold"] = _ORDER[rank]
    out["gold mention"] = p.text
    cands = ep._place_candidates(doc, doc.tokens[at].sentence)
    out["gold is candidate"] = any(c is p for c, _ in cands) or "no: " + why_not_candidate(doc, p, at)
    out["gold is focus"] = focus is not None and focus.lat is not None and score.place_match(
        focus.model_dump(mode="json"), g_place)
    if out["source"] == "trigger's sentence" and doc.tokens[at].sentence == sentence and out["gold is candidate"] is True:
        lo, hi = ep._sentence_tokens(doc, sentence)
        clause = clause_bounds(doc, match.first, lo, hi)
        sent_cands = ep._place_candidates(doc, sentence)
        c_at = next(k for c, k in sent_cands if c is chosen)
        mine = ep.score_terms(doc, match, (chosen, c_at), clause, sent_cands, same_kind)
        theirs = ep.score_terms(doc, match, (p, at), clause, sent_cands, same_kind)
        diff = {k: theirs.get(k, 0.0) - mine.get(k, 0.0) for k in set(mine) | set(theirs)}
        out["decided by"] = max(diff, key=lambda k: diff[k])
        out["terms"] = {"chosen": mine, "gold": theirs}
    return out


def occurrence(gold_event: dict, ev) -> str:
    """Whether the system event tells the gold event's occurrence: the gold evidence shares at least half its
    words with the system event's sentence («same occurrence»: a place error), or not («another occurrence»: the
    type-only pairing joined two different acts, which no place chooser can mend)."""
    gold_words = set(normalize_for_match(str(gold_event.get("evidence") or "")).split())
    sys_words = set(normalize_for_match(ev.evidence.text).split())
    if not gold_words:
        return "gold gives no evidence"
    return "same occurrence" if len(gold_words & sys_words) >= 0.5 * len(gold_words) else "another occurrence"


def _in_sentence_cands(doc: Document, sentence: int, p) -> bool:
    return sentence >= 0 and any(c is p for c, _ in ep._place_candidates(doc, sentence))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(READ_SETS))
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    score = _score_module()
    tallies: dict[str, Counter] = {k: Counter() for k in ("gold", "source", "gold is candidate", "decided by",
                                                         "gold is focus", "kind", "occurrence", "occurrence x gold")}
    for name in args.sets:
        gold, docs = load_docs(name)
        for doc, g, g_place, rec, ev in place_losses(score, gold, docs):
            same_kind = frozenset(doc.token_range(e.trigger.start, e.trigger.end)[0] for e in doc.events
                                  if e.type == ev.type and doc.token_range(e.trigger.start, e.trigger.end))
            facts = explain(doc, g, g_place, ev, score, same_kind)
            resolved = facts["gold"] != "not resolved in the article"
            facts["kind"] = "chose another mention" if resolved else "gold place not resolved"
            facts["occurrence x gold"] = f"{facts['occurrence']} / {facts['gold']}"
            for key in tallies:
                if key in facts:
                    tallies[key][str(facts[key])] += 1
            if args.list:
                print(name, json.dumps({k: v for k, v in facts.items() if k != "terms"}, ensure_ascii=False),
                      json.dumps(facts.get("terms"), ensure_ascii=False) if "terms" in facts else "")
    for key, counts in tallies.items():
        print(f"\n{key}: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
