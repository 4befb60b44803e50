"""Cue tables of the attribution stages (sources, quotes, relations) and matching them on tokens.

The tables are TSV files under `extract/data/` (a header comment says what a row means). Cues are
compared after `normalize_for_match`, word by word, and a single leading clitic (و ف ب ل ك) or «لل»
on the first word is allowed, so «وبحسب» and «لوكالة» match the cues «بحسب» and «وكالة».
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from rasd.document import Token
from rasd.text.normalize import normalize_for_match

DATA = Path(__file__).parent / "data"
CLITICS = "وفبلك"


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a data file as dicts; `#` lines are comments, the first other line is the header."""
    with open(DATA / name, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def phrase(text: str) -> tuple[str, ...]:
    return tuple(normalize_for_match(text).split())


@lru_cache(maxsize=None)
def speech_cues(kind: str) -> frozenset[tuple[str, ...]]:
    """Normalised word tuples of one kind of `speech_cues.tsv`."""
    return frozenset(phrase(r["cue"]) for r in read_tsv("speech_cues.tsv") if r["kind"] == kind)


def strip_clitic(norm: str) -> list[str]:
    """The word itself and its readings without one leading clitic («وبحسب» → «بحسب», «للجيش» → «الجيش»)."""
    out = [norm]
    if len(norm) > 2 and norm[0] in CLITICS:
        out.append(norm[1:])
    if len(norm) > 3 and norm[:2] in ("وب", "ول", "فب", "فل", "وك"):
        out.append(norm[2:])
    if len(norm) > 3 and norm.startswith("لل"):
        out.append("ال" + norm[2:])
    return out


def word_is(norm: str, words: Iterable[str], clitic: bool = True) -> bool:
    wanted = set(words)
    return any(form in wanted for form in (strip_clitic(norm) if clitic else [norm]))


def match_at(tokens: Sequence[Token], i: int, phrases: Iterable[tuple[str, ...]],
             clitic: bool = True) -> int:
    """Number of tokens of the longest phrase starting at token `i` (0 when none does)."""
    best = 0
    for ph in phrases:
        n = len(ph)
        if n <= best or i + n > len(tokens):
            continue
        first = strip_clitic(tokens[i].norm) if clitic else [tokens[i].norm]
        if ph[0] in first and all(tokens[i + k].norm == ph[k] for k in range(1, n)):
            best = n
    return best
