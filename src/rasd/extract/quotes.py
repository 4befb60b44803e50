"""Stage `quotes`: direct quotes and reported speech, with their speakers, read from the attribution layer.

1. The quotes are the quotation marks the `attribution` stage found to hold speech (`marks.py`).
2. Each direct quote takes the attribution that frames it (the last one before it in its sentence, or one right
   after it: «"..." قال X»), else «X: "..."», «في البيان "..."», «بحسب X», else the last speaker when the quote
   opens its sentence. Indirect speech («قال إن ...») goes to `doc.reported_speech`, direct quotes to `doc.quotes`.
3. `reported_by`: the agencies, monitors and «بحسب/وفق X» sources cited in the claim's sentence, the channel, and
   the article's agencies when the sentence cites none.

Speakers are `Actor`s: the words of the description (`text`) and, when an entity of `doc.entities` overlaps
them, its canonical name, English name, KB id, sector and country.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from rasd.document import Actor, Attribution, Document, Entity, Quote, QuoteMark, Token
from rasd.extract.attribution import actor_name, citations_in, claim_sources, layer
from rasd.extract.cues import match_at, speech_cues, strip_clitic, word_set
from rasd.extract.spanindex import span_index, span_of
from rasd.extract.speakers import named_subject_before
from rasd.text.normalize import normalize_for_match
from rasd.extract.speech import (QUOTE_CHARS, breaks, gap, is_complementizer, make_actor, reporting_lam,
                                 sentence_bounds, tokens_between, verb_form)


# --- assembling quotes ------------------------------------------------------------------------------------

def _colon_speaker(doc: Document, mark: QuoteMark, s_start: int) -> Actor | None:
    """«X: "..."» with no verb: the words before the colon (at most six, in the same sentence)."""
    head = doc.text[s_start:mark.open].rstrip()
    if not head.endswith(":"):
        return None
    toks = [t for t in tokens_between(doc, s_start, mark.open) if t.end <= mark.open]
    run: list[Token] = []
    for t in reversed(toks):
        if run and breaks(doc.text[t.end:run[-1].start]):
            break
        if verb_form(t) or reporting_lam(doc, t):
            return None
        run.append(t)
    if not run or len(run) > 6:
        return None
    return make_actor(doc, run[-1].start, run[0].end)


def _issuer(doc: Document, mark: QuoteMark, s_start: int) -> Actor | None:
    """«وجاء في بيان صادر عن “تنسيقية ...”، أن ... “...”»: who issued the statement the quote is from."""
    toks = [t for t in tokens_between(doc, s_start, mark.open) if t.end <= mark.open]
    for k in range(len(toks)):
        n = match_at(toks, k, speech_cues("issued_by"))
        if not n or k == 0 or not any((f,) in speech_cues("statement_noun") for f in strip_clitic(toks[k - 1].norm)):
            continue
        j = k + n
        first = j
        while j < len(toks) and j - first < 8:
            if j > first and breaks(gap(doc, toks[j - 1].end, toks[j].start, _name_marks(doc))):
                break
            if is_complementizer(toks[j]) or verb_form(toks[j]):
                break
            j += 1
        if j > first:
            return make_actor(doc, toks[first].start, toks[j - 1].end)
    return None


def _name_marks(doc: Document) -> frozenset[int]:
    return frozenset(k for m in layer(doc).marks if m.name for k in (m.open, m.close))


def _statement_speaker(doc: Document, mark: QuoteMark, s_start: int) -> Actor | None:
    """«وفي البيان المشترك "..."»: the statement itself stands as the speaker."""
    toks = [t for t in tokens_between(doc, s_start, mark.open) if t.end <= mark.open][-_STATEMENT_WORDS:]
    while toks and (toks[-1].norm,) in speech_cues("speech_noun"):
        toks.pop()                 # «وجاء في بيان لمكتب القائد العام قوله: "..."»: «قوله» is not the speaker
    toks = toks[-5:] if not any(_statement_noun(t) and _issuer_named_after(toks, k)
                                for k, t in enumerate(toks)) else toks
    for k, t in enumerate(toks):
        if any((f,) in speech_cues("statement_noun") for f in strip_clitic(t.norm) + [t.norm[2:]]):
            if k > 0 and strip_clitic(toks[k - 1].norm)[-1] in word_set("statement_in") \
                    or t.norm.startswith(tuple(word_set("statement_in"))):
                return make_actor(doc, t.start, toks[-1].end)
            if k > 0 and toks[k - 1].norm in word_set("statement_in"):
                return make_actor(doc, t.start, toks[-1].end)
    return None


_STATEMENT_WORDS = 10      # «في بيان لـX ...» before a quote: the statement and its issuer, at most this many words


def _issuer_named_after(toks: list[Token], k: int) -> bool:
    """«بيان لمكتب ...»: the word after the statement noun names its issuer with «لـ» (not «لها», «له»)."""
    return k + 1 < len(toks) and "ل" in toks[k + 1].prefixes and len(toks[k + 1].stem) >= 3


def _attribution_for(doc: Document, mark: QuoteMark, attributions: list[Attribution]) -> Attribution | None:
    _sent, s_start, _s_end = sentence_bounds(doc, mark.open)
    lo = bisect_left(attributions, s_start, key=lambda a: a.cue.start)
    hi = bisect_left(attributions, mark.open, key=lambda a: a.cue.start)
    if hi > lo:
        return attributions[hi - 1]
    if lo > 0 and _opens_with_complementizer(doc, s_start, mark.open) \
            and doc.sentence_at(attributions[lo - 1].cue.start) == _sent - 1:
        return attributions[lo - 1]   # «وقال مصدر عسكري لوكالة فرانس برس. إنّ "..."»: a stray full stop split the clause
    # «"..."، قال X» / «"..." أضاف»: the verb right after the closing mark
    k = bisect_right(attributions, mark.close, key=lambda a: a.cue.start)
    for a in attributions[k:]:
        if a.cue.start > mark.close + 12:
            break
        if not doc.text[mark.close + 1:a.cue.start].strip(" \t،,-–—"):
            return a
    return None


def _opens_with_complementizer(doc: Document, s_start: int, at: int) -> bool:
    """The words of the sentence before `at` are a lone complementizer («إنّ», «أن»)."""
    toks = [t for t in tokens_between(doc, s_start, at) if t.end <= at]
    return len(toks) == 1 and is_complementizer(toks[0])


def _build_quote(doc: Document, mark: QuoteMark, attributions: list[Attribution], memory_last: Actor | None) -> Quote:
    s, e = mark.inner
    text = doc.text[s:e].strip()
    span_start = s + (len(doc.text[s:e]) - len(doc.text[s:e].lstrip()))
    quote = Quote(text=text, span=doc.span(span_start, span_start + len(text)), unclosed=mark.unclosed)
    sent, s_start, _s_end = sentence_bounds(doc, mark.open)
    att = _attribution_for(doc, mark, attributions)
    if att is not None:
        quote.speaker, quote.channel, quote.confidence = att.speaker, att.channel, att.confidence
    else:
        speaker = _colon_speaker(doc, mark, s_start) or _issuer(doc, mark, s_start) \
            or _statement_speaker(doc, mark, s_start)
        if speaker is None:
            according = [c for c in citations_in(doc, s_start, _s_end) if c.kind == "according"]
            speaker = according[0].actor if according else None
        if speaker is None and not doc.text[s_start:mark.open].strip():
            speaker, quote.confidence = memory_last, 0.6     # a quote opening its sentence continues the speaker
        quote.speaker = speaker
    if quote.speaker is None:
        # «وندّد رئيس الوزراء ... بالهجوم، واصفاً إياه بـ«...»»: the sentence's own named subject
        quote.speaker = named_subject_before(doc, s_start, mark.open)
        quote.confidence = min(quote.confidence, 0.6)
    if quote.speaker is None and memory_last is not None:
        quote.speaker, quote.confidence = memory_last, 0.4
    quote.reported_by = claim_sources(doc, mark.open, mark.close, speakers=False)
    if quote.channel is not None:
        name = actor_name(quote.channel)
        if name not in quote.reported_by:
            quote.reported_by.insert(0, name)
    if not quote.reported_by:
        quote.reported_by = list(doc.source.agencies)
    return quote


def _indirect_quotes(doc: Document, attributions: list[Attribution], marks: list[QuoteMark]) -> list[Quote]:
    out = []
    opens = {m.open for m in marks}
    for att in attributions:
        if att.content_end is None:
            continue
        start, end = att.content_start, att.content_end
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and (doc.text[end - 1].isspace() or doc.text[end - 1] in "،,.;؛"):
            end -= 1
        if end - start < 3 or doc.text[start] in QUOTE_CHARS and start in opens:
            continue
        q = Quote(text=doc.text[start:end], span=doc.span(start, end), kind="indirect", speaker=att.speaker,
                  channel=att.channel, confidence=att.confidence)
        q.reported_by = claim_sources(doc, start, end, speakers=False)
        if att.channel is not None and actor_name(att.channel) not in q.reported_by:
            q.reported_by.insert(0, actor_name(att.channel))
        q.reported_by = q.reported_by or list(doc.source.agencies)
        out.append(q)
    return out



# stage contract (rasd.pipeline): the layers this stage reads and the ones it writes
NEEDS = ("entities", "source", "attributions")
ADDS = ("quotes", "reported_speech")

def run(doc: Document) -> None:
    said = layer(doc)
    marks, attributions = said.marks, said.items
    quotes: list[Quote] = []
    for mark in (m for m in marks if m.speech):
        hi = bisect_left(attributions, mark.open, key=lambda a: a.cue.start)
        prior = next((a for a in reversed(attributions[:hi]) if a.speaker is not None), None)
        last = quotes[-1].speaker if quotes and quotes[-1].speaker else None
        if prior is not None and (last is None or (prior.speaker and prior.speaker.span and last.span
                                                   and prior.cue.start > (quotes[-1].span.start if quotes else -1))):
            last = prior.speaker
        quotes.append(_build_quote(doc, mark, attributions, last))
    for q in quotes:
        # the canonical name too: «البيان» is also a place and a newspaper, and an entity naming only the
        # statement noun gives it a canonical name that still names nobody
        if q.speaker is not None and _names_only_a_statement(q.speaker.canonical or q.speaker.text):
            span = q.speaker.span
            noun = _statement_noun_in(doc, q.speaker)
            at = q.span.start if span is None else span.start if noun is None else span.end
            issuer = _issuer_told_before(doc, at, noun) or _last_speaker_before(doc, at)
            if issuer is not None:
                q.speaker.canonical, q.speaker.name_en = issuer.canonical or issuer.text, issuer.name_en
                q.speaker.kb_id = issuer.kb_id
    doc.quotes = quotes
    doc.reported_speech = _indirect_quotes(doc, attributions, marks)


_STATEMENT_REACH = 3     # sentences back to the one that tells who issued «البيان»


def _names_only_a_statement(text: str) -> bool:
    """«البيان», «وجاء في البيان»: the speaker words name the statement and nobody else."""
    words = [w for w in normalize_for_match(text).split() if w not in ("جاء", "وجاء", "في", "وفي")]
    return len(words) == 1 and any((f,) in speech_cues("statement_noun") for f in strip_clitic(words[0]) + [words[0][2:]])


def _statement_noun(t: Token) -> str | None:
    """The statement noun a token is («بياناً», «لبيان», «البيان»), else None."""
    return next((f for f in (*strip_clitic(t.norm), t.stem, t.norm.removesuffix("ا"))
                 if (f,) in speech_cues("statement_noun")), None)


def _statement_noun_in(doc: Document, speaker: Actor) -> str | None:
    """The statement noun the speaker words are («البيان» → «بيان»)."""
    if speaker.span is None:
        return None
    bounds = doc.token_range(speaker.span.start, speaker.span.end)
    return next((n for k in range(bounds[0], bounds[1] + 1) if (n := _statement_noun(doc.tokens[k]))), None) \
        if bounds else None


def _issuer_of(doc: Document, k: int, sent_start: int) -> Entity | Actor | None:
    """Who issued the statement told by token k: «بيان لوزارة الخارجية», «بيان صادر عن X» (named after it),
    «وأفادت الهيئة في بيان لها» (the speaker of the speech verb before it), «أن وزارة الدفاع أصدرت بياناً», «ونعت
    الوزارة، في بيان» (the nearest organisation or person before it in the sentence)."""
    tokens = doc.tokens
    bodies = span_index(doc.entities, span_of, "quotes:entities")
    after = k + 1 + (match_at(tokens, k + 1, speech_cues("issued_by")) if k + 1 < len(tokens) else 0)
    if after < len(tokens) and tokens[after].sentence == tokens[k].sentence \
            and (after > k + 1 or "ل" in tokens[after].prefixes):
        named = next((e for e in bodies.overlapping(tokens[after].start, tokens[after].end)
                      if e.type in ("ORG", "PERSON") and e.span.start <= tokens[after].stem_start), None)
        if named is not None:
            return named
        if after == k + 1 and len(tokens[after].stem) >= 3:
            phrase = _issuer_phrase(doc, tokens, after)
            if phrase is not None:
                return phrase
    said = layer(doc).items
    lo = bisect_left(said, sent_start, key=lambda a: a.cue.start)
    hi = bisect_left(said, tokens[k].start, key=lambda a: a.cue.start)
    frame = next((a for a in reversed(said[lo:hi]) if a.speaker is not None and a.explicit), None)
    since = frame.cue.end if frame is not None else sent_start
    before = [e for e in bodies.overlapping(sent_start, tokens[k].start)
              if e.type in ("ORG", "PERSON") and sent_start <= e.span.start and e.span.end <= tokens[k].start]
    nearest = max(before, key=lambda e: e.span.end) if before else None
    if nearest is not None and nearest.span.start >= since:
        return nearest         # «وذكر سافايا ... أن وزارة الدفاع أصدرت بياناً»: the subject of «أصدرت», not who tells it
    if frame is not None and frame.speaker is not None and not _names_only_a_statement(frame.speaker.text):
        return frame.speaker
    return nearest


def _last_speaker_before(doc: Document, at: int) -> Actor | None:
    """«وأفادت الخارجية السعودية بأن ... ووفق البيان "..."»: when no statement was told, «البيان» is what the
    last named speaker (in its sentence or up to three back) said."""
    here = doc.sentence_at(max(at - 1, 0)) if doc.sentences else 0
    since = doc.sentences[max(here - _STATEMENT_REACH, 0)].start if doc.sentences else 0
    said = layer(doc).items
    hi = bisect_left(said, at, key=lambda a: a.cue.start)
    for att in reversed(said[:hi]):
        if att.cue.start < since:
            break
        if att.speaker is not None and att.explicit \
                and not _names_only_a_statement(att.speaker.canonical or att.speaker.text):
            return att.speaker
    return None


def _issuer_phrase(doc: Document, tokens: list[Token], first: int) -> Actor | None:
    """«بيان لمكتب القائد العام للقوات المسلحة قوله»: the issuer's own words after «لـ», up to a break, a verb, a
    complementizer or «قوله» (at most six words)."""
    j = first
    while j < len(tokens) and j - first < 6 and tokens[j].sentence == tokens[first].sentence:
        t = tokens[j]
        if j > first and (breaks(doc.text[tokens[j - 1].end:t.start]) or is_complementizer(t) or verb_form(t)
                          or (t.norm,) in speech_cues("speech_noun")):
            break
        j += 1
    actor = make_actor(doc, tokens[first].stem_start - (2 if "ال" in tokens[first].prefixes else 0),
                       tokens[j - 1].end)
    if actor is not None and actor.canonical and len(actor.canonical.split()) < len(actor.text.split()):
        actor.canonical = actor.name_en = actor.kb_id = None     # «مكتب» alone is not «مكتب القائد العام»
    return actor


def _issuer_told_before(doc: Document, at: int, noun: str | None) -> Entity | Actor | None:
    """«وأصدرت وزارة الخارجية السعودية بياناً ... وجاء في البيان»: the issuer of the nearest statement told up to
    `at` (in its own sentence or up to three back; the same noun first: «بيان» for «البيان»)."""
    here = doc.sentence_at(max(at - 1, 0))
    for back in range(0, _STATEMENT_REACH + 1):
        s = here - back
        if s < 0:
            break
        sent = doc.sentences[s]
        end = min(sent.end, at)
        bounds = doc.token_range(sent.start, end)
        if bounds is None:
            continue
        nouns = [(k, n) for k in range(bounds[0], bounds[1] + 1)
                 if doc.tokens[k].end <= end and (n := _statement_noun(doc.tokens[k]))]
        told = [k for k, n in nouns if n == noun] or [k for k, _n in nouns]
        for k in reversed(told):
            issuer = _issuer_of(doc, k, sent.start)
            if issuer is not None:
                return issuer
    return None

