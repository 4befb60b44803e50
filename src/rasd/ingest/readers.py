"""One entry point for every input kind: files and directories in, articles (or input errors) out."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rasd.document import Article
from rasd.errors import RasdInputError
from rasd.ingest.jsonl import read_jsonl
from rasd.ingest.text import read_text_file
from rasd.ingest.validate import DEFAULT_MAX_BYTES

Item = Article | RasdInputError


def _single(reader: Callable[[], Article]) -> Iterator[Item]:
    try:
        yield reader()
    except RasdInputError as exc:
        yield exc


def read_path(path: Path, published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(path, max_bytes)
    elif suffix == ".txt":
        yield from _single(lambda: read_text_file(path, published, max_bytes))
    elif suffix in (".html", ".htm"):
        from rasd.ingest.html import read_html_file
        yield from _single(lambda: read_html_file(path, max_bytes))
    elif suffix in (".xml", ".rss", ".atom"):
        from rasd.ingest.feeds import read_feed
        yield from read_feed(path, max_bytes)
    else:
        yield RasdInputError(str(path), None, f"unsupported input type {suffix or '(no extension)'!r}; "
                             "expected .jsonl, .txt, .html, .rss/.atom/.xml or a directory")


def read_inputs(paths: Iterable[str | Path], published: dt.date | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Yield articles from every path (directories walked in sorted order), errors in their place."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield from read_path(child, published, max_bytes)
        elif path.exists():
            yield from read_path(path, published, max_bytes)
        else:
            yield RasdInputError(str(path), None, "no such file or directory")
