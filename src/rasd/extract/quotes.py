"""Stage `quotes`: direct quotes, reported speech, who said them, and which source each claim is reported by.

1. Quote marks. «», “”, „”, ‘’ and straight "" pair within a paragraph; a quote may run over one line break when
   the next line closes it. A quote whose closing mark never comes ends at its paragraph's end (`unclosed`).
   Straight '' count only around Arabic words (never a Latin apostrophe). Reversed «»...«» pairs are read too.
   Short quoted words that are not framed as speech (no speech verb, complementizer or colon just before) are
   names («مقر "دار المحامي"», «مجموعة "محامو الطوارئ"», «لوكالة "فرانس برس"»), not quotes.
2. Attributions. A speech verb (`data/speech_verbs.tsv`, inflected by rule) that frames content (a complementizer,
   a quote, a colon) is an attribution. Its speaker is, in order: the words after the verb up to a stop
   (complementizer, «لوكالة»/«لرويترز», punctuation, time words, «في بيان» ...: `data/speech_cues.tsv`); the words
   before it («لكن العميد X أعلن "..."»); or, for a verb with no subject of its own («وأضاف»، «وتابع»، «قالت إنها»,
   «مضيفا»), the last speaker of the same gender and number. «نقلت X عن Y»: Y speaks, X is the channel.
3. Each direct quote takes the attribution that frames it (the last one before it in its sentence, or one right
   after it: «"..." قال X»), else «X: "..."», «في البيان "..."», «بحسب X», else the last speaker when the quote
   opens its paragraph. Indirect speech («قال إن ...») goes to `doc.reported_speech`, direct quotes to `doc.quotes`.
4. `reported_by`: the agencies, monitors and «بحسب/وفق X» sources cited in the claim's sentence, the channel, and
   the article's agencies when the sentence cites none. `reported_by_for_span` exposes this for other stages.

Speakers are `Actor`s: the words of the description (`text`) and, when an entity of `doc.entities` overlaps
them, its canonical name, English name, KB id, sector and country.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from rasd.document import Actor, Document, Entity, Quote, Span, Token
from rasd.extract.cues import match_at, phrase, read_tsv, speech_cues, strip_clitic
from rasd.extract.sources import agency_at_start, find_agencies, kb_actors
from rasd.text.normalize import normalize_for_match

Gender = Literal["m", "f", "pl", "du"]

OPEN_CLOSE = {"«": "»", "“": "”", "„": "”", "‘": "’"}
SYMMETRIC = '"'
QUOTE_CHARS = set("«»“”„‘’\"")
BREAK_PUNCT = set("،,:;؛.!?؟()[]{}\n") | QUOTE_CHARS | set("-–—")
SHORT_QUOTE_WORDS = 6          # up to this many words, a quote must be framed as speech to count
MAX_SPEAKER_TOKENS = 12
PREPOSITIONS = {normalize_for_match(w) for w in ("في", "من", "على", "إلى", "عن", "مع", "ب", "ل", "منذ", "حتى", "نحو",
                                                  "ضد", "بين", "لدى", "وفي", "وعلى", "ومن", "وإلى")}


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


def _inflections(row: dict[str, str]) -> list[tuple[str, Gender, str]]:
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
    forms = speech_verb_forms()
    norm = tok.norm
    if norm in forms:
        return forms[norm]
    if len(norm) > 3 and norm[0] in "وف" and norm[1:] in forms:
        return forms[norm[1:]]
    return None


# --- quote marks ------------------------------------------------------------------------------------------

@dataclass
class QuoteMark:
    open: int            # offset of the opening mark
    close: int           # offset of the closing mark, or the paragraph end when unclosed
    unclosed: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    if doc.paragraphs:
        return [(p.start, p.end) for p in doc.paragraphs]
    return [(0, len(doc.text))]


def _next_paragraph_closes(text: str, paras: list[tuple[int, int]], k: int, closer: str, opener: str) -> int | None:
    """Offset of the closing mark on the next line, when the quote continues over a single line break."""
    if k + 1 >= len(paras):
        return None
    end, (nstart, nend) = paras[k][1], paras[k + 1]
    if text[end:nstart].count("\n") > 1:
        return None                                  # a blank line: a new paragraph, not a wrapped line
    segment = text[nstart:nend]
    if opener == closer:
        if segment.count(closer) % 2 == 1:
            return nstart + segment.index(closer)
        return None
    c, o = segment.find(closer), segment.find(opener)
    if c >= 0 and (o < 0 or c < o):
        return nstart + c
    return None


def _arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


def _single_quotes(text: str, start: int, end: int) -> list[QuoteMark]:
    """Straight '...' only around Arabic words: opener after a space or colon, closer before a space or punctuation."""
    out = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s:(]))'(?=[\u0621-\u064a])([^'\n]{3,300}?)(?<=[\u0621-\u064a.!?؟])'(?=[\s،,.:;؛!?؟)]|$)",
                         text[start:end]):
        if len(m.group(1).split()) >= 2:
            out.append(QuoteMark(start + m.start(), start + m.end() - 1))
    return out


# Per-document caches (a Document cannot carry private state): keyed by the object and its text, so that a new
# document that reuses a freed object's id never sees another text's marks.
_MARKS_CACHE: dict[tuple[int, int, int], list[QuoteMark]] = {}


def find_quote_marks(doc: Document) -> list[QuoteMark]:
    """Quote marks of the document (computed once per document: several steps ask for them)."""
    key = (id(doc), hash(doc.text), len(doc.paragraphs))
    if key not in _MARKS_CACHE:
        if len(_MARKS_CACHE) > 8:
            _MARKS_CACHE.clear()
        _MARKS_CACHE[key] = _find_quote_marks(doc)
    return _MARKS_CACHE[key]


def _tokens_between(doc: Document, start: int, end: int) -> list[Token]:
    """Tokens starting in [start, end), by bisection on the token offsets."""
    starts = [t.start for t in doc.tokens]
    return doc.tokens[bisect_left(starts, start):bisect_left(starts, end)]


def _find_quote_marks(doc: Document) -> list[QuoteMark]:
    text = doc.text
    paras = _paragraphs(doc)
    marks: list[QuoteMark] = []
    skip_until = -1
    for k, (ps, pe) in enumerate(paras):
        i = max(ps, skip_until)
        while i < pe:
            ch = text[i]
            if ch == "«" and _closing_shaped(text, i):
                i += 1                               # «سعيّد«،»: a mirrored closing mark, not an opener
                continue
            if ch in OPEN_CLOSE or ch == SYMMETRIC:
                closer = OPEN_CLOSE.get(ch, ch)
                j = text.find(closer, i + 1, pe)
                if ch == "«" and j >= 0 and _opening_shaped(text, j) and "«" in text[j + 1:pe]:
                    marks.append(QuoteMark(i, j))    # «... »...«: the next quote is written mirrored
                    i = j
                    continue
                reopen = text.find(ch, i + 1, pe) if ch != closer else -1
                if j >= 0 and not (0 <= reopen < j):
                    marks.append(QuoteMark(i, j))
                    i = j + 1
                    continue
                if reopen >= 0:                     # a second opener before any close: the first never closed
                    marks.append(QuoteMark(i, _trim_end(text, i + 1, reopen), unclosed=True))
                    i = reopen
                    continue
                nxt = _next_paragraph_closes(text, paras, k, closer, ch)
                if nxt is not None:
                    marks.append(QuoteMark(i, nxt))
                    skip_until = nxt + 1
                    break
                marks.append(QuoteMark(i, _trim_end(text, i + 1, pe), unclosed=True))
                break
            if ch == "»":                            # »...« written reversed
                j = text.find("«", i + 1, pe)
                if 0 <= j and "»" not in text[i + 1:j] and j - i < 200:
                    marks.append(QuoteMark(i, j))
                    i = j + 1
                    continue
            i += 1
        marks += [m for m in _single_quotes(text, ps, pe) if not any(o.open <= m.open <= o.close for o in marks)]
    return sorted(marks, key=lambda m: m.open)


def _closing_shaped(text: str, i: int) -> bool:
    """A mark glued to the word before it and followed by a space or punctuation: it closes."""
    return i > 0 and not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())


def _opening_shaped(text: str, i: int) -> bool:
    """A mark after a space and glued to the word after it: it opens."""
    return i > 0 and text[i - 1].isspace() and i + 1 < len(text) and text[i + 1].isalnum()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# --- tokens and spans -------------------------------------------------------------------------------------

def _gap(doc: Document, a: int, b: int, ignorable: frozenset[int] = frozenset()) -> str:
    """The text between two tokens, without the marks of quoted names («مجموعة "محامو الطوارئ"»)."""
    return "".join(ch for k, ch in enumerate(doc.text[a:b], a) if k not in ignorable)


def _breaks(gap: str) -> bool:
    return any(c in BREAK_PUNCT for c in gap)


def _inside(marks: list[QuoteMark], offset: int) -> bool:
    return any(m.open < offset < m.close for m in marks)


def _is_complementizer(tok: Token) -> bool:
    comps = speech_cues("complementizer")
    return (tok.norm,) in comps or (len(tok.norm) > 2 and tok.norm[0] == "و" and (tok.norm[1:],) in comps)


def _stop_phrase_at(tokens: list[Token], i: int) -> int:
    return max(match_at(tokens, i, speech_cues("speaker_stop")), match_at(tokens, i, speech_cues("according")))


def _statement_follows(tokens: list[Token], j: int) -> bool:
    """«في بيانها», «في تصريحاته»: «في» and a statement noun with a possessive ending."""
    if tokens[j].norm not in ("في", "وفي") or j + 1 >= len(tokens):
        return False
    return any(form.startswith(noun[0]) and len(form) - len(noun[0]) <= 3
               for form in strip_clitic(tokens[j + 1].norm) for noun in speech_cues("statement_noun"))


def _reporting_lam(doc: Document, tok: Token) -> bool:
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
    hits = [e for e in doc.entities if e.span.start < end and start < e.span.end]
    persons = [e for e in hits if e.type == "PERSON"]
    if persons:
        return max(persons, key=lambda e: (e.span.end - e.span.start, -e.span.start))
    opening = [e for e in hits if e.span.start <= start + 2 and e.type in ("ORG", "GPE")]
    return max(opening, key=lambda e: e.span.end - e.span.start) if opening else None


def make_actor(doc: Document, start: int, end: int) -> Actor | None:
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in "،,:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:-–—."):
        end -= 1
    if sum(text[k] in QUOTE_CHARS for k in range(start, end)) % 2:
        if end < len(text) and text[end] in QUOTE_CHARS and text[start] not in QUOTE_CHARS:
            end += 1                                # «مجموعة "محامو الطوارئ"»: keep the name's closing mark
        elif text[start] in QUOTE_CHARS:
            start += 1
        elif text[end - 1] in QUOTE_CHARS:
            end -= 1
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
    return actor


# --- attributions -----------------------------------------------------------------------------------------

@dataclass
class Attribution:
    cue_start: int                   # where the speech verb (or cue) starts
    cue_end: int
    content_start: int               # where what was said begins (after the complementizer, or the cue)
    speaker: Actor | None
    gender: Gender
    sentence: int
    channel: Actor | None = None
    explicit: bool = True            # the speaker is named here, not carried over
    indirect_end: int | None = None  # end of reported content when introduced by a complementizer
    confidence: float = 1.0
    reported_by: list[str] = field(default_factory=list)


def _speaker_after(doc: Document, tokens: list[Token], i: int, form: VerbForm,
                   ignorable: frozenset[int] = frozenset()) -> tuple[int, int, int | None]:
    """Token range [i+1, j) of the speaker words after the verb at i, and where a «ل» channel starts (or None)."""
    j = i + 1
    if j < len(tokens) and tokens[j].norm in PREPOSITIONS:
        return j, j, None                           # «وأضافت في بيانها أن»: a subject never opens with a preposition
    if j < len(tokens) and form.object_prep and strip_clitic(tokens[j].norm)[0] == form.object_prep:
        return j, j, None
    channel = None
    while j < len(tokens) and j - i <= MAX_SPEAKER_TOKENS:
        tok = tokens[j]
        if _breaks(_gap(doc, tokens[j - 1].end, tok.start, ignorable)):
            break
        if _is_complementizer(tok) or verb_form(tok) or _stop_phrase_at(tokens, j):
            break
        if (tok.norm,) in speech_cues("speech_noun") or _statement_follows(tokens, j):
            break
        if form.lemma == "نقل" and tok.norm == "عن":
            break
        if _reporting_lam(doc, tok):
            channel = j
            break
        if j > i + 1 and tok.norm.endswith(("هما", "هم")) and len(tok.norm) > 4:
            break                                   # «محادثاتهما»: an object with a possessive, not the subject
        j += 1
    if j - i > MAX_SPEAKER_TOKENS:                  # no stop: keep a short head rather than the whole clause
        j = min(i + 7, len(tokens))
    return i + 1, j, channel


_PERFECT_PARTICLES = frozenset({"قد", "وقد", "فقد", "لقد"})
_AUXILIARIES = frozenset({"كان", "وكان", "كانت", "وكانت", "فكان", "فكانت"})


def _speaker_before(doc: Document, tokens: list[Token], i: int) -> tuple[int, int]:
    """Token range of a subject standing before its verb («لكن العميد X أعلن "..."»), or an empty range."""
    if tokens[i].norm[:1] in ("و", "ف") and tokens[i].norm[1:] in speech_verb_forms():
        return i, i                                 # «وقال»: the verb opens its clause
    # «وكان المتحدث ... قد أعلن»: the auxiliary «كان» opens the clause and «قد» stands before the verb
    end = i - 1 if i > 0 and tokens[i - 1].norm in _PERFECT_PARTICLES else i
    k = i
    while k > 0 and i - k < 10:
        prev = tokens[k - 1]
        if _breaks(_gap(doc, prev.end, tokens[k].start)) or verb_form(prev) or _is_complementizer(prev):
            break
        k -= 1
    while k < i:
        n = match_at(tokens, k, speech_cues("conjunction"), clitic=False) or match_at(tokens, k, speech_cues("according"))
        if not n:
            break
        k += n
    if k < end and tokens[k].norm in _AUXILIARIES:
        k += 1
    if k >= end or end - k > 7:
        return i, i
    first = strip_clitic(tokens[k].norm)
    if tokens[k].norm in PREPOSITIONS or any((f,) in speech_cues("speaker_stop") for f in first) \
            or tokens[k].norm in ("ما", "الذي", "التي", "الذين", "انه", "انها"):
        return i, i
    if k > 0 and not _breaks(_gap(doc, tokens[k - 1].end, tokens[k].start)) \
            and tokens[k - 1].norm in ("وفق", "بحسب", "حسب", "كما", "على"):
        return i, i
    return k, end


def _channel_actor(doc: Document, tokens: list[Token], j: int) -> Actor | None:
    """The medium after a reporting «ل»: «لرويترز», «لوكالة "فرانس برس"», «لـ"بغداد اليوم"»."""
    tok = tokens[j]
    start = tok.start + 1
    text = doc.text
    mention = agency_at_start(text[start:start + 60])
    quoted = re.match(r"[\u0640\s]*([\"«“])([^\"»”\n]{2,60})[\"»”]", text[tok.end:tok.end + 70])
    if quoted:                                      # «لـ"العربي الجديد"», «لوكالة "فرانس برس"»
        q_start = tok.end + quoted.start(2)
        actor = make_actor(doc, q_start, tok.end + quoted.end(2))
        mention = agency_at_start(quoted.group(2))
        if actor is not None and mention is not None:
            actor.name_en = mention.name_en
        return actor
    k = j + 1
    end = tok.end
    while k < len(tokens) and k - j < 5 and not _breaks(_gap(doc, tokens[k - 1].end, tokens[k].start).replace('"', "")
                                                         .replace("«", "").replace("»", "")):
        if _is_complementizer(tokens[k]) or _stop_phrase_at(tokens, k) or verb_form(tokens[k]):
            break
        end = tokens[k].end
        k += 1
    if tok.norm == "ل" or end == tok.end:
        end = max(end, tok.end)
    actor = make_actor(doc, start if tok.norm != "ل" else tok.end, end)
    if actor is not None and mention is not None:
        actor.name_en = mention.name_en
    return actor


def _content_start(doc: Document, tokens: list[Token], j: int, limit: int,
                   ignorable: frozenset[int] = frozenset()) -> tuple[int, bool]:
    """Where the reported content starts after the speaker words: after a complementizer (indirect) or at a quote."""
    k = j
    while k < len(tokens) and tokens[k].start < limit and k - j < 12:
        if k > j and any(c in QUOTE_CHARS for c in _gap(doc, tokens[k - 1].end, tokens[k].start, ignorable)):
            break                                   # the content is a direct quote, not reported speech
        if _is_complementizer(tokens[k]):
            return tokens[k].end, True
        k += 1
    return (tokens[j].start if j < len(tokens) else limit), False


def _lacks_its_preposition(tokens: list[Token], i: int, sent_end: int) -> bool:
    """«عبّر» is speech only with «عن» after it; without it «عبر» is «via» («في بيان عبر صفحته»)."""
    form = verb_form(tokens[i])
    return form is not None and form.needs_prep and not any(
        tokens[k].norm == form.object_prep for k in range(i + 1, min(i + 8, len(tokens)))
        if tokens[k].start < sent_end)


def _frames_content(doc: Document, tokens: list[Token], i: int, marks: list[QuoteMark], sent_end: int) -> bool:
    """A speech verb counts when a complementizer, a quote or a colon follows it in its sentence
    (and, for «عبّر عن»-type verbs, its preposition does)."""
    if _lacks_its_preposition(tokens, i, sent_end):
        return False
    k = i + 1
    while k < len(tokens) and tokens[k].start < sent_end and k - i <= MAX_SPEAKER_TOKENS + 4:
        gap = _gap(doc, tokens[k - 1].end, tokens[k].start)
        if ":" in gap or any(c in gap for c in "«“„\"‘"):
            return True
        if _is_complementizer(tokens[k]):
            return True
        if verb_form(tokens[k]) and k > i + 1 and not _lacks_its_preposition(tokens, k, sent_end):
            return False
        k += 1
    tail = _gap(doc, tokens[k - 1].end, min(sent_end, tokens[k - 1].end + 3)) if k - 1 < len(tokens) else ""
    return any(c in tail for c in "«“„\":")


def _sentence_bounds(doc: Document, offset: int) -> tuple[int, int, int]:
    if not doc.sentences:
        return 0, 0, len(doc.text)
    s = doc.sentence_at(offset)
    return s, doc.sentences[s].start, doc.sentences[s].end


class _Speakers:
    """The discourse memory for pronoun continuations: the last speaker of each gender and number."""

    def __init__(self) -> None:
        self.history: list[tuple[Gender, Actor]] = []

    def add(self, gender: Gender, actor: Actor) -> None:
        self.history.append((gender, actor))

    def last(self, gender: Gender | None = None) -> tuple[Actor | None, float]:
        for g, actor in reversed(self.history):
            if gender is None or g == gender:
                return actor, 1.0
        if self.history and gender in ("pl", "du"):
            return None, 0.0
        return (self.history[-1][1], 0.5) if self.history else (None, 0.0)


def _sentence_subject(doc: Document, tokens: list[Token], i: int, sent_start: int) -> Actor | None:
    """«كما بحث X ... مع Y، وقال له إن ...»: the subject of the clause that opens the sentence."""
    ents = [e for e in doc.entities if sent_start <= e.span.start < tokens[i].start and e.type in ("PERSON", "ORG")
            and not any(_inside_any(e.span.start, m) for m in [])]
    for e in ents:
        before = [t for t in tokens if t.end <= e.span.start and t.start >= sent_start]
        if before and before[-1].norm in PREPOSITIONS | {"مع"}:
            continue
        return make_actor(doc, e.span.start, e.span.end)
    first = next((k for k, t in enumerate(tokens) if t.start >= sent_start), None)
    if first is None or first >= i:
        return None
    k = first + match_at(tokens, first, speech_cues("conjunction"), clitic=False)
    k += 1                                          # the clause's verb
    start_k = k
    while k < i and k - start_k < 6:
        if _breaks(_gap(doc, tokens[k - 1].end, tokens[k].start)) or tokens[k].norm in PREPOSITIONS | {"مع"}:
            break
        k += 1
    if k - start_k < 2:
        return None
    return make_actor(doc, tokens[start_k].start, tokens[k - 1].end)


def _named_subject_before(doc: Document, sent_start: int, before: int) -> Actor | None:
    """The first person or organisation named in the sentence before `before`, not after a preposition."""
    for e in doc.entities:
        if sent_start <= e.span.start < before and e.type in ("PERSON", "ORG"):
            prev = doc.text[max(sent_start, e.span.start - 4):e.span.start].split()
            if prev and normalize_for_match(prev[-1]) in PREPOSITIONS | {"مع"}:
                continue
            return make_actor(doc, e.span.start, e.span.end)
    return None


def _is_a_name(doc: Document, mark: QuoteMark) -> bool:
    """«فيسبوك», «حزب الله», «الأندلس»: a name in quotation marks, not words someone said."""
    text = doc.text[mark.inner[0]:mark.inner[1]].strip()
    if len(text.split()) <= 1:
        return True
    norm = normalize_for_match(text)
    return any(normalize_for_match(e.text) == norm for e in doc.entities)


def _opens_coordinated_clause(doc: Document, tokens: list[Token], i: int) -> bool:
    """«...، وقال له إن»: the verb carries «و» right after a comma, inside its sentence."""
    return i > 0 and tokens[i].norm[:1] == "و" and "،" in doc.text[tokens[i - 1].end:tokens[i].start] \
        or (i > 0 and tokens[i].norm[:1] == "و" and "," in doc.text[tokens[i - 1].end:tokens[i].start])


def _inside_any(offset: int, mark: QuoteMark) -> bool:
    return mark.open < offset < mark.close


def find_attributions(doc: Document, marks: list[QuoteMark] | None = None) -> list[Attribution]:
    """Every speech verb that frames content, with its speaker resolved (explicit, preposed or continued)."""
    if marks is None:
        marks = find_quote_marks(doc)
    ignorable = frozenset(k for m in marks if _is_name_not_speech(doc, m) for k in (m.open, m.close))
    tokens = doc.tokens
    memory = _Speakers()
    out: list[Attribution] = []
    for i, tok in enumerate(tokens):
        form = verb_form(tok)
        if form is None or _inside(marks, tok.start):
            continue
        sent, s_start, s_end = _sentence_bounds(doc, tok.start)
        if not _frames_content(doc, tokens, i, marks, s_end):
            continue
        a, b, lam = _speaker_after(doc, tokens, i, form, ignorable)
        speaker: Actor | None = None
        channel: Actor | None = None
        explicit, confidence = True, 1.0
        after_speaker = b
        if form.lemma == "نقل" and b > a and b < len(tokens) and tokens[b].norm == "عن":
            channel = make_actor(doc, tokens[a].start, tokens[b - 1].end)   # «نقلت X عن Y»: X is the channel
            a2, b2, lam = _speaker_after(doc, tokens, b, VerbForm("", "m", "past", False, ""))
            a, b = a2, b2
            after_speaker = b2
        if b > a and form.kind != "participle":
            speaker = make_actor(doc, tokens[a].start, tokens[b - 1].end)
        elif form.kind != "participle":
            pa, pb = _speaker_before(doc, tokens, i)
            if pb > pa:
                speaker = make_actor(doc, tokens[pa].start, tokens[pb - 1].end)
        if speaker is None:
            explicit = False
            if form.kind != "participle" and _opens_coordinated_clause(doc, tokens, i) \
                    and not any(o.sentence == sent for o in out):
                speaker = _sentence_subject(doc, tokens, i, s_start)
                confidence = 0.5 if speaker else confidence
            if speaker is None and form.kind == "participle":
                # «وندّد رئيس الوزراء ... بالهجوم، واصفاً إياه ...»: the participle's agent is its sentence's subject
                speaker = _named_subject_before(doc, s_start, tok.start)
                confidence = 0.6 if speaker else confidence
            if speaker is None:
                speaker, confidence = memory.last(form.gender)
        if lam is not None and channel is None:
            channel = _channel_actor(doc, tokens, lam)
        content, indirect = _content_start(doc, tokens, after_speaker, s_end, ignorable)
        att = Attribution(cue_start=tok.start, cue_end=tok.end, content_start=content, speaker=speaker,
                          gender=form.gender, sentence=sent, channel=channel, explicit=explicit,
                          indirect_end=s_end if indirect else None, confidence=confidence)
        if speaker is not None and (explicit or form.kind != "participle"):
            memory.add(form.gender, speaker)
        out.append(att)
    # reported content ends where the next attribution of the same sentence begins («..., مضيفا أن ...»)
    for a, b in zip(out, out[1:]):
        if a.indirect_end is not None and b.sentence == a.sentence and b.cue_start < a.indirect_end:
            a.indirect_end = b.cue_start
    return out


# --- which quoted words are speech ------------------------------------------------------------------------

def _tokens_before(doc: Document, offset: int, n: int) -> list[Token]:
    toks = [t for t in _tokens_between(doc, max(0, offset - 40 * n), offset) if t.end <= offset]
    return toks[-n:]


def _is_name_not_speech(doc: Document, mark: QuoteMark) -> bool:
    s, e = mark.inner
    words = doc.text[s:e].split()
    if len(words) <= 5 and any(ent.span.start <= s and e <= ent.span.end + 1 and ent.span.start < e
                               and ent.span.end - ent.span.start >= (e - s) - 1 for ent in doc.entities):
        return True     # «أعلن «حزب الله» في بيان»: the marks set off a name the entities stage found
    before = _tokens_before(doc, mark.open, 6)
    if before:
        last = before[-1]
        gap = doc.text[last.end:mark.open]
        if len(words) <= 6 and ":" not in gap and (
                any((f,) in speech_cues("name_noun") for f in strip_clitic(last.norm))
                or any((f,) in speech_cues("channel_noun") for f in strip_clitic(last.norm))
                or _reporting_lam(doc, last)):
            return True
    if len(words) > SHORT_QUOTE_WORDS:
        return False
    # a short quote counts only when framed as speech: a colon, a complementizer or a speech verb shortly before
    gap = doc.text[before[-1].end:mark.open] if before else ""
    if ":" in gap:
        return False
    _s, s_start, _e = _sentence_bounds(doc, mark.open)
    near = [t for t in _tokens_before(doc, mark.open, 8) if t.start >= s_start]
    cut = max((k for k, t in enumerate(near) if any(c in QUOTE_CHARS for c in doc.text[t.end:mark.open][:1])),
              default=-1)
    near = near[cut + 1:]
    if any(_is_complementizer(t) or verb_form(t) for t in near):
        return False
    # or a speech verb earlier in the sentence, with no other quote in between («وقال X في مؤتمر صحفي «...»»)
    for t in reversed([t for t in _tokens_between(doc, s_start, mark.open) if t.end <= mark.open]):
        if any(c in QUOTE_CHARS for c in doc.text[t.end:mark.open]) and t.end < mark.open - 1:
            if any(c in QUOTE_CHARS for c in doc.text[t.end:mark.open - 1]):
                return True
        if verb_form(t):
            return False
    return True


# --- assembling quotes ------------------------------------------------------------------------------------

def _colon_speaker(doc: Document, mark: QuoteMark, s_start: int) -> Actor | None:
    """«X: "..."» with no verb: the words before the colon (at most six, in the same sentence)."""
    head = doc.text[s_start:mark.open].rstrip()
    if not head.endswith(":"):
        return None
    toks = [t for t in _tokens_between(doc, s_start, mark.open) if t.end <= mark.open]
    run: list[Token] = []
    for t in reversed(toks):
        if run and _breaks(doc.text[t.end:run[-1].start]):
            break
        if verb_form(t) or _reporting_lam(doc, t):
            return None
        run.append(t)
    if not run or len(run) > 6:
        return None
    return make_actor(doc, run[-1].start, run[0].end)


def _statement_speaker(doc: Document, mark: QuoteMark, s_start: int) -> Actor | None:
    """«وفي البيان المشترك "..."»: the statement itself stands as the speaker."""
    toks = [t for t in _tokens_between(doc, s_start, mark.open) if t.end <= mark.open][-5:]
    for k, t in enumerate(toks):
        if any((f,) in speech_cues("statement_noun") for f in strip_clitic(t.norm) + [t.norm[2:]]):
            if k > 0 and strip_clitic(toks[k - 1].norm)[-1] in ("في",) or t.norm.startswith(("وفي", "في")):
                return make_actor(doc, t.start, toks[-1].end)
            if k > 0 and toks[k - 1].norm in ("في", "وفي"):
                return make_actor(doc, t.start, toks[-1].end)
    return None


def _according_sources(doc: Document, start: int, end: int) -> list[tuple[Actor | None, str]]:
    """(actor, reported_by name) for each «بحسب X» / «وفق X» / «أفادت X» source between start and end."""
    marks = find_quote_marks(doc)
    tokens = [t for t in _tokens_between(doc, start, end) if not _inside(marks, t.start)]
    out: list[tuple[Actor | None, str]] = []
    k = 0
    while k < len(tokens):
        n = match_at(tokens, k, speech_cues("according"))
        if not n:
            k += 1
            continue
        j = k + n
        while j < len(tokens) and tokens[j].norm in ("ما", "ل", "عن", "لما", "ال"):
            j += 1
        if j < len(tokens) and verb_form(tokens[j]):
            j += 1                                   # «وفق ما أعلن مسؤول محلي»
        first = j
        while j < len(tokens) and j - first < 6:
            if j > first and _breaks(doc.text[tokens[j - 1].end:tokens[j].start]):
                break
            if _is_complementizer(tokens[j]) or verb_form(tokens[j]) or (
                    j > first and _stop_phrase_at(tokens, j)):
                break
            j += 1
        if j > first:
            actor = make_actor(doc, tokens[first].start, tokens[j - 1].end)
            mentions = find_agencies(doc.text[tokens[first].start:tokens[j - 1].end])
            mention = mentions[0] if mentions else None
            if actor is not None:
                if mention:
                    actor.name_en = actor.name_en or mention.name_en
                out.append((actor, mention.name_en if mention else _actor_name(actor)))
        k = max(j, k + 1)
    return out


def _actor_name(actor: Actor) -> str:
    return actor.name_en or actor.canonical or actor.text


def _sentence_range(doc: Document, start: int, end: int) -> tuple[int, int]:
    if not doc.sentences:
        return 0, len(doc.text)
    a, b = doc.sentence_at(start), doc.sentence_at(max(start, end - 1))
    return doc.sentences[a].start, doc.sentences[b].end


def _claim_sources(doc: Document, start: int, end: int, attributions: list[Attribution]) -> list[str]:
    s_start, s_end = _sentence_range(doc, start, end)
    names: list[str] = []
    for mention in find_agencies(doc.text[s_start:s_end]):
        names.append(mention.name_en)
    for _actor, name in _according_sources(doc, s_start, s_end):
        names.append(name)
    for att in attributions:
        if s_start <= att.cue_start < s_end and att.cue_start <= start and att.speaker is not None \
                and att.content_start <= start + 1:
            names.append(_actor_name(att.speaker))
    seen: list[str] = []
    for n in names:
        if n not in seen and not any(n != o and normalize_for_match(n) in normalize_for_match(o) for o in names):
            seen.append(n)
    return seen


def reported_by_for_span(doc: Document, start: int, end: int) -> list[str]:
    """The sources a claim at [start, end) is reported by: agencies, monitors, «بحسب/وفق X», the speaker who
    frames it in its sentence; the article's agencies when the sentence names none. For the events stage."""
    names = _claim_sources(doc, start, end, _cached_attributions(doc))
    return names or list(doc.source.agencies)


