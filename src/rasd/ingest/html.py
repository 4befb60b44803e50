"""HTML input: one article a saved web page. `trafilatura` finds the main text and the metadata
(title, date, author, site name, canonical URL); the id is the file name without extension."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from rasd.document import Article
from rasd.errors import RasdInputError
from rasd.ingest.validate import DEFAULT_MAX_BYTES, check_article, parse_published, read_input_bytes

# Pages carry menus, scripts and styles around the article: allow the raw file this many times the text limit.
RAW_HTML_FACTOR = 20


def article_from_html(html: str | bytes, article_id: str, file: str | None,
                      max_bytes: int = DEFAULT_MAX_BYTES, url: str | None = None) -> Article:
    """Main text and metadata of one page, or RasdInputError when no article text can be found."""
    import trafilatura

    try:
        found: Any = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True,
                                            include_comments=False, include_tables=False)
    except Exception as exc:   # trafilatura/lxml raise many types on broken markup; one line is what we need
        raise RasdInputError(file, None, f"unreadable HTML ({type(exc).__name__}: {exc})") from None
    if found is None or not (found.text or "").strip():
        raise RasdInputError(file, None, "no article text found in the HTML (broken or empty page)")
    try:
        published = parse_published(found.date, file, None)
    except RasdInputError:
        published = None   # a page's odd date string should not cost us the article
    article = Article(id=article_id, text=found.text.strip(), published=published, url=found.url or url,
                      outlet=found.sitename or None, author=found.author or None, title=found.title or None)
    return check_article(article, file, None, max_bytes)


def read_html_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    name = str(path)
    raw = read_input_bytes(path, RAW_HTML_FACTOR * max_bytes, "HTML file")
    if not raw.strip():
        raise RasdInputError(name, None, "empty file")
    return article_from_html(raw, path.stem, name, max_bytes)
