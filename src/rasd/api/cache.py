"""The read answers of `rasd serve`, cached: `ResponseCache`, served by the ASGI middleware
`CachedReads`, and `StoreGeneration`.

Every GET answer of the API's read routes is a function of (path, query, store contents), so the whole
answer (status 200, headers, body) is kept, keyed by the path and the query (decoded, parameters sorted by
name, repeated ones kept in order), and served again before FastAPI routes anything, while the store has
not changed since it was made:

- **The store's generation** is checked on every request and is cheap: on SQLite `PRAGMA data_version` on a
  connection of its own (it changes when any other connection, in this process or another, commits), on
  PostgreSQL the current snapshot (`pg_current_snapshot()`: the same text means the same set of committed
  transactions), plus a counter the server bumps after each of its own writes. The generation is read
  *before* the answer is made, so an answer made while a write commits is stored under the older
  generation and never served after it: a write is never answered stale. (A store with no way to check,
  e.g. SQLite in memory, falls back to the counter and a re-read of its versions every `ttl` seconds.)
- **Bounded**: at most `max_entries` answers and `max_bytes` of bodies, least recently used dropped
  first; an answer over `max_entry_bytes` is passed through, not kept.
- **ETag**: every cached answer has a strong ETag (a hash of its body); `If-None-Match` with it is
  answered 304 without a body. `Cache-Control: no-cache` makes browsers ask again each time (and get 304).
- **One at a time**: requests for an answer that is being made wait for it (a cold page asked by many
  clients at once is made once).
- `X-Rasd-Cache: hit | miss` on each cacheable answer (what the load test counts).
- **Direct answers**: `direct(scope)` may answer a miss itself (the JSON body, or None to leave it to the
  application): the server uses it for GET /events/{id}, the read whose answers are seldom asked twice,
  so that it costs no routing, dependency solving or thread hop (about half of its CPU time). Only on
  stores whose reads do not wait on the network (SQLite), since it runs on the event loop.

Errors (4xx, 5xx), streams (/export), the page and anything not GET pass through untouched; the Host
check, token and security headers (security.Guard) run before this middleware, so a cached answer gets
them as any other.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from typing import Any, Callable
from urllib.parse import parse_qsl

import anyio
import anyio.to_thread
from sqlalchemy import Engine, text

from rasd.api.limits import DEFAULT_CACHE_BYTES
from rasd.api.security import SECURITY_HEADERS

# the read routes whose answers depend only on (path, query, store): /events, /events/aggregate,
# /events/map, /events/{id}, /facets, /entities, /entities/{id}, /labels
CACHED_PATHS = re.compile(r"^/(events(/aggregate|/map|/[^/]+)?|facets|entities(/.+)?|labels)$")
DEFAULT_MAX_BYTES = DEFAULT_CACHE_BYTES
DEFAULT_MAX_ENTRIES = 20_000
DEFAULT_MAX_ENTRY_BYTES = 2 * 1024 * 1024
_SECURITY_NAMES = frozenset(k for k, _ in SECURITY_HEADERS)


class StoreGeneration:
    """A value that changes whenever the store may have changed: `current()`; `bump()` after a write."""

    def __init__(self, engine: Engine, ttl: float = 1.0, fallback: Callable[[], Any] | None = None):
        self.writes = 0
        self.ttl, self.fallback = ttl, fallback
        self.lock = threading.Lock()
        self._sqlite: sqlite3.Connection | None = None
        self._engine: Engine | None = None
        self._polled: tuple[float, Any] | None = None
        self._pin: tuple[int, Any] | None = None
        url = engine.url
        if url.get_backend_name() == "sqlite":
            path = url.database
            if path and path != ":memory:" and not path.startswith("file:"):
                self._sqlite = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
                self._sqlite.execute("PRAGMA query_only=1")
                self._cursor = self._sqlite.cursor()   # one cursor for every check (under the lock)
        elif url.get_backend_name() == "postgresql":
            self._engine = engine
        self.kind = "sqlite data_version" if self._sqlite else ("postgresql snapshot" if self._engine else "ttl")

    def pin(self, value: Any) -> None:
        """current() answers `value` in this thread until unpin(): the reads of one answer, made at one
        moment, see one generation (and check the store once, not once per read)."""
        self._pin = (threading.get_ident(), value)

    def unpin(self) -> None:
        self._pin = None

    def bump(self) -> None:
        with self.lock:
            self.writes += 1

    def current(self) -> Any:
        pin = self._pin
        if pin is not None and pin[0] == threading.get_ident():
            return pin[1]
        if self._sqlite is not None:
            with self.lock:
                return (self.writes, self._cursor.execute("PRAGMA data_version").fetchone()[0])
        if self._engine is not None:
            with self._engine.connect() as conn:
                return (self.writes, conn.execute(text("SELECT pg_current_snapshot()::text")).scalar())
        now = time.monotonic()
        polled = self._polled
        if polled is None or now - polled[0] >= self.ttl:
            polled = self._polled = (now, self.fallback() if self.fallback else None)
        return (self.writes, polled[1])

    @property
    def blocking(self) -> bool:
        """True when current() waits on the network (PostgreSQL): call it off the event loop."""
        return self._engine is not None

    def close(self) -> None:
        if self._sqlite is not None:
            with self.lock:
                self._sqlite.close()
                self._sqlite = None


def cache_key(scope) -> tuple[str, tuple[tuple[str, str], ...]]:
    """(path, query items sorted by name): the same request however its query is spelled or ordered
    (values of a repeated parameter stay in their order, since the last one given wins)."""
    return scope["path"], _query_items(scope.get("query_string", b""))


def _query_items(query_string: bytes) -> tuple[tuple[str, str], ...]:
    items = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    return tuple(sorted(items, key=lambda kv: kv[0]))


# a kept answer: (generation, status, headers, body, etag, head), a plain tuple of tuples, bytes and
# numbers, which the garbage collector stops tracking (thousands of kept answers then cost a full
# collection nothing; a tuple subclass such as a NamedTuple would stay tracked). `head`: the headers as
# the bytes of an HTTP/1.1 header block ("name: value\r\n" each), for rasd.api.fastpath, or None when
# the answer has a security header of its own (security.Guard then merges them: the application's path).
_Entry = tuple
GENERATION, STATUS, HEADERS, BODY, ETAG, HEAD = range(6)


def _entry(generation, status: int, headers: tuple[tuple[bytes, bytes], ...], body: bytes) -> _Entry:
    """A kept answer: the application's headers but its own ETag and Cache-Control."""
    etag = _etag(body)
    headers = tuple((k, v) for k, v in headers if k.lower() not in (b"etag", b"cache-control"))
    headers += ((b"etag", etag), (b"cache-control", b"no-cache"))
    own = any(k.lower() in _SECURITY_NAMES for k, _ in headers)
    return (generation, status, headers, body, etag,
            None if own else b"".join(k + b": " + v + b"\r\n" for k, v in headers))


