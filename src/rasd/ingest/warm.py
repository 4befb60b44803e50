"""Load once, fork many: the extraction state a local pool's workers share (issue 16).

The forkserver that forks a local pool's workers imports this module first (forkserver preload, after
`rasd.ingest.lifeline`): the stage modules, the knowledge base, the NER model and the lexicons are loaded once,
here, by extracting one short article, and every worker is then forked with all of it in place (copy-on-write
pages), instead of each worker importing and loading it again at its first article: about 1 s of CPU per
worker, and the memory of one KB shared instead of one per worker. `settle_gc` freezes what is loaded, so
that no collection in a worker walks (and so writes to, and copies) those pages.

Nothing here may stop the forkserver: if any of it fails, the workers load for themselves as before.
"""
from __future__ import annotations

import json
from pathlib import Path

# a few sentences that reach every stage's lexicons: a source, a quote, a date, places, actors of two countries,
# casualties, a statement (each kind of thing a first article loads on first use)
WARM_ARTICLE_FILE = Path(__file__).parent / "data" / "warm_article.json"


def warm_article() -> dict:
    """The warm-up article's fields (id, published, text)."""
    return dict(json.loads(WARM_ARTICLE_FILE.read_text(encoding="utf-8"))["article"])


def warm_up() -> bool:
    """Extract the warm-up article in this process (loading everything a first article loads); False on failure."""
    try:
        from rasd.document import Article
        from rasd.pipeline import extract, settle_gc
        extract(Article(**warm_article()))
        settle_gc()
        return True
    except Exception:   # noqa: BLE001 — a worker then loads for itself and reports what fails, per article
        return False


warm_up()
