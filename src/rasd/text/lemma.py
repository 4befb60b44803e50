"""A conservative light stemmer: a matching key for verbs and nouns whose inflections differ.

`light_stem` strips one inflection suffix and one imperfect prefix (data/light_affixes.tsv) from a token's
stem so that an events stage can match trigger lemmas: قصف, يقصف, قصفت, القصف, قصفوا all give «قصف».
It never leaves fewer letters than the row's min_rest, so short words stay as they are (قتل, يوم).
"""
from __future__ import annotations

from functools import lru_cache

from rasd.text.datafiles import data_rows
from rasd.text.normalize import normalize_for_match


@lru_cache(maxsize=1)
def _affixes() -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    prefixes: list[tuple[str, int]] = []
    suffixes: list[tuple[str, int]] = []
    for row in data_rows("light_affixes.tsv"):
        entry = (normalize_for_match(row["affix"]), int(row["min_rest"]))
        (prefixes if row["position"] == "prefix" else suffixes).append(entry)
    by_length = lambda e: -len(e[0])  # noqa: E731 - longest affix first
    return tuple(sorted(prefixes, key=by_length)), tuple(sorted(suffixes, key=by_length))


@lru_cache(maxsize=32_768)
def light_stem(stem: str) -> str:
    """Matching key of a (clitic-free, normalised or not) stem: «يقصفون» → «قصف», «قصفت» → «قصف»."""
    word = normalize_for_match(stem)
    prefixes, suffixes = _affixes()
    for suffix, min_rest in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_rest:
            word = word[: len(word) - len(suffix)]
            break
    for prefix, min_rest in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= min_rest:
            word = word[len(prefix):]
            break
    return word
