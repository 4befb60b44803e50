"""Stage `entities`: people, organisations and places, linked to the KB, with in-document coreference.

Three recognisers, in order of trust:
  1. the KB matcher (known actors, titles of office-holders, gazetteer places, generic agents, nisba);
  2. organisation-head patterns («وزارة الخارجية الإيرانية», «جبهة الخلاص الوطني»: data/org_heads.tsv);
  3. our CRF NER model for names the KB does not know (new commanders, villages, small groups).
Spans never overlap: an earlier recogniser's span wins. Generic agents («مسلحون», «ميليشيات عراقية»)
and bare nisba adjectives («روسية») go to `doc.agents`, not to the named entities.
Coreference: one cluster per KB id; an unknown person's later surname-only mention joins the full name.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from mypy_extensions import mypyc_attr

from rasd.document import Document, Entity, Span, Token, assembled, str_or_none
from rasd.extract.ner_model import cue_kinds, kb_matches, load_cues, misread_clitic, name_start, tag_tokens
from rasd.extract.spanindex import SpanIndex, document_memo, sentence_tokens, span_index, span_of
from rasd.extract.speech import verb_form
from rasd.extract.transliterate import transliterate
from rasd.kb import KBMatch, load_kb
from rasd.text.normalize import normalize_for_match
from rasd.text.tokens import lexicon_key, stem_zipf

_PLACE_TYPE = {"region": "LOC", "water": "LOC", "fac": "FAC"}
_MIN_NER_CONFIDENCE = 0.5


@dataclass
class _Claim:
    start: int
    end: int


@lru_cache(maxsize=1)
def _org_head_rows() -> list[dict[str, str]]:
    text = resources.files("rasd.extract").joinpath("data/org_heads.tsv").read_text(encoding="utf-8")
    return list(csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t"))


@lru_cache(maxsize=1)
def _org_heads() -> dict[str, str]:
    """Normalised head word → sector, for organisation names the KB does not list."""
    return {normalize_for_match(form): r["sector"] for r in _org_head_rows() for form in r["head"].split("|")}


@lru_cache(maxsize=1)
def _definite_heads() -> frozenset[str]:
    """Heads that still open a name with the article: «المجلس الرئاسي», «المحكمة الابتدائية»."""
    return frozenset(normalize_for_match(form) for r in _org_head_rows() if r.get("definite") == "yes"
                     for form in r["head"].split("|"))


@lru_cache(maxsize=1)
def _weak_heads() -> frozenset[str]:
    """Heads that are also everyday words («حركة», «جهاز», «منطقة»): they need a name-like word after them."""
    return frozenset(normalize_for_match(form) for r in _org_head_rows() if r.get("weak") == "yes"
                     for form in r["head"].split("|"))


@lru_cache(maxsize=1)
def _nisba_forms() -> frozenset[str]:
    """Country adjectives («الإيرانية», «سوري») as normalised stems without the article."""
    kb = load_kb()
    return frozenset(normalize_for_match(f) for n in kb.actors.nisba for f in (*n.masc, *n.fem, *n.plural)
                     if " " not in f)


def _chain_has_name(doc: Document, first: int, last: int, site: bool = False) -> bool:
    """Some word of tokens first..last is rare (a proper name), a given name, a gazetteer name or a country
    adjective."""
    gazetteer = load_kb().gazetteer
    if site and any(gazetteer.candidates(doc.text[_name_start(doc.tokens[f]):doc.tokens[last].stem_end])
                    for f in (first - 1, first)):
        return True         # «سوق الجمعة», «منطقة سوق الجمعة»: a place's name, with or without its head
    return any(word_frequency(doc, doc.tokens[k]) < _COMMON_WORD_ZIPF or doc.tokens[k].stem in _nisba_forms()
               or _surface_key(doc, k) in _given_names()
               or any(c.feature != "village" for c in
                      gazetteer.candidates(doc.text[_name_start(doc.tokens[k]):doc.tokens[k].stem_end]))
               for k in range(first, last + 1))


@lru_cache(maxsize=1)
def _name_stoppers() -> frozenset[str]:
    """Words that end an organisation name («في», «على», verbs of speech ...)."""
    text = resources.files("rasd.extract").joinpath("data/org_heads.tsv").read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.startswith("# stoppers:"))
    return frozenset(normalize_for_match(w) for w in line.split(":", 1)[1].split())


def word_frequency(doc: Document, tok) -> float:
    """Zipf frequency of a token's stem as written (the lexicon keeps «ة» apart from «ه»); 0 when unknown."""
    # (the stem as written is a slice of the token's own text, which is doc.text[tok.start:tok.end])
    return _stem_frequency(tok.text[tok.stem_start - tok.start:tok.stem_end - tok.start], tok.stem)


@lru_cache(maxsize=32_768)
def _stem_frequency(written: str, stem: str) -> float:
    return stem_zipf(lexicon_key(written)) or stem_zipf(stem) or 0.0


@mypyc_attr(native_class=False)     # a list subclass: mypyc compiles only plain classes natively
class _Claims(list):
    """The claimed spans of a document, with an index by start kept as they are appended: `_overlaps` then
    looks only at the claims starting within the longest claim's length of the span, instead of scanning
    every claim (quadratic in article length; issue 16). A plain list still works, by a full scan."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: list[int] = []
        self.by_start: list[_Claim] = []
        self.longest = 0

    def append(self, claim: _Claim) -> None:
        super().append(claim)
        k = bisect_right(self.starts, claim.start)
        self.starts.insert(k, claim.start)
        self.by_start.insert(k, claim)
        self.longest = max(self.longest, claim.end - claim.start)


def _overlaps(claims: _Claims, start: int, end: int) -> bool:
    if isinstance(claims, _Claims):
        # a claim overlapping [start, end) starts before `end` and ends after `start`, so (no claim being
        # longer than `longest`) starts after start - longest
        lo = bisect_left(claims.starts, start - claims.longest + 1)
        hi = bisect_left(claims.starts, end)
        return any(c.start < end and start < c.end for c in claims.by_start[lo:hi])
    return any(c.start < end and start < c.end for c in claims)


def _published_year(doc: Document) -> int | None:
    return doc.article.published.year if doc.article.published else None


# ---------------------------------------------------------------- KB matches

def _choose_actor(ids: list[str], kb, year: int | None, countries: set[str]):
    actors = [kb.actors.actors[i] for i in ids if i in kb.actors.actors]
    if not actors:
        return None
    def rank(a):
        in_office = year is None or a.in_office(year)
        return (not in_office, a.country not in countries, ids.index(a.id))
    return min(actors, key=rank)


def _actor_entity(doc: Document, m: KBMatch, actor, source: str = "kb") -> Entity:
    return Entity(span=doc.span(m.name_start, m.end), type=actor.type, text=doc.text[m.name_start:m.end],
                  name_en=actor.name_en, kb_id=actor.id, canonical=actor.name_ar, sector=actor.sector,
                  country=actor.country or None, role=actor.role or None, source=source)


def _place_entity(doc: Document, m: KBMatch, kb) -> Entity | None:
    best = kb.gazetteer.place(m.ids[0]) if m.ids else None
    if best is None:
        return None
    span, kind, text = doc.span(m.name_start, m.end), _PLACE_TYPE.get(best.feature, "GPE"), doc.text[m.name_start:m.end]
    name_en, kb_id, canonical, country, candidates = best.name_en, best.id, best.name_ar, best.country, list(m.ids)
    if type(span) is Span and type(text) is str and str_or_none(name_en) and str_or_none(kb_id) \
            and str_or_none(canonical) and str_or_none(country) and all(type(i) is str for i in candidates):
        # (fields already what validation would keep: the entity is made field by field, as `_new_token` makes
        # tokens; ~110 an article, a third of their time was pydantic's validation; issue 16.
        # tests/extract/test_event_actors_fast.py checks it equals the validated Entity)
        return assembled(Entity, {"span": span, "type": kind, "text": text, "name_en": name_en, "kb_id": kb_id,
                                  "canonical": canonical, "sector": None, "country": country, "role": None,
                                  "cluster": None, "source": "kb", "candidates": candidates, "confidence": 1.0},
                         {"span", "type", "text", "name_en", "kb_id", "canonical", "country", "candidates", "source"})
    return Entity(span=span, type=kind, text=text, name_en=name_en, kb_id=kb_id, canonical=canonical,
                  country=country, candidates=candidates, source="kb")


def _nisba_entity(doc: Document, m: KBMatch, kb) -> Entity:
    cc = m.ids[0].split(":", 1)[1]
    country = kb.gazetteer.country(cc)
    return Entity(span=doc.span(m.start, m.end), type="GPE", text=doc.text[m.start:m.end],
                  name_en=country.name_en if country else cc, kb_id=f"cc:{cc}",
                  canonical=country.name_ar if country else None, country=cc, source="nisba")


def _agent_entity(doc: Document, m: KBMatch, kb, nisba: KBMatch | None) -> Entity:
    agent = kb.actors.agents.get(m.ids[0])
    end = nisba.end if nisba else _adjective_end(doc, m)
    country = nisba.ids[0].split(":", 1)[1] if nisba else None
    name_en = agent.name_en if agent else None
    if nisba and name_en:
        c = kb.gazetteer.country(country)
        adj = next((n.name_en_adj for n in kb.actors.nisba if n.country == country), c.name_en if c else country)
        name_en = f"{adj} {name_en}"
    canonical = agent.aliases_ar[0] if agent and not nisba and end == m.end else None   # «للنظام» → «النظام»
    return Entity(span=doc.span(m.name_start, end), type="ORG", text=doc.text[m.name_start:end], name_en=name_en,
                  kb_id=agent.id if agent else None, canonical=canonical, sector=agent.sector if agent else None,
                  country=country, source="agent")


_ADJECTIVE_ENDINGS = ("يون", "يين", "ية", "يه", "ي")


def _adjective_end(doc: Document, m: KBMatch) -> int:
    """«مسلحون إسلاميون», «السلطات القضائية التونسية»: relational adjectives right after an agent belong
    to it (up to two)."""
    end, k = m.end, m.token_end
    head = doc.tokens[m.token_end - 1]
    definite = "ال" in head.prefixes
    if not definite and not head.stem.endswith(("ون", "ين", "ات")):
        return end          # «وزير خارجية ...»: after a singular bare noun comes its construct, not an adjective
    for _ in range(2):
        if k >= len(doc.tokens) or not _joined(doc, k - 1, k):
            break
        tok = doc.tokens[k]
        word = doc.text[tok.stem_start:tok.stem_end]
        if tok.prefixes[:1] in (["و"], ["ف"], ["ب"], ["ل"], ["ك"]) or len(word) < 4 \
                or not word.endswith(_ADJECTIVE_ENDINGS) or word_frequency(doc, tok) >= 5.5 \
                or ("ال" in tok.prefixes) != definite \
                or any(n.span.start <= tok.start < n.span.end for n in doc.numbers):
            break       # an adjective agrees with its noun in definiteness; «ثمانية» is a number, not «-ية»
        end, k = tok.stem_end, k + 1
    return end


def _single_token_surname_ok(doc: Document, m: KBMatch, actor, claimed_ids: set[str], names=()) -> bool:
    """A one-word alias that is also a common adjective («السوداني») counts only when the person was named
    in full before, or a title word stands just before it."""
    if m.token_end - m.token_start > 1 or not m.also:
        return True
    if actor.id in claimed_ids:
        return True
    prev = doc.tokens[m.token_start - 1].stem if m.token_start > 0 else ""
    if actor.type == "ORG":
        # «طالبان», «الجزيرة», «يونيسكو»: an organisation's own one-word name is that organisation, unless
        # a place word governs it («شبه الجزيرة», «مدينة ...», «في ...»)
        return prev not in _PLACE_LEAD_WORDS and prev not in _PLACE_GOVERNORS
    if _org_heads().get(prev) == "fac":
        return False        # «ثانوية الحريري», «مستشفى الحريري»: a building named after the person (a site head
                            # is left as it was: read as a place, «منطقة الصدر» went to a village of Dhi Qar)
    if prev in _org_heads() or prev in {"الرئيس", "رئيس", "الوزير", "وزير", "الملك", "الامير", "الشيخ"}:
        return True
    return _only_small_place_readings(doc, m, names) and prev not in _PLACE_LEAD_WORDS \
        and not _after_place_noun(doc, m.token_start)    # «جبل عرفات», «ثانوية الحريري»


def _only_small_place_readings(doc: Document, m: KBMatch, names) -> bool:
    """«والتقى بوش نظيره»: a known person's one-word surname whose other readings are only small places (no
    adjective, no country, province, capital or big town) and that is no common word is the person — unless
    it ends a longer name the naming patterns found («عمرو بن ود العامري», «عبد الرحمن مودي»)."""
    if any(kind != "place" for kind, _ids in m.also) or word_frequency(doc, doc.tokens[m.token_start]) >= _YIELD_ZIPF:
        return False
    if any(etype == "PERSON" and a <= m.name_start and m.end <= b and b - a > m.end - m.name_start
           for a, b, etype, _c in names):
        return False
    k = m.token_end
    if k < len(doc.tokens) and _joined(doc, k - 1, k) and not set(doc.tokens[k].prefixes) - {"ال"} \
            and ("ال" not in doc.tokens[k].prefixes or doc.tokens[k].stem.endswith("ي")) \
            and _name_like(doc, k, after_common_word=True):
        return False        # «البغدادي المحمودي»: a name goes on — another person's
    places = [load_kb().gazetteer.place(i) for _kind, ids in m.also for i in ids]
    return not any(c is None or c.feature in ("country", "admin1") or c.is_capital or c.population >= 100_000
                   for c in places)


_PLACE_GOVERNORS = frozenset(normalize_for_match(w) for w in ("شبه", "جزيرة", "إقليم", "ولاية", "شمال", "جنوب",
                                                                 "شرق", "غرب", "وسط", "ريف", "بلدة", "قرية"))
_PLACE_COMMON_ZIPF = 4.5
_FUNCTION_WORD_ZIPF = 5.0   # «وأن» read whole as «Van»: و + a very frequent word is no place name
_PLACE_LEAD_WORDS = frozenset(normalize_for_match(w) for w in (
    "في", "من", "الى", "على", "قرب", "داخل", "مدينه", "بلده", "قريه", "محافظه", "منطقه", "العاصمه", "عاصمه"))


def _clitic_and_function_word(doc: Document, m: KBMatch) -> bool:
    """One word the segmenter kept whole that is a clitic and a function word («وإن», «وأدى», «لأول مرة»), read
    by the gazetteer as a place (Van, Wadi, Laval). (Not ب: «بحري» is Bahri and «حري» a function word; not ك:
    «كيلي», «كولو» are names.)"""
    tok = doc.tokens[m.token_start]
    return m.token_end - m.token_start == 1 and not tok.prefixes and tok.norm[:1] in ("و", "ف", "ل") \
        and (stem_zipf(tok.norm[1:]) or 0) >= _FUNCTION_WORD_ZIPF


def _claimed_function_word(doc: Document, m: KBMatch) -> bool:
    """A clitic and a function word that opens no name either: «ل» + a function word («لأول», «لأن», «لدى»);
    «و/ف» + one may open a foreign name («فان نيستلروي», «واين روني»)."""
    return _clitic_and_function_word(doc, m) and doc.tokens[m.token_start].norm[:1] == "ل"


def _place_is_misread(doc: Document, m: KBMatch, kb, ner_spans) -> bool:
    """Whether a gazetteer name here is something else: a clitic and a common word («وأن» as Van), a
    number, part of an institution's name, a given name, a nisba adjective, or inside a person's name."""
    best = kb.gazetteer.place(m.ids[0]) if m.ids else None
    if best is None:
        return False
    tok = doc.tokens[m.token_start]
    if m.token_end - m.token_start == 1 and set(tok.prefixes) - {"ال"} and m.name_start == tok.start \
            and word_frequency(doc, tok) >= _FUNCTION_WORD_ZIPF:
        return True         # «بأي» read whole as the Bay region: ب + «أي»
    if _clitic_and_function_word(doc, m):
        return True         # «وإن», «وأدى», «لأول» kept whole by the segmenter, read as Van, Wadi or Laval
    if m.token_end - m.token_start == 1 and tok.prefixes[:1] == ["ل"] and "ال" in tok.prefixes \
            and not best.is_capital and best.feature not in ("country", "admin1") \
            and word_frequency(doc, tok) >= _PLACE_COMMON_ZIPF:
        return True         # «للعبور» (for crossing) is not the town of El Obour
    surface = doc.text[m.name_start:m.end]
    bare = tok.stem if tok.suffix else tok.stem[:-1]
    if surface.endswith("ه") and best.name_ar.endswith("ة") and (stem_zipf(bare) or 0) >= 4.5:
        return True         # «منزله» (his house) is not the town «منزلة»: the original keeps ه and ة apart
    if best.feature == "country" and _country_as_feminine_adjective(doc, m):
        return True         # «طائرة مسيرة تركية», «عملية عسكرية تركية»: the adjective Turkish, not Turkey
    if best.feature in ("country", "admin1"):
        return False
    if any(n.span.start < m.end and m.name_start < n.span.end for n in _near(doc.numbers, m.name_start, m.end)):
        return True         # «ثلاثة» is a number here, not a village
    prev = doc.tokens[m.token_start - 1] if m.token_start > 0 else None
    big = best.is_capital or best.population >= 100_000
    if prev is not None and not best.is_capital and prev.stem in _org_heads() and "ال" not in prev.prefixes \
            and _org_heads()[prev.stem] != "site" and _joined(doc, m.token_start - 1, m.token_start):
        return True         # «مستشفى ناصر», «وزارة الدفاع»: part of an institution's name (not «منطقة سيناء»)
    if m.token_end - m.token_start == 1 and not best.is_capital and _adjective_after_noun(doc, m):
        return True         # «حرية عالية», «أنظمة عالية التعقيد»: an adjective agreeing with its noun, not Aley
    if m.token_end - m.token_start == 2 and _is_title(tok) and _given_at(doc, m.token_start + 1) \
            and (prev is None or prev.stem not in _PLACE_LEAD_WORDS):
        return True         # «السيد هاشم»: a title and a given name, not the village of Sayyid Hashim
    if m.token_end - m.token_start == 1 and not big and _surface_key(doc, m.token_start) in _given_names() \
            and (prev is None or prev.stem not in _PLACE_LEAD_WORDS):
        return True         # «رشيد», «ناصر»: a given name, unless a place word or preposition leads it
    if any(k == "nisba" for k, _ in m.also) and prev is not None and prev.sentence == tok.sentence \
            and not tok.prefixes and prev.stem not in _PLACE_LEAD_WORDS:
        return True         # «قصف جوي روسي»: an adjective after a noun, not the town of Ruse
    if best.is_capital:
        return False
    return any(etype == "PERSON" and start <= m.name_start and m.end <= end and (end - start) > (m.end - m.name_start)
               for start, end, etype, _conf in _near_spans(ner_spans, m.name_start, m.end))


def _adjective_after_noun(doc: Document, m: KBMatch) -> bool:
    """A bare common word in «ة» right after a bare noun in «ة» or «ات» («دقة عالية», «سعات ... عالية»): a
    feminine adjective agreeing with the noun, unless the noun is a place word («مدينة», «قرية»)."""
    k = m.token_start
    if k == 0 or not _joined(doc, k - 1, k):
        return False
    tok, prev = doc.tokens[k], doc.tokens[k - 1]
    if tok.prefixes or tok.suffix or not doc.text[tok.stem_start:tok.stem_end].endswith("ة") \
            or word_frequency(doc, tok) < _PLACE_COMMON_ZIPF:
        return False
    prev_word = doc.text[prev.stem_start:prev.stem_end]
    return not prev.prefixes and not prev.suffix and prev_word.endswith(("ة", "ات")) \
        and prev.stem not in _PLACE_LEAD_WORDS and prev.stem not in _PLACE_GOVERNORS \
        and prev.stem not in _TOPONYM_HEADS and prev.stem not in _org_heads()


def _country_as_feminine_adjective(doc: Document, m: KBMatch) -> bool:
    """«تركية», «سورية» are spellings of Turkey and Syria and also the feminine nisba of each: bare (no article,
    no clitic) right after a bare indefinite feminine noun or adjective («مسيرة», «عسكرية») — not a place word, a
    direction or an institution's head («مصرف سورية») — the word agrees with that noun: an adjective."""
    k = m.token_start
    if m.token_end - k != 1 or k == 0 or not any(kind == "nisba" for kind, _ in m.also) or not _joined(doc, k - 1, k):
        return False
    tok, prev = doc.tokens[k], doc.tokens[k - 1]
    if tok.prefixes or tok.suffix or prev.prefixes or prev.suffix:
        return False
    return doc.text[prev.stem_start:prev.stem_end].endswith("ة") and prev.stem not in _PLACE_LEAD_WORDS \
        and prev.stem not in _PLACE_GOVERNORS and prev.stem not in _TOPONYM_HEADS and prev.stem not in _org_heads()


