"""Checks every reader applies before an article enters the pipeline."""
from __future__ import annotations

import datetime as dt
import re

from rasd.document import Article
from rasd.errors import RasdInputError

DEFAULT_MAX_BYTES = 1_000_000
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


def read_input_bytes(path) -> bytes:
    """The file's bytes, or a RasdInputError naming it (every reader reports unreadable files the same way)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RasdInputError(str(path), None, f"cannot read file: {exc.strerror or exc}") from None


def parse_published(value, file: str | None, line: int | None) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise RasdInputError(file, line, f"'published' must be a YYYY-MM-DD string, got {value!r}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise RasdInputError(file, line, f"'published' is not a valid date (YYYY-MM-DD): {value!r}") from None


def check_article(article: Article, file: str | None, line: int | None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Reject what no stage could read: empty, non-Arabic or oversized text."""
    size = len(article.text.encode("utf-8"))
    if size > max_bytes:
        raise RasdInputError(file, line, f"article {article.id!r} is {size:,} bytes, over the limit of {max_bytes:,}"
                             " (raise it with --max-bytes)")
    if not article.text.strip():
        raise RasdInputError(file, line, f"article {article.id!r} has empty text")
    letters = sum(ch.isalpha() for ch in article.text)
    arabic = len(_ARABIC_LETTER.findall(article.text))
    if arabic < 0.3 * max(letters, 1):
        raise RasdInputError(file, line, f"article {article.id!r} is not Arabic text "
                             f"({arabic} Arabic letters of {letters})")
    return article
