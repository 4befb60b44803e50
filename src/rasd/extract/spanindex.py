"""Spans of a layer indexed by start, for the «which items overlap this span» questions asked per token,
per match or per trigger. Scanning the whole layer for each question made long articles quadratic (issue 16);
the index answers from the items starting within the longest item's length of the span.

`span_index(items, key)` keeps the index of the list it was last asked about for each key (strong reference,
rebuilt when the list object changes or its length does): build once per document, reuse for every question.
The items' spans must not move while the index is in use; every caller here reads layers a stage has finished.
Answers come in the list's own order, so code that takes the first hit is unchanged.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from operator import is_, sub
from typing import Any, Callable

Key = Callable[[Any], tuple[int, int]]


class SpanIndex:
    def __init__(self, items: list, key: Key) -> None:
        # (the starts and ends split, the order test and the longest span by C-level calls rather than a
        # Python callback or step per item: ~20 indexes of ~100 items an article, ~1%; issue 16)
        if key is span_of:      # (the common key: attribute reads in comprehensions, no call per item; 2x faster)
            spans = [x.span for x in items]
            starts, ends = [s.start for s in spans], [s.end for s in spans]
        else:
            starts, ends = (list(column) for column in zip(*map(key, items))) if items else ([], [])
        self.longest = max(map(sub, ends, starts), default=0)
        self.items = items
        # most layers are already in text order: then a slice of the list is the answer in list order
        self.in_order = starts == sorted(starts)
        if self.in_order:
            # (no order kept: `overlapping` answers with a slice of the items. A list of every index was ~5 MB of
            # ints for the layers of an 80,000-word article; memory, issue 16)
            self.order: list[int] = []
            self.starts = starts
        else:       # (a stable sort of the indices by start, as of the items)
            self.order = sorted(range(len(items)), key=starts.__getitem__)
            self.starts = [starts[k] for k in self.order]

    def overlapping(self, start: int, end: int) -> list:
        """Candidates for items with item.start < end and start < item.end (callers re-check the exact
        condition), in list order: those starting in (start - longest, end)."""
        lo = bisect_left(self.starts, start - self.longest + 1)
        hi = bisect_left(self.starts, end)
        if hi - lo <= 0:
            return []
        if self.in_order:
            return self.items[lo:hi]
        return [self.items[k] for k in sorted(self.order[lo:hi])]


_CACHE: dict[str, tuple[list, int, SpanIndex]] = {}


def span_index(items: list, key: Key, name: str) -> SpanIndex:
    """The index of `items` under `name` (one entry per name), rebuilt if `items` is another list or grew."""
    hit = _CACHE.get(name)
    if hit is not None and hit[0] is items and hit[1] == len(items):
        return hit[2]
    index = SpanIndex(items, key)
    _CACHE[name] = (items, len(items), index)
    return index


_MEMOS: dict[str, tuple[tuple, tuple, dict]] = {}


def document_memo(name: str, objects: tuple, lists: tuple) -> dict:
    """A dict for answers computed from `objects` (the document, its text ...) and `lists` (its layers), one
    per `name`: the same dict while every one of them is the same object and every list the same length, a
    new one otherwise (another document, or a layer replaced or grown). For questions asked again with the
    same arguments, per trigger of a sentence (issue 16). Callers store only what they read, or hand out
    copies."""
    # (compared by identity, `is` over the pairs: the objects are kept with the memo; asked ~500 times an
    # article, where building and comparing tuples of ids cost 2 µs a question; objects and lists kept as one
    # tuple, compared in one pass: ~0.8 µs less a question than two; issue 16)
    hit = _MEMOS.get(name)
    if hit is not None:
        both = objects + lists
        if len(hit[0]) == len(both) and all(map(is_, hit[0], both)) and hit[1] == tuple(map(len, lists)):
            return hit[2]
    memo: dict = {}
    _MEMOS[name] = (objects + lists, tuple(map(len, lists)), memo)
    return memo


_SENT: list = [None, -1, None]


def _sentence_numbers(tokens: list) -> list[int] | None:
    """The tokens' sentence numbers, built once per token list; None if they were not in order."""
    if not (_SENT[0] is tokens and _SENT[1] == len(tokens)):
        numbers = [t.sentence for t in tokens]
        _SENT[:] = [tokens, len(tokens), numbers if all(a <= b for a, b in zip(numbers, numbers[1:])) else None]
    return _SENT[2]


