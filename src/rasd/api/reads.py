"""GET /events/{id} read in one query of plain rows (no ORM objects), for the API.

`Repository.get_event` + `Repository.mention_events` give the same answer through the ORM in two sessions
and three queries; under load that cost about 2 ms of Python per event, most of the server's time for
a request whose answer cannot be cached (one event of many). Here: the event's summary columns, then its
mentions joined to their articles with each mention's extracted Event as JSON text (validated by
pydantic-core from the text), and one validation of the whole answer. tests/api/test_response_cache.py
checks that the answer is the one the Repository gives.

On a SQLite file, `get_direct` reads through a read-only connection of its own (no pool, session or
transaction events: about a third of the time of a read through the Repository's session), for the
cache layer's direct answers made on the event loop.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import Engine, Text, bindparam, cast, select

from rasd.api.evidence import evidence_highlights
from rasd.api.schemas import EventDetailOut
from rasd.document import Event
from rasd.store import EventSummary, MentionOut, Repository
from rasd.store.models import ArticleRow, EventMentionRow, EventRow

# MentionOut's fields read from the article row; every other field is the mention row's column of that name
_FROM_ARTICLE = {"article_id": ArticleRow.source_id, "article_db_id": ArticleRow.id, "url": ArticleRow.url,
                 "published": ArticleRow.published, "title": ArticleRow.title}
_DETAIL = TypeAdapter(EventDetailOut)


class EventDetails:
    """`get(event_id)`: the answer of GET /events/{id} on `repo` (None when there is no such event).

    Both statements are compiled once for the store's dialect and run as SQL text on the driver's cursor, so
    a request costs no statement building, cache-key walk or row processing: the values come as the driver
    gives them and
    pydantic validates them (dates as ISO text on SQLite; JSON columns as text there, decoded here)."""

    def __init__(self, repo: Repository):
        self.repo = repo
        summary = [EventRow.__table__.c[name] for name in EventSummary.model_fields if name in EventRow.__table__.c]
        mention = [(_FROM_ARTICLE[name] if name in _FROM_ARTICLE else EventMentionRow.__table__.c[name]).label(name)
                   for name in MentionOut.model_fields]
        self.event_sql = self._sql(repo.engine, select(*summary).where(EventRow.id == bindparam("id")))
        self.mentions_sql = self._sql(repo.engine, select(*mention, cast(EventMentionRow.event, Text).label(
            "event_json")).join(ArticleRow, ArticleRow.id == EventMentionRow.article_id).where(
            EventMentionRow.event_id == bindparam("id")).order_by(EventMentionRow.id))
        self._lock = threading.Lock()
        self._sqlite: sqlite3.Connection | None = None
        url = repo.engine.url
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:" \
                and not url.database.startswith("file:"):
            self._sqlite = sqlite3.connect(url.database, check_same_thread=False, isolation_level=None)
            self._sqlite.execute("PRAGMA query_only=1")

    @staticmethod
    def _sql(engine: Engine, statement) -> tuple[str, bool]:
        compiled = statement.compile(dialect=engine.dialect)
        return compiled.string, bool(compiled.positional)

    @staticmethod
    def _rows(cursor, sql: tuple[str, bool], event_id: int) -> list[dict[str, Any]]:
        text, positional = sql
        cursor.execute(text, (event_id,) if positional else {"id": event_id})
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def get(self, event_id: int) -> EventDetailOut | None:
        with self.repo._sessions() as s:
            cursor = s.connection().connection.cursor()   # the driver's cursor, in the session's transaction
            try:
                events = self._rows(cursor, self.event_sql, event_id)
                if not events:
                    return None
                rows = self._rows(cursor, self.mentions_sql, event_id)
            finally:
                cursor.close()
        return self._answer(events[0], rows)

    def get_direct(self, event_id: int) -> EventDetailOut | None:
        """The same answer through this reader's own SQLite connection (both statements in one read
        transaction); through the Repository on other stores."""
        if self._sqlite is None:
            return self.get(event_id)
        try:
            with self._lock:
                cursor = self._sqlite.cursor()
                try:
                    cursor.execute("BEGIN")
                    events = self._rows(cursor, self.event_sql, event_id)
                    rows = self._rows(cursor, self.mentions_sql, event_id) if events else []
                finally:
                    if self._sqlite.in_transaction:
                        self._sqlite.rollback()
                    cursor.close()
        except sqlite3.OperationalError:   # busy or locked (it never waits): through the Repository, which does
            return self.get(event_id)
        return self._answer(events[0], rows) if events else None

    def close(self) -> None:
        with self._lock:
            if self._sqlite is not None:
                self._sqlite.close()
                self._sqlite = None

    @staticmethod
    def _answer(event: dict[str, Any], rows: list[dict[str, Any]]) -> EventDetailOut:
        if isinstance(event.get("outlets"), str):
            event["outlets"] = json.loads(event["outlets"])
        mentions = []
        for data in rows:
            raw = data.pop("event_json")
            extracted = Event.model_validate_json(raw) if raw is not None else None
            out = MentionOut.model_validate(data)
            mentions.append({**data, "event": extracted, "highlights": evidence_highlights(out, extracted)})
        return _DETAIL.validate_python({**event, "mentions": mentions})
