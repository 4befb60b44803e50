"""Speakers: for each speech verb that frames content, who says it.

A speech verb (`data/speech_verbs.tsv`, inflected by rule) that frames content (a complementizer, a quote or a
colon up to 30 words on, or a quote closing right before it) is an attribution. Its speaker is, in order:
- the noun before a relative pronoun it follows («العميد X، الذي نقلت عنه وكالة Y قوله:», «الوزير الذي قال»);
- the words after the verb up to a stop (complementizer, «لوكالة»/«لرويترز», punctuation, time words, «في
  بيان» ...: `data/speech_cues.tsv`), past a time word and comma («وقال حينها، المتحدث»), through «ويدعى X» and
  «تابع لـ», extended over a name in apposition («الناطق باسم الجيش، العميد X،»); «نقلت X عن Y» and «أفادت X
  نقلا عن Y»: Y speaks and X is the channel; one definite word before «بأنه» is an object, not a subject;
- the words before it («لكن العميد X أعلن "..."», «وكان المتحدث ... قد أعلن»);
- for a verb with no subject of its own: the sentence's opening subject («كما بحث X ...، وقال له»), the subject
  of a speech verb earlier in the sentence (participles: «وشدد X على ...، قائلا:»), the sentence's named subject
  (not after a preposition, not inside a relative clause), else the last speaker of the same gender and number.
A bare definite noun («وقالت القوات») stands for the name it heads said before («قوات سوريا الديمقراطية»).
Speech verbs inside the speaker words of the verb before («المسؤول الذي طلب عدم كشف هويته»), and relays after a
named speaker («بحسب ما نقل بيان عن ...»: a channel), are not attributions of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.document import Actor, Attribution, Document, QuoteMark, Token
from rasd.extract.agencies import agency_at_start
from rasd.extract.cues import match_at, speech_cues, strip_clitic, word_set
from rasd.extract.marks import MarkIndex
from rasd.extract.speech import (MAX_SPEAKER_TOKENS, entities_in, PREPOSITIONS, QUOTE_CHARS, Gender, VerbForm, breaks, gap,
                                 is_complementizer, make_actor, reporting_lam, sentence_bounds, speech_verb_forms,
                                 statement_follows, stop_phrase_at, tokens_between, verb_form)
from rasd.text.normalize import normalize_for_match


# --- attributions -----------------------------------------------------------------------------------------

@dataclass
class _Frame:
    """A speech verb being resolved (becomes a `document.Attribution` of the layer)."""
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


def speech_verb(tokens: list[Token], k: int) -> VerbForm | None:
    """The speech verb form of token k, unless its context makes it something else: a verbal noun after «عدم»
    («طلب عدم كشف هويته»), «يدعى» naming someone («ويدعى علي»), «تابع لـ» (affiliated with, not «continued»)."""
    form = verb_form(tokens[k])
    if form is None:
        return None
    norm = tokens[k].norm
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if k > 0 and tokens[k - 1].norm in word_set("nominalizer"):
        return None
    if norm in word_set("naming") and nxt is not None and not is_complementizer(nxt):
        return None
    if norm in word_set("affiliation") and nxt is not None and nxt.norm.startswith("ل"):
        return None
    if norm in word_set("quoting") and nxt is not None and nxt.norm in word_set("relay_prep"):
        return None                                 # «نقلا عن»: quoting, not the dual «they both quoted»
    return form


@lru_cache(maxsize=1)
def _prepositions_with_pronouns() -> frozenset[str]:
    return frozenset(p + suffix for p in PREPOSITIONS if len(p) > 1 or p == "ل" for suffix in word_set("pronoun_suffix"))


def _preposition_with_pronoun(norm: str) -> bool:
    """«فيها», «له», «عنه», «منهم»: a preposition carrying a pronoun."""
    return norm in _prepositions_with_pronouns()


def _skip_adjuncts(tokens: list[Token], j: int) -> int:
    """«وقال حينها، المتحدث ...», «وقال بدوره ...»: time words and «بدوره» between a verb and its subject."""
    while j < len(tokens):
        n = match_at(tokens, j, speech_cues("verb_adjunct"))
        if not n:
            break
        j += n
    return j


def _apposition(doc: Document, tokens: list[Token], a: int, j: int, limit: int) -> int:
    """«الناطق باسم الجماعة، العميد يحيى سريع، ...»: a person's name set off by commas after a speaker description
    that names no person. Returns the token index after the name, or `j` when there is none."""
    if j >= len(tokens) or j - a > 10 or any(e.type == "PERSON" for e in entities_in(doc, tokens[a].start, tokens[j - 1].end)):
        return j
    between = doc.text[tokens[j - 1].end:tokens[j].start].strip()
    if between not in ("،", ","):
        return j
    m = j
    while m < len(tokens) and m - j < _APPOSITION_WORDS and tokens[m].start < limit:
        if m > j and breaks(doc.text[tokens[m - 1].end:tokens[m].start]):
            break
        if is_complementizer(tokens[m]) or speech_verb(tokens, m) or (m > j and stop_phrase_at(tokens, m)):
            break
        m += 1
    if m == j:
        return j
    persons = [e for e in entities_in(doc, tokens[j].start, tokens[m - 1].end) if e.type == "PERSON"]
    # the name may follow a rank of up to two words («العميد», «الفريق أول», «اللواء الركن»)
    if persons and persons[0].span.start <= tokens[min(j + 2, m - 1)].start \
            and (persons[-1].span.end >= tokens[m - 1].end - 1 or _name_goes_on(doc, tokens, persons[-1].span.end, j, m)):
        return m
    if not persons and _untagged_name(doc, tokens, a, j, m):
        return m
    return j


def _untagged_name(doc: Document, tokens: list[Token], a: int, j: int, m: int) -> bool:
    """«أفاد قائد شرطة مدينة همدان، بخشعلي كامراني صالح، بأنه»: two or three bare words (no clitic; the article
    only after the first: «، أشرف القدرة،») set off by commas after a title that gives a sector, right before the
    complementizer: a name the tagger missed."""
    if not 2 <= m - j <= 3 or m >= len(tokens) or not is_complementizer(tokens[m]):
        return False
    if doc.text[tokens[m - 1].end:tokens[m].start].strip() not in ("،", ",", ":"):
        return False
    # a family name may carry the article («، أشرف القدرة،»), never the first name, nor any other clitic
    if any((t.prefixes and (k == j or t.prefixes != ["ال"])) or t.norm in PREPOSITIONS
           or t.norm in word_set("relative") or not t.norm.isalpha() for k, t in enumerate(tokens[j:m], j)):
        return False
    title = make_actor(doc, tokens[a].start, tokens[j - 1].end)
    return title is not None and title.sector is not None


def _name_goes_on(doc: Document, tokens: list[Token], name_end: int, j: int, m: int) -> bool:
    """«، رهام بخش حبيبي: إن», «، العميد حاجي محمد مهديان نسب:»: at most two bare words (no article, no
    preposition) after the name the tagger found in the words [j, m), up to a comma, colon or complementizer, are
    the rest of it (not in a relative clause: «البيان، الذي أعاد X نشره»)."""
    rest = [t for t in tokens[j:m] if t.start >= name_end]
    if any(t.norm in word_set("relative") for t in tokens[j:m]):
        return False
    if not rest or len(rest) > 2 or any(t.norm.startswith("ال") or "ال" in t.prefixes
                                                or t.norm in PREPOSITIONS or reporting_lam(doc, t) for t in rest):
        return False
    return m >= len(tokens) or breaks(doc.text[tokens[m - 1].end:tokens[m].start]) or is_complementizer(tokens[m])


_APPOSITION_WORDS = 6       # «الفريق أول عبد الفتاح البرهان»: a two-word rank and a three-word name


def _in_a_name(doc: Document, tok: Token) -> bool:
    """«وقال مير أدان الذي ...»: a word that is a speech verb elsewhere («أدان») inside a person's name."""
    return any(e.type == "PERSON" and e.span.start <= tok.start and tok.end <= e.span.end
               for e in entities_in(doc, tok.start, tok.end))


