"""Page furniture: read-also links, share prompts, captions, bylines and footers are labelled, never deleted.

Patterns live in data/furniture.tsv; a line (or sentence) gets the label of the first matching row.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasd.text.datafiles import data_rows
from rasd.text.normalize import normalize_for_match


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    return tuple((row["label"], int(row["max_words"] or 0), re.compile(normalize_for_match(row["pattern"])))
                 for row in data_rows("furniture.tsv"))


@lru_cache(maxsize=8_192)      # keys are whole lines: a bounded few MB (memory ceiling, issue 16)
def furniture_label(line: str) -> str | None:
    """The furniture label of a line («اقرأ أيضاً: ...» → "read_also"), or None for news text."""
    norm = normalize_for_match(line).strip()
    if not norm:
        return None
    n_words = len(norm.split())
    for label, max_words, pattern in furniture_rules():
        if (not max_words or n_words <= max_words) and pattern.search(norm):
            return label
    return None
