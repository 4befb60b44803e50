"""Stage `attribution`: who says what, computed once per document before events and quotes read it.

Adds `doc.attributions` (not exported):
- `marks`: the quotation marks of the text, each flagged when it sets off a name rather than speech
  (`marks.py`);
- `items`: every speech verb that frames content, with its speaker and channel and the content it covers
  (`speakers.py`): a named subject after or before the verb, a pronoun subject carried from the last speaker of
  its gender and number, «نقلت X عن Y» (X the channel, Y the speaker), «لرويترز» (a channel);
- `citations`: the sources each sentence cites: agencies and monitors it names (`data/agencies.tsv`) and
  «بحسب/وفق X» sources.

`reported_by_for_span(doc, start, end)` answers, from the layer, which sources a claim is reported by: the
citations of its sentence(s), the speaker whose verb frames it, else the article's agencies. The events stage
calls it for `Event.reported_by`; the quotes stage builds quotes from the same layer.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from rasd.document import Actor, Attributions, Citation, Document
from rasd.extract.agencies import find_agencies
from rasd.extract.cues import match_at, speech_cues, word_set
from rasd.extract.marks import MarkIndex, _find_quote_marks, is_a_name, is_name_not_speech
from rasd.extract.speakers import find_attributions
from rasd.extract.speech import (breaks, is_complementizer, make_actor, stop_phrase_at, tokens_between,
                                 verb_form, verb_with_object)
from rasd.text.normalize import normalize_for_match


# stage contract (rasd.pipeline): the layers this stage reads and the ones it writes
NEEDS = ("entities", "agents", "source")
ADDS = ("attributions",)


def run(doc: Document) -> None:
    marks = _find_quote_marks(doc)
    for k, m in enumerate(marks):
        m.name = is_name_not_speech(doc, m, marks[max(0, k - 8):k])   # the marks of its sentence, at most
        m.speech = bool(doc.text[m.inner[0]:m.inner[1]].strip()) and not m.name and not is_a_name(doc, m)
    doc.attributions = Attributions(marks=marks)
    doc.attributions.items = find_attributions(doc, marks)
    doc.attributions.citations = _citations(doc, MarkIndex(marks))


def layer(doc: Document) -> Attributions:
    """The document's attribution layer (computed here when the stage has not run: `stages=["events"]`)."""
    if doc.attributions is None:
        run(doc)
    assert doc.attributions is not None
    return doc.attributions


def actor_name(actor: Actor) -> str:
    return actor.name_en or actor.canonical or actor.text


# --- citations ----------------------------------------------------------------------------------------------

def _sentences(doc: Document) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]


def _citations(doc: Document, index: MarkIndex) -> list[Citation]:
    out: list[Citation] = []
    for k, (start, end) in enumerate(_sentences(doc)):
        for mention in find_agencies(doc.text[start:end]):
            out.append(Citation(span=doc.span(start + mention.start, start + mention.end), name=mention.name_en,
                                kind="agency", sentence=k))
        for actor, name in _according_sources(doc, start, end, index):
            assert actor.span is not None
            out.append(Citation(span=actor.span, name=name, kind="according", sentence=k, actor=actor))
    return out


def _according_sources(doc: Document, start: int, end: int, index: MarkIndex) -> list[tuple[Actor, str]]:
    """(actor, reported_by name) for each «بحسب X» / «وفق X» / «أفادت X» source between start and end."""
    tokens = [t for t in tokens_between(doc, start, end) if not index.inside(t.start)]
    out: list[tuple[Actor, str]] = []
    k = 0
    while k < len(tokens):
        n = match_at(tokens, k, speech_cues("according"))
        if not n:
            k += 1
            continue
        j = k + n
        while j < len(tokens) and tokens[j].norm in word_set("according_link"):
            j += 1
        if j < len(tokens) and verb_form(tokens[j]):
            j += 1                                   # «وفق ما أعلن مسؤول محلي»
        elif j < len(tokens) and verb_with_object(tokens[j]):
            k = j + 1                                # «احتجاجا على ما وصفوه بـ"..."»: the verb's subject is a
            continue                                 # pronoun, and «على ما» no «according to»
        first = j
        while j < len(tokens) and j - first < 6:
            if j > first and breaks(doc.text[tokens[j - 1].end:tokens[j].start]):
                break
            if is_complementizer(tokens[j]) or verb_form(tokens[j]) or (
                    j > first and stop_phrase_at(tokens, j)):
                break
            j += 1
        if j > first:
            actor = make_actor(doc, tokens[first].start, tokens[j - 1].end)
            mentions = find_agencies(doc.text[tokens[first].start:tokens[j - 1].end])
            mention = mentions[0] if mentions else None
            if actor is not None:
                if mention:
                    actor.name_en = actor.name_en or mention.name_en
                out.append((actor, mention.name_en if mention else actor_name(actor)))
        k = max(j, k + 1)
    return out


def citations_in(doc: Document, start: int, end: int) -> list[Citation]:
    """The citations of the sentences that [start, end) covers: their agencies first, then «بحسب X» sources."""
    cites = layer(doc).citations
    if doc.sentences:
        a, b = doc.sentence_at(start), doc.sentence_at(max(start, end - 1))
    else:
        a = b = 0
    lo = bisect_left(cites, a, key=lambda c: c.sentence)
    hi = bisect_right(cites, b, key=lambda c: c.sentence)
    chosen = cites[lo:hi]
    return [c for c in chosen if c.kind == "agency"] + [c for c in chosen if c.kind == "according"]


def _sentence_range(doc: Document, start: int, end: int) -> tuple[int, int]:
    if not doc.sentences:
        return 0, len(doc.text)
    a, b = doc.sentence_at(start), doc.sentence_at(max(start, end - 1))
    return doc.sentences[a].start, doc.sentences[b].end


def claim_sources(doc: Document, start: int, end: int, speakers: bool = True) -> list[str]:
    """Names of the sources of a claim at [start, end): its sentences' citations and (when `speakers`) the
    speaker whose verb frames it in its sentence; a name contained in another is dropped."""
    names = [c.name for c in citations_in(doc, start, end)]
    if speakers:
        s_start, s_end = _sentence_range(doc, start, end)
        items = layer(doc).items
        lo = bisect_left(items, s_start, key=lambda a: a.cue.start)
        for att in items[lo:]:
            if att.cue.start >= s_end or att.cue.start > start:
                break
            if att.speaker is not None and att.content_start <= start + 1:
                names.append(actor_name(att.speaker))
    seen: list[str] = []
    for n in names:
        if n not in seen and not any(n != o and normalize_for_match(n) in normalize_for_match(o) for o in names):
            seen.append(n)
    return seen


def reported_by_for_span(doc: Document, start: int, end: int) -> list[str]:
    """The sources a claim at [start, end) is reported by: agencies, monitors, «بحسب/وفق X», the speaker who
    frames it in its sentence; the article's agencies when the sentence names none. For the events stage."""
    return claim_sources(doc, start, end) or list(doc.source.agencies)