def _circumstantial(tok: Token) -> bool:
    """«ساخراً», «مبتسمًا»: an indefinite accusative (tanwin «ً») word after a verb tells its manner (a ḥāl); a
    subject is nominative and never carries it."""
    return "\u064b" in tok.text and "ال" not in tok.prefixes


def _speaker_after(doc: Document, tokens: list[Token], i: int, form: VerbForm,
                   ignorable: frozenset[int] = frozenset(), limit: int | None = None) -> tuple[int, int, int | None]:
    """Token range [a, j) of the speaker words after the verb at i, and where a «ل» channel starts (or None)."""
    first = _skip_adjuncts(tokens, i + 1)
    if first == i + 1 and first < len(tokens) and _circumstantial(tokens[first]):
        first += 1                                  # «ولفت ساخراً إلى أن»: a manner word, then the subject or none
    if first > i + 1 and first < len(tokens) and \
            doc.text[tokens[first - 1].end:tokens[first].start].strip() not in ("", "،", ","):
        first = i + 1                               # «وقال أمس: "..."»: the adjunct ends the clause, no subject
    j = first
    if j < len(tokens) and (tokens[j].norm in PREPOSITIONS or _preposition_with_pronoun(tokens[j].norm)
                            or tokens[j].norm in word_set("clause_word")) and not _in_a_name(doc, tokens[j]):
        return j, j, None                           # «وأضافت في بيانها أن», «يردد فيها», «تندد بما»: never a subject
        #                                             (but «وقال علي ...» is the name «علي», not «على»)
    if j < len(tokens) and form.object_prep and strip_clitic(tokens[j].norm)[0] == form.object_prep:
        return j, j, None
    channel = None
    named = j                                       # the end of a name in apposition, past the words' limit
    while j < len(tokens) and j - i <= MAX_SPEAKER_TOKENS:
        tok = tokens[j]
        if not (j == first and first > i + 1) and breaks(gap(doc, tokens[j - 1].end, tok.start, ignorable)):
            if j > first:
                named = j = _apposition(doc, tokens, first, j, limit if limit is not None else len(doc.text))
            break
        if j > first and tok.norm in word_set("naming"):
            j += 1                                  # «أحد المحتجين ويدعى علي الجابري»
            continue
        if is_complementizer(tok) or (speech_verb(tokens, j) and not _in_a_name(doc, tok)) \
                or (stop_phrase_at(tokens, j) and not (j > first and tokens[j - 1].norm in word_set("name_link"))):
            break                                   # («عبد الأحد»: a day's name after «عبد» is a name)
        if (tok.norm,) in speech_cues("speech_noun") or statement_follows(tokens, j):
            break
        if form.lemma in word_set("relay_lemma") and tok.norm in word_set("relay_prep"):
            break
        if j > first and (form.object_prep and tok.norm == form.object_prep or tok.text == "على"):
            break                                   # «وعلق المحلل X على القرار بالقول», «وأكد الوزير على أهمية»
            #                                         (written with «ى», «على» is the preposition, never «علي»)
        if reporting_lam(doc, tok) and not (j > first and tokens[j - 1].norm in word_set("affiliation")):
            channel = j
            break
        if j > i + 1 and tok.norm.endswith(tuple(word_set("object_possessive"))) and len(tok.norm) > 4:
            break                                   # «محادثاتهما»: an object with a possessive, not the subject
        j += 1
    if j - i > MAX_SPEAKER_TOKENS and j != named:   # no stop: keep a short head rather than the whole clause
        j = min(i + 7, len(tokens))
    if form.lemma in word_set("object_verb") and j > first:
        if j == first + 1 and j < len(tokens) and (tokens[j].norm.startswith("ب") or is_complementizer(tokens[j])
                                                   or tokens[j].norm == form.object_prep) \
                and (tokens[first].norm.startswith("ال") or entities_in(doc, tokens[first].start, tokens[first].end)):
            return first, first, channel            # «ووصفت الهجوم بأنه», «ويدعو إسرائيل أن»: the object, not the subject
        person = next((e for e in entities_in(doc, tokens[first].start, tokens[j - 1].end) if e.type == "PERSON"), None)
        if person is not None and person.span.end < tokens[j - 1].end:
            # «ودعا غليون الشعب السوري إلى»: the object follows the named subject
            j = next(k for k in range(first, j) if tokens[k].end >= person.span.end) + 1
    return first, j, channel


