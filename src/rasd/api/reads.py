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
from rasd.store import EntitySummary, EventSummary, MentionOut, Repository
from rasd.store.models import ArticleRow, EventMentionRow, EventRow

# MentionOut's fields read from the article row; every other field is the mention row's column of that name
_FROM_ARTICLE = {"article_id": ArticleRow.source_id, "article_db_id": ArticleRow.id, "url": ArticleRow.url,
                 "published": ArticleRow.published, "title": ArticleRow.title}
_DETAIL = TypeAdapter(EventDetailOut)



def read_only_connection(repo: Repository) -> sqlite3.Connection | None:
    """A read-only sqlite3 connection to the store's file, shared across threads (under the caller's lock);
    None for other stores, in-memory or URI databases."""
    url = repo.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:" \
            or url.database.startswith("file:"):
        return None
    connection = sqlite3.connect(url.database, check_same_thread=False, isolation_level=None)
    connection.execute("PRAGMA query_only=1")
    return connection

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
        self._sqlite = read_only_connection(repo)

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


def _like_contains(value: str) -> str:
    """The LIKE pattern of SQLAlchemy's `contains(value, autoescape=True)` with escape character "/"."""
    return "%" + value.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


class EntityPages:
    """`page(ranking, q, type, limit, offset)`: rasd.store.aggregate.entity_page's answer (the same items and
    total) read on a SQLite file through a read-only connection of its own, with statements compiled once
    (about a third of the CPU time: the registry's query built, compiled and its rows made ORM objects per
    request was most of an /entities answer that is not cached). `usable` is False on other stores.
    tests/api/test_read_paths.py checks the answers against entity_page."""

    def __init__(self, repo: Repository):
        from sqlalchemy import exists, func, or_

        from rasd.store.models import EntityAliasRow, EntityRow
        self._lock = threading.Lock()
        self._sqlite = read_only_connection(repo)
        self.dialect = repo.engine.dialect
        by_type = EntityRow.type == bindparam("type")
        by_query = or_(EntityRow.id == bindparam("q"), EntityRow.name.like(bindparam("pattern"), escape="/"),
                       func.lower(EntityRow.name_en).like(bindparam("lower_pattern"), escape="/"),
                       exists().where(EntityAliasRow.entity_id == EntityRow.id,
                                      EntityAliasRow.alias.like(bindparam("pattern"), escape="/")),
                       EntityRow.id.like(bindparam("id_pattern"), escape="/"))
        ids = select(EntityRow.id)
        self.matching_sql = {(True, False): self._named(ids.where(by_type)),
                             (False, True): self._named(ids.where(by_query)),
                             (True, True): self._named(ids.where(by_type, by_query))}
        self._columns = [EntityRow.__table__.c[name] for name in EntitySummary.model_fields if name != "mention_count"]
        self._rows_sql: dict[int, tuple[str, tuple[str, ...] | None]] = {}

    @property
    def usable(self) -> bool:
        return self._sqlite is not None

    def _named(self, statement) -> tuple[str, tuple[str, ...] | None]:
        """(SQL, the parameters' names in order when the dialect's parameters are positional)."""
        compiled = statement.compile(dialect=self.dialect)
        return compiled.string, tuple(compiled.positiontup or ()) if compiled.positional else None

    @staticmethod
    def _execute(cursor, sql: tuple[str, tuple[str, ...] | None], params: dict[str, Any]):
        text, order = sql
        return cursor.execute(text, [params[name] for name in order] if order is not None else params)

    def _rows_statement(self, n: int) -> tuple[str, tuple[str, ...] | None]:
        sql = self._rows_sql.get(n)
        if sql is None:
            from rasd.store.models import EntityRow
            sql = self._named(select(*self._columns).where(EntityRow.id.in_([bindparam(f"i{k}") for k in range(n)])))
            if len(self._rows_sql) < 2000:
                self._rows_sql[n] = sql
        return sql

    def page(self, ranking: tuple[list[str], dict[str, int]], query: str | None, type: str | None,
             limit: int, offset: int) -> tuple[list[EntitySummary], int] | None:
        """The page and the total, or None when the store is busy (then read it through the Repository)."""
        from rasd.store import canonical
        if self._sqlite is None:
            return None
        ranked, counts = ranking
        params: dict[str, Any] = {}
        if type:
            params["type"] = type.upper()
        if query:
            q = query.strip()
            params.update(q=q, pattern=_like_contains(q), lower_pattern=_like_contains(q.lower()),
                          id_pattern=_like_contains(canonical.normalised_name(q) or q))
        try:
            with self._lock:
                cursor = self._sqlite.cursor()
                try:
                    cursor.execute("BEGIN")
                    if params:
                        matching = {row[0] for row in self._execute(
                            cursor, self.matching_sql[bool(type), bool(query)], params)}
                        ordered = [i for i in ranked if i in matching]
                        total = len(matching)
                    else:
                        ordered, total = ranked, len(ranked)
                    page = ordered[offset:offset + limit]
                    found = {}
                    if page:
                        names = [c.key for c in self._columns]
                        for row in self._execute(cursor, self._rows_statement(len(page)),
                                                 {f"i{k}": v for k, v in enumerate(page)}):
                            found[row[0]] = dict(zip(names, row))
                finally:
                    if self._sqlite.in_transaction:
                        self._sqlite.rollback()
                    cursor.close()
        except sqlite3.OperationalError:   # busy or locked (it never waits)
            return None
        return [EntitySummary.model_validate({**found[i], "mention_count": counts.get(i, 0)})
                for i in page if i in found], total

    def close(self) -> None:
        with self._lock:
            if self._sqlite is not None:
                self._sqlite.close()
                self._sqlite = None
