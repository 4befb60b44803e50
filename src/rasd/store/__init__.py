"""Persistent store (SQLite by default, PostgreSQL for teams): `Repository` is the public interface."""
from rasd.store.repository import Repository, article_key
from rasd.store.schemas import (AddResult, EntityDetail, EntitySummary, EventDetail, EventFilters, EventSummary,
                                MentionOut, Stats)

__all__ = ["Repository", "article_key", "AddResult", "EntityDetail", "EntitySummary", "EventDetail",
           "EventFilters", "EventSummary", "MentionOut", "Stats"]
