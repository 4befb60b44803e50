"""Matching normalisation for Arabic, kept apart from the original text.

`normalize_for_match` folds the letters that writers use interchangeably (hamza forms of alef,
alef maqsura, taa marbuta), drops diacritics and tatweel, and maps Eastern Arabic / Persian digits
to ASCII. `normalize_with_offsets` does the same and also returns, for every character of the
normalised string, the offset of the original character it came from, so that a match found in
normalised text maps back to the original.
"""
from __future__ import annotations

import re
import unicodedata

# Harakat, Quranic marks, superscript alef, tatweel: dropped entirely.
_DROP = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e\ufeff]")

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ھ": "ه",
    "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ڪ": "ك",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
}
_FOLD_TABLE = str.maketrans(_FOLD)
# `str.translate` with a dict looks up every character (an int object and a failed lookup for each Arabic
# letter it keeps): ~240 µs for a 5,000-character text. A long string is folded by a search for the folded
# characters instead, each replaced by its one character (~90 µs); the same string (issue 16)
_FOLD_CHARS = re.compile("[" + "".join(re.escape(ch) for ch in _FOLD) + "]")
_FOLD_SEARCH_LEN = 64


def _folded_char(m: re.Match[str]) -> str:
    return _FOLD[m.group()]


def _fold(text: str) -> str:
    """`text.translate(_FOLD_TABLE)`."""
    if len(text) < _FOLD_SEARCH_LEN:
        return text.translate(_FOLD_TABLE)
    return _FOLD_CHARS.sub(_folded_char, text)


def _is_dropped(ch: str) -> bool:
    return bool(_DROP.match(ch))


# Words are folded again and again (every stage asks for the words it reads: ~2,500 calls an article, 94% of
# them under 10 characters); short strings are kept, the dict emptied when full (memory ceiling, issue 16).
_CACHE: dict[str, str] = {}
_CACHE_SIZE = 16_384
_CACHE_MAX_LEN = 32


def normalize_for_match(text: str) -> str:
    """Fold an Arabic string for comparison: «إدلبُ» and «ادلب» both give «ادلب»; Latin is lower-cased."""
    hit = _CACHE.get(text)
    if hit is not None:
        return hit
    out = _fold(_DROP.sub("", unicodedata.normalize("NFC", text))).lower()
    if len(text) <= _CACHE_MAX_LEN:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[text] = out
    return out


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalised text plus, for each of its characters, the index of the source character in `text`.

    The input is not NFC-composed here (that would move offsets); Arabic news text is already
    composed in practice, and hamza-carrying letters are single code points.
    """
    # Fast path, the same result: fold the string at once and compute the offsets of the kept characters,
    # when every kept character folds to exactly one (str.lower is per character but for final sigma, so a
    # text with «Σ» takes the character loop)
    kept = _DROP.sub("", text) if _DROP.search(text) else text
    folded = _fold(kept).lower()
    if len(folded) == len(kept) and "\u03a3" not in kept:
        if kept is text:
            return folded, list(range(len(text)))
        index: list[int] = []
        prev = 0
        for m in _DROP.finditer(text):
            index.extend(range(prev, m.start()))
            prev = m.end()
        index.extend(range(prev, len(text)))
        return folded, index
    out: list[str] = []
    index = []
    for i, ch in enumerate(text):
        if _is_dropped(ch):
            continue
        folded = ch.translate(_FOLD_TABLE).lower()
        for c in folded:
            out.append(c)
            index.append(i)
    return "".join(out), index


def strip_diacritics(text: str) -> str:
    """Remove harakat and tatweel only, keeping letters as written (for display)."""
    return _DROP.sub("", text)
