"""Shared speech helpers: speech verbs and their forms, cue tests on tokens, and speaker actors.

Used by the `attribution` stage (who says what), the `quotes` stage and, read-only, by `entities` (a name
right after a speech verb) and `relations`. Not a stage: it imports no stage module, so no import cycle runs
through it.

- Speech verbs (`data/speech_verbs.tsv`) are inflected by rule: قال → قالت قالوا قالا قالتا; يقول → تقول
  يقولون; the participle مضيف → مضيفا مضيفة مضيفين.
- `make_actor(doc, start, end)`: an `Actor` for the words of a speaker description, with the canonical name,
  English name, KB id, sector and country of the entity that names it, else a sector from
  `data/speaker_sectors.tsv` and a country from the KB's nisba adjectives.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from rasd.document import Actor, Document, Entity, Token
from rasd.extract.agencies import agency_at_start, kb_actors
from rasd.extract.cues import match_at, read_tsv, speech_cues, strip_clitic, word_set
from rasd.text.normalize import normalize_for_match

Gender = Literal["m", "f", "pl", "du"]

QUOTE_CHARS = set("«»“”„‘’‹›\"")
BREAK_PUNCT = set("،,:;؛.!?؟()[]{}\n") | QUOTE_CHARS | set("-–—")
MAX_SPEAKER_TOKENS = 12


_ENTITY_INDEX: dict[tuple[int, int, int, int], tuple[list[int], list[Entity], list[int]]] = {}


def entities_in(doc: Document, start: int, end: int) -> list[Entity]:
    """Entities of `doc.entities` overlapping [start, end), in text order, by bisection on an index built once per
    document (and rebuilt when the entity list changes)."""
    key = (id(doc), id(doc.entities), len(doc.entities), len(doc.text))
    index = _ENTITY_INDEX.get(key)
    if index is None:
        if len(_ENTITY_INDEX) > 16:
            _ENTITY_INDEX.clear()
        ents = sorted(doc.entities, key=lambda e: (e.span.start, e.span.end))
        reach: list[int] = []                       # the longest span end among the entities so far
        for e in ents:
            reach.append(max(e.span.end, reach[-1]) if reach else e.span.end)
        index = _ENTITY_INDEX[key] = ([e.span.start for e in ents], ents, reach)
    starts, ents, reach = index
    hi = bisect_left(starts, end)
    lo = bisect_right(reach, start, hi=hi)         # entities before `lo` all end at or before `start`
    return [e for e in ents[lo:hi] if e.span.end > start]


_ENTITY_TEXTS: dict[tuple[int, int, int, int], frozenset[str]] = {}


def entity_texts(doc: Document) -> frozenset[str]:
    """The normalised texts of the document's entities (built once per document)."""
    key = (id(doc), id(doc.entities), len(doc.entities), len(doc.text))
    if key not in _ENTITY_TEXTS:
        if len(_ENTITY_TEXTS) > 16:
            _ENTITY_TEXTS.clear()
        _ENTITY_TEXTS[key] = frozenset(normalize_for_match(e.text) for e in doc.entities)
    return _ENTITY_TEXTS[key]


def tokens_between(doc: Document, start: int, end: int) -> list[Token]:
    """Tokens starting in [start, end), by bisection on a per-document index of token offsets."""
    return doc.tokens_starting_in(start, end)


PREPOSITIONS = word_set("preposition")     # «في», «من», «وعلى» ...: a subject never opens with one


# --- speech verbs -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VerbForm:
    lemma: str
    gender: Gender
    kind: Literal["past", "imperfect", "participle"]
    continues: bool
    object_prep: str
    needs_prep: bool = False


def _weak(norm: str) -> bool:
    return norm[-1:] in ("ا", "ي", "و")


def _inflections(row: dict[str, Any]) -> list[tuple[str, Gender, str]]:     # a csv row: None for a missing cell
    """The 3rd-person forms of one lemma, normalised: قال → قالت قالوا قالا قالتا; يقول → تقول يقولون; مضيفا ..."""
    out: list[tuple[str, Gender, str]] = []
    past = normalize_for_match(row["past"])
    stem = past[:-1] if _weak(past) else past
    fem = stem + "ت"
    out += [(past, "m", "past"), (fem, "f", "past"), (stem + "وا", "pl", "past"), (fem + "ا", "du", "past")]
    if not _weak(past):
        out.append((past + "ا", "du", "past"))
    imp = normalize_for_match(row.get("imperfect", ""))
    if imp:
        out += [(imp, "m", "imperfect"), ("ت" + imp[1:], "f", "imperfect"),
                ((imp[:-1] if _weak(imp) else imp) + "ون", "pl", "imperfect")]
    part = normalize_for_match(row.get("participle", ""))
    if part:
        out += [(part + "ا", "m", "participle"), (part + "ه", "f", "participle"),
                (part + "ين", "pl", "participle")]
    return out


