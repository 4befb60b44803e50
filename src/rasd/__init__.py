"""rasd (رصد): Arabic-first extraction of geocoded, sourced political and conflict events.

    import rasd
    doc = rasd.extract("قتل خمسة مدنيين في غارة على إدلب مساء الأحد.", published="2024-12-02")
    doc.events, doc.to_record()
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable

from rasd import _native

_native.use_pure_python_if_stale()     # the mypyc-compiled modules only when built from these very sources

if TYPE_CHECKING:       # the pipeline and its knowledge base load on first use, not on `import rasd`
    from rasd.document import Article, Document

__version__ = "0.1.0"


def extract_article(article: "Article | dict[str, Any] | str", *, published: dt.date | str | None = None,
            id: str = "article", stages: Iterable[str] | None = None) -> "Document":
    """Read one article: an `Article`, a dict with the input fields (`docs/INPUT.md`), or the text itself
    (then `published` and `id` may be given). Returns the `Document` with every layer."""
    from rasd.document import Article
    from rasd.pipeline import extract as run_pipeline

    if isinstance(article, str):
        article = Article.model_validate({"id": id, "text": article, "published": published})
    elif isinstance(article, dict):
        article = Article.model_validate(article)
    return run_pipeline(article, stages)


extract = extract_article       # `rasd.extract(...)`; the stages package of that name is callable too

__all__ = ["extract", "extract_article", "__version__"]