def _antecedent(doc: Document, tokens: list[Token], r: int) -> tuple[int, int]:
    """Token range of the noun phrase a relative pronoun at r refers to («العميد X، الذي نقلت عنه ...»)."""
    end = r
    k = r
    if k > 0 and doc.text[tokens[k - 1].end:tokens[k].start].strip() in ("،", ","):
        k -= 1
        end = k + 1
    else:
        end = r
    k = end
    while k > 0 and end - k < 10:
        prev = tokens[k - 1]
        if (k < end and breaks(gap(doc, prev.end, tokens[k].start))) or speech_verb(tokens, k - 1) or is_complementizer(prev):
            break
        if match_at(tokens, k - 1, speech_cues("according")) or match_at(tokens, k - 1, speech_cues("conjunction"),
                                                                          clitic=False) == 1:
            break
        k -= 1
    if not any(e.type == "PERSON" for e in entities_in(doc, tokens[k].start, tokens[end - 1].end)):
        for m in range(end - 1, k, -1):             # «من جانب الناشطين الذين قالوا»: the noun after the preposition
            if tokens[m - 1].norm in PREPOSITIONS:
                return m, end
    return k, end


def _speaker_before(doc: Document, tokens: list[Token], i: int) -> tuple[int, int]:
    """Token range of a subject standing before its verb («لكن العميد X أعلن "..."»), or an empty range."""
    if tokens[i].norm[:1] in ("و", "ف") and tokens[i].norm[1:] in speech_verb_forms():
        return i, i                                 # «وقال»: the verb opens its clause
    # «وكان المتحدث ... قد أعلن»: the auxiliary «كان» opens the clause and «قد» stands before the verb
    end = i - 1 if i > 0 and tokens[i - 1].norm in word_set("perfect_particle") else i
    k = i
    comma_before_qad = False                        # «وكان إعلام الحشد الشعبي، قد ذكر»
    while k > 0 and i - k < 10:
        prev = tokens[k - 1]
        between = gap(doc, prev.end, tokens[k].start)
        if k == end < i and between.strip() in ("،", ","):
            comma_before_qad = True
        elif breaks(between) or speech_verb(tokens, k - 1) or is_complementizer(prev):
            break
        k -= 1
    while k < i:
        n = match_at(tokens, k, speech_cues("conjunction"), clitic=False) or match_at(tokens, k, speech_cues("according"))
        if not n:
            break
        k += n
    if k < end and tokens[k].norm in word_set("auxiliary"):
        k += 1
    elif comma_before_qad:
        return i, i                                 # the comma crossed only inside «كان X، قد»
    if k >= end or end - k > 7:
        return i, i
    first = strip_clitic(tokens[k].norm)
    if tokens[k].norm in PREPOSITIONS or _preposition_with_pronoun(tokens[k].norm) \
            or any(p in ("ب", "ل", "ك") for p in tokens[k].prefixes) \
            or any((f,) in speech_cues("speaker_stop") for f in first) \
            or tokens[k].norm in word_set("clause_word"):
        return i, i
    if k > 0 and not breaks(gap(doc, tokens[k - 1].end, tokens[k].start)) \
            and tokens[k - 1].norm in word_set("preposed_cue"):
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
    while k < len(tokens) and k - j < 5 and not breaks(gap(doc, tokens[k - 1].end, tokens[k].start).replace('"', "")
                                                         .replace("«", "").replace("»", "")):
        if is_complementizer(tokens[k]) or stop_phrase_at(tokens, k) or speech_verb(tokens, k):
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
        if k > j and any(c in QUOTE_CHARS for c in gap(doc, tokens[k - 1].end, tokens[k].start, ignorable)):
            break                                   # the content is a direct quote, not reported speech
        if is_complementizer(tokens[k]):
            return tokens[k].end, True
        k += 1
    return (tokens[j].start if j < len(tokens) else limit), False


