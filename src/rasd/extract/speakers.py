"""Speakers: for each speech verb that frames content, who says it.

A speech verb (`data/speech_verbs.tsv`, inflected by rule) that frames content (a complementizer, a quote, a colon)
is an attribution. Its speaker is, in order: the words after the verb up to a stop (complementizer, «لوكالة»/
«لرويترز», punctuation, time words, «في بيان» ...: `data/speech_cues.tsv`); the words before it («لكن العميد X
أعلن "..."»); or, for a verb with no subject of its own («وأضاف»، «وتابع»، «قالت إنها», «مضيفا»), the last
speaker of the same gender and number. «نقلت X عن Y»: Y speaks, X is the channel.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.document import Actor, Attribution, Document, QuoteMark, Token
from rasd.extract.agencies import agency_at_start
from rasd.extract.cues import match_at, speech_cues, strip_clitic, word_set
from rasd.extract.marks import MarkIndex
from rasd.extract.speech import (MAX_SPEAKER_TOKENS, PREPOSITIONS, QUOTE_CHARS, Gender, VerbForm, breaks, gap,
                                 is_complementizer, make_actor, reporting_lam, sentence_bounds, speech_verb_forms,
                                 statement_follows, stop_phrase_at, verb_form)
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
        if breaks(gap(doc, tokens[j - 1].end, tok.start, ignorable)):
            break
        if is_complementizer(tok) or verb_form(tok) or stop_phrase_at(tokens, j):
            break
        if (tok.norm,) in speech_cues("speech_noun") or statement_follows(tokens, j):
            break
        if form.lemma == "نقل" and tok.norm == "عن":
            break
        if reporting_lam(doc, tok):
            channel = j
            break
        if j > i + 1 and tok.norm.endswith(("هما", "هم")) and len(tok.norm) > 4:
            break                                   # «محادثاتهما»: an object with a possessive, not the subject
        j += 1
    if j - i > MAX_SPEAKER_TOKENS:                  # no stop: keep a short head rather than the whole clause
        j = min(i + 7, len(tokens))
    return i + 1, j, channel






def _speaker_before(doc: Document, tokens: list[Token], i: int) -> tuple[int, int]:
    """Token range of a subject standing before its verb («لكن العميد X أعلن "..."»), or an empty range."""
    if tokens[i].norm[:1] in ("و", "ف") and tokens[i].norm[1:] in speech_verb_forms():
        return i, i                                 # «وقال»: the verb opens its clause
    # «وكان المتحدث ... قد أعلن»: the auxiliary «كان» opens the clause and «قد» stands before the verb
    end = i - 1 if i > 0 and tokens[i - 1].norm in word_set("perfect_particle") else i
    k = i
    while k > 0 and i - k < 10:
        prev = tokens[k - 1]
        if breaks(gap(doc, prev.end, tokens[k].start)) or verb_form(prev) or is_complementizer(prev):
            break
        k -= 1
    while k < i:
        n = match_at(tokens, k, speech_cues("conjunction"), clitic=False) or match_at(tokens, k, speech_cues("according"))
        if not n:
            break
        k += n
    if k < end and tokens[k].norm in word_set("auxiliary"):
        k += 1
    if k >= end or end - k > 7:
        return i, i
    first = strip_clitic(tokens[k].norm)
    if tokens[k].norm in PREPOSITIONS or any((f,) in speech_cues("speaker_stop") for f in first) \
            or tokens[k].norm in ("ما", "الذي", "التي", "الذين", "انه", "انها"):
        return i, i
    if k > 0 and not breaks(gap(doc, tokens[k - 1].end, tokens[k].start)) \
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
    while k < len(tokens) and k - j < 5 and not breaks(gap(doc, tokens[k - 1].end, tokens[k].start).replace('"', "")
                                                         .replace("«", "").replace("»", "")):
        if is_complementizer(tokens[k]) or stop_phrase_at(tokens, k) or verb_form(tokens[k]):
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
        tokens[k].norm == form.object_prep for k in range(i + 1, min(i + 8, len(tokens)))
        if tokens[k].start < sent_end)


def _frames_content(doc: Document, tokens: list[Token], i: int, marks: list[QuoteMark], sent_end: int) -> bool:
    """A speech verb counts when a complementizer, a quote or a colon follows it in its sentence
    (and, for «عبّر عن»-type verbs, its preposition does)."""
    if _lacks_its_preposition(tokens, i, sent_end):
        return False
    k = i + 1
    while k < len(tokens) and tokens[k].start < sent_end and k - i <= MAX_SPEAKER_TOKENS + 4:
        between = gap(doc, tokens[k - 1].end, tokens[k].start)
        if ":" in between or any(c in between for c in "«“„\"‘"):
            return True
        if is_complementizer(tokens[k]):
            return True
        if verb_form(tokens[k]) and k > i + 1 and not _lacks_its_preposition(tokens, k, sent_end):
            return False
        k += 1
    tail = gap(doc, tokens[k - 1].end, min(sent_end, tokens[k - 1].end + 3)) if k - 1 < len(tokens) else ""
    return any(c in tail for c in "«“„\":")


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
        if breaks(gap(doc, tokens[k - 1].end, tokens[k].start)) or tokens[k].norm in PREPOSITIONS | {"مع"}:
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


def _opens_coordinated_clause(doc: Document, tokens: list[Token], i: int) -> bool:
    """«...، وقال له إن»: the verb carries «و» right after a comma, inside its sentence."""
    return i > 0 and tokens[i].norm[:1] == "و" and "،" in doc.text[tokens[i - 1].end:tokens[i].start] \
        or (i > 0 and tokens[i].norm[:1] == "و" and "," in doc.text[tokens[i - 1].end:tokens[i].start])


def _inside_any(offset: int, mark: QuoteMark) -> bool:
    return mark.open < offset < mark.close


def find_attributions(doc: Document, marks: list[QuoteMark]) -> list[Attribution]:
    """Every speech verb that frames content, with its speaker resolved (explicit, preposed or continued).
    `marks` are the document's quote marks with `name` set for the marks around names."""
    ignorable = frozenset(k for m in marks if m.name for k in (m.open, m.close))
    index = MarkIndex(marks)
    tokens = doc.tokens
    memory = _Speakers()
    out: list[_Frame] = []
    for i, tok in enumerate(tokens):
        form = verb_form(tok)
        if form is None or index.inside(tok.start):
            continue
        sent, s_start, s_end = sentence_bounds(doc, tok.start)
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
        att = _Frame(cue_start=tok.start, cue_end=tok.end, content_start=content, speaker=speaker,
                          gender=form.gender, sentence=sent, channel=channel, explicit=explicit,
                          indirect_end=s_end if indirect else None, confidence=confidence)
        if speaker is not None and (explicit or form.kind != "participle"):
            memory.add(form.gender, speaker)
        out.append(att)
    # reported content ends where the next attribution of the same sentence begins («..., مضيفا أن ...»)
    for a, b in zip(out, out[1:]):
        if a.indirect_end is not None and b.sentence == a.sentence and b.cue_start < a.indirect_end:
            a.indirect_end = b.cue_start
    return [Attribution(cue=doc.span(f.cue_start, f.cue_end), content_start=f.content_start, content_end=f.indirect_end,
                        speaker=f.speaker, channel=f.channel, gender=f.gender, sentence=f.sentence,
                        explicit=f.explicit, confidence=f.confidence) for f in out]

