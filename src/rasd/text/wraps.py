"""Hard line wraps: telling a newline inside a sentence from a real paragraph break.

Some sources break lines mid-sentence («... مسلحون إسلاميون على\\nحلب .»). The text is never changed: a
wrap only means that the paragraph (a Span) runs across the newline. A line break is a wrap when the line
before it has no sentence-final punctuation and some sign says the sentence goes on: the line ends with a
preposition, conjunction or similar word (data/wrap_words.tsv), the next line starts with a continuation
(a lone «.» or «،», a relative pronoun, a word carrying a preposition such as «لسحق»), or the text is
hard-wrapped at a fixed width and this line is as long as the others. Furniture lines (captions, read-also
links) are never joined.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasd.text.datafiles import data_rows
from rasd.text.furniture import furniture_label
from rasd.text.normalize import normalize_for_match

SENTENCE_FINAL = ".!?؟؛…:"
CLOSING = "\"'»”)]"
CONTINUATION_PUNCT = ".،,؛;:)»”"
FIXED_WIDTH_MAX = 100       # texts whose longest line is this short are candidates for fixed-width wrapping
FIXED_WIDTH_SHARE = 0.8     # ... and a line at least this share of that width is wrapped
_LAST_WORD = re.compile(r"(\w+)\W*$")
# the same word read from the line's end: a search for `_LAST_WORD` tries it at every offset of the line and
# runs each try to the next word (a paragraph line took 10 µs; issue 16)
_LAST_WORD_REVERSED = re.compile(r"\W*(\w+)")
_FIRST_WORD = re.compile(r"^\W*(\w+)")
# A sentence does not start with a preposition clitic on a content word (لسحق, بحسب is fine mid-sentence),
# except for these lexicalised sentence openers.
_PREP_CLITICS = ("ل", "ب", "ك")
_SENTENCE_OPENERS = frozenset(normalize_for_match(w) for w in (
    "لقد", "لكن", "لكنه", "لذلك", "لم", "لن", "لا", "لعل", "ليس", "كما", "كان", "كانت", "بعد", "بينما",
    "بسبب", "بحسب", "بدوره", "بدورها", "كذلك", "لهذا", "لماذا", "كيف", "لدى", "بل"))


@lru_cache(maxsize=1)
def _wrap_words() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {"end": set(), "start": set()}
    for row in data_rows("wrap_words.tsv"):
        words[row["where"]].add(normalize_for_match(row["word"]))
    return {k: frozenset(v) for k, v in words.items()}


def ends_sentence(line: str) -> bool:
    """Does the line end with sentence-final punctuation (possibly followed by a closing quote/bracket)?"""
    s = line.rstrip().rstrip(CLOSING).rstrip()
    return bool(s) and s[-1] in SENTENCE_FINAL


def _starts_with_prep_clitic(word: str) -> bool:
    from rasd.text.tokens import segment
    _norm, prefixes, _stem, _suffix, _s, _e = segment(word)
    return bool(prefixes) and prefixes[0] in _PREP_CLITICS and normalize_for_match(word) not in _SENTENCE_OPENERS


def last_word(line: str) -> str | None:
    """The line's last run of word characters (what `_LAST_WORD` finds), or None."""
    m = _LAST_WORD_REVERSED.match(line[::-1])
    return m.group(1)[::-1] if m else None


def is_wrap(line: str, next_line: str, width: int = 0) -> bool:
    """Is the newline between `line` and `next_line` a hard wrap inside a sentence?

    `width` is the longest line length of the text (0 if unknown), used to detect fixed-width wrapping.
    """
    if not line.strip() or not next_line.strip() or ends_sentence(line):
        return False
    if furniture_label(line) or furniture_label(next_line):
        return False
    nxt = next_line.lstrip()
    if nxt[0] in CONTINUATION_PUNCT:
        return True
    words = _wrap_words()
    last = last_word(line)
    if last and normalize_for_match(last) in words["end"]:
        return True
    first = _FIRST_WORD.match(nxt)
    if first and (normalize_for_match(first.group(1)) in words["start"] or _starts_with_prep_clitic(first.group(1))):
        return True
    return 0 < width <= FIXED_WIDTH_MAX and len(line.rstrip()) >= FIXED_WIDTH_SHARE * width


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`, without its newline."""
    spans, start = [], 0
    for m in re.finditer(r"\r?\n|\r", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def paragraph_line_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of non-blank lines joined across hard wraps."""
    lines = [(s, e) for s, e in line_spans(text)]
    width = max((e - s for s, e in lines), default=0)
    groups: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    prev_line = ""
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            _close(groups, current)
            current, prev_line = None, ""
            continue
        if current is not None and is_wrap(prev_line, line, width):
            current = (current[0], e)
        else:
            _close(groups, current)
            current = (s, e)
        prev_line = line
    _close(groups, current)
    return groups


def _close(groups: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
    if current is not None:
        groups.append(current)
    return None