_CACHE: dict[tuple[int, int, int, int], list[Attribution]] = {}


def _cached_attributions(doc: Document) -> list[Attribution]:
    key = (id(doc), hash(doc.text), id(doc.entities), len(doc.entities))
    if key not in _CACHE:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = find_attributions(doc)
    return _CACHE[key]


def _attribution_for(doc: Document, mark: QuoteMark, attributions: list[Attribution]) -> Attribution | None:
    sent, s_start, s_end = _sentence_bounds(doc, mark.open)
    before = [a for a in attributions if s_start <= a.cue_start < mark.open]
    if before:
        return before[-1]
    # «"..."، قال X» / «"..." أضاف»: the verb right after the closing mark
    after = [a for a in attributions if mark.close < a.cue_start <= mark.close + 12
             and not doc.text[mark.close + 1:a.cue_start].strip(" \t،,-–—")]
    if after:
        return after[0]
    return None


def _build_quote(doc: Document, mark: QuoteMark, attributions: list[Attribution], memory_last: Actor | None) -> Quote:
    s, e = mark.inner
    text = doc.text[s:e].strip()
    span_start = s + (len(doc.text[s:e]) - len(doc.text[s:e].lstrip()))
    quote = Quote(text=text, span=doc.span(span_start, span_start + len(text)), unclosed=mark.unclosed)
    sent, s_start, _s_end = _sentence_bounds(doc, mark.open)
    att = _attribution_for(doc, mark, attributions)
    if att is not None:
        quote.speaker, quote.channel, quote.confidence = att.speaker, att.channel, att.confidence
    else:
        speaker = _colon_speaker(doc, mark, s_start) or _statement_speaker(doc, mark, s_start)
        if speaker is None:
            according = _according_sources(doc, s_start, _s_end)
            speaker = according[0][0] if according else None
        if speaker is None and not doc.text[s_start:mark.open].strip():
            speaker, quote.confidence = memory_last, 0.6     # a quote opening its sentence continues the speaker
        quote.speaker = speaker
    if quote.speaker is None:
        # «وندّد رئيس الوزراء ... بالهجوم، واصفاً إياه بـ«...»»: the sentence's own named subject
        quote.speaker = _named_subject_before(doc, s_start, mark.open)
        quote.confidence = min(quote.confidence, 0.6)
    quote.reported_by = _claim_sources(doc, mark.open, mark.close, [])
    if quote.channel is not None:
        name = _actor_name(quote.channel)
        if name not in quote.reported_by:
            quote.reported_by.insert(0, name)
    if not quote.reported_by:
        quote.reported_by = list(doc.source.agencies)
    return quote