def _adjective_of_definite_noun(doc: Document, m: KBMatch, kb) -> bool:
    """«العاصمة السويدية», «المدينة الهندية»: a country's nisba with the article right after a definite noun is
    the noun's adjective, not the town of that spelling (Samandag, Al Hindiyah); a country or province of that
    name («السعودية») is left to the places stage."""
    tok = doc.tokens[m.token_start]
    prev = doc.tokens[m.token_start - 1] if m.token_start > 0 else None
    if not (any(k == "nisba" for k, _ in m.also) and m.token_end - m.token_start == 1 and tok.prefixes == ["ال"]
            and prev is not None and _joined(doc, m.token_start - 1, m.token_start) and "ال" in prev.prefixes
            and not prev.suffix):
        return False
    best = kb.gazetteer.place(m.ids[0]) if m.ids else None
    return best is not None and best.feature not in ("country", "admin1")


def _ner_reads_place(m: KBMatch, ner_spans) -> bool:
    return any(etype in ("GPE", "LOC", "FAC") and start < m.end and m.name_start < end
               for start, end, etype, _conf in _near_spans(ner_spans, m.name_start, m.end))


# The numbers layer and the model's spans, indexed by start once per document and asked per KB match: only
# the items near the match are looked at, not all of them (quadratic in article length; issue 16).
def _near(items: list, start: int, end: int) -> list:   # doc.numbers only (one cache entry)
    """The items of a layer (with .span) that may overlap [start, end); callers keep their exact test."""
    return span_index(items, span_of, "entities:numbers").overlapping(
        start, max(end, start + 1)) if isinstance(items, list) else items


def _near_spans(spans, start: int, end: int):
    """The (start, end, type, confidence) spans that may overlap [start, end); callers keep their exact test."""
    if not isinstance(spans, list):
        return spans
    return span_index(spans, lambda x: (x[0], x[1]), "entities:ner_spans").overlapping(start, max(end, start + 1))


def add_kb_entities(doc: Document, kb, claims: _Claims, matches: list[KBMatch], named: bool,
                    ner_spans=()) -> None:
    """KB matches as entities. `named=True` takes actors and titles (they outrank every other reading);
    `named=False` then takes places, generic agents and nisba adjectives where nothing claimed the words."""
    year = _published_year(doc)
    countries = {m.ids[0].split(":", 1)[1] for m in matches if m.kind == "nisba"} | {
        m.ids[0].split(":", 1)[1] for m in matches if m.kind == "place" and m.ids and m.ids[0].startswith("cc:")}
    claimed_ids: set[str] = set()
    skip_next: set[int] = set()
    for k, m in enumerate(matches):
        if k in skip_next or (m.kind in ("actor", "title")) != named or _overlaps(claims, m.name_start, m.end):
            continue
        if m.kind == "actor":
            actor = _choose_actor(m.ids, kb, year, countries)
            if actor is None or not _single_token_surname_ok(doc, m, actor, claimed_ids, ner_spans) \
                    or _inside_bin_chain(doc, m):
                _maybe_nisba(doc, m, kb)
                continue
            # «وزير الخارجية الإيراني عباس عراقجي»: the mention is the name; the title before it stays out of
            # the span (as NER corpora mark names), and is no mention of its own
            doc.entities.append(_actor_entity(doc, m, actor))
            claimed_ids.add(actor.id)
        elif m.kind == "title":
            actor = _choose_actor(m.ids, kb, year, countries)
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            if nxt is not None and nxt.kind == "actor" and _title_joins(doc, m, nxt, kb):
                _place_in_title(doc, m, kb, claims)
                continue        # «الرئيس السوري بشار الأسد», «وزير الخارجية التركي حقان فيدان»: the name follows
            if _named_person_after(doc, m, ner_spans):
                _place_in_title(doc, m, kb, claims)
                continue        # «قائد الجيش اللبناني العماد جوزف عون»: a name the KB lacks follows the title
            if _deputy_before(doc, m):
                _place_in_title(doc, m, kb, claims)
                continue        # «نائب رئيس دولة الإمارات»: the deputy's office, not the holder of the title
            if actor is None or year is None or not actor.in_office(year):
                _place_in_title(doc, m, kb, claims)
                continue        # a title alone names a person only at a known date («الرئيس الفلسطيني» in 2005?)
            doc.entities.append(_actor_entity(doc, m, actor, source="title"))
        elif m.kind == "place":
            if _adjective_of_definite_noun(doc, m, kb):
                continue        # (no nisba agent either: the words stay as they were read before this rule)
            if _place_is_misread(doc, m, kb, ner_spans):
                _maybe_nisba(doc, m, kb)
                if _claimed_function_word(doc, m):
                    claims.append(_Claim(m.start, m.end))   # «لأول», «لأن», «لدى»: no name of any kind
                continue
            ent = _place_entity(doc, m, kb)
            if ent is not None:
                # confidence 1.0 when our NER model also reads a place here, 0.7 when only the gazetteer does
                ent.confidence = 1.0 if _ner_reads_place(m, ner_spans) else 0.7
                doc.entities.append(ent)
        elif m.kind == "agent":
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            nisba = nxt if nxt is not None and nxt.kind == "nisba" and nxt.token_start == m.token_end else None
            if nisba is not None:
                skip_next.add(k + 1)
            agent = _agent_entity(doc, m, kb, nisba)
            doc.agents.append(agent)
            claims.append(_Claim(agent.span.start, agent.span.end))
            continue
        elif m.kind == "nisba":
            doc.agents.append(_nisba_entity(doc, m, kb))
        claims.append(_Claim(m.start, m.end))


def _place_in_title(doc: Document, m: KBMatch, kb, claims: _Claims) -> None:
    """«أمير دولة الكويت», «أمير قطر»: a title that names no one here still names its country; the
    country (or province, or capital) that ends it is a place mention. «الأمين العام للأمم المتحدة»: an
    organisation the KB knows that ends the title is an organisation mention."""
    if _org_in_title(doc, m, kb, claims):
        return
    for k in range(m.token_start + 1, m.token_end):
        start = _name_start(doc.tokens[k])
        if (doc.tokens[k].prefixes and set(doc.tokens[k].prefixes) != {"ال"}) \
                or "GPE_CUE" in cue_kinds(doc.tokens[k], load_cues()):
            continue        # «دولة | الكويت»: the name without its cue word, as NER corpora mark it
        places = [c for c in kb.gazetteer.candidates(doc.text[start:m.end])
                  if c.feature in ("country", "admin1") or c.is_capital]
        if places:
            if not _overlaps(claims, start, m.end):
                doc.entities.append(_place_entity(doc, KBMatch(start, m.end, doc.text[start:m.end], k, m.token_end,
                                                               "place", [c.id for c in places], start), kb))
                claims.append(_Claim(start, m.end))
            return


# A title heading a state body names an office of that state («وزير الخارجية الأميركية»), not the body
_STATE_BODY_SECTORS = frozenset({"government", "military", "police", "intelligence", "legislature", "judiciary"})


def _org_in_title(doc: Document, m: KBMatch, kb, claims: _Claims) -> bool:
    """An organisation of the KB that ends the title («الأمين العام | للأمم المتحدة», «المتحدث باسم | حركة
    حماس») is added as that organisation's mention; True if one was."""
    for k in range(m.token_start + 1, m.token_end):
        for sub in kb.matcher.match_tokens(doc.tokens[k:m.token_end], doc.text):
            if sub.kind != "actor" or sub.end != m.end:
                continue
            actor = next((kb.actors.actors[i] for i in sub.ids if i in kb.actors.actors), None)
            if actor is None or actor.type != "ORG":
                continue
            if actor.sector in _STATE_BODY_SECTORS:
                return False    # «وزيرة الخارجية الأميركية», «رئيس أركان الجيش الإسرائيلي»: an office of the state
            if not _overlaps(claims, sub.name_start, sub.end):
                doc.entities.append(_actor_entity(doc, sub, actor))
                claims.append(_Claim(sub.name_start, sub.end))
            return True
    return False


def _title_joins(doc: Document, title: KBMatch, nxt: KBMatch, kb) -> bool:
    """A person's name right after a title («الرئيس السوري بشار الأسد»), with at most one name-like word or
    one or two rank words («العماد», «اللواء») between them, in the same sentence; never across a function
    word («الرئيس الفلسطيني إن الحكومة ...»)."""
    if not any(i.startswith("per.") for i in nxt.ids) or "\n" in doc.text[title.end:nxt.start] \
            or not all(ch.isalpha() or ch.isspace() for ch in doc.text[title.end:nxt.start]) \
            or doc.tokens[nxt.token_start].sentence != doc.tokens[title.token_end - 1].sentence:
        return False
    between = range(title.token_end, nxt.token_start)
    ranks = [k for k in between if _is_title(doc.tokens[k]) and doc.tokens[k].prefixes in ([], ["ال"])]
    if len(ranks) > 2 or len(between) - len(ranks) > (0 if ranks else 1):
        return False        # (one or two rank words may stand between: «قائد الجيش اللبناني العماد ...»)
    for k in between:
        if k in ranks:
            continue
        tok = doc.tokens[k]
        if any(p != "ال" for p in tok.prefixes) or tok.norm in _name_stoppers() or len(tok.stem) < 2 \
                or word_frequency(doc, tok) >= _NAME_WORD_ZIPF:
            return False
    return True


def _named_person_after(doc: Document, title: KBMatch, names) -> bool:
    """A person name found by the naming patterns (`names`, in the named pass) begins right after the title,
    or after one or two rank words («العماد», «اللواء»): the title is that person's, whoever held it before."""
    k = title.token_end
    while k < len(doc.tokens) and k - title.token_end < 2 and _is_title(doc.tokens[k]) \
            and doc.tokens[k].prefixes in ([], ["ال"]):
        k += 1
    if k >= len(doc.tokens) or "\n" in doc.text[title.end:doc.tokens[k].start] \
            or not all(ch.isalpha() or ch.isspace() for ch in doc.text[title.end:doc.tokens[k].start]) \
            or doc.tokens[k].sentence != doc.tokens[title.token_end - 1].sentence:
        return False
    starts = (doc.tokens[k].start, doc.tokens[k].stem_start)
    return any(etype == "PERSON" and a in starts for a, _b, etype, _c in names)


_DEPUTY_WORDS = frozenset({"نايب", "مساعد"})     # (normalised: «نائب»)


def _deputy_before(doc: Document, title: KBMatch) -> bool:
    """«نائب رئيس دولة الإمارات», «مساعد وزير الخارجية»: the word before a title makes it another office; the
    title's holder is not meant."""
    if title.token_start == 0:
        return False
    prev = doc.tokens[title.token_start - 1]
    return prev.stem in _DEPUTY_WORDS and all(p in ("و", "ل", "ب", "ف") for p in prev.prefixes) \
        and not doc.text[prev.end:doc.tokens[title.token_start].start].strip()


def _maybe_nisba(doc: Document, m: KBMatch, kb) -> None:
    for kind, ids in m.also:
        if kind == "nisba":
            doc.agents.append(_nisba_entity(doc, KBMatch(m.start, m.end, m.text, m.token_start, m.token_end,
                                                         "nisba", ids, m.name_start), kb))
            return


# ---------------------------------------------------------------- organisation heads

@lru_cache(maxsize=1)
def _ordinals() -> frozenset[str]:
    """Ordinal number words («الأولى», «الرابع», «الحادية»), normalised, without the article."""
    from rasd.text.numbers import data_rows
    return frozenset(normalize_for_match(r["form"]) for r in data_rows("number_words.tsv") if r["role"] == "ordinal")


_TEEN_WORDS = frozenset({"عشر", "عشره"})


def add_numbered_units(doc: Document, claims: _Claims) -> None:
    """«الفرقة الأولى», «الكتيبة 55», «اللواء 93», «الفرقة السابعة عشرة»: a military unit word (UNIT_HEAD rows of
    ner_cues.tsv) named by the number or the ordinal right after it is an organisation (a rank before a name,
    «اللواء محمد», is not: no number follows)."""
    tokens = doc.tokens
    units = _cue_set("UNIT_HEAD")
    for i, tok in enumerate(tokens[:-1]):
        if tok.stem not in units or tok.suffix or set(tok.prefixes) - {"و", "ب", "ل", "ال"} \
                or not _joined(doc, i, i + 1):
            continue
        nxt = tokens[i + 1]
        numbered = nxt.stem.isdigit() and not nxt.prefixes
        ordinal = nxt.stem in _ordinals() and nxt.prefixes == (["ال"] if "ال" in tok.prefixes else [])
        if not (numbered or ordinal):
            continue
        last = i + 1
        if ordinal and last + 1 < len(tokens) and _joined(doc, last, last + 1) \
                and tokens[last + 1].stem in _TEEN_WORDS and not set(tokens[last + 1].prefixes) - {"ال"}:
            last += 1       # «الفرقة السابعة عشرة»
        add_pattern_entity(doc, claims, _name_start(tok), tokens[last].stem_end, "ORG", 0.7, sector="military")


_POSSESSIVE_SUFFIXES = frozenset({"ها", "هم", "هما", "هن", "ه", "ك", "كم", "نا"})     # «ساحتها» (its square): no name


_NONSTATE_AGENT_SECTORS = frozenset({"rebel", "armed_group"})
_STATE_FORCE_SECTORS = frozenset({"military", "police", "intelligence"})


