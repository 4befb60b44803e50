"""What to mark in an evidence sentence: the event's trigger, actors, place and the numbers in it.

The extracted Event keeps its spans in offsets of the whole article; the page shows only the evidence
sentence, so each span is moved to offsets of that sentence. Spans outside the sentence are left out,
and overlapping ones are resolved by priority (trigger first) so the page can mark plain, nested-free runs.
"""
from __future__ import annotations

from rasd.api.schemas import Highlight, HighlightKind
from rasd.document import Event, Span
from rasd.store import MentionOut

# when two spans overlap, the earlier kind in this list wins
PRIORITY = ("trigger", "place", "actor1", "actor2", "number")


def _relative(kind: HighlightKind, span: Span | None, evidence: str, offset: int) -> Highlight | None:
    if span is None:
        return None
    start, end = span.start - offset, span.end - offset
    if start < 0 or end > len(evidence) or start >= end:
        return None
    return Highlight(kind=kind, start=start, end=end, text=evidence[start:end])


def _numbers(evidence: str) -> list[Highlight]:
    from rasd.text.numbers import find_numbers
    return [Highlight(kind="number", start=n.span.start, end=n.span.end, text=n.span.text)
            for n in find_numbers(evidence) if not n.is_year]


def _without_overlaps(marks: list[Highlight]) -> list[Highlight]:
    kept: list[Highlight] = []
    for mark in sorted(marks, key=lambda m: PRIORITY.index(m.kind)):
        if all(mark.end <= k.start or mark.start >= k.end for k in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m.start)


def evidence_highlights(mention: MentionOut, event: Event | None) -> list[Highlight]:
    """Highlights in offsets of `mention.evidence`, sorted, never overlapping."""
    evidence, offset = mention.evidence, mention.evidence_start
    marks: list[Highlight | None] = []
    if event is not None:
        marks += [_relative("trigger", event.trigger, evidence, offset),
                  _relative("actor1", event.actor1.span if event.actor1 else None, evidence, offset),
                  _relative("actor2", event.actor2.span if event.actor2 else None, evidence, offset),
                  _relative("place", event.place.span if event.place else None, evidence, offset)]
    else:   # no stored event: at least find the trigger word in the sentence
        start = evidence.find(mention.trigger) if mention.trigger else -1
        if start >= 0:
            marks.append(Highlight(kind="trigger", start=start, end=start + len(mention.trigger),
                                   text=mention.trigger))
    marks += _numbers(evidence)
    return _without_overlaps([m for m in marks if m is not None])
