"""Paragraphs and sentences, in offsets of the original text.

Paragraphs are runs of lines joined across hard wraps (rasd.text.wraps). Sentences end at . ! ? ؟ ؛ …
and at paragraph ends, but not
  - in a number (3.5; the Arabic decimal separator ٫ is not a full stop anyway),
  - after an abbreviation or an initial (د. م. ص. ق.م, data/abbreviations.txt; any single letter),
  - inside a quotation «...», “...”, "...": a quote that runs over several sentences stays inside one
    sentence, so that the quote and its speaker («وقال ... "..."») are seen together. Only a quotation
    longer than MAX_QUOTE_CHARS is split at its sentence ends, since an unclosed or runaway quote mark
    must not swallow the rest of the article.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasd.document import Sentence, Span
from rasd.text.datafiles import data_lines
from rasd.text.wraps import paragraph_line_groups

TERMINATORS = ".!?؟؛…"
OPENING_QUOTES = {"«": "»", "“": "”", "„": "”"}
STRAIGHT_QUOTE = '"'
MAX_QUOTE_CHARS = 600
_WORD_CHAR = re.compile(r"[\w.ـ]")
# the characters `_sentence_ends` acts on (terminators, opening and closing quote marks); it skips to the next
_MARKS = re.compile("[" + re.escape(TERMINATORS + "".join(OPENING_QUOTES) + "".join(OPENING_QUOTES.values())
                                    + STRAIGHT_QUOTE) + "]")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(a.rstrip(".").replace("ـ", "") for a in data_lines("abbreviations.txt"))


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blank lines and real line breaks separate them, hard wraps do not."""
    return [Span(start=s, end=e, text=text[s:e]) for s, e in paragraph_line_groups(text)]


def _is_decimal_point(text: str, i: int) -> bool:
    return text[i] in ".," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _is_abbreviation(text: str, i: int, start: int) -> bool:
    """Is the «.» at i the dot of an abbreviation or initial (the word right before it)?"""
    if text[i] != ".":
        return False
    # the run of word characters, dots and tatweel that ends at i (not before `start`), found backwards:
    # a regex search for it from `start` tried every position of the paragraph at each dot (issue 16)
    j = i
    while j > start and _WORD_CHAR.match(text, j - 1):
        j -= 1
    if j == i:
        return False
    word = text[j:i].replace("ـ", "").strip(".")
    if len(word) == 1 and word.isalpha():
        return True
    return word in abbreviations()


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence end in text[start:end] (the last one is `end`)."""
    ends: list[int] = []
    closer: str | None = None      # the quote mark that would close the open quotation
    quote_start = 0
    i = start
    while i < end:
        m = _MARKS.search(text, i, end)     # (every other character is passed over)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if closer is not None and ch == closer:
            closer = None
            # «... انتهى.» ends the sentence after the closing mark
            j = i - 1
            while j > start and text[j].isspace():
                j -= 1
            if text[j] in TERMINATORS and not _is_abbreviation(text, j, start):
                ends.append(i + 1)
        elif closer is None and (ch in OPENING_QUOTES or ch == STRAIGHT_QUOTE):
            closer, quote_start = OPENING_QUOTES.get(ch, STRAIGHT_QUOTE), i
        elif ch in TERMINATORS and (closer is None or i - quote_start > MAX_QUOTE_CHARS):
            if not _is_decimal_point(text, i) and not _is_abbreviation(text, i, start):
                k = i + 1
                while k < end and text[k] in TERMINATORS:   # «؟!» and «...» end once
                    k += 1
                ends.append(k)
                i = k
                continue
        i += 1
    if not ends or ends[-1] < end:
        ends.append(end)
    return ends


def split_sentences(text: str, paragraphs: list[Span]) -> list[Sentence]:
    """Sentences of every paragraph, trimmed of surrounding white space."""
    out: list[Sentence] = []
    for p_i, para in enumerate(paragraphs):
        start = para.start
        for stop in _sentence_ends(text, para.start, para.end):
            s, e = start, stop
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e and any(c.isalnum() for c in text[s:e]):
                out.append(Sentence(start=s, end=e, text=text[s:e], paragraph=p_i))
            elif out and s < e and out[-1].paragraph == p_i:
                # a stray «.» or quote mark after a sentence belongs to it
                last = out[-1]
                out[-1] = Sentence(start=last.start, end=e, text=text[last.start:e], paragraph=p_i)
            start = stop
    return out