def add_org_patterns(doc: Document, claims: _Claims, matches: Sequence[KBMatch] = ()) -> None:
    """«وزارة X», «جبهة X», «منظمة X»: an indefinite head and the genitive/adjective words after it.

    Arabic organisation names are construct chains: the head without the article, then words with it
    («وزارة الخارجية الإيرانية»), or one bare word then definite ones («هيئة تحرير الشام»). The chain
    ends at punctuation, a stopper, a word starting with «و/ف», or a second bare word. A head with the
    article («الوزارة») refers back to an organisation already named, so it opens no name.
    """
    heads, stoppers = _org_heads(), _name_stoppers()
    tokens = doc.tokens
    # a chain that is a whole non-state agent of two or more words («قوات المعارضة»: the armed opposition) is that
    # agent, read later by add_kb_entities, not a name headed by «قوات» (state forces; «قوات الأمن» stays a name)
    agents = load_kb().actors.agents
    rebel_chains = {(m.token_start, m.token_end) for m in matches
                    if m.kind == "agent" and m.token_end - m.token_start > 1
                    and getattr(agents.get(m.ids[0]), "sector", None) in _NONSTATE_AGENT_SECTORS}
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        place_head = heads.get(tok.stem) in ("site", "fac")     # «بسوق الجمعة»: a place may follow «ب»
        if tok.stem not in heads or _overlaps(claims, tok.stem_start, tok.end) \
                or (tok.prefixes[:1] in (["ب"], ["ل"], ["ك"]) and not place_head
                    and not _outlet_named_after(doc, i)) \
                or (tok.suffix and (not place_head or tok.suffix in _POSSESSIVE_SUFFIXES)):
            # a head with a possessive pronoun («قواتها», «وزارته») heads no construct chain: «قواتها حيّدت»
            # is «its forces neutralised», no name
            i += 1
            continue
        j = _chain_end(doc, i, stoppers)
        if "ال" in tok.prefixes and (j == i or "ال" not in tokens[i + 1].prefixes or tok.stem not in _definite_heads()):
            i += 1          # «الوزارة» alone refers back, «القوات الموالية» is a description; «المجلس الرئاسي» a name
            continue
        if j > i and tok.stem in _weak_heads() and not _chain_has_name(doc, i + 1, j, site=place_head):
            i = j + 1       # «حركة الأجسام», «جهاز العرض», «منطقة الجزاء»: everyday words, no name
            continue
        if (i, j + 1) in rebel_chains and heads[tok.stem] in _STATE_FORCE_SECTORS:
            i = j + 1
            continue
        if j > i:
            sector = heads[tok.stem]
            etype = {"fac": "FAC", "site": "LOC"}.get(sector, "ORG")
            add_pattern_entity(doc, claims, _name_start(tok), tokens[j].end, etype, 0.7,
                               sector=sector if etype == "ORG" else None)
        i = j + 1


_OUTLET_NAME_ZIPF = 3.0     # a bare word this rare after «لوكالة», «لصحيفة» is the outlet's name


def _outlet_named_after(doc: Document, i: int) -> bool:
    """«متحدثا لوكالة إيلنا العمالية», «لصحيفة هآرتس»: after a descriptor head with «ل/ب/ك» («لوكالة», «بصحيفة»)
    a rare bare word that is no place is a name (the head with a clitic is otherwise «لحركة ...», a common noun)."""
    tokens = doc.tokens
    if doc.tokens[i].stem not in _descriptor_heads() or i + 1 >= len(tokens) or not _joined(doc, i, i + 1):
        return False
    nxt = tokens[i + 1]
    word = doc.text[nxt.stem_start:nxt.end]     # the whole word: «إيلنا» is no «إيل» + «نا»
    return not nxt.prefixes and word.isalpha() and len(word) >= 3 \
        and (stem_zipf(lexicon_key(word)) or 0) < _OUTLET_NAME_ZIPF \
        and (not nxt.suffix or word_frequency(doc, nxt) < _OUTLET_NAME_ZIPF or not stem_zipf(lexicon_key(word))) \
        and not load_kb().gazetteer.candidates(word)


def _chain_end(doc: Document, i: int, stoppers: frozenset[str]) -> int:
    tokens = doc.tokens
    j = i
    while j + 1 < len(tokens) and j - i < 4:
        nxt = tokens[j + 1]
        if nxt.sentence != tokens[i].sentence or doc.text[tokens[j].end:nxt.start].strip() \
                or nxt.norm in stoppers or nxt.stem in stoppers or nxt.prefixes[:1] in (["و"], ["ف"], ["ب"], ["ك"]):
            break
        definite = "ال" in nxt.prefixes
        if not definite:
            after = tokens[j + 2] if j + 2 < len(tokens) else None
            bare_ok = j == i and not nxt.prefixes and after is not None and "ال" in after.prefixes and after.sentence == nxt.sentence \
                and not doc.text[nxt.end:after.start].strip()
            proper_name = j == i and not nxt.prefixes and len(nxt.stem) >= 3 and (   # «مستشفى ناصر»
                (word_frequency(doc, nxt) < _COMMON_WORD_ZIPF and not _bare_adjective(doc, nxt))
                or _surface_key(doc, j + 1) in _given_names())
            kunya = j == i + 1 and tokens[j].stem in ("ابو", "ام") and not nxt.prefixes   # «مخيم أبو شوك»
            # «منطقة جرود عرسال»: after a site head, a rare bare word and a second one (the place it belongs to)
            # «مستشفى كمال عدوان»: after a site head, a given name and the family name
            site_name = j == i + 1 and not nxt.prefixes and not nxt.suffix and len(nxt.stem) >= 3 \
                and _org_heads().get(tokens[i].stem) in ("site", "fac") and not tokens[j].prefixes \
                and ((word_frequency(doc, tokens[j]) < _COMMON_WORD_ZIPF and word_frequency(doc, nxt) < _COMMON_WORD_ZIPF)
                     or (_surface_key(doc, j) in _given_names() and word_frequency(doc, nxt) < _NAME_WORD_ZIPF
                         and not _bare_adjective(doc, nxt)))
            if not (bare_ok or proper_name or kunya or site_name):
                break
        j += 1
    return j


_ADJECTIVE_ZIPF = 3.0


def _bare_adjective(doc: Document, tok) -> bool:
    """«معبر حدودي», «مستشفى ميداني»: a bare nisba adjective that is a word (not a rare name) describes the
    head; it names nothing."""
    return tok.stem.endswith("ي") and not tok.suffix and word_frequency(doc, tok) >= _ADJECTIVE_ZIPF


# where a name begins inside a token (ner_model.name_start), bound once: asked ~2,300 times an article, and the
# import statement it ran at each call was ~1.7% of the CPU of news extraction (py-spy; issue 16)
_name_start = name_start


# ---------------------------------------------------------------- person names

_NAME_WORD_ZIPF = 5.0      # a word this frequent («قال», «الحكومة») does not continue a name
_FAMILY_NAME_ZIPF = 5.5    # ... but a family name with the article may be a common adjective («فراس الأبيض»)
_RARE_WORD_ZIPF = 4.0      # after a given name that is also a word («حسن»), only a rare word continues
_MAX_NAME_WORDS = 4
_NAME_LINKS = frozenset({"عبد", "ابو", "ابي", "ابا", "بن", "ابن", "بنت", "ال"})
_LINKED_NAME_WORDS = 7     # «عبد الرحمن بن معاوية بن هشام»: a chain with «بن» may run longer   # «عبد الله», «أبو محمد», «بن سلمان»


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """given_names.txt, plus the written-together form of each «عبد» name («عبدالرحمن» for «عبد الرحمن»)."""
    names = {w.rstrip("*") for w in _word_list("given_names.txt")}
    return frozenset(names | {n.replace(" ", "") for n in names if n.startswith("عبد ")})


@lru_cache(maxsize=1)
def _given_name_firsts() -> frozenset[str]:
    """The first words of the given names of two words or more («عبد» of «عبد الرحمن»)."""
    return frozenset(n.split(" ", 1)[0] for n in _given_names() if " " in n)


@lru_cache(maxsize=1)
def _common_word_names() -> frozenset[str]:
    """Given names that are also ordinary words («حسن», «صالح»), marked * in given_names.txt."""
    return frozenset(w.rstrip("*") for w in _word_list("given_names.txt") if w.endswith("*"))


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    return _word_list("person_titles.txt")


@lru_cache(maxsize=16_384)
def _name_key(word: str) -> str:
    """Matching form of a name that keeps alef maqsura apart: «علي» (Ali) is not «على» (on)."""
    return normalize_for_match(word.replace("ى", "\u0001")).replace("\u0001", "ى")


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("rasd.extract").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(_name_key(l.strip()) for l in text.splitlines() if l.strip() and not l.startswith("#"))


def is_given_name(word: str) -> bool:
    return _name_key(word.strip()) in _given_names()


_SURFACE_KEYS: tuple[list | None, list] = (None, [])     # (a token list, its tokens' keys so far, by index)


def _surface_key(doc: Document, k: int) -> str:
    """The name key of a token: the whole word when it is itself a given name («فراس», not ف + «راس»),
    else its stem as written."""
    # (the name rules ask it ~4 times per token: kept per token of the document's token list, as
    # spanindex keeps its indexes: rebuilt when the list object changes or its length does; issue 16)
    global _SURFACE_KEYS
    tokens = doc.tokens
    cached = _SURFACE_KEYS
    if cached[0] is not tokens or len(cached[1]) != len(tokens):
        cached = _SURFACE_KEYS = (tokens, [None] * len(tokens))
    keys = cached[1]
    key = keys[k]
    if key is None:
        tok = tokens[k]
        # (a token's text is doc.text[tok.start:tok.end], so its stem as written is a slice of it: the key
        # depends on the word and its stem offsets alone)
        key = keys[k] = _word_surface_key(tok.text, tok.stem_start - tok.start, tok.stem_end - tok.start)
    return key


@lru_cache(maxsize=32_768)
def _word_surface_key(word: str, stem_start: int, stem_end: int) -> str:
    whole = _name_key(word)
    if whole in _given_names():
        return whole
    return _name_key(word[stem_start:stem_end])


def _ya_for_maqsura(doc: Document) -> bool:
    """The text writes final alef maqsura as ya (Egyptian style: «علي» for «على», «الي» for «إلى»)."""
    return _ya_text(doc.text)


@lru_cache(maxsize=64)
def _ya_text(text: str) -> bool:
    return "ى" not in text and any(w in ("الي", "إلي", "حتي", "لدي", "علي") for w in text.split())


def _preposition_ali(doc: Document, k: int) -> bool:
    """«علي» as the preposition «على» in a text that writes ى as ي: followed by a word with the article or
    a pronoun suffix («علي الكرسي», «علي الفلسطينيين»)."""
    tok = doc.tokens[k]
    if tok.text != "علي" or not _ya_for_maqsura(doc) or k + 1 >= len(doc.tokens):
        return False
    if k > 0 and _joined(doc, k - 1, k) and _is_title(doc.tokens[k - 1]):
        return False        # «السيد علي السويدي»: after a title, the name
    nxt = doc.tokens[k + 1]
    return "ال" in nxt.prefixes or not _joined(doc, k, k + 1)


def _is_title(tok) -> bool:
    """A person title (person_titles.txt), with or without its article: «السيد», «الشيخ», «سعادة»."""
    titles = _person_titles()
    return tok.stem in titles or ("ال" in tok.prefixes and "ال" + tok.stem in titles)


def _given_at(doc: Document, k: int) -> bool:
    """Token k is a given name standing on its own (no clitic before it, unless the whole word is the name,
    or the clitic is the conjunction «و» before a name that is no common word: «وإسماعيل هنية»)."""
    tok = doc.tokens[k]
    if _preposition_ali(doc, k) or (tok.suffix and _name_key(tok.text) not in _given_names()):
        return False        # («خلفه»: a word with a pronoun, not the name «خلف»)
    if tok.prefixes == ["و"] and _surface_key(doc, k) in _given_names() \
            and _surface_key(doc, k) not in _common_word_names():
        return True
    return _name_key(tok.text) in _given_names() or (not tok.prefixes and _surface_key(doc, k) in _given_names())


def _misread_name_word(doc: Document, tok) -> bool:
    """«فينوجرادوف», «بليك»: a word whose first letter the segmenter took for a clitic (ب ك ف س, nothing before
    it) on a stem that is no word and no place: a foreign name whole, not a preposition or «ف» on a word."""
    return tok.prefixes in (["ب"], ["ك"], ["ف"], ["س"]) and not tok.suffix and len(tok.stem) >= 4 \
        and tok.stem.isalpha() and word_frequency(doc, tok) < _LONE_NAME_ZIPF \
        and not load_kb().gazetteer.candidates(doc.text[tok.stem_start:tok.stem_end])
    # (the frequency of the stem as written: the lexicon keeps «ة», and «خطوره» looked rare where «خطورة» is not:
    # «زيان | بخطورة»)


def _name_like(doc: Document, k: int, after_common_word: bool = False) -> bool:
    tok = doc.tokens[k]
    if _misread_name_word(doc, tok):
        return True
    if tok.prefixes[:1] in (["و"], ["ف"]) and _name_key(tok.text) not in _given_names():
        return False        # «أبو فارس وأبو السكر»: two names
    if tok.stem in _nisba_forms():
        return False        # «خلف البلجيكي», «ماهيندا راجاباكسي» after «السريلانكي»: an adjective, no name
    if _given_at(doc, k):
        return True
    if len(tok.stem) < 2 or not tok.stem.isalpha() or tok.prefixes[:1] in (["و"], ["ف"]) or tok.suffix \
            or (tok.prefixes[:1] in (["ب"], ["ل"], ["ك"])
                and ("ال" in tok.prefixes or word_frequency(doc, tok) >= _RARE_WORD_ZIPF)):
        return False        # a lone «و»; «للصحفيين», «لوكالة»: a clitic on a word (but «بسيّس», «بوعيد» are names)
    if _given_at(doc, k):
        return True
    if tok.norm in _name_stoppers() or tok.stem in _name_stoppers():
        return False
    if _verb_or_plural_shape(doc, tok) or _inflected_common_word(doc, tok, ("ا",)) \
            or ("ال" in tok.prefixes and _inflected_common_word(doc, tok, ("ات",))):
        return False        # «خلفه», «ليجهر», «يرون», «السابقون», «تكريما», «الاجراءات»: a verb, a plural, ...
    zipf = word_frequency(doc, tok)
    if not zipf:
        return True
    if after_common_word:
        return zipf < _RARE_WORD_ZIPF and not _pronoun_on_common_word(doc, tok, _RARE_WORD_ZIPF)
    return zipf < (_FAMILY_NAME_ZIPF if tok.prefixes == ["ال"] else _NAME_WORD_ZIPF)


def _pronoun_on_common_word(doc: Document, tok, zipf: float) -> bool:
    """«مركزه», «خلفه»: a pronoun the segmenter left on a word at least this common."""
    word = doc.text[tok.stem_start:tok.stem_end]
    bare = next((word[:-len(p)] for p in ("هما", "هم", "ها", "ه") if word.endswith(p) and len(word) - len(p) >= 3),
                None)
    return bare is not None and (stem_zipf(lexicon_key(bare)) or 0) >= zipf


def _verb_or_plural_shape(doc: Document, tok) -> bool:
    """A word no name continues with: a common word with a pronoun on it («خلفه»), «ل» + an imperfect verb
    («ليجهر»), an imperfect plural («يرون»), a definite plural («السابقون»)."""
    word = normalize_for_match(doc.text[tok.stem_start:tok.stem_end])
    if _pronoun_on_common_word(doc, tok, _RARE_WORD_ZIPF):
        return True
    if tok.prefixes[:1] == ["ل"] and word[:1] in "يتن" and len(word) >= 4:
        return True
    if word[:1] in "يت" and word.endswith(("ون", "ين")) and len(word) >= 4 and not tok.prefixes:
        return True
    return "ال" in tok.prefixes and word.endswith(("ون", "ين")) and len(word) >= 5


_JOINED: tuple[list | None, list] = (None, [])     # (a token list, «token k joined to k + 1» so far, by k)


def _joined(doc: Document, a: int, b: int) -> bool:
    """Tokens a and b stand side by side in one sentence with only a space between them."""
    # (asked ~2,000 times an article, nearly always of neighbours: their answer is kept per token of the
    # document's token list, as `_surface_key` keeps its keys; issue 16)
    tokens = doc.tokens
    if b == a + 1 and a >= 0:
        cached = _JOINED
        if cached[0] is not tokens or len(cached[1]) != len(tokens):
            cached = _new_joined_flags(tokens)
        flags = cached[1]
        flag = flags[a]
        if flag is None:
            flag = flags[a] = _tokens_joined(doc, tokens[a], tokens[b])
        return flag
    return _tokens_joined(doc, tokens[a], tokens[b])


def _new_joined_flags(tokens: list) -> tuple[list, list]:
    global _JOINED
    _JOINED = (tokens, [None] * len(tokens))
    return _JOINED


def _tokens_joined(doc: Document, ta, tb) -> bool:
    return ta.sentence == tb.sentence and not doc.text[ta.end:tb.start].strip()


def _speaker_alone(doc: Document, k: int) -> bool:
    """«وقال فؤاد، وهو محاضر ...», «وقال عباس للصحفيين»: a lone given name right after a speech verb and
    before a comma or a word with a clitic (not part of the name)."""
    tokens = doc.tokens
    after = doc.text[tokens[k].end:tokens[k].end + 2].strip()[:1]
    if k == 0 or verb_form(tokens[k - 1]) is None or not _joined(doc, k - 1, k):
        return False
    if after in ("،", ",", ":", '"', "«", "“"):
        return True         # («وقال يوسف " لأن ...»: the quotation opens after the speaker)
    return k + 1 < len(tokens) and _joined(doc, k, k + 1) and (any(p in ("ل", "ب") for p in tokens[k + 1].prefixes)
                                                               or tokens[k + 1].norm in ("ان", "انه", "انها"))


_FOREIGN_PARTICLES = frozenset({"لو", "دو", "دي", "دا", "فان", "فون", "لا"})
_INTRODUCED_ZIPF = 4.0      # a word rarer than this right after a speech verb or a nationality is a name
_LONE_NAME_ZIPF = 3.0       # ... and rarer than this, it is a name on its own after a title


