"""JSONL input: one article a line, `{"id", "text", "published", "lang", "url", "outlet"}`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from rasd.document import Article
from rasd.errors import RasdInputError
from rasd.ingest.validate import DEFAULT_MAX_BYTES, check_article, parse_published, read_input_bytes

_OPTIONAL_STR = ("lang", "url", "outlet", "author", "title")


def article_from_json(obj, file: str | None, line: int | None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Validate one decoded JSON object into an Article, or raise RasdInputError naming file and line."""
    if not isinstance(obj, dict):
        raise RasdInputError(file, line, f"expected a JSON object, got {type(obj).__name__}")
    for field in ("id", "text"):
        if field not in obj or obj[field] in (None, ""):
            raise RasdInputError(file, line, f"missing required field {field!r}")
    if not isinstance(obj["text"], str):
        raise RasdInputError(file, line, "field 'text' must be a string")
    extra = {k: obj[k] for k in _OPTIONAL_STR if isinstance(obj.get(k), str)}
    article = Article(id=str(obj["id"]), text=obj["text"],
                      published=parse_published(obj.get("published"), file, line), **extra)
    return check_article(article, file, line, max_bytes)


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | RasdInputError]:
    """Yield each good article, and a RasdInputError (not raised) for each bad line, so nothing good is lost."""
    name = str(path)
    try:
        raw = read_input_bytes(path)
    except RasdInputError as exc:
        yield exc
        return
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield RasdInputError(name, number, f"not UTF-8 (byte {exc.start})")
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RasdInputError(name, number, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        try:
            yield article_from_json(obj, name, number, max_bytes)
        except RasdInputError as exc:
            yield exc
