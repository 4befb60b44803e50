"""Which evaluation sets may be read for errors and which are only ever scored in aggregate — one list for every bench tool.

Read sets: their texts, gold and per-article output may be studied to write general rules. Blind sets: only their
aggregate scores are ever looked at (they estimate how rasd does on news never seen). A blind set is released for
reading by moving it here; the history: heldout3..heldout6 released in session 13, heldout7 and heldout8 in session 14, heldout9 and heldout10 in session 15.
"""
from __future__ import annotations

# tests/data folders (plus the dev split names "dev-tune" / "dev-check")
READ_HELDOUT = ("heldout", "heldout2", *(f"heldout{n}" for n in range(3, 11)))
READ_TUNE = tuple(f"tune{n}" for n in range(2, 15))
READ_SETS = ("dev-tune", *READ_HELDOUT, *READ_TUNE)
BLIND_HELDOUT = tuple(f"heldout{n}" for n in range(11, 24))
BLIND_SETS = ("dev-check", *BLIND_HELDOUT)


def readable(name: str) -> bool:
    """True for a set whose per-article output may be read (never the dev check split or a blind held-out set)."""
    return name in READ_SETS