def _big_place(doc: Document, k: int, whole: bool = False) -> bool:
    """Token k names a country, a province or a large town («وقالت طهران»): a place, not a person. `whole`:
    the word read whole, its first letter no clitic («بوين» is no ب + «وين»)."""
    tok = doc.tokens[k]
    start = tok.start if whole else _name_start(tok)
    return any(c.feature in ("country", "admin1") or c.is_capital or c.population >= 100_000
               for c in load_kb().gazetteer.candidates(doc.text[start:tok.stem_end]))


def _introduced_name(doc: Document, k: int) -> bool:
    """A word that is no common word, no KB name and no place, standing where news puts a person's name:
    right after a speech verb («وقال غارسيا إن ...», «وأضاف الربيعي»), or right after a nationality adjective
    with the article («اللاعب البرازيلي رونالدينيو», «على الروسي كافلنيكوف»)."""
    if k == 0:
        return False
    tok, prev = doc.tokens[k], doc.tokens[k - 1]
    # (the word before is asked first: a speech verb or a definite nisba is rare, so most words stop here
    # without the tests below, all pure, which were ~3% of news extraction when asked of every word; issue 16)
    speaker = _speaker_verb(prev)
    if not speaker and not (prev.prefixes in (["ال"], ["و", "ال"]) and prev.stem in _nisba_forms()):
        return False
    if not _joined(doc, k - 1, k):
        return False
    # «وقال بوين»: the whole word is the name, not ب + «وين» (but «لماذا» is ل + a function word)
    split = speaker and _split_foreign_name(tok) and word_frequency(doc, tok) < _FUNCTION_WORD_ZIPF
    if len(tok.stem) < 3 or not tok.stem.isalpha() or tok.stem.isascii() or tok.suffix or tok.stem in _nisba_forms() \
            or tok.norm in _name_stoppers() or tok.stem in _name_stoppers() \
            or (not split and word_frequency(doc, tok) >= (_SPOKEN_NAME_ZIPF if speaker and not tok.prefixes
                                                           and _speech_follows(doc, k) and not _agent_word(tok)
                                                           else _INTRODUCED_ZIPF)):
        return False
    if _inflected_common_word(doc, tok):
        return False        # «مراقبون», «نائبان», «تصدرت»: a common word inflected, not a name
    if speaker:
        if k + 1 < len(doc.tokens) and _joined(doc, k, k + 1) and _given_at(doc, k + 1):
            return False    # «عبر توغلات محمود ...»: the name is the given name's
        # the article only on a family name in «ي» («الربيعي»); no other clitic, unless the whole word is
        # unknown (a foreign name the segmenter split: «فينزك» is no ف + «ينزك»)
        if not (tok.prefixes in ([], ["ال"]) or _split_foreign_name(tok)) \
                or ("ال" in tok.prefixes and not tok.stem.endswith("ي")):
            return False
    elif not (prev.prefixes in (["ال"], ["و", "ال"]) and prev.stem in _nisba_forms() and not prev.stem.endswith(("ون", "ين"))
              and (not tok.prefixes or _split_foreign_name(tok))
              and (_nisba_as_noun(doc, k - 1) or word_frequency(doc, tok) < _LONE_NAME_ZIPF)):
        return False
    return not _big_place(doc, k, whole=split)


_SPOKEN_NAME_ZIPF = 4.3    # ... and a word rarer than this, when the speech begins right after it («وقال عنان إن»)


def _agent_word(tok) -> bool:
    """The KB knows the word as a generic agent («ناشط», «مراسل»): someone unnamed, not a name."""
    from rasd.kb.keys import name_key
    return any(kind == "agent" for kind, _ids in load_kb().matcher.lookup(name_key(tok.stem)))


def _speech_follows(doc: Document, k: int) -> bool:
    """Right after the word at k the speech begins: «إن/أن», a colon or an opening quotation mark («وقال عنان إن»,
    «وأكد غريب « لدينا»): the word closes the speaker's name."""
    tokens = doc.tokens
    if k + 1 >= len(tokens):
        return False
    gap = doc.text[tokens[k].end:tokens[k + 1].start].strip()
    if gap:
        return gap[:1] in (":", '"', "«", "“")
    return tokens[k + 1].norm in _COMPLEMENTIZERS and not tokens[k + 1].prefixes


def _split_foreign_name(tok) -> bool:
    """A word the segmenter split into a one-letter clitic and a stem, whose whole form is unknown as a word:
    more likely one foreign name («فينزك», «بيولي») than a clitic on a word."""
    return len(tok.prefixes) == 1 and tok.prefixes[0] in ("ف", "ب", "ل", "ك") \
        and (stem_zipf(lexicon_key(tok.text)) or 0) < _LONE_NAME_ZIPF and len(tok.text) >= 4


_INFLECTION_SUFFIXES = ("تان", "تا", "ون", "ين", "ان", "ات", "ة", "ه", "ا", "ت")


def _inflected_common_word(doc: Document, tok, suffixes: tuple[str, ...] = _INFLECTION_SUFFIXES) -> bool:
    """«مراقبون», «نائبان», «تصدرت», «تتزامن»: a common word with a plural, dual, feminine or verb ending
    (or an imperfect prefix) taken off, so an inflected word, not a name."""
    word = normalize_for_match(doc.text[tok.stem_start:tok.stem_end])
    bases = [word[:-len(x)] for x in suffixes if word.endswith(x)]
    bases += [word[1:]] if word[:1] in "تين" else []
    if len(word) == 4 and word.endswith("ت") and word[:1] not in "اوي":
        return True         # «ضللت», «قللت»: a verb's past, feminine
    if word.startswith("م") and word.endswith(("ون", "ين")) and len(word) >= 6:
        return True         # «متعاملون», «مراقبين»: a participle's plural
    if word.startswith("م") and word[1:2] not in "اوي" and word.endswith(("ا", "ه")) and len(word) >= 5:
        return True         # «متسللا», «مكملة»: a participle in the accusative or the feminine
    return any(len(b) >= 3 and max(stem_zipf(b) or 0, stem_zipf(b + "ة") or 0) >= _INTRODUCED_ZIPF
               for b in bases)       # («صفحتا»: «صفحة» in the dual)


def _tokens_near(doc: Document, start: int, end: int) -> list[Token]:
    """The tokens overlapping [start - 1, end) by bisection: every token whose stem starts in, or overlaps,
    [start, end) is among them (callers keep their exact test; a scan of all tokens was quadratic, issue 16)."""
    span = doc.token_range(start - 1, max(end, start))
    return doc.tokens[span[0]:span[1] + 1] if span else []


def _inflected_word_span(doc: Document, start: int, end: int) -> bool:
    """The span is one word, and that word is a common word inflected."""
    words = [t for t in _tokens_near(doc, start, end) if t.stem_start < end and start < t.stem_end]
    return len(words) == 1 and _inflected_common_word(doc, words[0])


def _nisba_as_noun(doc: Document, k: int) -> bool:
    """The nationality adjective at k stands for a person («على الروسي كافلنيكوف», «والفرنسي ...»), or
    follows a title («اللاعب البرازيلي ...»): it opens its phrase, rather than qualifying a noun before it
    («الإدارة الأميركية ضللت»)."""
    tokens = doc.tokens
    if "و" in tokens[k].prefixes or k == 0 or not _joined(doc, k - 1, k):
        return True
    before = tokens[k - 1]
    return before.stem in _person_titles() or before.norm in _NISBA_NOUN_LEADS


# Speech verbs whose next word is mostly an object or a complement, not the speaker («اعتبر X مكملة»,
# «تابع مسير الدولة», «وصف ...», «رأى ...»); and «عبر», far more often «via» than «expressed».
_OBJECT_FIRST = frozenset(normalize_for_match(w) for w in (
    "تابع", "اعتبر", "رأى", "وصف", "عبر", "اتهم", "طالب", "نقل", "دعا", "هدد", "ناشد", "حث", "ندد", "أدان",
    "استنكر", "كتب", "علق", "أبدى", "أعرب", "أشاد", "توعد", "تعهد", "أقر", "أبلغ", "روى", "حكى", "ردد"))


# (`_speaker_verb`'s answers per word form: `verb_form` reads the token's `norm` alone; asked ~850 times an
# article, issue 16)
_SPEAKER_VERBS: dict[str, bool] = {}


def _speaker_verb(tok) -> bool:
    """A past-tense speech verb after which news puts the speaker («وقال», «وأضاف», «أكدت»)."""
    hit = _SPEAKER_VERBS.get(tok.norm)
    if hit is None:
        form = verb_form(tok)
        if len(_SPEAKER_VERBS) >= 32_768:
            _SPEAKER_VERBS.clear()
        hit = _SPEAKER_VERBS[tok.norm] = form is not None and form.kind == "past" \
            and normalize_for_match(form.lemma) not in _OBJECT_FIRST
    return hit
_NISBA_NOUN_LEADS = frozenset(normalize_for_match(w) for w in (
    "على", "من", "مع", "أمام", "ضد", "عن", "إلى", "بين", "و", "منافسه", "زميله", "مواطنه"))


_TOPONYM_HEADS = frozenset(normalize_for_match(w) for w in (
    "عين", "رأس", "تل", "دير", "كفر", "بئر", "جبل", "وادي", "خربة", "جسر", "بيت", "قلعة", "مرج", "سهل", "خان"))


def _place_kunya(doc: Document, k: int) -> bool:
    """«مخيم أبو شوك», «قرية أبو حمام»: «أبو/أم» after a place word names a place, not a person; and
    «عين عيسى», «تل حسن», «دير حافر»: a given name after a toponym head (without the article) is a place's."""
    tokens = doc.tokens
    if k == 0 or not _joined(doc, k - 1, k):
        return False
    prev = tokens[k - 1]
    if prev.stem in _TOPONYM_HEADS and not prev.prefixes[-1:] == ["ال"] and not prev.suffix:
        return True
    if tokens[k].stem not in ("ابو", "ام"):
        return False
    return _org_heads().get(prev.stem) in ("site", "fac") or prev.stem in _PLACE_GOVERNORS \
        or prev.stem in ("مدينه", "بلده", "قريه", "محافظه", "جزيره", "جزر", "بلدات", "قري")


def _speaker_surname(doc: Document, k: int) -> bool:
    """«وقال كمال بشر، ...», «وقال علي الانصاري استاذ التاريخ»: a given name right after a speech verb and one
    more plain word, after which the subject visibly ends (punctuation, «إن/أن», a title in apposition)."""
    tokens = doc.tokens
    if k == 0 or k + 1 >= len(tokens) or not _speaker_verb(tokens[k - 1]) or not _joined(doc, k - 1, k) \
            or not _joined(doc, k, k + 1):
        return False
    nxt = tokens[k + 1]
    if set(nxt.prefixes) - {"ال"} or nxt.suffix or not nxt.stem.isalpha() or len(nxt.stem) < 2 \
            or nxt.norm in _name_stoppers() or nxt.stem in _name_stoppers() or nxt.stem in _nisba_forms() \
            or word_frequency(doc, nxt) >= _NAME_WORD_ZIPF or _inflected_common_word(doc, nxt) \
            or ("ال" in nxt.prefixes and not nxt.stem.endswith("ي")):
        return False
    if k + 2 >= len(tokens) or not _joined(doc, k + 1, k + 2):
        return True
    after = tokens[k + 2]
    return after.norm in ("ان", "انه", "انها") or after.stem in _person_titles()


def _definite_adjective(tok) -> bool:
    """«التشكيلي», «الدولية»: a relational adjective with the article."""
    return "ال" in tok.prefixes and tok.stem.endswith(("ي", "يه", "ية")) and len(tok.stem) >= 4


def _lone_name_ends(doc: Document, k: int) -> bool:
    """A one-word name ends here: punctuation, the end of the sentence, a complementizer («إن», «أن») or a word
    with a clitic follows (not another word of the name)."""
    tokens = doc.tokens
    if k + 1 >= len(tokens) or not _joined(doc, k, k + 1):
        return True
    nxt = tokens[k + 1]
    return nxt.norm in ("ان", "انه", "انها") or bool(set(nxt.prefixes) - {"ال"}) \
        or word_frequency(doc, nxt) >= _NAME_WORD_ZIPF


def _foreign_particle(doc: Document, k: int) -> bool:
    """«جان إيف لو دريان», «لويس دي بروليه»: a particle inside a foreign name, followed by a rare word."""
    tokens = doc.tokens
    return tokens[k].norm in _FOREIGN_PARTICLES and k + 1 < len(tokens) and _joined(doc, k, k + 1) \
        and not tokens[k + 1].prefixes and word_frequency(doc, tokens[k + 1]) < _RARE_WORD_ZIPF


def _after_link(doc: Document, k: int) -> bool:
    """Token k is «بن», «أبي», «عبد» ... and the word after it is a plain word: «عمر بن الخطاب»."""
    tok, nxt = doc.tokens[k], doc.tokens[k + 1]
    return tok.stem in _NAME_LINKS - {"ال"} and nxt.stem.isalpha() and len(nxt.stem) >= 2 \
        and all(p == "ال" for p in nxt.prefixes) and not nxt.suffix and nxt.norm not in _name_stoppers()


def _family_al(doc: Document, k: int) -> bool:
    """Token k is «آل» (the house of) before a plain word, inside a name: «جاسم بن حمد آل ثاني»."""
    tokens = doc.tokens
    return tokens[k].text == "آل" and k + 1 < len(tokens) and _joined(doc, k, k + 1) \
        and not tokens[k + 1].prefixes and tokens[k + 1].stem.isalpha() and len(tokens[k + 1].stem) >= 2


_TAIL_WORD_ZIPF = 3.5      # a word this common at the end of a name needs the model to read it as a name too


def _pair(x: tuple[int, int]) -> tuple[int, int]:
    return x


def _trim_tail(doc: Document, k: int, end: int, model_person: list[tuple[int, int]] | None,
               given_end: int | None = None) -> int:
    """«مايكل شوماخر سائق», «هوجو شافيز سعت»: common last words the model does not read as part of a name
    are left out."""
    if model_person is None:
        return end
    tokens = doc.tokens
    first = (given_end if given_end is not None else k) + 2
    for x in range(first, end + 1):     # «ديفيد كولتارد سائق ماكلارين»: an apposition's common noun ends the name
        tok = tokens[x]
        if word_frequency(doc, tok) >= _APPOSITION_ZIPF and not tok.prefixes and not _given_at(doc, x) \
                and tokens[x - 1].stem not in _NAME_LINKS and tok.stem not in _NAME_LINKS \
                and not _foreign_particle(doc, x):
            end = x - 1
            break
    while end > (given_end if given_end is not None else k) + 1:   # the word after the given name stays («محمود بصل»)
        tok = tokens[end]
        inside = any(a <= tok.stem_start and tok.stem_end <= b for a, b in span_index(
            model_person, _pair, "entities:model_person").overlapping(tok.stem_start - 1, max(tok.stem_end, tok.stem_start + 1)))
        family = "ال" in tok.prefixes and tok.stem.endswith("ي")      # «جواد كسار العنزي»
        if inside or family or word_frequency(doc, tok) < _TAIL_WORD_ZIPF or _given_at(doc, end) \
                or tokens[end - 1].stem in _NAME_LINKS:
            break
        end -= 1
    return end


