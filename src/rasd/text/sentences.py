"""Paragraphs and sentences (v0: to be replaced by the wrap-aware segmenter)."""
from __future__ import annotations

import re

from rasd.document import Sentence, Span

_PARA = re.compile(r"\n\s*\n|\n")
_END = re.compile(r"[.؟?!؛]+(?=\s|$)")


def split_paragraphs(text: str) -> list[Span]:
    spans, start = [], 0
    for m in _PARA.finditer(text):
        if text[start:m.start()].strip():
            spans.append(Span(start=start, end=m.start(), text=text[start:m.start()]))
        start = m.end()
    if text[start:].strip():
        spans.append(Span(start=start, end=len(text), text=text[start:]))
    return spans


def split_sentences(text: str, paragraphs: list[Span]) -> list[Sentence]:
    out: list[Sentence] = []
    for p_i, para in enumerate(paragraphs):
        start = para.start
        for m in _END.finditer(text, para.start, para.end):
            if text[start:m.end()].strip():
                out.append(Sentence(start=start, end=m.end(), text=text[start:m.end()], paragraph=p_i))
            start = m.end()
            while start < para.end and text[start].isspace():
                start += 1
        if text[start:para.end].strip():
            out.append(Sentence(start=start, end=para.end, text=text[start:para.end], paragraph=p_i))
    return out
