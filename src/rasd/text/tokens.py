"""Tokenisation with clitic segmentation, preserving offsets into the original text.

v0: a conservative rule-based splitter (to be replaced by the lexicon-guided segmenter).
"""
from __future__ import annotations

import re

from rasd.document import Token
from rasd.text.normalize import normalize_for_match

_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+", re.UNICODE)


def _split(norm: str) -> tuple[list[str], str]:
    prefixes: list[str] = []
    rest = norm
    if len(rest) > 3 and rest[0] in "وف":
        prefixes.append(rest[0])
        rest = rest[1:]
    if len(rest) > 4 and rest.startswith("لل"):
        prefixes += ["ل", "ال"]
        return prefixes, rest[2:]
    if len(rest) > 4 and rest[0] in "بلك" and rest[1:3] == "ال":
        prefixes += [rest[0], "ال"]
        return prefixes, rest[3:]
    if len(rest) > 4 and rest.startswith("ال"):
        prefixes.append("ال")
        return prefixes, rest[2:]
    return prefixes, rest


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in _WORD.finditer(text):
        surface = m.group()
        norm = normalize_for_match(surface)
        prefixes, stem = _split(norm)
        # offsets of the stem: count characters of the normalised prefix back in the surface
        cut = len(norm) - len(stem)
        seen = 0
        stem_start = m.start()
        for i, ch in enumerate(surface):
            if seen == cut:
                stem_start = m.start() + i
                break
            if normalize_for_match(ch):
                seen += 1
        tokens.append(Token(start=m.start(), end=m.end(), text=surface, norm=norm, stem=stem,
                            stem_start=stem_start, stem_end=m.end(), prefixes=prefixes))
    return tokens