def find_person_names(doc: Document, model_spans=None) -> list[tuple[int, int, str, float]]:
    """Person names from naming patterns: a given name (given_names.txt) followed by name-like words,
    or a title (person_titles.txt) followed by two or more name-like words. Spans as NER spans."""
    given = _given_names()
    firsts = _given_name_firsts()
    tokens, out = doc.tokens, []
    model_person = None if model_spans is None else [(a, b) for a, b, t, _c in model_spans if t == "PERSON"]
    model_other = [(a, b) for a, b, t, _c in model_spans or () if t != "PERSON"]    # «تعهدت فولكسفاجن»: a firm
    person_stop: dict[int, int] = {}          # where the model's first person span starting at an offset ends
    for a, b in model_person or ():
        person_stop.setdefault(a, b)
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        key = _surface_key(doc, k)
        two = ""
        # (a two-word given name opens with a word of `firsts`: for any other word `two` is in no list, and
        # the pair is not built; the words have no space, so the pair's first word is the key; issue 16)
        if k + 1 < len(tokens) and key in firsts:
            two = f"{key} {_surface_key(doc, k + 1)}"
            if two not in given:        # «عبد الرحمن»: the second word with its article
                nxt = tokens[k + 1]
                with_article = f"{key} {_name_key(doc.text[_name_start(nxt):nxt.stem_end])}"
                two = with_article if with_article in given else two
        # (a given name whose last letter looks like a pronoun, «أندريه», is the name whole: `_given_at`)
        starts_given = (not tok.suffix or _name_key(tok.text) in given) \
            and (_given_at(doc, k) or (tok.prefixes in ([], ["و"]) and two in given)
                 or _definite_given_before_bin(doc, k))
        # (the title test first: the tests are pure, and it fails for most words, so `_name_like` is asked
        # only after a title — it was ~5% of an article when asked of every word; issue 16)
        after_title = k > 0 and _joined(doc, k - 1, k) \
            and (_is_title(tokens[k - 1])
                 or (k > 1 and _joined(doc, k - 2, k - 1) and _is_title(tokens[k - 2])
                     and (tokens[k - 1].stem in _nisba_forms() or _definite_adjective(tokens[k - 1]))
                     and ("ال" in tokens[k - 1].prefixes or "ال" in tokens[k - 2].prefixes))) \
            and word_frequency(doc, tok) < 4.0 and not set(tok.prefixes) - {"ال"} \
            and _name_like(doc, k) and not _inflected_common_word(doc, tok) \
            and not _definite_adjective(tok) and not _big_place(doc, k) \
            and ("ال" not in tok.prefixes or tok.stem.endswith("ي"))    # «الممثلة الصاعدة»: a description
        introduced = not (starts_given or after_title) and _introduced_name(doc, k) \
            and not any(a < tok.stem_end and tok.stem_start < b for a, b in span_index(
                model_other, _pair, "entities:model_other").overlapping(tok.stem_start, max(tok.stem_end, tok.stem_start + 1)))
        if not (starts_given or after_title or introduced) or _place_kunya(doc, k):
            k += 1
            continue
        end = k + (1 if two in given else 0)
        common = (starts_given and key in _common_word_names() and two not in given) or introduced
        kunya = tokens[k].stem in ("ابو", "ام")
        titled = starts_given and k > 0 and _joined(doc, k - 1, k) and _is_title(tokens[k - 1])
        while end + 1 < len(tokens) and _joined(doc, end, end + 1) \
                and end + 1 - k < (_LINKED_NAME_WORDS if any(tokens[x].stem in _NAME_LINKS - {"ال"}
                                                             for x in range(k, end + 1)) else _MAX_NAME_WORDS) \
                and (_name_like(doc, end + 1, after_common_word=common and (end == k or introduced))
                     or _after_link(doc, end) or tokens[end + 1].stem in ("عبد", "بن", "ابن", "بنت")
                     or _family_al(doc, end + 1) or (end > k and _family_al(doc, end))
                     or _foreign_particle(doc, end + 1)
                     or (kunya and end == k + 1 and tokens[end + 1].stem in _nisba_forms()
                         and tokens[end + 1].prefixes == ["ال"])      # «أبو أيوب المصري»
                     or (titled and end == k and tokens[end + 1].stem in _nisba_forms()
                         and tokens[end + 1].prefixes == ["ال"])):    # «السيد علي السويدي»
            end += 1
            # a family name with the article ends the name («فراس الأبيض» | «الاستهداف»), unless it links
            # on («العبد الله») or another given name follows («عامر السيد علي»)
            if "ال" in tokens[end].prefixes and tokens[end].stem not in _NAME_LINKS \
                    and not (end + 1 < len(tokens) and _joined(doc, end, end + 1)
                             and (_given_at(doc, end + 1) or (tokens[end - 1].stem in _NAME_LINKS
                                                              and tokens[end + 1].stem in _NAME_LINKS))):
                break       # «عبد الملك» | «حضروا»; «عبد الملك بن مروان» goes on
        if introduced:
            # the model's reading of a name it also found bounds it («رودلف کلاوزیوس | دالة الإعتلاج»)
            stop = person_stop.get(_name_start(tok))
            if stop is not None:
                cut = max(x for x in range(k, end + 1) if tokens[x].stem_start < stop)
                if any(min(word_frequency(doc, tokens[x]), stem_zipf(lexicon_key(tokens[x].text)) or 0)
                       >= _LONE_NAME_ZIPF for x in range(cut + 1, end + 1)):     # («باتون» is no ب + «اتون»)
                    end = cut
            while end > k and "ال" in tokens[end].prefixes and not tokens[end].stem.endswith("ي"):
                end -= 1    # «... الإعتلاج»: a definite common noun is no part of the name
        if starts_given and end == k and _speaker_surname(doc, k):
            end += 1        # «وقال كمال بشر، أمين عام ...»: after a speech verb, the word closing the subject
        end = _trim_tail(doc, k, end, model_person, k + (1 if two in given else 0))
        while end > k and tokens[end].norm in _FOREIGN_PARTICLES:
            end -= 1        # «لويس دا» without its last word is «لويس»
        if end > k or (starts_given and _speaker_alone(doc, k)) or (introduced and _lone_name_ends(doc, k)) \
                or (after_title and word_frequency(doc, tok) < _LONE_NAME_ZIPF and _lone_name_ends(doc, k)
                    and "ال" in tokens[k - 1 if _is_title(tokens[k - 1]) else k - 2].prefixes):
            # (a lone word after a title without the article is what it heads: «رئيس انرون», «لاعب بيلباو»)
            # «فراس» is a name whole, not ف + «راس»: the span starts where the word does
            start = tok.start if _name_key(tok.text) in given or (introduced and _split_foreign_name(tok)) \
                else _name_start(tok)
            out.append((start, tokens[end].stem_end, "PERSON", 0.8))
            k = end + 1
        else:
            k += 1
    return out


_SPEAKER_NAME_ZIPF = 4.5    # each word of a speaker's name before «إن» is rarer than this (or a given name)
_SPEAKER_VERB_REACH = 10    # ... and a speech verb opens the clause at most this many words before the name
_COMPLEMENTIZERS = frozenset({"ان", "انه", "انها"})


def _speaker_name_word(doc: Document, k: int) -> bool:
    tok = doc.tokens[k]
    if _misread_name_word(doc, tok):
        return True         # «برويز» is no ب + «رويز»
    if tok.prefixes or tok.suffix or not tok.stem.isalpha() or tok.stem.isascii() or len(tok.stem) < 2 \
            or tok.stem in _nisba_forms() or tok.norm in _name_stoppers() or tok.stem in _name_stoppers() \
            or _is_title(tok):
        return False
    if _given_at(doc, k) and _surface_key(doc, k) not in _common_word_names():
        return True
    return word_frequency(doc, tok) < _SPEAKER_NAME_ZIPF and not _inflected_common_word(doc, tok) \
        and not _verb_or_plural_shape(doc, tok)


def _names_a_speaker(doc: Document, j: int, orgs_end: set[int]) -> bool:
    """Token j closes the description of a speaker: a nationality or other definite adjective («الباكستاني»,
    «الأوروبية»), a title with the article («المتحدث»), «باسمه/باسمها», or a known organisation («المتحدث باسم
    المفوضية الأوروبية»)."""
    tok = doc.tokens[j]
    # (a title without the article heads what follows: «رئيس انرون» is Enron's chairman)
    return _definite_adjective(tok) or (_is_title(tok) and "ال" in tok.prefixes) or tok.stem_end in orgs_end \
        or (tok.stem == "اسم" and tok.prefixes == ["ب"] and bool(tok.suffix))


def find_speaker_names(doc: Document) -> list[tuple[int, int, str, float]]:
    """«وقال المتحدث باسم المفوضية الأوروبية جوناثان تود إنه ...», «قال وزير الإعلام الباكستاني طارق عظيم خان ، إن»:
    after a speech verb, the one to three uncommon bare words between the speaker's description (a title, an
    adjective, an organisation) and the complementizer «إن/أن» are the speaker's name."""
    tokens, out = doc.tokens, []
    orgs_end = {e.span.end for e in doc.entities if e.type == "ORG"}
    for k, tok in enumerate(tokens):
        if tok.norm not in _COMPLEMENTIZERS or k < 2:
            continue
        end = k - 1
        if not _joined(doc, end, k) and doc.text[tokens[end].end:tok.start].strip() not in ("،", ","):
            continue
        start = end
        while start > end - 3 and start >= 0 and tokens[start].sentence == tok.sentence \
                and _speaker_name_word(doc, start) and (start == end or _joined(doc, start, start + 1)):
            start -= 1
        start += 1
        if start > end or start == 0:
            continue
        j = start - 1
        if not (_joined(doc, j, start) or doc.text[tokens[j].end:tokens[start].start].strip() in ("،", ",")) \
                or not _names_a_speaker(doc, j, orgs_end) \
                or not any(_speaker_verb(tokens[v]) for v in range(max(0, j - _SPEAKER_VERB_REACH), j)
                           if tokens[v].sentence == tok.sentence) \
                or any(_big_place(doc, x) for x in range(start, end + 1)):
            continue
        first = tokens[start]
        out.append((first.start if first.prefixes else _name_start(first), tokens[end].stem_end, "PERSON", 0.7))
    return out


_PAIR_WORD_ZIPF = 4.0       # each word of a two-word name after a nationality adjective is rarer than this ...
_PAIR_RARE_ZIPF = 3.5       # ... and one of them rarer than this


def _pair_name_word(doc: Document, k: int) -> bool:
    """A bare word that may be part of a foreign name: no clitic, no ending, no common, inflected, nisba or agent
    word, and no place the gazetteer knows."""
    tok = doc.tokens[k]
    if tok.prefixes or tok.suffix or len(tok.stem) < 2 or not tok.stem.isalpha() or tok.stem.isascii() \
            or tok.stem in _nisba_forms() or tok.norm in _name_stoppers() or tok.stem in _name_stoppers() \
            or word_frequency(doc, tok) >= _PAIR_WORD_ZIPF:
        return False
    return not (_inflected_common_word(doc, tok) or _verb_or_plural_shape(doc, tok) or _agent_word(tok)
                or _big_place(doc, k))


def find_nisba_pairs(doc: Document) -> list[tuple[int, int, str, float]]:
    """«المتحدث باسم الخارجية الأميركية شون ماكورماك», «الكونغولي شاباني نوندا»: two uncommon bare words right
    after a nationality adjective with the article (one of them rare) are a person's first and last name."""
    tokens, out = doc.tokens, []
    nisba = _nisba_forms()
    for k in range(1, len(tokens) - 1):
        prev = tokens[k - 1]
        if prev.stem not in nisba or "ال" not in prev.prefixes or prev.stem.endswith(("ون", "ين")) \
                or not _joined(doc, k - 1, k) or not _joined(doc, k, k + 1):
            continue
        if not (_pair_name_word(doc, k) and _pair_name_word(doc, k + 1)) \
                or min(word_frequency(doc, tokens[k]), word_frequency(doc, tokens[k + 1])) >= _PAIR_RARE_ZIPF \
                or load_kb().gazetteer.candidates(doc.text[tokens[k].stem_start:tokens[k + 1].stem_end]):
            continue
        if k + 2 < len(tokens) and _joined(doc, k + 1, k + 2) and _pair_name_word(doc, k + 2):
            continue        # three or more unknown words: a title or a phrase, not clearly a name
        out.append((tokens[k].stem_start, tokens[k + 1].stem_end, "PERSON", 0.7))
    return out


def add_pattern_entity(doc: Document, claims: _Claims, start: int, end: int, etype: str, confidence: float,
                       sector: str | None = None, latin: bool = False) -> bool:
    """An entity a naming pattern found at [start, end), unless a claim already covers part of it; its English
    name is its transliteration (a Latin name is its own). True when added."""
    if _overlaps(claims, start, end):
        return False
    text = doc.text[start:end]
    doc.entities.append(Entity(span=doc.span(start, end), type=etype, text=text,
                               name_en=text if latin else transliterate(text), sector=sector, source="pattern",
                               confidence=confidence))
    claims.append(_Claim(start, end))
    return True


def add_person_entities(doc: Document, claims: _Claims, names) -> None:
    for start, end, etype, conf in names:
        add_pattern_entity(doc, claims, start, end, etype, conf)


# ---------------------------------------------------------------- NER model

def _ner_entity(doc: Document, start: int, end: int, etype: str, conf: float) -> Entity | None:
    """The entity the model's span makes, or None when its words are no name (common words, a plural)."""
    if conf < _MIN_NER_CONFIDENCE or end - start < 3 or _all_common_words(doc, start, end, etype, conf):
        return None
    if etype == "PERSON":
        cut = _cut_at_common_word(doc, start, end, conf)
        if cut != end and _all_common_words(doc, start, cut, etype, conf):
            return None         # «حمد | الله»: what is left of the name after the cut is a common word
        end = cut
    text = doc.text[start:end]
    if etype == "PERSON" and (_plural_or_nisba_word(text) or _inflected_word_span(doc, start, end)):
        return None         # «الصليبيين»; «مراقبون», «تصدرت»: a common word inflected, not a name
    if (etype == "ORG" or etype in ("GPE", "LOC") and not _after_state_head(doc, start)) \
            and _adjective_of_noun_before(doc, start, end):
        return None         # «التجارة العربية», «العاصمة السويدية»: an adjective agreeing with its noun
    # (a place the gazetteer does not know is kept, unresolved, for the places stage to report)
    return Entity(span=doc.span(start, end), type=etype, text=text, name_en=transliterate(text), source="ner",
                  confidence=conf)


def _after_state_head(doc: Document, start: int) -> bool:
    """A definite state noun (ner_cues.tsv STATE_HEAD: «الدولة», «الخلافة») stands right before `start`: the
    adjective after it names the state («الدولة الأموية»; `add_state_heads`)."""
    rng = doc.token_range(start, start + 1)
    if rng is None or rng[0] == 0 or not _joined(doc, rng[0] - 1, rng[0]):
        return False
    head = doc.tokens[rng[0] - 1]
    return "ال" in head.prefixes and head.stem in _cue_set("STATE_HEAD")


def _adjective_of_noun_before(doc: Document, start: int, end: int) -> bool:
    """[start, end) is one definite relational adjective («العربية», «الهندية») right after a definite word:
    the adjective of that noun, not a name of its own."""
    rng = doc.token_range(start, end)
    if rng is None or rng[0] != rng[1] or rng[0] == 0 or not _joined(doc, rng[0] - 1, rng[0]):
        return False
    return _definite_adjective(doc.tokens[rng[0]]) and doc.tokens[rng[0]].prefixes == ["ال"] \
        and "ال" in doc.tokens[rng[0] - 1].prefixes


def add_ner_entities(doc: Document, claims: _Claims, ner_spans) -> None:
    for start, end, etype, conf in ner_spans:
        if _overlaps(claims, start, end):
            continue
        entity = _ner_entity(doc, start, end, etype, conf)
        if entity is not None:
            doc.entities.append(entity)
            claims.append(_Claim(entity.span.start, entity.span.end))


_WITHHELD_CONFIDENCE = 0.8      # the model's reading of a name held back by a gazetteer-only place


def withhold_readings(doc: Document, names, model_spans) -> None:
    """«شهدت طرد روني», «زارت سيدتي ليوناردو», «الجنرال آلان بيليغريني»: a person's name that a place only
    the gazetteer reads claimed first (a village «روني», «ليوناردو») is kept aside: if the places stage cannot
    put that place on the map and drops it, the name takes its words back (`restore_withheld`)."""
    held: list[Entity] = []
    places = [e for e in doc.entities if e.source == "kb" and e.type in ("GPE", "LOC", "FAC")]
    if not places:
        return
    place_ids = {id(p) for p in places}
    near = SpanIndex(places, lambda p: (p.span.start, p.span.end))     # (each name asked of every place: issue 16)
    for start, end, etype, conf in list(names) + [s for s in model_spans if s[3] >= _WITHHELD_CONFIDENCE]:
        if etype != "PERSON" or not any(p.span.start < end and start < p.span.end for p in near.overlapping(start, end)):
            continue
        if any(e.span.start < end and start < e.span.end for e in doc.entities if id(e) not in place_ids) \
                or any(a.span.start < end and start < a.span.end for a in doc.agents):
            continue
        entity = _ner_entity(doc, start, end, etype, conf) if (start, end, etype, conf) not in names else \
            Entity(span=doc.span(start, end), type=etype, text=doc.text[start:end],
                   name_en=transliterate(doc.text[start:end]), source="pattern", confidence=conf)
        if entity is not None:
            held.append(entity)
    doc.__pydantic_private__["_withheld"] = held


_WORLD_CITY_POPULATION = 1_000_000


def _world_capital(e: Entity) -> bool:
    """A mention of a capital of a million people or more, which the NER model reads as a place too, and which is
    no word the gazetteer marks as common or ambiguous («لندن», «باريس», «روما»; not «المدينة», «عمان»): a
    place named, whether or not the places stage can tell it is where something happened."""
    from rasd.kb.keys import name_key
    if e.type != "GPE" or e.source != "kb" or e.confidence < 1.0:
        return False
    kb = load_kb()
    if kb.gazetteer.stoplist.get(name_key(e.text)):
        return False
    places = [c for c in (kb.gazetteer.place(i) for i in e.candidates) if c is not None]
    return not any("common-word" in c.flags or "ambiguous" in c.flags for c in places) \
        and any(c.is_capital and c.population >= _WORLD_CITY_POPULATION for c in places)


def restore_withheld(doc: Document, dropped: list[Entity]) -> None:
    """The places stage dropped these gazetteer-only places: a world capital stays an entity («مقره لندن»,
    «في باريس»: a place named, though not put on the map), and the names the others held back take the words
    where nothing else stands on them now."""
    kept = [e for e in dropped if _world_capital(e)]
    if kept:
        doc.entities.extend(kept)
        doc.entities.sort(key=lambda e: e.span.start)
        dropped = [e for e in dropped if not _world_capital(e)]
    held = doc.__pydantic_private__.get("_withheld") or []
    if not held or not dropped:
        return
    cluster = max((e.cluster for e in doc.entities if e.cluster is not None), default=0)
    for entity in held:
        s, t = entity.span.start, entity.span.end
        if not any(d.span.start < t and s < d.span.end for d in dropped) \
                or any(e.span.start < t and s < e.span.end for e in doc.entities):
            continue
        rng = doc.token_range(s, t)
        one_word = rng is not None and rng[0] == rng[1] and not _given_at(doc, rng[0])
        before = _person_right_before(doc, doc.tokens[rng[0]].start) if one_word else None
        if before is not None:      # «سعد بن أبي | وقاص»: the name read on goes on from the person before it
            before.span = doc.span(before.span.start, t)
            before.text = doc.text[before.span.start:t]
            continue
        cluster += 1
        entity.cluster = cluster
        doc.entities.append(entity)
    doc.entities.sort(key=lambda e: e.span.start)


