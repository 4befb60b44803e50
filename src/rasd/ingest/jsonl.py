"""JSONL input: one article a line, `{"id", "text", "published", "url", "outlet", "title", "author", "lang"}`
(see docs/INPUT.md); `.jsonl.gz` is read the same way, decompressed as it streams.

The file is read line by line, never whole, and a line longer than `max_line_bytes(max_bytes)` is skipped
without being held in memory, so memory stays flat for files and lines of any size. Each bad line is one
error naming file and line; after MAX_ERRORS_PER_FILE of them (a binary or truncated file) the rest are
counted and reported in one summary line at the end of the file. Good lines around bad ones are kept.
"""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import IO, Callable, Iterator

from rasd.document import Article
from rasd.errors import RasdInputError
from rasd.ingest.validate import DEFAULT_MAX_BYTES, check_article, parse_published

_OPTIONAL_STR = ("lang", "url", "outlet", "author", "title")
MAX_ERRORS_PER_FILE = 20
_READ = 1 << 20


def max_line_bytes(max_bytes: int) -> int:
    """The longest JSONL line read: the text limit with room for JSON escapes (\\uXXXX) and the metadata."""
    return 4 * max_bytes + (1 << 16)


def article_from_json(obj, file: str | None, line: int | None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Validate one decoded JSON object into an Article, or raise RasdInputError naming file and line."""
    if not isinstance(obj, dict):
        raise RasdInputError(file, line, f"expected a JSON object, got {type(obj).__name__}")
    for field in ("id", "text"):
        if field not in obj or obj[field] in (None, ""):
            raise RasdInputError(file, line, f"missing required field {field!r}")
    if not isinstance(obj["text"], str):
        raise RasdInputError(file, line, "field 'text' must be a string")
    if isinstance(obj["id"], bool) or not isinstance(obj["id"], (str, int)):
        raise RasdInputError(file, line, f"field 'id' must be a string or an integer, got {type(obj['id']).__name__}")
    extra = {k: obj[k] for k in _OPTIONAL_STR if isinstance(obj.get(k), str)}
    article = Article(id=str(obj["id"]), text=obj["text"],
                      published=parse_published(obj.get("published"), file, line), **extra)
    return check_article(article, file, line, max_bytes)


def _lines(f: IO[bytes] | io.BufferedIOBase, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes or None when over `limit`, length) for each line, reading at most `limit` at once."""
    number = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line, len(line)
            continue
        size = len(line)
        del line
        while True:                      # skip the rest of the over-long line in bounded reads
            rest = f.readline(_READ)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield number, None, size


def _parse_line(line: bytes, number: int, name: str, limit: int, max_bytes: int) -> Article:
    try:
        text = line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise RasdInputError(name, number, f"not UTF-8 (byte {exc.start})") from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RasdInputError(name, number, f"malformed JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise RasdInputError(name, number, "malformed JSON: nested too deeply") from None
    except ValueError as exc:            # e.g. an integer of more than 4,300 digits
        raise RasdInputError(name, number, f"malformed JSON: {str(exc)[:120]}") from None
    try:
        return article_from_json(obj, name, number, max_bytes)
    except RecursionError:
        raise RasdInputError(name, number, "a field is nested too deeply") from None


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
               on_bytes: Callable[[int], None] | None = None) -> Iterator[Article | RasdInputError]:
    """Yield each good article, and a RasdInputError (not raised) for each bad line, so nothing good is lost.
    `on_bytes(n)` is told the size of each line read (for a progress bar)."""
    name = str(path)
    limit = max_line_bytes(max_bytes)
    shown = hidden = 0
    first_hidden = last_hidden = 0
    try:
        raw = open(path, "rb")
    except OSError as exc:
        yield RasdInputError(name, None, f"cannot read file: {exc.strerror or exc}")
        return
    compressed = path.name.lower().endswith(".gz")
    f = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
    position = 0
    with raw, f:
        try:
            for number, line, size in _lines(f, limit):
                if on_bytes is not None:   # progress in bytes of the file itself, compressed or not
                    now = raw.tell() if compressed else position + size
                    on_bytes(now - position)
                    position = now
                if line is None:
                    error = RasdInputError(name, number, f"line is {size:,} bytes, over the limit of {limit:,} "
                                           "(raise it with --max-bytes)")
                elif not line.strip():
                    continue
                else:
                    try:
                        yield _parse_line(line, number, name, limit, max_bytes)
                        continue
                    except RasdInputError as exc:
                        error = exc
                if shown < MAX_ERRORS_PER_FILE:
                    shown += 1
                    yield error
                else:
                    hidden += 1
                    first_hidden = first_hidden or number
                    last_hidden = number
        except (OSError, EOFError) as exc:   # EIO part-way, a bad or truncated .gz, a directory named *.jsonl
            yield RasdInputError(name, None, f"cannot read file: {getattr(exc, 'strerror', None) or exc}")
    if hidden:
        yield RasdInputError(name, None, f"{hidden:,} more bad line(s) not shown (lines {first_hidden:,}–"
                             f"{last_hidden:,}); the first {MAX_ERRORS_PER_FILE} are above", count=hidden)