def _lacks_its_preposition(tokens: list[Token], i: int, sent_end: int) -> bool:
    """«عبّر» is speech only with «عن» after it; without it «عبر» is «via» («في بيان عبر صفحته»)."""
    form = verb_form(tokens[i])
    return form is not None and form.needs_prep and not any(
        tokens[k].norm == form.object_prep or (tokens[k].norm.startswith(form.object_prep)
                                               and tokens[k].norm[len(form.object_prep):] in word_set("pronoun_suffix"))
        for k in range(i + 1, min(i + 8, len(tokens))) if tokens[k].start < sent_end)


OPENING_CHARS = "«“„\"‘‹”"           # marks that open a quote (”: some outlets open with it)
FRAME_TOKENS = 30                   # how far after a speech verb its content (a quote, a colon, «إن») may begin


def _quote_closes_before(doc: Document, tokens: list[Token], i: int) -> bool:
    """A closing quotation mark, and at most a comma, right before the verb at i."""
    between = doc.text[tokens[i - 1].end:tokens[i].start].strip()
    return bool(between) and between[0] in "»”\"’›" and between[1:].strip() in ("", "،", ",")


def _frames_content(doc: Document, tokens: list[Token], i: int, marks: list[QuoteMark], sent_end: int) -> bool:
    """A speech verb counts when a complementizer, a quote or a colon follows it in its sentence
    (and, for «عبّر عن»-type verbs, its preposition does)."""
    if _lacks_its_preposition(tokens, i, sent_end):
        return False
    if i > 0 and _quote_closes_before(doc, tokens, i):
        return True                                 # «"..."، قال المتحدث»
    k = i + 1
    relative = False                                # verbs inside «الذي طلب عدم كشف هويته» do not end the frame
    while k < len(tokens) and tokens[k].start < sent_end and k - i <= FRAME_TOKENS:
        relative = relative or tokens[k].norm in word_set("relative")
        between = gap(doc, tokens[k - 1].end, tokens[k].start)
        if ":" in between or any(c in between for c in OPENING_CHARS):
            return True
        if is_complementizer(tokens[k]):
            return True
        if speech_verb(tokens, k) and k > i + 1 and not _lacks_its_preposition(tokens, k, sent_end) \
                and not _in_a_name(doc, tokens[k]) \
                and not _relay_verb(tokens, k) and not relative:
            return False
        k += 1
    tail = gap(doc, tokens[k - 1].end, min(sent_end, tokens[k - 1].end + 3)) if k - 1 < len(tokens) else ""
    return ":" in tail or any(c in tail for c in OPENING_CHARS)


