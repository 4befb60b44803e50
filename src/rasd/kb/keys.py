"""Match keys: how a name (place, actor alias, nisba) is turned into the string the matcher looks up.

A key is the `normalize_for_match` form of the name's words joined by single spaces, so that
«دير الزّور» and «دير  الزور» give the same key as the tokens of the text. Word boundaries are the
tokenizer's: runs of word characters.
"""
from __future__ import annotations

import re

from rasd.text.normalize import normalize_for_match

_WORDS = re.compile(r"\w+", re.UNICODE)
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]+$")


def name_key(name: str) -> str:
    """«محافظة دير الزور» → «محافظه دير الزور»."""
    return " ".join(_WORDS.findall(normalize_for_match(name)))


def is_arabic_key(key: str) -> bool:
    """True when the key uses only the Arabic letters left after normalisation (no Persian/Urdu letters)."""
    return bool(_ARABIC_ONLY.match(key))


def without_article(key: str) -> str | None:
    """«الحسكه» → «حسكه»; None when the first word has no article or too little is left."""
    if key.startswith("ال") and len(key.split(" ", 1)[0]) >= 5:
        return key[2:]
    return None
