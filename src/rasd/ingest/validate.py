"""Checks and normalisation every reader applies before an article enters the pipeline or the store.

What the store could not hold is refused here, with one clear line, rather than failing later inside a
database transaction (where it would cost the batch around it):
- a lone surrogate (`"\\ud800"` in JSON) in any field cannot be encoded as UTF-8: the article is skipped;
- NUL characters are removed from every field (PostgreSQL text cannot hold them);
- the id may have at most MAX_ID_CHARS characters, the outlet and the author MAX_NAME_CHARS (the columns'
  sizes): a longer one skips the article with the limit named;
- the text must be non-empty, mostly Arabic and at most `max_bytes` bytes of UTF-8.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from rasd.document import Article
from rasd.errors import RasdInputError

DEFAULT_MAX_BYTES = 1_000_000
MAX_ID_CHARS = 500          # articles.source_id
MAX_NAME_CHARS = 300        # articles.outlet, articles.author
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_STRING_FIELDS = ("id", "text", "lang", "url", "outlet", "author", "title")
_LIMITS = {"id": MAX_ID_CHARS, "outlet": MAX_NAME_CHARS, "author": MAX_NAME_CHARS}


def read_input_bytes(path: Path, limit: int | None = None, what: str = "file") -> bytes:
    """The file's bytes, or a RasdInputError naming it (unreadable, or over `limit` bytes: never read whole)."""
    try:
        with open(path, "rb") as f:
            raw = f.read() if limit is None else f.read(limit + 1)
    except OSError as exc:
        raise RasdInputError(str(path), None, f"cannot read file: {exc.strerror or exc}") from None
    if limit is not None and len(raw) > limit:
        try:
            size = f"{path.stat().st_size:,} bytes"
        except OSError:
            size = "too large"
        raise RasdInputError(str(path), None, f"{what} is {size}, over the limit of {limit:,} "
                             "(raise it with --max-bytes)")
    return raw


def short_id(value: str, limit: int = 60) -> str:
    """An id as shown in messages: quoted, and cut when long."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def parse_published(value, file: str | None, line: int | None) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise RasdInputError(file, line, f"'published' must be a YYYY-MM-DD string, got {short_id(repr(value))}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise RasdInputError(file, line, f"'published' is not a valid date (YYYY-MM-DD): {short_id(value)}") from None


def normalise_fields(article: Article, file: str | None, line: int | None) -> Article:
    """Remove NUL characters; refuse lone surrogates and over-long ids, outlets and authors."""
    changes: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = getattr(article, name)
        if value is None:
            continue
        bad = _SURROGATE.search(value)
        if bad:
            who = "" if name == "id" else f"article {short_id(article.id)}: "
            raise RasdInputError(file, line, f"{who}field {name!r} has a lone surrogate "
                                 f"(\\u{ord(bad.group()):04x} at character {bad.start()}), not valid Unicode")
        if "\x00" in value:
            value = changes[name] = value.replace("\x00", "")
        limit = _LIMITS.get(name)
        if limit is not None and len(value) > limit:
            who = "" if name == "id" else f"article {short_id(article.id)}: "
            raise RasdInputError(file, line, f"{who}field {name!r} is {len(value):,} characters, "
                                 f"over the limit of {limit}")
    if "id" in changes and not changes["id"]:
        raise RasdInputError(file, line, "field 'id' is empty once NUL characters are removed")
    return article.model_copy(update=changes) if changes else article


def check_article(article: Article, file: str | None, line: int | None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Normalise the fields, then reject what no stage could read: empty, non-Arabic or oversized text."""
    article = normalise_fields(article, file, line)
    size = len(article.text.encode("utf-8"))
    if size > max_bytes:
        raise RasdInputError(file, line, f"article {short_id(article.id)} is {size:,} bytes, over the limit of "
                             f"{max_bytes:,} (raise it with --max-bytes)")
    if not article.text.strip():
        raise RasdInputError(file, line, f"article {short_id(article.id)} has empty text")
    letters = sum(map(str.isalpha, article.text))   # the same count, without a Python step per character
    arabic = len(_ARABIC_LETTER.findall(article.text))
    if arabic < 0.3 * max(letters, 1):
        raise RasdInputError(file, line, f"article {short_id(article.id)} is not Arabic text "
                             f"({arabic} Arabic letters of {letters})")
    return article
