"""Cue tables of the attribution stages (sources, attribution, quotes, relations) and matching them on tokens.

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


@lru_cache(maxsize=None)
def word_set(kind: str) -> frozenset[str]:
    """The one-word cues of one kind of `speech_cues.tsv`, as normalised strings («في», «قد», «الذي»)."""
    return frozenset(" ".join(words) for words in speech_cues(kind))


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


@lru_cache(maxsize=32_768)
def clitic_readings(norm: str) -> tuple[str, ...]:
    """`strip_clitic(norm)` as a tuple, kept per word: asked at every token by `match_at` and the relation cues
    (issue 16)."""
    return tuple(strip_clitic(norm))


def word_is(norm: str, words: Iterable[str], clitic: bool = True) -> bool:
    wanted = set(words)
    return any(form in wanted for form in (strip_clitic(norm) if clitic else [norm]))


@lru_cache(maxsize=64)
def _by_first_word(phrases: frozenset[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases indexed by their first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for ph in phrases:
        if ph:
            index.setdefault(ph[0], []).append(ph)
    return {w: tuple(sorted(phs, key=len, reverse=True)) for w, phs in index.items()}


def match_at(tokens: Sequence[Token], i: int, phrases: Iterable[tuple[str, ...]],
             clitic: bool = True) -> int:
    """Number of tokens of the longest phrase starting at token `i` (0 when none does).

    The phrases are indexed by first word (once per phrase set), and the token's clitic readings are
    computed once, so a call costs a few dictionary lookups whatever the size of the table."""
    if i >= len(tokens):
        return 0
    index = _by_first_word(phrases if isinstance(phrases, frozenset) else frozenset(phrases))
    best = 0
    for first in (clitic_readings(tokens[i].norm) if clitic else (tokens[i].norm,)):
        for ph in index.get(first, ()):
            n = len(ph)
            if n <= best:
                break
            if i + n <= len(tokens) and all(tokens[i + k].norm == ph[k] for k in range(1, n)):
                best = n
                break
    return best
