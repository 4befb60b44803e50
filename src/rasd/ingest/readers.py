"""One entry point for every input kind: files and directories in, articles (or input errors) out."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rasd.document import Article
from rasd.errors import RasdInputError
from rasd.ingest.jsonl import read_jsonl
from rasd.ingest.text import read_text_file
from rasd.ingest.validate import DEFAULT_MAX_BYTES

Item = Article | RasdInputError


def _single(path: Path, reader: Callable[[], Article]) -> Iterator[Item]:
    try:
        yield reader()
    except RasdInputError as exc:
        yield exc
    except Exception as exc:   # a reader's library failing on odd input costs this file only, in one line
        yield RasdInputError(str(path), None, f"unreadable ({type(exc).__name__}: {str(exc)[:200]})")


def read_path(path: Path, published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
              on_bytes: Callable[[int], None] | None = None) -> Iterator[Item]:
    """The articles of one file; `on_bytes(n)` is told how much of it has been read (for a progress bar)."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson") or path.name.lower().endswith((".jsonl.gz", ".ndjson.gz")):
        yield from read_jsonl(path, max_bytes, on_bytes)
        return
    yield from _read_other(path, suffix, published, max_bytes)
    if on_bytes is not None:
        try:
            on_bytes(path.stat().st_size)
        except OSError:
            pass


def _read_other(path: Path, suffix: str, published: dt.date | None, max_bytes: int) -> Iterator[Item]:
    if suffix == ".txt":
        yield from _single(path, lambda: read_text_file(path, published, max_bytes))
    elif suffix in (".html", ".htm"):
        from rasd.ingest.html import read_html_file
        yield from _single(path, lambda: read_html_file(path, max_bytes))
    elif suffix in (".xml", ".rss", ".atom"):
        from rasd.ingest.feeds import read_feed
        yield from read_feed(path, max_bytes)
    else:
        yield RasdInputError(str(path), None, f"unsupported input type {suffix or '(no extension)'!r}; "
                             "expected .jsonl (or .jsonl.gz), .txt, .html, .rss/.atom/.xml or a directory")


def walk_files(root: Path) -> tuple[list[Path], list[RasdInputError]]:
    """Every non-hidden file under `root` in sorted order, and an error for each directory that cannot be read
    (symbolic links to directories are not followed, so a link loop cannot trap the walk)."""
    files: list[Path] = []
    errors: list[RasdInputError] = []
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError as exc:
            errors.append(RasdInputError(str(directory), None, f"cannot read directory: {exc.strerror or exc}"))
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file() and not entry.name.startswith("."):
                    files.append(Path(entry.path))
            except OSError as exc:
                errors.append(RasdInputError(entry.path, None, f"cannot read: {exc.strerror or exc}"))
    return sorted(files), sorted(errors, key=lambda e: e.file or "")


def read_inputs(paths: Iterable[str | Path], published: dt.date | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, on_bytes: Callable[[int], None] | None = None) -> Iterator[Item]:
    """Yield articles from every path (directories walked in sorted order), errors in their place.

    `published` is the date given to every article that has none of its own (.txt files, JSONL lines
    without "published", pages and feed entries without a date)."""
    for raw in paths:
        path = Path(raw)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as exc:   # e.g. a name too long, or a component that cannot be searched
            yield RasdInputError(str(path), None, f"cannot read: {exc.strerror or exc}")
            continue
        if is_dir:
            files, errors = walk_files(path)
            yield from errors
            for child in files:
                yield from _dated(read_path(child, published, max_bytes, on_bytes), published)
        elif exists:
            yield from _dated(read_path(path, published, max_bytes, on_bytes), published)
        else:
            yield RasdInputError(str(path), None, "no such file or directory")


def _dated(items: Iterator[Item], published: dt.date | None) -> Iterator[Item]:
    if published is None:
        yield from items
        return
    for item in items:
        if isinstance(item, Article) and item.published is None:
            item = item.model_copy(update={"published": published})
        yield item


class UndatedArticles:
    """Counts the articles that reach extraction without a publication date, for one warning at the end:
    their events can only be dated by the text itself, and the map cannot place the others in time."""

    def __init__(self) -> None:
        self.count = 0
        self.examples: list[str] = []

    def watch(self, items: Iterable[Item]) -> Iterator[Item]:
        for item in items:
            if isinstance(item, Article) and item.published is None:
                self.count += 1
                if len(self.examples) < 3:
                    self.examples.append(item.id)
            yield item

    def warning(self) -> str | None:
        if not self.count:
            return None
        from rasd.ingest.validate import short_id
        examples = ", ".join(short_id(i, 40) for i in self.examples) + (", ..." if self.count > 3 else "")
        return (f"warning: {self.count} article(s) without a publication date ({examples}): events their text "
                "does not date stay undated; give --published YYYY-MM-DD to date them")
