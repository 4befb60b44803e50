"""Stage `events` (not built yet: adds nothing, never fakes output)."""
from __future__ import annotations

from rasd.document import Document


def run(doc: Document) -> None:
    return None