def _indirect_quotes(doc: Document, attributions: list[Attribution], marks: list[QuoteMark]) -> list[Quote]:
    out = []
    for att in attributions:
        if att.indirect_end is None:
            continue
        start, end = att.content_start, att.indirect_end
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and (doc.text[end - 1].isspace() or doc.text[end - 1] in "،,.;؛"):
            end -= 1
        if end - start < 3 or doc.text[start] in QUOTE_CHARS and any(m.open == start for m in marks):
            continue
        q = Quote(text=doc.text[start:end], span=doc.span(start, end), kind="indirect", speaker=att.speaker,
                  channel=att.channel, confidence=att.confidence)
        q.reported_by = _claim_sources(doc, start, end, [])
        if att.channel is not None and _actor_name(att.channel) not in q.reported_by:
            q.reported_by.insert(0, _actor_name(att.channel))
        q.reported_by = q.reported_by or list(doc.source.agencies)
        out.append(q)
    return out



# stage contract (rasd.pipeline): the layers this stage reads and the ones it writes
NEEDS = ("entities", "source")
ADDS = ("quotes", "reported_speech")

def run(doc: Document) -> None:
    marks = find_quote_marks(doc)
    attributions = find_attributions(doc, marks)
    speech = [m for m in marks if doc.text[m.inner[0]:m.inner[1]].strip() and not _is_name_not_speech(doc, m)
              and not _is_a_name(doc, m)]
    quotes: list[Quote] = []
    for mark in speech:
        prior = [a for a in attributions if a.cue_start < mark.open and a.speaker is not None]
        last = quotes[-1].speaker if quotes and quotes[-1].speaker else None
        if prior and (last is None or (prior[-1].speaker and prior[-1].speaker.span and last.span
                                       and prior[-1].cue_start > (quotes[-1].span.start if quotes else -1))):
            last = prior[-1].speaker
        quotes.append(_build_quote(doc, mark, attributions, last))
    doc.quotes = quotes
    doc.reported_speech = _indirect_quotes(doc, attributions, marks)
