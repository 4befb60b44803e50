"""Plain-text input: one article a `.txt` file; its id is the file name without extension."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from rasd.document import Article
from rasd.errors import RasdInputError
from rasd.ingest.validate import DEFAULT_MAX_BYTES, check_article, read_input_bytes


def read_text_file(path: Path, published: dt.date | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    name = str(path)
    raw = read_input_bytes(path, max_bytes + 3, "text file")   # + a UTF-8 byte-order mark
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RasdInputError(name, None, f"not UTF-8 (byte {exc.start})") from None
    return check_article(Article(id=path.stem, text=text, published=published), name, None, max_bytes)
