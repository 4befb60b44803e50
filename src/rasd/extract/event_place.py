"""Where an event happened: the place governing its trigger's clause.

`choose_place(doc, match, focus)` is what the events stage calls for each trigger. The helpers here
decide which of the sentence's resolved places (the `places` layer) is the event's location and
which only look like one: a reporter's dateline, a place inside a name or title, a relative clause.
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache
from importlib import resources

from rasd.document import Document, EventPlace, Place
from rasd.extract.triggers import LemmaMatch
from rasd.text.normalize import normalize_for_match

_FEATURE_RANK = {"village": 0, "city": 0, "neighbourhood": 0, "fac": 0, "approximate": 0, "admin2": 1, "admin1": 2,
                 "region": 2, "water": 2, "country": 3}


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """Role → normalised function words of data/event_words.tsv (the roles this module reads)."""
    text = resources.files("rasd.extract").joinpath("data/event_words.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    out: dict[str, frozenset[str]] = {}
    for r in rows:
        forms = {normalize_for_match(w) for w in r["words"].split("|")}
        out[r["role"]] = frozenset(forms | {f[2:] for f in forms if f.startswith("ال") and len(f) > 4})
    return out


def _is_locative(doc: Document, first: int) -> bool:
    """A place after a preposition or locative noun («في مقديشو», «بدمشق»)."""
    tok = doc.tokens[first]
    if "ب" in tok.prefixes:
        return True
    for back in (1, 2):
        k = first - back
        if k < 0 or doc.tokens[k].sentence != tok.sentence:
            return False
        if doc.tokens[k].stem in _words()["locative"]:
            return True
        if not doc.tokens[k].stem.endswith(("يه", "ي")):
            return False
    return False


def _clause_bounds(doc: Document, i: int, lo: int, hi: int) -> tuple[int, int]:
    """Token range of the clause around token i (a clause break word or a semicolon ends it)."""
    breaks = _words()["clause_break"]
    start = i
    while start > lo and doc.tokens[start].stem not in breaks and doc.text[doc.tokens[start - 1].end:doc.tokens[start].start].strip() not in ("؛", ";"):
        start -= 1
    end = i + 1
    while end < hi and doc.tokens[end].stem not in breaks and doc.text[doc.tokens[end - 1].end:doc.tokens[end].start].strip() not in ("؛", ";"):
        end += 1
    return start, end



def _is_dateline(doc: Document, p: Place) -> bool:
    """«الدمام - شريف أحمد - كشفت ...»: where the reporter files from, not where things happened."""
    return _is_dateline_text(doc, p.text, p.span.start)


def _is_dateline_text(doc: Document, text: str, start: int) -> bool:
    line = doc.source.dateline
    if not line or normalize_for_match(text) not in normalize_for_match(line):
        return False
    # the dateline's own mention: at the start of a line near the top («مقديشو - قتل ...»)
    line_start = doc.text.rfind("\n", 0, start) + 1
    return start < 600 and not doc.text[line_start:start].strip()


def _place_candidates(doc: Document, sentence: int) -> list[tuple[Place, int]]:
    sent = doc.sentences[sentence]
    out = []
    for p in doc.places:
        if sent.start <= p.span.start < sent.end and p.lat is not None and not _is_dateline(doc, p):
            idx = doc.token_range(p.span.start, p.span.end)
            # a country is where it happened only after a preposition («في سوريا»), not «طائرات روسيا»
            if idx and (p.feature != "country" or _is_locative(doc, idx[0])):
                out.append((p, idx[0]))
    return out


def choose_place(doc: Document, match: LemmaMatch, focus: Place | None) -> Place | None:
    """The place nearest after the trigger (where the clause says it happened), a specific place before a
    country; else the previous sentence's; else the article's focus."""
    i = match.first
    sentence = doc.tokens[i].sentence
    cands = _place_candidates(doc, sentence)
    if not cands:
        if sentence > 0 and doc.sentences[sentence - 1].paragraph == doc.sentences[sentence].paragraph:
            cands = [(p, i) for p, _ in _place_candidates(doc, sentence - 1)]
    if not cands:
        return focus

    def score(item: tuple[Place, int]) -> float:
        place, at = item
        distance = at - match.last if at > match.last else (i - at) + 4
        return distance + 3 * _FEATURE_RANK.get(place.feature or "", 2)
    best, best_at = min(cands, key=score)
    found = _unresolved_in_clause(doc, match)
    if found is not None and best.feature != "country":
        unresolved, (c_lo, c_hi) = found
        if not (match.last < best_at < c_hi):
            # «... فيما قتل أربعة آخرون بقصف على بلدة البارة» with البارة unknown to the gazetteer: the named
            # village, at the point of the place its sentence names beside it (approximate, flagged)
            return Place(span=unresolved.span, text=unresolved.text, name_en=unresolved.name_en, lat=best.lat,
                         lon=best.lon, country=best.country, admin1=best.admin1, feature="approximate",
                         reason=f"not in the gazetteer; placed at {best.text}, named in the same sentence")
    return best


def _unresolved_in_clause(doc: Document, match: LemmaMatch) -> tuple[Place, tuple[int, int]] | None:
    """A likely place the gazetteer could not resolve, after the trigger in its clause, with the clause."""
    sentence = doc.tokens[match.first].sentence
    lo = hi = match.first
    while lo > 0 and doc.tokens[lo - 1].sentence == sentence:
        lo -= 1
    while hi + 1 < len(doc.tokens) and doc.tokens[hi + 1].sentence == sentence:
        hi += 1
    c_lo, c_hi = _clause_bounds(doc, match.first, lo, hi + 1)
    start, end = doc.tokens[match.last].end, doc.tokens[c_hi - 1].end
    near = [p for p in doc.unresolved_places if start <= p.span.start < end]
    return (near[0], (c_lo, c_hi)) if near else None


def article_focus(doc: Document) -> Place | None:
    """The place the article is about: the dateline's, else the most mentioned specific place."""
    resolved = [p for p in doc.places if p.lat is not None]
    if not resolved:
        return None
    if doc.source.dateline:
        for p in resolved:
            if normalize_for_match(p.text) == normalize_for_match(doc.source.dateline):
                return p
    counts: dict[tuple, list[Place]] = {}
    for p in resolved:
        counts.setdefault((p.gazetteer_id or p.text), []).append(p)
    return max(counts.values(), key=lambda ps: (len(ps), -_FEATURE_RANK.get(ps[0].feature or "", 2)))[0]


def _inside_a_name(doc: Document, span) -> bool:
    """«سوق الجمعة» is a market's name, not Friday."""
    return any(p.span.start <= span.start and span.end <= p.span.end for p in doc.places + doc.unresolved_places) \
        or any(e.span.start <= span.start and span.end <= e.span.end for e in doc.entities)


def _event_place(p: Place | None) -> EventPlace | None:
    if p is None:
        return None
    return EventPlace(text=p.text, name_en=p.name_en, lat=p.lat, lon=p.lon, country=p.country, admin1=p.admin1,
                      feature=p.feature, span=p.span)


def _km(a: EventPlace, b: EventPlace) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))