def sentence_tokens(tokens: list, sentence: int) -> list:
    """The tokens whose `.sentence` is `sentence`, in order: by bisection on the tokens' sentence numbers
    (built once per token list), instead of a scan of every token per question (issue 16). Falls back to
    the scan if the numbers were not in order."""
    numbers = _sentence_numbers(tokens)
    if numbers is None:
        return [t for t in tokens if t.sentence == sentence]
    return tokens[bisect_left(numbers, sentence):bisect_left(numbers, sentence + 1)]


def sentence_token_range(tokens: list, sentence: int) -> tuple[int, int]:
    """(lo, hi): the indices of `sentence`'s tokens are lo .. hi - 1 (lo == hi when it has none), by the same
    bisection as `sentence_tokens`; a scan if the sentence numbers were not in order."""
    numbers = _sentence_numbers(tokens)
    if numbers is None:
        inside = [k for k, t in enumerate(tokens) if t.sentence == sentence]
        return (inside[0], inside[-1] + 1) if inside else (0, 0)
    return bisect_left(numbers, sentence), bisect_left(numbers, sentence + 1)


_PEOPLE: list = [None, -1, None]


def person_spans(entities: list) -> set[tuple[int, int]]:
    """(start, end) of the PERSON entities, computed once per entities list (it was rebuilt per trigger)."""
    if not (_PEOPLE[0] is entities and _PEOPLE[1] == len(entities)):
        _PEOPLE[:] = [entities, len(entities), {(e.span.start, e.span.end) for e in entities if e.type == "PERSON"}]
    return _PEOPLE[2]


_BOUNDS: list = [None, -1, None, None]


def token_bounds(tokens: list) -> tuple[list[int], list[int]]:
    """(starts, ends) of a token list, built once per list: tokens are in text order and do not overlap,
    so both are sorted and «the tokens inside [a, b)» is two bisections instead of a scan (issue 16)."""
    if not (_BOUNDS[0] is tokens and _BOUNDS[1] == len(tokens)):
        _BOUNDS[:] = [tokens, len(tokens), [t.start for t in tokens], [t.end for t in tokens]]
    return _BOUNDS[2], _BOUNDS[3]


def span_of(x) -> tuple[int, int]:
    """The key of an item with a `.span`: (start, end). `SpanIndex` reads it without calling it."""
    return x.span.start, x.span.end


def starting_in(items: list, name: str, lo: int, hi: int) -> list:
    """The items of `items` (objects with a `.span`) whose span starts in [lo, hi), in list order: the
    items whose span overlaps [lo - 1, hi) by the index, then the exact condition."""
    return [x for x in span_index(items, span_of, name).overlapping(lo - 1, hi) if lo <= x.span.start < hi]


class GrowingIndex:
    """A span index over a list that a loop appends to while it asks questions: `add` keeps the index
    sorted (one insertion) where `span_index` would rebuild it after every append (quadratic, issue 16).
    Answers come in list order, like `SpanIndex.overlapping`."""

    def __init__(self, items: list, key: Key) -> None:
        self.key = key
        self.items = items
        self.entries: list[tuple[int, int]] = sorted((key(x)[0], k) for k, x in enumerate(items))
        self.longest = max((e - s for s, e in map(key, items)), default=0)

    def add(self, item) -> None:
        """Append `item` to the list and to the index."""
        self.items.append(item)
        start, end = self.key(item)
        insort(self.entries, (start, len(self.items) - 1))
        self.longest = max(self.longest, end - start)

    def overlapping(self, start: int, end: int) -> list:
        """Candidates for items overlapping [start, end) (callers re-check): those starting in (start - longest, end)."""
        lo = bisect_left(self.entries, (start - self.longest + 1, -1))
        hi = bisect_left(self.entries, (end, -1))
        return [self.items[k] for k in sorted(k for _s, k in self.entries[lo:hi])]