@lru_cache(maxsize=1)
def speech_verb_forms() -> dict[str, VerbForm]:
    forms: dict[str, VerbForm] = {}
    for row in read_tsv("speech_verbs.tsv"):
        lemma = normalize_for_match(row["past"])
        prep = normalize_for_match(row.get("object_prep", ""))
        for form, gender, kind in _inflections(row):
            forms.setdefault(form, VerbForm(lemma, gender, kind, row.get("continues") == "1", prep,  # type: ignore[arg-type]
                                            row.get("needs_prep") == "1"))
    return forms


def verb_form(tok: Token) -> VerbForm | None:
    # (one lookup per form: asked ~2,700 times an article; issue 16)
    forms = speech_verb_forms()
    norm = tok.norm
    found = forms.get(norm)
    if found is None and len(norm) > 3 and norm[0] in "وف":
        return forms.get(norm[1:])
    return found

def verb_with_object(tok: Token) -> VerbForm | None:
    """«ما وصفوه بـ"..."», «وصفته»: a speech verb that carries an object pronoun («ه», «ها», «هم», «هما»); the
    plural «وا» drops its alif before it («وصفوا» + «ه» → «وصفوه»)."""
    norm = tok.norm
    for suffix in _object_pronouns():
        bare = norm[:-len(suffix)]
        if norm.endswith(suffix) and len(bare) >= 3:
            found = _form_before_pronoun(bare)
            if found is None and bare[0] in "وف" and len(bare) > 3:
                found = _form_before_pronoun(bare[1:])
            if found is not None and found.kind == "past" and not found.needs_prep:
                return found                        # («نقله إلى "مستشفى ..."» moved him: not speech)
    return None


@lru_cache(maxsize=1)
def _object_pronouns() -> tuple[str, ...]:
    """The object pronouns of speech_cues.tsv, longest first («هما» before «ها»), sorted once, not per word."""
    return tuple(sorted(word_set("pronoun_suffix"), key=len, reverse=True))


def _form_before_pronoun(bare: str) -> VerbForm | None:
    """The speech verb form a word is without its object pronoun, the plural's dropped alif restored
    («وصفو» of «وصفوه» → «وصفوا»)."""
    forms = speech_verb_forms()
    return forms.get(bare) or (forms.get(bare + "ا") if bare.endswith("و") else None)


# --- tokens and spans -------------------------------------------------------------------------------------

def gap(doc: Document, a: int, b: int, ignorable: frozenset[int] = frozenset()) -> str:
    """The text between two tokens, without the marks of quoted names («مجموعة "محامو الطوارئ"»)."""
    return "".join(ch for k, ch in enumerate(doc.text[a:b], a) if k not in ignorable)


def breaks(gap: str) -> bool:
    return any(c in BREAK_PUNCT for c in gap)


def is_complementizer(tok: Token) -> bool:
    comps = speech_cues("complementizer")
    return (tok.norm,) in comps or (len(tok.norm) > 2 and tok.norm[0] == "و" and (tok.norm[1:],) in comps)


def stop_phrase_at(tokens: list[Token], i: int) -> int:
    return max(match_at(tokens, i, speech_cues("speaker_stop")), match_at(tokens, i, speech_cues("according")))


def statement_follows(tokens: list[Token], j: int) -> bool:
    """«في بيانها», «في تصريحاته»: «في» and a statement noun with a possessive ending."""
    if tokens[j].norm not in word_set("statement_in") or j + 1 >= len(tokens):
        return False
    return any(form.startswith(noun[0]) and len(form) - len(noun[0]) <= 3
               for form in strip_clitic(tokens[j + 1].norm) for noun in speech_cues("statement_noun"))


def reporting_lam(doc: Document, tok: Token) -> bool:
    """«لرويترز», «لوكالة ...», «لـ"العربي الجديد"», «له»: the one spoken to, not part of the speaker."""
    norm = tok.norm
    if not norm.startswith("ل"):
        return False
    if norm == "ل":
        return True
    if norm.startswith("لل"):          # «للصحفيين» = ل + الصحفيين
        return ("ال" + norm[2:],) in speech_cues("channel_noun")
    rest = norm[1:]
    if (rest,) in speech_cues("channel_noun") or ("ال" + rest,) in speech_cues("channel_noun"):
        return True
    mention = agency_at_start(doc.text[tok.start:tok.start + 60])
    return mention is not None and mention.start <= tok.start - tok.start + 1