def _through_stray_stop(doc: Document, sent: int, s_end: int) -> int:
    """«وقال مصدر عسكري لوكالة فرانس برس طالباً عدم الكشف عن اسمه. إنّ "..."»: a next sentence that opens with a
    bare complementizer (no «و») continues this one's speech verb; its end is then the clause's end."""
    if sent + 1 >= len(doc.sentences):
        return s_end
    nxt = doc.sentences[sent + 1]
    first = tokens_between(doc, nxt.start, nxt.end)[:1]
    if first and is_complementizer(first[0]) and first[0].norm[:1] != "و":
        return nxt.end
    return s_end


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
    ents = [e for e in entities_in(doc, sent_start, tokens[i].start)
            if sent_start <= e.span.start and e.type in ("PERSON", "ORG")]
    for e in ents:
        before = [t for t in tokens_between(doc, sent_start, e.span.start) if t.end <= e.span.start]
        if any(t.norm in PREPOSITIONS | word_set("comitative") for t in before[-2:]) \
                or _governed(doc, e.span.start, e.span.end):
            continue                                # («مع السفير X», «التابعة لحركة X»: not the subject)
        return make_actor(doc, e.span.start, e.span.end)
    first = next((k for k, t in enumerate(tokens) if t.start >= sent_start), None)
    if first is None or first >= i:
        return None
    k = first + match_at(tokens, first, speech_cues("conjunction"), clitic=False)
    k += 1                                          # the clause's verb
    start_k = k
    while k < i and k - start_k < 6:
        if breaks(gap(doc, tokens[k - 1].end, tokens[k].start)) or tokens[k].norm in PREPOSITIONS | word_set("comitative"):
            break
        k += 1
    if k - start_k < 2:
        return None
    return make_actor(doc, tokens[start_k].start, tokens[k - 1].end)


def _governed(doc: Document, start: int, end: int) -> bool:
    """The name's first word carries a preposition («لتنظيم داعش», «بالجيش»): an object, never a subject."""
    bounds = doc.token_range(start, end)
    return bounds is not None and any(p in ("ل", "ب") for p in doc.tokens[bounds[0]].prefixes)


def named_subject_before(doc: Document, sent_start: int, before: int) -> Actor | None:
    """The first person or organisation named in the sentence before `before`, not after a preposition."""
    for e in entities_in(doc, sent_start, before):
        if sent_start <= e.span.start < before and e.type in ("PERSON", "ORG"):
            near = [t.norm for t in tokens_between(doc, sent_start, e.span.start)[-2:]]
            if any(n in PREPOSITIONS | word_set("comitative") for n in near):
                continue                            # «مع السفير X», «عن “X”»: not the subject
            if any(n in word_set("relative") for n in near):
                continue                            # «التي نفذ جيش النظام مذبحة فيها»: a relative clause's subject
            if _governed(doc, e.span.start, e.span.end):
                continue                            # «وكالة أعماق، التابعة لتنظيم داعش»: after an attached preposition
            return make_actor(doc, e.span.start, e.span.end)
    return None


def _inside_clause(doc: Document, tokens: list[Token], i: int, sent_start: int) -> bool:
    """The verb at i stands inside its sentence (words other than conjunctions before it), not after a comma."""
    before = [t for t in tokens_between(doc, sent_start, tokens[i].start)]
    k = match_at(before, 0, speech_cues("conjunction"), clitic=False) if before else 0
    return len(before) - k >= 2 and not _opens_coordinated_clause(doc, tokens, i)


def _opens_coordinated_clause(doc: Document, tokens: list[Token], i: int) -> bool:
    """«...، وقال له إن»: the verb carries «و» right after a comma, inside its sentence."""
    return i > 0 and tokens[i].norm[:1] == "و" and "،" in doc.text[tokens[i - 1].end:tokens[i].start] \
        or (i > 0 and tokens[i].norm[:1] == "و" and "," in doc.text[tokens[i - 1].end:tokens[i].start])