def _person_right_before(doc: Document, start: int) -> Entity | None:
    """The person entity ending right before `start`, with only a space between them in one sentence."""
    for e in doc.entities:
        if e.type == "PERSON" and e.span.end < start and not doc.text[e.span.end:start].strip() \
                and "\n" not in doc.text[e.span.end:start]:
            return e
    return None


_COMMON_WORD_ZIPF = 4.0


_APPOSITION_ZIPF = 4.5      # «فرناندو الونسو سائق رينو»: a word this common ends the model's person name


def _cut_at_common_word(doc: Document, start: int, end: int, conf: float = 0.0) -> int:
    """The model's person span up to (not including) the first common word after its first word: an
    apposition or a verb it ran into («شوماخر الفائز», «روبنز باريكيلو زميل مايكل»)."""
    span = doc.token_range(start - 1, max(end, start))      # by bisection, then the exact test (issue 16)
    toks = [k for k in (range(span[0], span[1] + 1) if span else ()) if start <= doc.tokens[k].stem_start < end]
    for n, k in enumerate(toks[1:], start=1):
        tok = doc.tokens[k]
        if n == len(toks) - 1 and n == 1 and not tok.prefixes and not tok.suffix and conf >= _SURE_NER_CONFIDENCE \
                and not _given_at(doc, toks[0]) and word_frequency(doc, doc.tokens[toks[0]]) < _COMMON_WORD_ZIPF:
            break       # «فرناندو جيل»: a bare word closing a sure two-word name after a foreign first name
        if n == len(toks) - 1 and n == 1 and tok.prefixes == ["ال"] and not tok.suffix \
                and conf >= _SURE_NER_CONFIDENCE and _given_at(doc, toks[0]) and not _preposition_ali(doc, toks[0]) \
                and not _verb_or_plural_shape(doc, tok) and not _inflected_common_word(doc, tok, ("ات",)) \
                and word_frequency(doc, tok) < _FAMILY_NAME_ZIPF:
            break       # «توفيق الحكيم», «ناصر الشاعر»: a family name with the article closing a sure given name's span
        if tok.norm in _name_stoppers():
            return doc.tokens[toks[n - 1]].stem_end     # «جعفر بناهي | الحائز على»: an apposition's participle
        family = "ال" in tok.prefixes and tok.stem.endswith("ي")
        after_link = doc.tokens[toks[n - 1]].stem in _NAME_LINKS       # «عبد الرحمن»
        if not family and not after_link and not _given_at(doc, k) and tok.stem not in _NAME_LINKS \
                and word_frequency(doc, tok) >= _APPOSITION_ZIPF:
            return doc.tokens[toks[n - 1]].stem_end
    return end


def _plural_or_nisba_word(text: str) -> bool:
    """«الصليبيين», «الأبخازي»: one word with the article and a plural or nisba ending names no person; nor
    does a definite noun with a definite adjective («الاوتوستراد الدولي»)."""
    words = text.split()
    if len(words) > 1:      # «الاوتوستراد الدولي»: a definite noun and its adjective
        return all(normalize_for_match(w).startswith("ال") for w in (words[0], words[-1])) \
            and words[-1].endswith(("ية", "ي", "يين", "يون"))
    # (nor, for the model, does any other definite word alone: «الاوتوستراد»)
    return len(words) == 1 and normalize_for_match(words[0]).startswith("ال")


def _after_place_noun(doc: Document, k: int) -> bool:
    """«عزلة ابن عبدالله», «قرية أبو حمام»: token k follows a bare place noun (a site/fac head, a place
    governor or a settlement word), whose name it begins."""
    if k == 0 or not _joined(doc, k - 1, k):
        return False
    prev = doc.tokens[k - 1]
    return not prev.suffix and "ال" not in prev.prefixes and (
        prev.stem in _TOPONYM_HEADS or _org_heads().get(prev.stem) in ("site", "fac") or prev.stem in _PLACE_GOVERNORS
        or prev.stem in ("مدينه", "بلده", "قريه", "محافظه", "جزيره", "جزر", "بلدات", "قري", "عزله", "مديريه", "ناحيه"))


_KIN_LINKS = frozenset({"ابو", "ابي", "ابا", "ابن", "ام"})
_SURE_COMMON_WORD_ZIPF = 4.5    # ... and, for a span the model is sure of, a word this frequent
_SURE_NER_CONFIDENCE = 0.85


def _all_common_words(doc: Document, start: int, end: int, etype: str = "", conf: float = 0.0) -> bool:
    """«قرية قريبة», «على مساحات جديدة»: a span of ordinary words is no name, whatever the model says.

    Names made of words that are also words stay: a chain with «بن» inside («معاوية بن أبي سفيان»), a person
    opening on a given name («ناصر غانم», «سعيد صيام»), and, where the model is sure, a word that is only
    somewhat common («دونالد», «انجلترا», «ناسا»)."""
    span = doc.token_range(start, end)               # the tokens overlapping [start, end), by bisection
    if not span:
        return False
    words = range(span[0], span[1] + 1)
    if len(words) > 1 and any(doc.tokens[k].stem in ("بن", "ابن", "بنت") and not doc.tokens[k].prefixes
                              for k in words[1:-1]):
        return False
    if etype == "PERSON" and len(words) > 1 and conf >= _SURE_NER_CONFIDENCE and _given_at(doc, words[0]) \
            and not _preposition_ali(doc, words[0]):
        return False
    if etype == "PERSON" and len(words) > 1 and conf >= _SURE_NER_CONFIDENCE \
            and doc.tokens[words[0]].stem in _KIN_LINKS and not set(doc.tokens[words[0]].prefixes) - {"و"} \
            and not _place_kunya(doc, words[0]) and not _after_place_noun(doc, words[0]):
        return False        # «أبي بكر», «ابن الخطاب»: a kunya or nasab the model is sure of
    limit = _SURE_COMMON_WORD_ZIPF if conf >= _SURE_NER_CONFIDENCE else _COMMON_WORD_ZIPF
    return all(word_frequency(doc, doc.tokens[k]) >= limit for k in words)


# ---------------------------------------------------------------- coreference

def assign_clusters(doc: Document) -> None:
    """One cluster per identity: KB id when known; an unknown person's surname joins the full name before it."""
    clusters: dict[str, int] = {}
    surnames: dict[str, tuple[int, Entity]] = {}
    doc.entities.sort(key=lambda e: e.span.start)
    for e in doc.entities:
        key = e.kb_id or f"{e.type}:{normalize_for_match(e.canonical if e.source == 'coref' and e.canonical else e.text)}"
        if e.kb_id is None and e.type == "PERSON":
            words = normalize_for_match(e.text).split()
            if len(words) == 1 and words[0] in surnames:
                cid, full = surnames[words[0]]
                e.cluster, e.canonical, e.name_en = cid, full.text, full.name_en
                e.source = "coref"
                continue
        if key not in clusters:
            clusters[key] = len(clusters)
        e.cluster = clusters[key]
        if e.type == "PERSON" and e.kb_id is None:
            words = normalize_for_match(e.text).split()
            if len(words) > 1:
                surnames.setdefault(words[-1], (e.cluster, e))
                if e.canonical is None:
                    e.canonical = e.text


def _weak_place(e: Entity, kb) -> bool:
    """A mention only the gazetteer reads, as a small place: no country, province, capital or large town; or
    one word only the model reads as a place, which the gazetteer holds as no country, province, capital or
    large town («ماتيوس», «بيركامب» in a football story that names «لوثر ماتيوس» and «دينيس بيركامب»)."""
    if e.type not in ("GPE", "LOC", "FAC"):
        return False
    if e.source == "ner":
        return len(e.text.split()) == 1 and not any(
            c.feature in ("country", "admin1") or c.is_capital or c.population >= 100_000
            for c in kb.gazetteer.candidates(e.text))
    if e.source != "kb" or e.confidence >= 1.0:
        return False
    places = [kb.gazetteer.place(i) for i in e.candidates]
    return not any(c is None or c.feature in ("country", "admin1") or c.is_capital or c.population >= 100_000
                   for c in places)


_YIELD_ZIPF = 4.3     # a recurring name's word rarer than this outranks a small place of the same spelling


def _name_outranks_places(doc: Document, full: Entity) -> bool:
    """The name found first is sure enough to outrank a place's spelling where it recurs: a known one, one the
    naming patterns found, or a name of two words or more whose first word is a given name or no common word
    («تيسير التميمي»; not «اهل الزنتان», not the model's lone «درون»)."""
    words = full.text.split()
    if full.kb_id or full.source == "kb":
        return True
    if len(words) < 2:
        return full.source == "pattern"
    first = words[0]
    return is_given_name(first) or (stem_zipf(lexicon_key(first)) or 0) < _YIELD_ZIPF


# The entities list as last indexed by `_entities_overlapping`: the list, its entities then, and an index of their
# positions by span. Asked only by the passes after the last one that gives entities new spans (surnames,
# repeated names, given names: each starts with `_forget_entities_index`); between two questions those passes
# only append to the list or remove from it, which `==` of the lists sees (C compares the items by identity
# first, ~2 ns an item). Checking every entity's span as well (`all(map(is_, ...))` over two lists) made a long
# article quadratic again: 80k words, 10-15 of 14 CPU s; issue 16. The index holds positions, so an equal
# entity that is another object answers for itself.
_OVER_INDEX: list = [None, [], None]


def _forget_entities_index() -> None:
    _OVER_INDEX[:] = [None, [], None]


def _entities_overlapping(entities: list[Entity], start: int, end: int) -> list[Entity]:
    """The entities overlapping [start, end), in list order: a scan of every entity per question was 28% of a
    40k-word article."""
    kept = _OVER_INDEX
    if not (kept[0] is entities and kept[1] == entities):
        snapshot = list(entities)
        kept[:] = [entities, snapshot,
                   SpanIndex(list(range(len(snapshot))), lambda k: (snapshot[k].span.start, snapshot[k].span.end))]
    return [e for e in map(entities.__getitem__, kept[2].overlapping(start, end))
            if e.span.start < end and start < e.span.end]


def _free_of_weak_places(doc: Document, claims: _Claims, start: int, end: int) -> bool:
    """Whether [start, end) is unclaimed once the small places only the gazetteer read there give way: a name
    the article has already given a person or an organisation («رايس» after «كوندوليزا رايس», «الزمالك»
    after «نادي الزمالك») is that name again, not a village of the same spelling somewhere. The places given
    way are taken out of the entities and their claims voided."""
    if not _overlaps(claims, start, end):
        return True
    kb = load_kb()
    words = [t for t in _tokens_near(doc, start, end) if t.stem_start < end and start < t.stem_end]
    if not words or any(word_frequency(doc, t) >= _YIELD_ZIPF for t in words):
        return False        # «حل مشرف», «ردا»: a word this common is the word again, not the name
    lo, hi = min(t.start for t in words), max(t.end for t in words)     # the whole words, clitics and all
    over = _entities_overlapping(doc.entities, start, end)
    if not over or not all(_weak_place(e, kb) and lo <= e.span.start and e.span.end <= hi for e in over):
        return False
    blocking = [c for c in claims if c.start < end and start < c.end]
    if any(not any(e.span.start <= c.start and c.end <= e.span.end for e in over) for c in blocking):
        return False        # something else claimed the words too (an agent, a title)
    for c in blocking:
        c.start = c.end = -1
    gone = {id(e) for e in over}
    doc.entities[:] = [e for e in doc.entities if id(e) not in gone]
    return True


def _surname_before_full_name(doc: Document, tok) -> bool:
    """A surname met before the person's full name (a headline: «ألونسو يتهم شوماخر») is the person when it is
    rare, without the article, and no bare uncommon word stands right before it (another person's first name:
    «سكارليت أوهارا» is not «جيرالد أوهارا»)."""
    if "ال" in tok.prefixes or word_frequency(doc, tok) >= _YIELD_ZIPF:
        return False
    k = doc.token_range(tok.start, tok.end)[0]
    if k > 0 and _joined(doc, k - 1, k):
        prev = doc.tokens[k - 1]
        if not prev.prefixes and not prev.suffix and word_frequency(doc, prev) < _FIRST_NAME_ZIPF:
            return False
    return True


def _full_name_before(doc: Document, claims: _Claims, tok, full: Entity, start: int) -> int:
    """Where a surname mention starts when the person's other names stand right before it, unclaimed: the full
    name again («لوثر ماتيوس : ألمانيا» in a caption, where the model read «ماتيوس» alone as a place and the
    naming patterns found the full name only further on), not the surname alone. A small place only the
    gazetteer reads there gives way («رود خوليت»: «رود» is a village)."""
    words = [_name_key(w) for w in full.text.split()[:-1]]
    k = doc.token_range(tok.start, tok.end)[0]
    first = k - len(words)
    if first < 0 or any(not _joined(doc, x, x + 1) for x in range(first, k)) \
            or [_name_key(doc.tokens[x].text) for x in range(first, k)] != words:
        return start
    lo = doc.tokens[first].start
    return lo if _free_of_weak_places(doc, claims, lo, start) else start


def add_surname_mentions(doc: Document, claims: _Claims) -> None:
    """«وأضاف بصل» after «محمود بصل», «بلير» after «توني بلير»: a person's surname alone, later on, is that
    person again (a known person keeps the KB identity) —
    unless the surname is also a frequent word («علي», which the folding would confuse with «على»)."""
    _forget_entities_index()
    surnames: dict[str, Entity] = {}
    for e in sorted(doc.entities, key=lambda e: e.span.start):
        words = e.text.split()
        if e.type == "PERSON" and len(words) > 1 and len(words[-1]) > 2 and e.source != "title":
            key = _name_key(words[-1])
            if normalize_for_match(words[-2]) in _NAME_LINKS:
                continue        # «ابن خلدون»: the word after «ابن»/«أبو» is no surname on its own
            if _name_key(words[-1]).removeprefix("ال") in _ordinals() | _TEEN_WORDS:
                continue        # «كونراد الثالث»: a regnal number is no surname
            if (stem_zipf(lexicon_key(words[-1])) or 0) < _NAME_WORD_ZIPF:
                surnames.setdefault(key, e)
    if not surnames:
        return
    for tok in doc.tokens:
        full = surnames.get(_name_key(doc.text[tok.stem_start:tok.stem_end]))
        whole = False
        if full is None:        # «لارو» is the surname whole, not ل + «ارو»
            full = surnames.get(_name_key(tok.text))
            whole = full is not None
        if full is None or (full.span.start <= tok.start < full.span.end):
            continue
        if tok.start < full.span.start and not _surname_before_full_name(doc, tok):
            continue        # before the full name (a headline: «ألونسو يتهم شوماخر»), only a rare bare surname
        if _overlaps(claims, tok.stem_start, tok.stem_end) and not (
                _name_outranks_places(doc, full) and _free_of_weak_places(doc, claims, tok.stem_start, tok.stem_end)):
            continue
        start = tok.start if whole else _name_start(tok)
        start = _full_name_before(doc, claims, tok, full, start)
        doc.entities.append(Entity(span=doc.span(start, tok.stem_end), type="PERSON", text=doc.text[start:tok.stem_end],
                                   name_en=full.name_en, canonical=full.canonical or full.text, kb_id=full.kb_id,
                                   sector=full.sector, country=full.country, role=full.role, source="coref",
                                   confidence=0.7))
        claims.append(_Claim(start, tok.stem_end))


_FIRST_NAME_ZIPF = 3.75     # a bare word rarer than this right before a person's name is its first name
_DESCRIBED_FIRST_NAME_ZIPF = 4.75   # ... or rarer than this, when a title or a nationality adjective precedes it


def _described_before(doc: Document, j: int) -> bool:
    """The word before token j describes the person named from j on: a title («المندوب», «العاهل») or a
    nationality adjective with the article («الإسرائيلي»), in the same sentence, no mark between."""
    if j == 0 or not _joined(doc, j - 1, j):
        return False
    before = doc.tokens[j - 1]
    return _is_title(before) or ("ال" in before.prefixes and before.stem in _nisba_forms()
                                 and not before.stem.endswith(("ون", "ين")))


def add_first_names(doc: Document) -> None:
    """«بافل فينوجرادوف», «دييجو مارادونا», «انغيلا ميركل»: a person found by the surname alone takes the rare
    bare word just before it (a foreign first name: no clitic, no ending, no known place, title or nisba), or a
    given name that is no common word just before it («جوزف ليبرمان», «بهاء الاعرجي»)."""
    starts = {_name_start(t): i for i, t in enumerate(doc.tokens)}
    taken = {(e.span.start, e.span.end) for e in doc.entities}
    gone: set[int] = set()
    spans = [(e.span.start, e.span.end) for e in doc.entities]
    for e in doc.entities:
        k = starts.get(e.span.start)
        if e.type != "PERSON" or e.source not in ("ner", "pattern", "kb") or k is None or k == 0 \
                or len(e.text.split()) != 1 or not _joined(doc, k - 1, k):
            continue
        prev = doc.tokens[k - 1]
        given = not prev.prefixes and _given_at(doc, k - 1) and _surface_key(doc, k - 1) not in _common_word_names()
        if doc.tokens[k].prefixes and not (given and doc.tokens[k].prefixes == ["ال"]):
            continue        # («بهاء الاعرجي»: a family name with the article after a given name)
        if given and prev.sentence == doc.tokens[k].sentence and not any(a < prev.end and prev.start < b
                                                                         for a, b in spans):
            pass            # «جوزف ليبرمان», «بهاء الاعرجي»: a given name, whatever else the word may be
        elif prev.prefixes or prev.suffix or len(prev.stem) < 3 or not prev.stem.isalpha() or prev.stem.isascii() \
                or prev.sentence != doc.tokens[k].sentence \
                or prev.stem in _nisba_forms() \
                or prev.stem in _person_titles() or prev.norm in _name_stoppers() \
                or _inflected_common_word(doc, prev):
            continue
        elif _described_before(doc, k - 1):
            # «المندوب الإسرائيلي دان غيلرمان», «العاهل الإسباني خوان كارلوس»: after a description, a word
            # somewhat common («دان» condemned, «خوان») is still the first name, unless it is a place of note;
            # a small place only the gazetteer read there gives way
            if word_frequency(doc, prev) >= _DESCRIBED_FIRST_NAME_ZIPF or _big_place(doc, k - 1) or _agent_word(prev):
                continue
            over = [o for o in doc.entities if o.span.start < prev.end and prev.start < o.span.end]
            if not all(_weak_place(o, load_kb()) for o in over):
                continue
            gone.update(id(o) for o in over)
        elif word_frequency(doc, prev) >= _FIRST_NAME_ZIPF or load_kb().gazetteer.candidates(prev.text) \
                or any(a < prev.end and prev.start < b for a, b in spans):
            continue
        if (prev.start, e.span.end) in taken:
            continue
        e.span = doc.span(prev.start, e.span.end)
        e.text = e.span.text
        if e.source != "kb":
            e.name_en = transliterate(e.text)
    if gone:
        doc.entities[:] = [o for o in doc.entities if id(o) not in gone]


