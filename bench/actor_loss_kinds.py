"""What kind of actor1 losses a set has, as counts only (safe on the blind sets, like event_place_coverage.py).

Run: PYTHONHASHSEED=0 .venv/bin/python bench/actor_loss_kinds.py SET [SET ...]   (any set: counts only)
Over the required gold events with an actor1 that score.py pairs with a system event (the same optimal
assignment as the scorer), each event whose actor1 the scorer refuses falls in one kind:
  (a) no actor1: the system gave none;
  (c) same entity, name refused: the system's actor1 stands where a gold alias stands in the text (the spans
      overlap), or its name is a part of a gold alias («الجيش» for «الجيش السوري»), or they share a
      non-generic Arabic word: the right entity under a name, English name or canonical the scorer refuses;
  (b) another entity: a gold alias is named in the article but the system took a different one (split: the
      system took the gold actor2, or the gold actor1 is named in the trigger's sentence, or only elsewhere);
  (d) gold not named: no gold alias stands in the article text (the gold actor1 is an English-only or
      inferred identity) and the system gave another name.
(a) is split by whether a gold alias is named in the text, (c) by how the entity was recognised as the same. One row per set, then the sums of the sets given.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_splits import _score_module, paired_events  # noqa: E402

# words two different actors share without being one entity («قوات الأمن» / «قوات النظام»)
_GENERIC = frozenset({"قوات", "القوات", "قوه", "القوه", "عناصر", "مسلحون", "مسلحين", "الامن", "امن", "جيش",
                      "الجيش", "forces", "force", "the", "of", "and", "security", "army", "police", "group",
                      "military", "armed", "government", "al", "men", "unidentified", "unknown"})

KINDS = ("ok", "a: no actor1, gold named", "a: no actor1, gold not named", "b: another entity (the gold actor2)",
         "b: another entity (gold named in the trigger's sentence)",
         "b: another entity (gold named in another sentence)",
         "c: same entity, name refused (span inside, words missing before)",
         "c: same entity, name refused (span inside, words missing after)",
         "c: same entity, name refused (span inside, words missing both sides)",
         "c: same entity, name refused (span inside, words missing none)", "c: same entity, name refused (span covers)",
         "c: same entity, name refused (span shifted)", "c: same entity, name refused (part)",
         "c: same entity, name refused (word)", "d: gold not named, another name")


def _alias_spans(score, text: str, aliases: list[str]) -> list[tuple[int, int]]:
    """Character spans (approximate: whole words) where a gold alias's words stand in the article text."""
    words = [(m_start, m_start + len(w), w) for m_start, w in _words(text)]
    toks = [score.norm_tokens(w) for _, _, w in words]
    flat = [(s, e, t) for (s, e, _), ts in zip(words, toks) for t in ts]
    hay = [t for _, _, t in flat]
    spans = []
    for a in aliases:
        needle = score.norm_tokens(a)
        if not needle or len(needle) > len(hay):
            continue
        for i in range(len(hay) - len(needle) + 1):
            if all(score._token_eq(hay[i + j], needle[j]) for j in range(len(needle))):
                spans.append((flat[i][0], flat[i + len(needle) - 1][1]))
    return spans


def _words(text: str):
    start = None
    for i, ch in enumerate(text + " "):
        if ch.isspace():
            if start is not None:
                yield start, text[start:i]
                start = None
        elif start is None:
            start = i


def _arabic_words(tokens: list[str]) -> set[str]:
    return {t for t in tokens if len(t) >= 3 and not t.isascii()}


def _same_entity(score, names: list[str], aliases: list[str], sys_span, alias_spans) -> str:
    """How the system's actor1 is the gold entity: "span ..." (it stands where a gold alias stands), "part" (its
    name is a part of a gold alias), "word" (a shared non-generic Arabic word); "" when it is not."""
    if sys_span:
        over = [(s, e) for s, e in alias_spans if s < sys_span["end"] and sys_span["start"] < e]
        inside = [(s, e) for s, e in over if s <= sys_span["start"] and sys_span["end"] <= e]
        if inside:     # the system's mention is a part of the gold one: cut short, which side is missing
            s, e = max(inside, key=lambda se: se[1] - se[0])
            before, after = sys_span["start"] - s > 1, e - sys_span["end"] > 1
            return "span inside, words missing " + (
                "both sides" if before and after else "before" if before else "after" if after else "none")
        if any(sys_span["start"] <= s and e <= sys_span["end"] for s, e in over):
            return "span covers"      # the mention holds the gold alias but the names given do not
        if over:
            return "span shifted"
    alias_toks = [score.norm_tokens(a) for a in aliases]
    for n in names:
        nt = score.norm_tokens(n)
        if nt and any(at and score._contains(at, nt) for at in alias_toks):
            return "part"
    for n in names:
        nt = score.norm_tokens(n)
        if any(_arabic_words(nt) & _arabic_words(at) - _GENERIC for at in alias_toks):   # English names share nationality words
            return "word"
    return ""


def kind(score, text: str, g: dict, ev: dict, sentence: tuple[int, int] = (0, 0)) -> str:
    names = score.names_of(ev.get("actor1"))
    if score.name_match(names, g["actor1"]):
        return "ok"
    spans = _alias_spans(score, text, g["actor1"])
    if not names:
        return "a: no actor1, gold named" if spans else "a: no actor1, gold not named"
    how = _same_entity(score, names, g["actor1"], (ev.get("actor1") or {}).get("span"), spans)
    if how:
        return f"c: same entity, name refused ({how})"
    if not spans:
        return "d: gold not named, another name"
    if g.get("actor2") and score.name_match(names, g["actor2"]):
        return "b: another entity (the gold actor2)"
    if any(sentence[0] <= s < sentence[1] for s, _ in spans):
        return "b: another entity (gold named in the trigger's sentence)"
    return "b: another entity (gold named in another sentence)"


def tally(score, name: str) -> Counter:
    counts: Counter = Counter()
    for _doc_id, doc, g, ev in paired_events(score, name, "actor1"):
        sent = doc.sentences[doc.sentence_at(ev["trigger"]["start"])]
        counts[kind(score, doc.text, g, ev, (sent.start, sent.end))] += 1
    return counts


def main() -> int:
    names = sys.argv[1:]
    if not names:
        raise SystemExit(__doc__)
    score = _score_module()
    total: Counter = Counter()
    short = ["ok", "a/named", "a/not", "b/act2", "b/sent", "b/else", "c/in<", "c/in>", "c/in<>", "c/in=", "c/covers", "c/shift", "c/part", "c/word", "d"]
    print(f"{'set':12} " + " ".join(f"{s:>8}" for s in short) + "   wrong")
    for name in names:
        counts = tally(score, name)
        total += counts
        wrong = sum(n for k, n in counts.items() if k != "ok")
        print(f"{name:12} " + " ".join(f"{counts[k]:8d}" for k in KINDS) + f"   {wrong:5d}")
    wrong = sum(n for k, n in total.items() if k != "ok")
    print(f"{'total':12} " + " ".join(f"{total[k]:8d}" for k in KINDS) + f"   {wrong:5d}")
    for k in KINDS[1:]:
        print(f"  {k}: {total[k]} ({total[k] / wrong:.0%} of wrong)" if wrong else f"  {k}: 0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
