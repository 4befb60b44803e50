"""Readable Arabic → Latin transliteration for names the KB does not know («عبيدة علوان» → "Obayda Alwan").

Unvocalised Arabic leaves short vowels unwritten, so this is a readable guess, not a standard romanisation:
letters map by data/transliteration.tsv, long vowels are kept, a short «a» is inserted between two
consonants at the start of a word, the article becomes «al-», and words are capitalised.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from rasd.text.normalize import strip_diacritics


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    text = resources.files("rasd.extract").joinpath("data/transliteration.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    return {r["letter"]: (r["consonant"], r["vowel"]) for r in rows}


_VOWEL_LETTERS = frozenset("اويىآ")


def _word(word: str) -> str:
    table = _table()
    article = word.startswith("ال") and len(word) > 3
    if article:
        word = word[2:]
    out: list[str] = []
    for k, ch in enumerate(word):
        cons, vowel = table.get(ch, (ch, ch))
        before_alef = k + 1 < len(word) and word[k + 1] == "ا"
        after_alef = k > 0 and word[k - 1] in "اآ"        # «الحناوي»: a و/ي after alef is a consonant (w/y)
        is_vowel_letter = ch in _VOWEL_LETTERS and k > 0 and not (ch in "وي" and (before_alef or after_alef))
        piece = vowel if is_vowel_letter else cons
        prev_cons = k > 0 and word[k - 1] not in _VOWEL_LETTERS and word[k - 1] not in "أإآ"
        if k == 1 and prev_cons and not is_vowel_letter and ch not in "ةه":
            out.append("a")     # the unwritten short vowel after the first consonant
        out.append(piece)
    latin = "".join(out).strip("'")
    latin = latin[:1].upper() + latin[1:] if latin else latin
    return ("al-" + latin) if article else latin


@lru_cache(maxsize=20_000)
def romanize_letters(text: str) -> str:
    """Letter-by-letter romanisation (the core of rasd.kb.english.romanize)."""
    words = strip_diacritics(text).split()
    return " ".join(_word(w) for w in words if w)


def transliterate(text: str) -> str:
    """A name in English: generic heads translated, the rest romanised (rasd.kb.english.english_name)."""
    from rasd.kb.english import english_name
    return english_name(text)