def add_regnal_numbers(doc: Document) -> None:
    """«تشارلز الأول», «عبد الله الثاني», «الفونسو الثالث عشر», «بنديكيت السادس عشر»: an ordinal with the article
    right after a person named by one (given) name is the name's regnal number."""
    index = {t.stem_end: i for i, t in enumerate(doc.tokens)}
    taken = [(e.span.start, e.span.end) for e in doc.entities]
    tokens = doc.tokens
    for e in doc.entities:
        k = index.get(e.span.end)
        if e.type != "PERSON" or k is None or k + 1 >= len(tokens) or not _joined(doc, k, k + 1) \
                or not (len(e.text.split()) == 1 or _name_key(e.text) in _given_names()):
            continue        # (a first and last name and an ordinal: a seed, «فرناندو غونزاليز الثالث»)
        nxt = tokens[k + 1]
        if nxt.prefixes != ["ال"] or nxt.suffix or nxt.stem not in _ordinals():
            continue
        last = k + 1
        if last + 1 < len(tokens) and _joined(doc, last, last + 1) and tokens[last + 1].stem in _TEEN_WORDS \
                and not tokens[last + 1].prefixes:
            last += 1
        end = tokens[last].stem_end
        if any(a < end and e.span.end < b for a, b in taken):
            continue
        e.span = doc.span(e.span.start, end)
        e.text = e.span.text
        if e.source != "kb":
            e.name_en = transliterate(e.text)


def add_given_name_mentions(doc: Document, claims: _Claims) -> None:
    """«معاوية» after «معاوية بن أبي سفيان», «عثمان» after «عثمان بن عفان»: a given name standing alone later in
    the article is the one person named with it before — unless two people share it, or it is also a common
    word («حسن», «علي» which may be «على»)."""
    _forget_entities_index()
    firsts: dict[str, list[Entity]] = {}
    for e in doc.entities:
        words = e.text.split()
        if e.type == "PERSON" and len(words) > 1 and e.source in ("kb", "ner", "pattern"):
            key = _name_key(words[0])
            if key not in _common_word_names() and normalize_for_match(words[0]) not in _NAME_LINKS | {"ام"} \
                    and len(key) > 2 and (stem_zipf(lexicon_key(words[0])) or 0) < _NAME_WORD_ZIPF:
                firsts.setdefault(key, []).append(e)
    firsts = {k: v for k, v in firsts.items() if len({e.canonical or e.text for e in v}) == 1}
    if not firsts:
        return
    tokens = doc.tokens
    for k, tok in enumerate(tokens):
        key = _name_key(doc.text[tok.stem_start:tok.stem_end]) if tok.prefixes and set(tok.prefixes) <= {"و"} \
            else _name_key(tok.text)
        full: Entity | None = (firsts.get(key) or [None])[0]
        if full is None or tok.start < full.span.end or tok.suffix or (set(tok.prefixes) - {"و"}) \
                or _preposition_ali(doc, k) or not _free_of_weak_places(doc, claims, tok.stem_start, tok.stem_end):
            continue
        if k + 1 < len(tokens) and _joined(doc, k, k + 1) and (_name_like(doc, k + 1) or tokens[k + 1].stem in _NAME_LINKS):
            continue        # «عثمان بن عفان» | «عثمان الآخر»: another name goes on here
        doc.entities.append(Entity(span=doc.span(tok.stem_start, tok.stem_end), type="PERSON",
                                   text=doc.text[tok.stem_start:tok.stem_end], name_en=full.name_en,
                                   canonical=full.canonical or full.text, kb_id=full.kb_id, sector=full.sector,
                                   country=full.country, role=full.role, source="coref", confidence=0.6))
        claims.append(_Claim(tok.stem_start, tok.stem_end))


def add_repeated_mentions(doc: Document, claims: _Claims) -> None:
    """One reading per name in an article: a person or organisation the model or a naming pattern found
    once («رامسفيلد» after «وقال»; «انرون») is the same name where the words recur without context, and a
    known organisation named with its head («تنظيم القاعدة») is that organisation by its bare name later."""
    _forget_entities_index()
    names: dict[tuple[str, ...], Entity] = {}
    for e in doc.entities:
        if e.type not in ("PERSON", "ORG") or e.source not in ("ner", "pattern", "kb"):
            continue
        words = tuple(_name_key(w) for w in e.text.split())
        if not words or len(words) > 3 or words[0].startswith("ال") and len(words) == 1 and e.type == "PERSON":
            continue
        if e.type == "ORG" and e.kb_id and len(words) >= 2 and normalize_for_match(words[0]) in _org_heads() \
                and "ال" not in words[0][:2] and not _lone_relational_adjective(words[1:]):
            names.setdefault(words[1:], e)     # «تنظيم القاعدة» ... later «القاعدة» alone is the same group
        if len(words) == 1 and (stem_zipf(lexicon_key(e.text)) or 0) >= _NAME_WORD_ZIPF:
            continue        # a frequent word found as a name once is not a name everywhere
        names.setdefault(words, e)
    if not names:
        return
    # the names by their first word, in the order found: a token is compared only with the names it can open
    # (comparing every token with every name grew with the square of article length; issue 16)
    by_first: dict[str, list[tuple[tuple[str, ...], Entity]]] = {}
    for words, full in names.items():
        by_first.setdefault(words[0], []).append((words, full))
    tokens = doc.tokens
    text = doc.text
    for k, tok in enumerate(tokens):
        # the word as a name opens, then (a misread clitic: «ستولمان» is no س + «تولمان») with its first
        # letter; each reading is tried only when some name starts with it (most words open none)
        start = _name_start(tok)
        first = _name_key(text[start:tok.stem_end])
        found = _repeat_at(doc, k, first, by_first) if first in by_first else None
        if found is None and misread_clitic(tok):      # (the pure test first: most words have no such clitic)
            start = tok.stem_start - 1
            first = _name_key(text[start:tok.stem_end])
            if first in by_first:
                found = _repeat_at(doc, k, first, by_first)
        if found is None:
            continue
        end, full = found
        stop = tokens[end].stem_end
        if _overlaps(claims, start, stop) and not (_name_outranks_places(doc, full)
                                                   and _free_of_weak_places(doc, claims, start, stop)):
            continue
        doc.entities.append(Entity(span=doc.span(start, stop), type=full.type, text=doc.text[start:stop],
                                   name_en=full.name_en, kb_id=full.kb_id, canonical=full.canonical,
                                   sector=full.sector, country=full.country, role=full.role,
                                   source=full.source, confidence=min(full.confidence, 0.7)))
        claims.append(_Claim(start, stop))


def _lone_relational_adjective(words: tuple[str, ...]) -> bool:
    """(«العربية»,) of «جامعة العربية»: one definite relational adjective, no name on its own."""
    return len(words) == 1 and words[0].startswith("ال") and normalize_for_match(words[0]).endswith(("ي", "يه"))


def _inner_key(doc: Document, tok) -> str | None:
    """A name's inner word as a key: its stem without clitics, or the whole word where its first letter only
    looks like a clitic; None for a word with a real proclitic."""
    if misread_clitic(tok):
        return _name_key(doc.text[tok.stem_start - 1:tok.stem_end]) if tok.prefixes == [tok.prefixes[-1]] else None
    return None if tok.prefixes else _name_key(doc.text[tok.stem_start:tok.stem_end])


def _repeat_at(doc: Document, k: int, first: str, by_first: dict) -> tuple[int, Entity] | None:
    """(last token, the name's first mention) of a name found before that recurs from token k, read as `first`."""
    tokens = doc.tokens
    for words, full in by_first.get(first, ()):
        end = k + len(words) - 1
        if end >= len(tokens) or not all(_joined(doc, i, i + 1) for i in range(k, end)):
            continue
        if (first,) + tuple(_inner_key(doc, tokens[i]) for i in range(k + 1, end + 1)) == words:
            return end, full
    return None


@lru_cache(maxsize=1)
def _descriptor_heads() -> frozenset[str]:
    """Heads that describe the name after them («صحيفة لوموند», «حركة حماس»): org_heads.tsv `descriptor`."""
    return frozenset(normalize_for_match(form) for r in _org_head_rows() if r.get("descriptor") == "yes"
                     for form in r["head"].split("|"))


_QUOTES = ('"', "«", "»", "“", "”", "'")


def add_quoted_names(doc: Document, claims: _Claims) -> None:
    """«مجلة " فوربز "», «صحيفة "الصنداي تايمز"», «حركة «طالبان»»: an organisation head (without the article)
    followed by one to three words in quotation marks names the organisation those words spell."""
    tokens, heads = doc.tokens, _org_heads()
    for k, tok in enumerate(tokens[:-1]):
        if tok.stem not in heads or "ال" in tok.prefixes or heads[tok.stem] in ("site", "fac"):
            continue
        opening = doc.text[tok.end:tokens[k + 1].start]
        if not any(q in opening for q in _QUOTES) or tokens[k + 1].sentence != tok.sentence:
            continue
        last = next((j for j in range(k + 1, min(k + 4, len(tokens)))
                     if any(q in doc.text[tokens[j].end:tokens[j + 1].start if j + 1 < len(tokens) else len(doc.text)]
                            for q in _QUOTES)), None)
        if last is None or any(doc.text[tokens[j].end:tokens[j + 1].start].strip() for j in range(k + 1, last)):
            continue
        start, end = _name_start(tokens[k + 1]), tokens[last].stem_end
        # (an outlet's name in quotes is a name even when its words are common: «صحيفة "الحياة"», «قناة "الفرات"»)
        if not (_all_common_words(doc, start, end) and heads[tok.stem] != "media"):
            add_pattern_entity(doc, claims, start, end, "ORG", 0.7, sector=heads[tok.stem])


def trim_descriptors(doc: Document, kb) -> None:
    """«صحيفة لوموند» → «لوموند», «حركة حماس» → «حماس»: an organisation mention opened by a descriptor head
    is the name after it, when that name stands on its own (a KB alias, or a proper name: a rare word
    without the article). The full form stays as `canonical` when the KB has none."""
    # tokens by stem start, for bisection (a scan of every token per entity was quadratic; issue 16)
    stem_starts = [t.stem_start for t in doc.tokens]
    for e in doc.entities:
        if e.type != "ORG" or e.source not in ("kb", "pattern"):
            continue
        toks = doc.tokens[bisect_left(stem_starts, e.span.start):bisect_left(stem_starts, e.span.end)]
        if len(toks) >= 2 and toks[0].stem in _org_heads() and "ال" not in toks[0].prefixes \
                and any(q in doc.text[toks[0].end:toks[1].start] for q in _QUOTES):
            # «حركة " طالبان "»: quotation marks set the name apart from its head
            if e.canonical is None:
                e.canonical = e.text
            e.span = doc.span(_name_start(toks[1]), e.span.end)
            e.text = e.span.text
            continue
        if len(toks) < 2 or toks[0].stem not in _descriptor_heads() or "ال" in toks[0].prefixes:
            continue
        name_start = _name_start(toks[1])
        rest = doc.text[name_start:e.span.end]
        if e.source == "kb":
            # «صحيفة وول ستريت جورنال» → «وول ستريت جورنال» when that is an alias too; the whole word counts
            # where the segmenter took a letter of the name for a clitic («وول» is no و + «ول»)
            actor = kb.actors.actors.get(e.kb_id or "")
            aliases = {normalize_for_match(a) for a in actor.aliases_ar} if actor is not None else set()
            whole = doc.text[toks[1].start:e.span.end]
            ok = normalize_for_match(rest) in aliases
            if not ok and normalize_for_match(whole) in aliases:
                ok, name_start = True, toks[1].start
        else:
            ok = not toks[1].prefixes and word_frequency(doc, toks[1]) < _COMMON_WORD_ZIPF \
                and _surface_key(doc, toks.index(toks[1]) + doc.tokens.index(toks[0])) not in _given_names()
        if ok:
            if e.canonical is None:
                e.canonical = e.text
            end = e.span.end
            if e.source == "pattern" and len(toks) == 3 and toks[2].prefixes == ["ال"] \
                    and toks[2].stem in _nisba_forms():
                end = toks[1].stem_end      # «شركة انرون الامريكية» → «انرون»: the nationality describes it
            e.span = doc.span(name_start, end)
            e.text = e.span.text
            if e.source == "pattern":
                e.name_en = transliterate(e.text)


def add_state_heads(doc: Document) -> None:
    """«الدولة الأموية», «الخلافة العباسية»: a place found as a definite adjective alone («الأموية»), right after a
    definite state noun (ner_cues.tsv STATE_HEAD), is the state the two words name; the adjective is no place
    of its own (a gazetteer town of that name is no reading here)."""
    heads = _cue_set("STATE_HEAD")
    starts = {t.stem_start - (2 if "ال" in t.prefixes else 0): i for i, t in enumerate(doc.tokens)}
    taken = [(e.span.start, e.span.end) for e in doc.entities]
    for e in doc.entities:
        k = starts.get(e.span.start)
        if e.type not in ("GPE", "LOC") or k is None or k == 0 or len(e.text.split()) != 1:
            continue
        tok, head = doc.tokens[k], doc.tokens[k - 1]
        if not _definite_adjective(tok) or tok.stem in _nisba_forms() or tok.suffix or not _joined(doc, k - 1, k) \
                or "ال" not in head.prefixes or head.stem not in heads or head.suffix:
            continue
        start = _name_start(head)
        if any(a < e.span.start and start < b for a, b in taken):
            continue
        e.span = doc.span(start, e.span.end)
        e.text = e.span.text
        e.type, e.kb_id, e.source, e.name_en = "GPE", None, "pattern", transliterate(e.text)


@lru_cache(maxsize=None)
def _cue_set(kind: str) -> frozenset[str]:
    """The cue words of one kind (ner_cues.tsv, read once per process): built once, not at each question
    (it walked every cue, twice per entity of a sports check; issue 16)."""
    from rasd.extract.ner_model import load_cues
    return frozenset(w for w, kinds in load_cues().items() if kind in kinds)


@lru_cache(maxsize=1)
def _sport_cues() -> frozenset[str]:
    return _cue_set("SPORT_CUE") | _cue_set("SPORT_WORD")


def _sport_sentence(doc: Document, sentence: int) -> bool:
    from rasd.extract.ner_model import light_stem
    cues = _sport_cues()
    # (each sentence's sports words kept per document: every club-like name asks of its sentence and both
    # neighbours; issue 16)
    memo = document_memo("entities:sport_words", (doc,), (doc.tokens,))

    def found(s: int) -> frozenset[str]:
        words = memo.get(s)
        if words is None:
            words = memo[s] = frozenset(c for t in sentence_tokens(doc.tokens, s)
                                        for c in (t.stem, light_stem(t.stem)) if c in cues)
        return words

    own = found(sentence)
    if len(own) >= 2:
        return True             # two different sports words: «البطولة» alone may be heroism
    # a sentence of a sports report may name no sport itself («دك فالنسيا شباكه»): its neighbours do
    return len(own | found(sentence - 1) | found(sentence + 1)) >= 3


_CLUB_CITY_POPULATION = 20_000


