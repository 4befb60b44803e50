"""RSS/Atom input (`feedparser`): one article per entry that carries content or a summary.

The entry's full content is preferred to its summary; HTML in either is reduced to text with paragraph
breaks. A bad entry (no text, not Arabic, oversized) is reported as one error naming the file and entry;
the other entries are kept. The outlet is the feed's title.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Iterator

from rasd.document import Article
from rasd.errors import RasdInputError
from rasd.ingest.validate import DEFAULT_MAX_BYTES, check_article, read_input_bytes

_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\u00a0]+")
# A feed holds many entries: allow the raw file this many times the per-article text limit.
RAW_FEED_FACTOR = 50


def html_fragment_to_text(fragment: str) -> str:
    """Text of a feed's HTML fragment: block ends become line breaks, tags go, entities are decoded."""
    text = html.unescape(_TAG.sub(" ", _BLOCK_END.sub("\n", fragment)))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return html_fragment_to_text(value)
    return html_fragment_to_text(entry.get("summary") or entry.get("description") or "")


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def _str(value) -> str | None:
    return value if isinstance(value, str) and value else None


def read_feed(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | RasdInputError]:
    """Yield each good entry as an Article and a RasdInputError (not raised) for each bad entry."""
    import feedparser

    name = str(path)
    try:
        raw = read_input_bytes(path, RAW_FEED_FACTOR * max_bytes, "feed")
    except RasdInputError as exc:
        yield exc
        return
    try:
        feed = feedparser.parse(raw)
    except Exception as exc:   # feedparser is lenient, but its XML/encoding layers can still raise
        yield RasdInputError(name, None, f"unreadable feed ({type(exc).__name__}: {exc})")
        return
    if not feed.entries:
        why = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield RasdInputError(name, None, f"not an RSS/Atom feed or no entries{why}")
        return
    outlet = (_str(feed.feed.get("title")) or "").strip() or None
    for number, entry in enumerate(feed.entries, start=1):
        guid = entry.get("id") or entry.get("link")
        label = f"entry {number}" + (f" ({str(guid)[:100]})" if guid else "")
        try:
            text = _entry_text(entry)
            if not text.strip():
                yield RasdInputError(name, None, f"{label}: no content or summary")
                continue
            article = Article(id=str(entry.get("id") or entry.get("link") or f"{path.stem}#{number}"), text=text,
                              published=_entry_date(entry), url=_str(entry.get("link")), outlet=outlet,
                              author=_str(entry.get("author")), title=_str(entry.get("title")))
            yield check_article(article, name, None, max_bytes)
        except RasdInputError as exc:
            yield RasdInputError(name, None, f"{label}: {exc.reason}")
        except Exception as exc:   # one odd entry must not cost the feed's other entries
            yield RasdInputError(name, None, f"{label}: unreadable entry ({type(exc).__name__}: {exc})")