def _relay_verb(tokens: list[Token], k: int) -> bool:
    """«بحسب ما نقل بيان عن ...», «وفقا لما نقلت "المسرة نت"»: a speech verb that relays another's words."""
    if k > 0 and tokens[k - 1].norm in word_set("according_fused"):
        return True                                 # «حسبما نقلت»
    for s in range(max(0, k - 4), k):
        n = match_at(tokens, s, speech_cues("according"))
        if n and s + n <= k and all(t.norm in word_set("according_link") for t in tokens[s + n:k]) \
                and (s + n < k or tokens[k - 1].norm.endswith("ما")):
            return True
    return False


def _coreferent(doc: Document, actor: Actor) -> Actor:
    """«وقالت القوات»: a bare definite noun that heads a name said before («قوات سوريا الديمقراطية») stands
    for that name (the nearest one before it)."""
    if actor.canonical or actor.span is None or len(actor.text.split()) != 1:
        return actor
    forms = [f for f in strip_clitic(normalize_for_match(actor.text)) if f.startswith("ال") and len(f) > 4]
    if not forms:
        return actor
    before = [e for e in entities_in(doc, 0, actor.span.start) if e.type == "ORG" and e.span.end <= actor.span.start]
    # «قوات سوريا الديمقراطية» for «القوات»; else a longer name opening with the word itself: «الاتحاد الأوروبي»
    # for «الاتحاد» (second, so a name headed by the bare noun said earlier still wins over a nearer one)
    for head, longer in ((forms[-1][2:], False), (forms[-1], True)):
        for e in reversed(before):
            words = normalize_for_match(e.text).split()
            if words[0] == head and (len(words) > 1 or not longer):
                actor.canonical = e.canonical or e.text
                actor.name_en, actor.kb_id = e.name_en, e.kb_id
                actor.sector, actor.country = e.sector or actor.sector, e.country or actor.country
                return actor
    return actor


def _named_head(doc: Document, tokens: list[Token], a: int, b: int) -> Actor | None:
    """«وأعلن الاتحاد تجميد الأصول»: words after a speech verb that frames nothing, naming nobody, whose first word
    is a bare definite noun heading a name said before («الاتحاد الأوروبي»): that word is the subject, the rest
    its object."""
    if b - a < 2 or entities_in(doc, tokens[a].start, tokens[b - 1].end):
        return None
    head = make_actor(doc, tokens[a].start, tokens[a].end)
    if head is None or head.canonical is not None:
        return None
    head = _coreferent(doc, head)
    return head if head.canonical is not None else None


def _title_antecedent(actor: Actor, frames: list[_Frame]) -> Actor:
    """«وأكد الوزير»: a bare definite title that heads an earlier speaker's words («وزير الخارجية الأردني أيمن
    الصفدي») stands for that speaker (the nearest one before it)."""
    if actor.canonical or len(actor.text.split()) != 1:
        return actor
    forms = [f for f in strip_clitic(normalize_for_match(actor.text)) if f.startswith("ال") and len(f) > 4]
    if not forms:
        return actor
    head = forms[-1][2:]
    for frame in reversed(frames):
        earlier = frame.speaker
        if earlier is None or not frame.explicit or len(earlier.text.split()) < 2:
            continue
        if head in [f for w in normalize_for_match(earlier.text).split() for f in strip_clitic(w)]:
            actor.canonical = earlier.canonical or earlier.text
            actor.name_en, actor.kb_id = earlier.name_en, earlier.kb_id
            actor.sector, actor.country = actor.sector or earlier.sector, actor.country or earlier.country
            return actor
    return actor


_RELAYED = VerbForm("", "m", "past", False, "")   # the words after «عن» in «نقلت X عن Y», read as a subject


