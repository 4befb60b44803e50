"""Persistent store (SQLite by default, PostgreSQL for teams): `Repository` is the public interface.

The names below are imported on first use (PEP 562), not with the package: `rasd extract` and the other
commands register their sub-commands through `rasd.store.cli`, and importing the package must not cost them
SQLAlchemy and Alembic (~0.4 s CPU at every start, issue 16).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rasd.store.repository import Repository, article_key
    from rasd.store.schemas import (AddResult, EntityDetail, EntitySummary, EventDetail, EventFilters,
                                    EventSummary, MentionOut, Stats)

_LAZY = {"Repository": "rasd.store.repository", "article_key": "rasd.store.repository",
         **{name: "rasd.store.schemas" for name in ("AddResult", "EntityDetail", "EntitySummary", "EventDetail",
                                                     "EventFilters", "EventSummary", "MentionOut", "Stats")}}

__all__ = ["Repository", "article_key", "AddResult", "EntityDetail", "EntitySummary", "EventDetail",
           "EventFilters", "EventSummary", "MentionOut", "Stats"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rasd.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value       # once: later look-ups are plain module attributes
    return value