# --- actors -----------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _sector_words() -> dict[str, str]:
    return {normalize_for_match(r["word"]): r["sector"] for r in read_tsv("speaker_sectors.tsv")}


@lru_cache(maxsize=1)
def _nisba_countries() -> dict[str, str]:
    """Nisba adjective (with and without «ال») → country, from the KB's nisba table when it can be read."""
    actors = kb_actors()
    out: dict[str, str] = {}
    for nisba in (actors.nisba if actors is not None else []):
        for form in nisba.forms:
            n = normalize_for_match(form)
            out[n] = out["ال" + n] = nisba.country
    return out


def _entity_for(doc: Document, start: int, end: int) -> Entity | None:
    """The entity that names the speaker: a person inside the words («وزير الخارجية التركي حقان فيدان»), else an
    organisation or place that opens them («وزارة الخارجية الإيرانية»), not one they only mention
    («ضابط بالجيش السوري» is an officer, not the army)."""
    hits = entities_in(doc, start, end)
    persons = [e for e in hits if e.type == "PERSON"]
    if persons:
        return max(persons, key=lambda e: (e.span.end - e.span.start, -e.span.start))
    opening = [e for e in hits if e.span.start <= start + 2 and e.type in ("ORG", "GPE")]
    return max(opening, key=lambda e: e.span.end - e.span.start) if opening else None


def _widen_to_quoted_name(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Words inside a quoted name («عن “تنسيقية الحراك الثوري في الشعيطات”») stand for the whole name."""
    if doc.attributions is None or not doc.attributions.marks:
        return start, end
    marks = doc.attributions.marks
    k = bisect_right(marks, start, key=lambda m: m.open) - 1
    if k >= 0 and marks[k].name and marks[k].open < start and end <= marks[k].close and not marks[k].unclosed:
        return marks[k].open + 1, marks[k].close
    return start, end


def make_actor(doc: Document, start: int, end: int) -> Actor | None:
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in "،,:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:-–—."):
        end -= 1
    if sum(text[k] in QUOTE_CHARS for k in range(start, end)) % 2:
        if start > 0 and text[start - 1] in QUOTE_CHARS and text[start] not in QUOTE_CHARS \
                and any(text[k] in QUOTE_CHARS for k in range(start, end)):
            start -= 1                              # «"الحرس الشعبي" التابع لـ...»: keep the name's opening mark
        elif end < len(text) and text[end] in QUOTE_CHARS and text[start] not in QUOTE_CHARS:
            end += 1                                # «مجموعة "محامو الطوارئ"»: keep the name's closing mark
        elif text[start] in QUOTE_CHARS:
            start += 1
        elif text[end - 1] in QUOTE_CHARS:
            end -= 1
    start, end = _widen_to_quoted_name(doc, start, end)
    if end <= start:
        return None
    actor = Actor(text=text[start:end], span=doc.span(start, end))
    ent = _entity_for(doc, start, end)
    if ent is not None:
        actor.canonical = ent.canonical or ent.text
        actor.name_en, actor.kb_id = ent.name_en, ent.kb_id
        actor.sector, actor.country = ent.sector, ent.country
    words = [strip_clitic(w) for w in normalize_for_match(actor.text).split()]
    if actor.sector is None:
        actor.sector = next((_sector_words()[f] for forms in words for f in forms if f in _sector_words()), None)
    if actor.country is None:
        nisba = _nisba_countries()
        actor.country = next((nisba[f] for forms in words for f in forms if f in nisba), None)
    if actor.canonical is None:
        actor.canonical = _issuer_of_statement(actor.text)
    return actor


def _issuer_of_statement(text: str) -> str | None:
    """«بيان للجيش السوداني» → «الجيش السوداني»: the issuer of a statement named with «لـ» after it, written as
    the name stands on its own (ANNOTATION.md: «لل» becomes «ال»)."""
    words = text.split()
    if len(words) < 2 or normalize_for_match(words[0]) not in word_set("statement_noun"):
        return None
    issuer = words[1]
    if issuer.startswith("لل"):
        issuer = "ال" + issuer[2:]
    elif issuer.startswith("ل") and len(issuer) > 3:
        issuer = issuer[1:]
    else:
        return None
    return " ".join([issuer] + words[2:])


def sentence_bounds(doc: Document, offset: int) -> tuple[int, int, int]:
    if not doc.sentences:
        return 0, 0, len(doc.text)
    s = doc.sentence_at(offset)
    return s, doc.sentences[s].start, doc.sentences[s].end