def _named_speaker(doc: Document, tokens: list[Token], i: int, form: VerbForm, ignorable: frozenset[int],
                   s_end: int) -> tuple[Actor | None, Actor | None, int, int | None]:
    """(speaker, channel, index of the token after the speaker words, index of a «ل» channel) of the speech verb
    at i when the clause names its speaker: the noun before a relative pronoun («X، الذي نقلت عنه Y قوله»),
    «نقلت X عن Y» (Y speaks, X relays), «أفادت X نقلا عن Y», the words after the verb, else a subject before it."""
    speaker: Actor | None = None
    channel: Actor | None = None
    if i > 0 and tokens[i - 1].norm in word_set("relative"):
        # «العميد X، الذي نقلت عنه وكالة ... قوله:», «الوزير الذي قال إن»: the noun before the relative speaks
        pa, pb = _antecedent(doc, tokens, i - 1)
        if pb > pa:
            speaker = make_actor(doc, tokens[pa].start, tokens[pb - 1].end)
    a, b, lam = _speaker_after(doc, tokens, i, form, ignorable, s_end)
    after_speaker = b
    relays = form.lemma in word_set("relay_lemma")
    if speaker is not None:
        if relays and i + 1 < len(tokens) and any(tokens[i + 1].norm.startswith(p) for p in word_set("relay_prep")):
            a, b, lam = _speaker_after(doc, tokens, i + 1, _RELAYED, ignorable, s_end)
            if b > a:                               # «الذي نقلت عنه وكالة الأنباء»: the agency relays
                channel = make_actor(doc, tokens[a].start, tokens[b - 1].end)
            after_speaker = b
        return speaker, channel, after_speaker, lam
    if relays and b > a and b < len(tokens) and tokens[b].norm in word_set("relay_prep"):
        channel = make_actor(doc, tokens[a].start, tokens[b - 1].end)   # «نقلت X عن Y»: X is the channel
        a, b, lam = _speaker_after(doc, tokens, b, _RELAYED, ignorable, s_end)
        after_speaker = b
    elif relays and b == a and i + 1 < len(tokens) and tokens[i + 1].norm in word_set("relay_prep"):
        # «ونقل عن شهود عيان أنهم سمعوا "..."», «ونُقل عن مصدر»: the relayer is unsaid, the one after «عن» speaks
        a, b, lam = _speaker_after(doc, tokens, i + 1, _RELAYED, ignorable, s_end)
        after_speaker = max(b, after_speaker)
    if b > a and b + 1 < len(tokens) and tokens[b].norm in word_set("quoting") \
            and tokens[b + 1].norm in word_set("relay_prep"):
        # «وأفادت الوكالة نقلا عن مصدر عسكري بأن»: the source speaks, the subject relays
        channel = make_actor(doc, tokens[a].start, tokens[b - 1].end)
        a, b, lam = _speaker_after(doc, tokens, b + 1, _RELAYED, ignorable, s_end)
        after_speaker = b
    if form.kind == "participle":
        return None, channel, after_speaker, lam
    pa, pb = _speaker_before(doc, tokens, i)
    if pb > pa and pa > 0 and tokens[pa - 1].norm in word_set("auxiliary") and channel is None:
        # «وكان الرئيس الفلسطيني أكد استعداده ...»: «كان» opened the clause with the subject; the words after are the object
        return make_actor(doc, tokens[pa].start, tokens[pb - 1].end), channel, after_speaker, lam
    if b > a and form.gender in ("pl", "du") and channel is None:
        # «رددوا شعارات "..."», «هتفوا»: a verb told before its subject agrees in gender only; a plural or dual
        # form carries its subject as a pronoun, and the words after it are its object
        b = a
    if b > a:
        speaker = make_actor(doc, tokens[a].start, tokens[b - 1].end)
    elif pb > pa:
        speaker = make_actor(doc, tokens[pa].start, tokens[pb - 1].end)
    return speaker, channel, after_speaker, lam


def _clause_speaker(frames: list[_Frame], sent: int) -> Actor | None:
    """The speaker named by the nearest speech verb before, in sentence `sent`."""
    for frame in reversed(frames):
        if frame.sentence != sent:
            return None
        if frame.explicit and frame.speaker is not None:
            return frame.speaker
    return None


_PLURAL_ENDINGS = ("ون", "ين", "ات")


def _plural_agent_before(doc: Document, s_start: int, at: int) -> Actor | None:
    """The nearest group of people named in the sentence before `at` («المتظاهرين», «المحتجون»)."""
    groups = [a for a in doc.agents if s_start <= a.span.start and a.span.end <= at and (a.kb_id or "").startswith("agent.")
              and normalize_for_match(a.text.split()[-1]).endswith(_PLURAL_ENDINGS)]
    if not groups:
        return None
    group = max(groups, key=lambda a: a.span.end)
    return make_actor(doc, group.span.start, group.span.end)


