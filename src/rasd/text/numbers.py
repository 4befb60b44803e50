"""Numbers from digits and words (v0: digits only; to be replaced)."""
from __future__ import annotations

import re

from rasd.document import NumberMention, Span, Token
from rasd.text.normalize import normalize_for_match

_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*")


def find_numbers(text: str, tokens: list[Token] | None = None) -> list[NumberMention]:
    out = []
    for m in _DIGITS.finditer(text):
        raw = normalize_for_match(m.group()).replace("٬", "").replace(",", "").replace("٫", ".")
        try:
            value = float(raw)
        except ValueError:
            continue
        out.append(NumberMention(span=Span(start=m.start(), end=m.end(), text=m.group()), value=value))
    return out