def _direct_headers(body: bytes) -> tuple[tuple[bytes, bytes], ...]:
    return ((b"content-length", str(len(body)).encode()), (b"content-type", b"application/json"))


def _answered(headers: list[tuple[bytes, bytes]], body: bytes):
    """An ASGI app that answers 200 with `body` (a `direct` answer, kept like any other)."""
    async def app(_scope, _receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
    return app


def _etag(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


def _matches(if_none_match: bytes | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    tags = [t.strip() for t in if_none_match.split(b",")]
    return b"*" in tags or etag in tags or b"W/" + etag in tags


class CachedReads:
    """ASGI middleware: `cache.serve` (the cached answer of a read route) before the application."""

    def __init__(self, app, cache: "ResponseCache"):
        self.app, self.cache = app, cache

    async def __call__(self, scope, receive, send):
        return await self.cache.serve(self.app, scope, receive, send)


class ResponseCache:
    """The answers of the read routes, each valid while the store's generation is unchanged."""

    def __init__(self, generation: StoreGeneration, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_entries: int = DEFAULT_MAX_ENTRIES, max_entry_bytes: int = DEFAULT_MAX_ENTRY_BYTES,
                 direct: Callable[[dict], bytes | None] | None = None):
        self.generation, self.direct = generation, direct
        self.max_bytes, self.max_entries = max_bytes, max_entries
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self.enabled = max_bytes > 0 and max_entries > 0
        self.items: OrderedDict[Any, _Entry] = OrderedDict()
        self.bytes = 0
        self.hits = self.misses = self.not_modified = 0
        self.pending: dict[Any, tuple[Any, anyio.Event]] = {}   # answers being made, by key

    def stats(self) -> dict[str, int]:
        return {"entries": len(self.items), "bytes": self.bytes, "hits": self.hits, "misses": self.misses,
                "not_modified": self.not_modified}

    def clear(self) -> None:
        self.items.clear()
        self.bytes = 0

    def answer_now(self, path: str, query_string: bytes, key=None) -> tuple[_Entry, bytes] | None:
        """(the answer, b"hit" or b"miss") of a GET made at once, without the application and without
        waiting: the kept answer, or the `direct` one (then kept); None leaves the request to `serve`
        (not cacheable, not at hand, being made by another request, or a store whose generation is read
        over the network). Used by rasd.api.fastpath before any ASGI work; the same answers as `serve`."""
        if not self.enabled or self.generation.blocking or not CACHED_PATHS.match(path):
            return None
        generation = self.generation.current()
        key = key or (path, _query_items(query_string))
        entry = self.items.get(key)
        if entry is not None:
            if entry[GENERATION] == generation:
                self.items.move_to_end(key)
                self.hits += 1
                return entry, b"hit"
            self._drop(key)
        if self.direct is None or key in self.pending:
            return None
        self.generation.pin(generation)
        try:
            body = self.direct({"type": "http", "method": "GET", "path": path, "query_string": query_string})
        except Exception:   # noqa: BLE001 — the application's path answers it, error handling included
            return None
        finally:
            self.generation.unpin()
        if body is None:
            return None
        self.misses += 1
        entry = _entry(generation, 200, _direct_headers(body), body)
        self._keep(key, entry)
        return entry, b"miss"

    async def serve(self, app, scope, receive, send):
        if (not self.enabled or scope["type"] != "http" or scope["method"] != "GET"
                or not CACHED_PATHS.match(scope["path"])):
            return await app(scope, receive, send)
        if self.generation.blocking:
            generation = await anyio.to_thread.run_sync(self.generation.current)
        else:
            generation = self.generation.current()
        key = cache_key(scope)
        if_none_match = None
        for name, value in scope.get("headers") or ():
            if name == b"if-none-match":
                if_none_match = value
        entry = self.items.get(key)
        if entry is not None:
            if entry[GENERATION] == generation:
                self.items.move_to_end(key)
                self.hits += 1
                return await self._answer(send, entry, if_none_match, b"hit")
            self._drop(key)
        pending = self.pending.get(key)
        if pending is not None and pending[0] == generation:   # being made: wait for it rather than make it again
            await pending[1].wait()
            entry = self.items.get(key)
            if entry is not None and entry[GENERATION] == generation:
                self.hits += 1
                return await self._answer(send, entry, if_none_match, b"hit")
        self.misses += 1
        done = anyio.Event()
        self.pending[key] = (generation, done)
        try:
            body = None
            if self.direct is not None and not self.generation.blocking:
                self.generation.pin(generation)
                try:
                    body = self.direct(scope)
                finally:
                    self.generation.unpin()
            if body is not None:   # answered without the application (see `direct`)
                answer = _answered(list(_direct_headers(body)), body)
            else:
                answer = app
            await self._make(answer, scope, receive, send, key, generation, if_none_match)
        finally:
            done.set()
            if self.pending.get(key, (None, None))[1] is done:
                del self.pending[key]

    async def _answer(self, send, entry: _Entry, if_none_match, state: bytes) -> None:
        if _matches(if_none_match, entry[ETAG]):
            self.not_modified += 1
            headers = [(b"etag", entry[ETAG]), (b"cache-control", b"no-cache"), (b"x-rasd-cache", state)]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": entry[STATUS],
                    "headers": [*entry[HEADERS], (b"x-rasd-cache", state)]})
        await send({"type": "http.response.body", "body": entry[BODY]})

    async def _make(self, app, scope, receive, send, key, generation, if_none_match) -> None:
        start: dict | None = None
        chunks: list[bytes] = []
        size = 0
        passing = False   # not kept (not 200, or too big): the rest goes straight through

        async def capture(message):
            nonlocal start, size, passing
            if passing:
                return await send(message)
            if message["type"] == "http.response.start":
                start = message
                if message["status"] != 200:
                    passing = True
                    await send(message)
                return
            if message["type"] != "http.response.body":
                return await send(message)
            body = message.get("body", b"")
            chunks.append(body)
            size += len(body)
            if size > self.max_entry_bytes:   # too big to keep: send what we held and the rest as it comes
                passing = True
                await send(start)
                await send({"type": "http.response.body", "body": b"".join(chunks),
                            "more_body": message.get("more_body", False)})
                return
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            entry = _entry(generation, 200, tuple((bytes(k), bytes(v)) for k, v in start.get("headers", [])), body)
            self._keep(key, entry)
            await self._answer(send, entry, if_none_match, b"miss")

        await app(scope, receive, capture)

    def _keep(self, key, entry: _Entry) -> None:
        if key in self.items:
            self._drop(key)
        self.items[key] = entry
        self.bytes += len(entry[BODY])
        while self.items and (len(self.items) > self.max_entries or self.bytes > self.max_bytes):
            _key, old = self.items.popitem(last=False)
            self.bytes -= len(old[BODY])

    def _drop(self, key) -> None:
        old = self.items.pop(key, None)
        if old is not None:
            self.bytes -= len(old[BODY])