def find_attributions(doc: Document, marks: list[QuoteMark]) -> list[Attribution]:
    """Every speech verb that frames content, with its speaker resolved (explicit, preposed or continued).
    `marks` are the document's quote marks with `name` set for the marks around names."""
    ignorable = frozenset(k for m in marks if m.name for k in (m.open, m.close))
    index = MarkIndex(marks)
    tokens = doc.tokens
    memory = _Speakers()
    out: list[_Frame] = []
    subjects: dict[int, Actor] = {}                 # sentence → the named subject of a speech verb in it
    for i, tok in enumerate(tokens):
        form = speech_verb(tokens, i)
        if form is None or index.inside(tok.start) or _in_a_name(doc, tok):
            continue
        sent, s_start, s_end = sentence_bounds(doc, tok.start)
        s_end = _through_stray_stop(doc, sent, s_end)
        last = out[-1] if out and out[-1].sentence == sent else None
        if last is not None and last.cue_start < tok.start < last.content_start:
            continue                                # inside the speaker words of the verb before («الذي طلب عدم كشف»)
        if _relay_verb(tokens, i) and last is not None and last.speaker is not None and last.explicit:
            if last.channel is None:                # «وقال X ... بحسب ما نقل بيان عن ...»: the relay is a channel
                ra, rb, _lam = _speaker_after(doc, tokens, i, form, ignorable, s_end)
                if rb > ra:
                    last.channel = make_actor(doc, tokens[ra].start, tokens[rb - 1].end)
            continue
        framing = _frames_content(doc, tokens, i, marks, s_end)
        if not framing:
            if form.kind != "participle" and sent not in subjects:
                a, b, _lam = _speaker_after(doc, tokens, i, form, ignorable, s_end)
                if b > a:                           # «وشدد ديندياس ... على رفضه، قائلا: "..."»
                    actor = _named_head(doc, tokens, a, b) or make_actor(doc, tokens[a].start, tokens[b - 1].end)
                    if actor is not None:
                        subjects[sent] = actor
                        if actor.sector is not None or actor.canonical is not None or any(e.type in ("PERSON", "ORG") for e in
                                                           entities_in(doc, tokens[a].start, tokens[b - 1].end)):
                            # «نددت الوزيرة X بالهجوم ... وكتبت: "..."»: a named speaker the next verbs continue
                            memory.add(form.gender, actor)
            continue
        speaker, channel, after_speaker, lam = _named_speaker(doc, tokens, i, form, ignorable, s_end)
        explicit, confidence = True, 1.0
        if speaker is not None:
            speaker = _title_antecedent(_coreferent(doc, speaker), out)
        if speaker is None and form.gender in ("pl", "du") and form.kind != "participle":
            # «أن المتظاهرين الذين تجمعوا ... رددوا شعارات "..."»: the group the plural verb's pronoun stands for
            speaker = _plural_agent_before(doc, s_start, tok.start)
        if speaker is None:
            explicit = False
            if form.kind != "participle" and _opens_coordinated_clause(doc, tokens, i) \
                    and not any(o.sentence == sent for o in out):
                speaker = _sentence_subject(doc, tokens, i, s_start)
                confidence = 0.5 if speaker else confidence
            if speaker is None and form.kind == "participle":
                # «وقال X ...، مضيفا أن "..."», «وردد المحتجون هتافات "..."، مطالبين ...، معلنين "..."»: a
                # participle's subject is the named subject of the speech verbs it follows in its sentence
                speaker = _clause_speaker(out, sent)
                confidence = 0.8 if speaker else confidence
            if speaker is None and sent in subjects and last is None and form.gender != "pl":
                # «وشدد X على ...، قائلا: "..."», «وأكد الوزير على ...، وأعرب عن "..."»: the subject of the
                # speech verb before it in the sentence
                speaker, confidence = subjects[sent], 0.8
            if speaker is None and (form.kind == "participle" or (last is None and _inside_clause(doc, tokens, i, s_start))):
                # «وندّد رئيس الوزراء ... بالهجوم، واصفاً إياه ...», «أدلت الوزيرة X بتصريح قالت فيه»: a verb with no
                # subject inside a sentence has the sentence's named subject
                speaker = named_subject_before(doc, s_start, tok.start) or _sentence_subject(doc, tokens, i, s_start)
                confidence = 0.6 if speaker else confidence
            if speaker is None:
                speaker, confidence = memory.last(form.gender)
        if lam is not None and channel is None:
            channel = _channel_actor(doc, tokens, lam)
        content, indirect = _content_start(doc, tokens, after_speaker, s_end, ignorable)
        att = _Frame(cue_start=tok.start, cue_end=tok.end, content_start=content, speaker=speaker,
                     gender=form.gender, sentence=sent, channel=channel, explicit=explicit,
                     indirect_end=s_end if indirect else None, confidence=confidence)
        if speaker is not None and (explicit or form.kind != "participle"):
            memory.add(form.gender, speaker)
        out.append(att)
    # reported content ends where the next attribution of the same sentence begins («..., مضيفا أن ...»)
    for frame, following in zip(out, out[1:]):
        if (frame.indirect_end is not None and following.sentence == frame.sentence
                and following.cue_start < frame.indirect_end):
            frame.indirect_end = following.cue_start
    return [Attribution(cue=doc.span(f.cue_start, f.cue_end), content_start=f.content_start, content_end=f.indirect_end,
                        speaker=f.speaker, channel=f.channel, gender=f.gender, sentence=f.sentence,
                        explicit=f.explicit, confidence=f.confidence) for f in out]