def add_clubs(doc: Document, claims: _Claims, kb) -> None:
    """«فاز برشلونة على إشبيلية», «ريال مدريد»: in a sports report a city (not a country) is its club, an ORG;
    a club word before or after it («ريال», «يونايتد») belongs to the name."""
    clubs = _cue_set("CLUB_WORD")
    sports: dict[int, bool] = {}
    absorbed: set[int] = set()
    index: dict[int, int] | None = None       # built at the first town that may be a club (issue 16)
    for e in doc.entities:
        if e.type != "GPE" or e.source != "kb" or (e.kb_id or "").startswith("cc:") or not e.candidates:
            continue
        place = kb.gazetteer.place(e.candidates[0])
        if place is None or place.feature not in ("city", "admin1", "admin2") \
                or not (place.is_capital or place.population >= _CLUB_CITY_POPULATION) \
                or (stem_zipf(lexicon_key(e.text)) or 0) >= _NAME_WORD_ZIPF:
            continue        # «كرة» (ball) is no club, whatever town bears the name
        if index is None:
            index = {t.stem_start: i for i, t in enumerate(doc.tokens)}
        i = index.get(e.span.start) if e.span.start in index else (
            (doc.token_range(e.span.start, e.span.start + 1) or (None,))[0])   # the token holding the start
        if i is None:
            continue
        sent = doc.tokens[i].sentence
        if sent not in sports:
            sports[sent] = _sport_sentence(doc, sent)
        prev = doc.tokens[i - 1] if i > 0 and _joined(doc, i - 1, i) else None
        last = next((k for k in range(i, len(doc.tokens)) if doc.tokens[k].stem_end >= e.span.end), i)
        nxt = doc.tokens[last + 1] if last + 1 < len(doc.tokens) and _joined(doc, last, last + 1) else None
        club_before = prev is not None and prev.stem in clubs and not set(prev.prefixes) - {"و"}
        club_after = nxt is not None and nxt.stem in clubs and not nxt.prefixes
        if not (sports[sent] or club_before or club_after):
            continue
        if sports[sent] and not club_before and not club_after and _noun_with_adjective(doc, i, last):
            absorbed.add(id(e))     # «من القائم البعيد», «أقصى الزاوية اليمنى»: the goalpost, the corner
            continue
        if not club_before and not club_after and _adjective_of_noun_before(doc, e.span.start, e.span.end):
            continue        # «السينما الهندية», «التجارة العربية»: the adjective of the noun before, no club
        if not club_before and not club_after and (_venue_of_play(doc, i) or _dateline_city(doc, i, last)):
            continue        # «في لشبونة», «باستاد القاهرة الدولي»: where the match is played, not a club
        start = _name_start(prev) if club_before else e.span.start
        end = nxt.stem_end if club_after else e.span.end
        absorbed.update(id(o) for o in doc.entities if o is not e and o.span.start < end and start < o.span.end)
        e.type, e.kb_id, e.canonical, e.country, e.candidates = "ORG", None, None, None, []
        e.sector, e.source = "civilian", "pattern"
        e.span = doc.span(start, end)
        e.text = e.span.text
        e.name_en = transliterate(e.text)
        claims.append(_Claim(start, end))
    if absorbed:
        doc.entities = [o for o in doc.entities if id(o) not in absorbed]


@lru_cache(maxsize=1)
def _club_names() -> dict[tuple[str, ...], str]:
    """club_names.tsv: the words of each club's name (matching form) → where it names the club."""
    from rasd.extract.cues import read_tsv
    rows = read_tsv("club_names.tsv")
    return {tuple(normalize_for_match(w) for w in r["name"].split()): r["where"] for r in rows}


@lru_cache(maxsize=1)
def _club_first_words() -> frozenset[str]:
    """The first words of club_names.tsv's names: a token that is none of them begins no club name."""
    return frozenset(k[0] for k in _club_names())


def _club_word_key(tok) -> str:
    """A token's word as a club name is written: without «و ب ل ف», with its article («للزمالك» → «الزمالك»)."""
    return ("ال" if "ال" in tok.prefixes else "") + tok.stem


_PLACE_NOUNS = (_PLACE_LEAD_WORDS | _PLACE_GOVERNORS) - frozenset(normalize_for_match(w) for w in (
    "في", "من", "إلى", "على", "قرب", "داخل", "شمال", "جنوب", "شرق", "غرب", "وسط", "شبه"))


def _place_noun_before(doc: Document, i: int) -> bool:
    """A place noun («مدينة», «العاصمة», «إقليم», «ولاية» ...) stands right before token i: what follows is
    the place's name."""
    return i > 0 and _joined(doc, i - 1, i) and doc.tokens[i - 1].norm.removeprefix("و").removeprefix("ب") \
        in _PLACE_NOUNS | {"ال" + w for w in _PLACE_NOUNS}


def add_named_clubs(doc: Document, claims: _Claims) -> None:
    """«وفرض سلتيك أفضليته», «عقده مع الزمالك»: a club news names by a word that is no city (club_names.tsv)
    is an organisation — a foreign name anywhere, an Arabic word («الأهلي», «النصر») in a sports report only,
    and not as the adjective of a definite noun before it («الخليج العربي», «النادي الأهلي» is the club's
    head and name together)."""
    names = _club_names()
    first_words = _club_first_words()
    longest = max((len(k) for k in names), default=0)
    sports: dict[int, bool] = {}
    tokens = doc.tokens
    for i, tok in enumerate(tokens):
        if _club_word_key(tok) not in first_words:
            continue            # (issue 16: most words begin no club name; the lookups below would all miss)
        if set(tok.prefixes) - {"و", "ب", "ل", "ف", "ال"} or tok.suffix:
            continue
        for n in range(min(longest, len(tokens) - i), 0, -1):
            if n > 1 and not all(_joined(doc, x, x + 1) and not tokens[x + 1].prefixes and not tokens[x + 1].suffix
                                 for x in range(i, i + n - 1)):
                continue
            where = names.get((_club_word_key(tok),) + tuple(t.stem if not t.prefixes else "" for t in tokens[i + 1:i + n]))
            if where is None:
                continue
            if _place_noun_before(doc, i):
                break       # «في مدينة لاتسيو الإيطالية»: the place, not the club named after it
            if where == "sport":
                if tok.sentence not in sports:
                    sports[tok.sentence] = _sport_sentence(doc, tok.sentence)
                prev = tokens[i - 1] if i > 0 and _joined(doc, i - 1, i) else None
                if not sports[tok.sentence] or (prev is not None and "ال" in prev.prefixes and "ال" in tok.prefixes):
                    break
            add_pattern_entity(doc, claims, _name_start(tok), tokens[i + n - 1].stem_end, "ORG", 0.8, sector="civilian")
            break


_VENUE_HEADS = frozenset(normalize_for_match(w) for w in ("استاد", "ستاد", "ملعب", "مدينة", "العاصمة"))
_PLACE_PREPOSITIONS = frozenset(normalize_for_match(w) for w in ("في", "إلى", "الى", "إلي"))


def _venue_of_play(doc: Document, i: int) -> bool:
    """The city at token i is where the match is played or the team travels: after «في/إلى», with «ب» on it
    («بالقاهرة»), or after a stadium or city word («استاد القاهرة», «العاصمة الألمانية برلين»)."""
    tok = doc.tokens[i]
    if "ب" in tok.prefixes or "في" in tok.prefixes:
        return True
    j = i - 1
    if j >= 0 and _joined(doc, j, i) and _definite_adjective(doc.tokens[j]) and j > 0 and _joined(doc, j - 1, j):
        j -= 1              # «العاصمة الالمانية | برلين»
    if j < 0 or not _joined(doc, j, i if j == i - 1 else j + 1):
        return False
    prev = doc.tokens[j]
    return (prev.norm in _PLACE_PREPOSITIONS and not prev.prefixes) \
        or (prev.stem in _VENUE_HEADS and not set(prev.prefixes) - {"ال", "ب", "و", "ل"})


_DATELINE_DASHES = ("-", "–", "—")


def _dateline_city(doc: Document, first: int, last: int) -> bool:
    """The city at tokens first..last opens its sentence before a dash, or follows such a city and its dash:
    the dateline of a report («اربد - ...», «عمان - اربد - الرأي -»), where it was filed, not a club."""
    tokens = doc.tokens
    if last + 1 >= len(tokens) or not doc.text[tokens[last].end:tokens[last + 1].start].strip().startswith(
            _DATELINE_DASHES):
        return False
    if first == 0 or tokens[first - 1].sentence != tokens[first].sentence:
        return True
    before = first - 1
    return doc.text[tokens[before].end:tokens[first].start].strip() in _DATELINE_DASHES \
        and (before == 0 or tokens[before - 1].sentence != tokens[before].sentence)


def _noun_with_adjective(doc: Document, first: int, last: int) -> bool:
    """A definite word followed by a definite adjective that is no nisba («القائم البعيد», «الزاوية اليمنى»):
    a common noun and its adjective, not a club («الأهلي المصري», «الجيش الملكي» keep theirs)."""
    if last + 1 >= len(doc.tokens) or not _joined(doc, last, last + 1) or "ال" not in doc.tokens[first].prefixes:
        return False
    nxt = doc.tokens[last + 1]
    word = doc.text[nxt.stem_start:nxt.stem_end]
    return nxt.prefixes == ["ال"] and not word.endswith(("ي", "ية", "يه")) and nxt.stem not in _nisba_forms() \
        and not nxt.suffix


_TECHNICAL_LATIN_SHARE = 0.03
_TECHNICAL_LATIN_WORDS = 8


def add_latin_names(doc: Document, claims: _Claims) -> None:
    """«CNN», «IBM», «وDell», «شركة Apple»: in Arabic news a Latin acronym standing alone (not in a technical
    sentence full of Latin terms), or a capitalised Latin word with a clitic or after an organisation head, is a
    brand or an organisation."""
    tokens = doc.tokens
    latin = sum(1 for t in tokens if _has_latin_letter(t.text))
    technical = latin >= _TECHNICAL_LATIN_WORDS and latin > _TECHNICAL_LATIN_SHARE * len(tokens)   # software, not news
    k = 0
    while k < len(tokens):
        word = doc.text[tokens[k].stem_start:tokens[k].stem_end]
        if not word.isascii():
            k += 1          # (an Arabic word is neither test's: both need ASCII letters; most words, asked first)
            continue
        introduced = bool(tokens[k].prefixes) or (k > 0 and (_singular_head(tokens[k - 1].stem) in _descriptor_heads()
                                                             or _singular_head(tokens[k - 1].stem) in _org_heads()
                                                             or tokens[k - 1].norm in ("عن", "مع", "ل")))
        lone = not technical and _latin_acronym(word) and len(word) >= 3 and sum(
            1 for t in sentence_tokens(tokens, tokens[k].sentence) if _has_latin_letter(t.text)) <= 2
        if not (lone or (introduced and (_latin_acronym(word) or _latin_name_word(word)))):
            k += 1
            continue
        end = k
        while end + 1 < len(tokens) and _joined(doc, end, end + 1) and not tokens[end + 1].prefixes \
                and _latin_name_word(doc.text[tokens[end + 1].stem_start:tokens[end + 1].stem_end]):
            end += 1
        start, stop = tokens[k].stem_start, tokens[end].stem_end
        if end - k < 4:
            add_pattern_entity(doc, claims, start, stop, "ORG", 0.6, latin=True)
        k = end + 1


# the characters c with "a" <= c.lower() <= "z": the Latin letters, «İ» (lower «i̇») and the Kelvin sign (lower
# «k»); tests/extract/test_entities.py checks the class against every code point
_LATIN_LETTER = re.compile("[A-Za-z\u0130\u212a]")


def _has_latin_letter(word: str) -> bool:
    """A Latin letter in the word (a regex search: the test per character in Python was ~1% of an article)."""
    return _LATIN_LETTER.search(word) is not None


def _singular_head(stem: str) -> str:
    """«شركتا IBM وLenovo», «حركتي فتح وحماس»: a head noun in the dual is its singular («شركه»)."""
    if stem.endswith(("تا", "تي")) and len(stem) >= 5 and stem[:-2] + "ه" in _org_heads():
        return stem[:-2] + "ه"
    return stem


def _latin_acronym(word: str) -> bool:
    """«CNN», «IBM»: an all-capital Latin word of two to six letters."""
    return 2 <= len(word) <= 6 and word.isascii() and word.isalpha() and word.isupper()


def _latin_name_word(word: str) -> bool:
    return len(word) >= 2 and word.isascii() and word.isalpha() and word[0].isupper()

def _definite_given_before_bin(doc: Document, k: int) -> bool:
    """«الوليد بن عبد الملك», «الحسين بن علي»: a given name written with the article opens a «بن» chain."""
    tok = doc.tokens[k]
    return tok.prefixes == ["ال"] and not tok.suffix and tok.stem in _given_names() and k + 1 < len(doc.tokens) \
        and doc.tokens[k + 1].stem in ("بن", "ابن") and not doc.tokens[k + 1].prefixes and _joined(doc, k, k + 1)


def _inside_bin_chain(doc: Document, m: KBMatch) -> bool:
    """«الحسين بن علي»: a KB alias that opens with «بن» («بن علي») right after a given name
    is that name's patronym, not the person the alias names."""
    k = m.token_start
    if k == 0 or doc.tokens[k].stem not in ("بن", "ابن") or doc.tokens[k].prefixes or not _joined(doc, k - 1, k):
        return False
    prev = doc.tokens[k - 1]
    return not prev.suffix and prev.prefixes in ([], ["ال"], ["و"]) and prev.stem in _given_names()


_EULOGY_VERBS = frozenset({"كرم", "رضي", "رحمه", "صلي"})      # (normalised: «صلى»)


def _cut_eulogies(doc: Document, spans):
    """«علي بن أبي طالب كرم الله وجهه», «أبو بكر رضي الله عنه»: a person span ends before the eulogy verb
    whose subject «الله» follows (it is no word of the name; «نصر الله», «عبد الله» are untouched)."""
    out = []
    for span in spans:
        start, end, etype = span[0], span[1], span[2]
        if etype == "PERSON":
            rng = doc.token_range(start, end)
            if rng:
                for k in range(rng[0] + 1, min(rng[1], len(doc.tokens) - 2) + 1):
                    tok, nxt = doc.tokens[k], doc.tokens[k + 1]
                    if tok.norm in _EULOGY_VERBS and nxt.norm == "الله" and k - 1 >= rng[0]:
                        end = doc.tokens[k - 1].stem_end
                        break
        out.append((start, end) + tuple(span[2:]))
    return out


def _drop_places_in_place_lists(doc: Document, kb, names, matches: list[KBMatch]):
    """«طنب الكبرى وطنب الصغرى وأبو موسى»: a pattern name that is also a gazetteer place, joined by «و» right
    after a place (not a village) is the list's next place, not a person."""
    places = {(m.token_start, m.token_end): m for m in matches if m.kind == "place" and m.ids}
    ends = {m.token_end: m for m in places.values()}
    out = []
    for name in names:
        start, end, etype = name[0], name[1], name[2]
        span = doc.token_range(start, end) if etype == "PERSON" else None
        m = places.get((span[0], span[1] + 1)) if span else None
        prev = ends.get(m.token_start) if m is not None else None
        if m is not None and prev is not None and doc.tokens[m.token_start].prefixes[:1] == ["و"] \
                and not doc.text[prev.end:doc.tokens[m.token_start].start].strip() \
                and getattr(kb.gazetteer.place(prev.ids[0]), "feature", "village") != "village":
            continue
        out.append(name)
    return out


# stage contract (rasd.pipeline): the layers this stage reads and the ones it writes
NEEDS = ("tokens", "sentences")
ADDS = ("entities", "agents")


def _big_place_named_like_a_person(doc: Document, kb, name: tuple[int, int, str, float]) -> bool:
    """«أبو ظبي» is a kunya by its shape and a capital by its name: a pattern name of two words or more whose
    words are, whole, the name of a country, a province, a capital or a city of 100,000 or more is that place
    (the gazetteer's reading then stands; a small place of a person's name, «أبو حمام», does not)."""
    text = doc.text[name[0]:name[1]]
    if len(text.split()) < 2:
        return False
    cands = kb.gazetteer.candidates(text)
    if cands and _after_a_settlement_word(doc, name[0]):
        return True     # «ناحية سليمان بيك»: a name after «ناحية/قرية/بلدة» that the gazetteer holds is that place
    return any(c.feature in ("country", "admin1") or "capital" in c.flags or c.population >= 100_000
               for c in cands)


def _after_a_settlement_word(doc: Document, start: int) -> bool:
    """The word just before offset `start` is a settlement or administrative unit word («ناحية», «قرية»)."""
    rng = doc.token_range(start, start + 1)
    if rng is None or rng[0] == 0:
        return False
    tok, before = doc.tokens[rng[0]], doc.tokens[rng[0] - 1]
    return before.sentence == tok.sentence and not tok.prefixes and "GPE_CUE" in cue_kinds(before, load_cues())


def run(doc: Document) -> None:
    if not doc.tokens:
        return
    kb = load_kb()
    claims: _Claims = _Claims()
    model_spans = tag_tokens(doc.tokens, text=doc.text)
    names = find_person_names(doc, model_spans)
    matches = kb_matches(kb, doc.tokens, doc.text)     # the tagger's matches, not a second pass (issue 16)
    names = _drop_places_in_place_lists(doc, kb, _cut_eulogies(doc, names), matches)
    names = [n for n in names if not _big_place_named_like_a_person(doc, kb, n)]
    model_spans = _cut_eulogies(doc, model_spans)
    ner_spans = names + model_spans
    add_kb_entities(doc, kb, claims, matches, named=True, ner_spans=names)
    add_person_entities(doc, claims, names)
    speakers = find_speaker_names(doc)
    add_person_entities(doc, claims, speakers)
    pairs = find_nisba_pairs(doc)
    add_person_entities(doc, claims, pairs)
    add_latin_names(doc, claims)
    add_quoted_names(doc, claims)
    add_numbered_units(doc, claims)
    add_org_patterns(doc, claims, matches)
    add_named_clubs(doc, claims)
    add_kb_entities(doc, kb, claims, matches, named=False, ner_spans=ner_spans)
    add_clubs(doc, claims, kb)
    add_ner_entities(doc, claims, ner_spans)
    add_first_names(doc)
    add_regnal_numbers(doc)
    add_state_heads(doc)
    trim_descriptors(doc, kb)
    add_surname_mentions(doc, claims)
    add_repeated_mentions(doc, claims)
    add_given_name_mentions(doc, claims)
    assign_clusters(doc)
    withhold_readings(doc, names + speakers + pairs, model_spans)
