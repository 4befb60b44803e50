"""The HTTP API and the web page: `create_app(db)`, served by `rasd serve`.

    POST /extract      an article (input JSON format) -> its record, not stored
    POST /articles     extract and store (201 added, 200 duplicate)
    GET  /events       canonical events, filtered and paged
    GET  /events/aggregate   counts under the same filters (per type, day, country, admin-1; undated)
    GET  /events/map   the map under the filters: single events where few, grid cells where many
    GET  /facets       every value the filters can take (types, ACLED types, countries, admin-1, outlets, actors)
    GET  /events/{id}  one event, its merged mentions and evidence highlights
    GET  /entities     the registry of people, organisations, places, actors
    GET  /entities/{id}
    GET  /export       jsonl | csv | geojson | parquet (rasd.export)
    GET  /labels       place names for a map view, by zoom, from the gazetteer
    GET  /health
    GET  /             the map page (rasd.web), /docs the OpenAPI UI, both fully offline

Every 4xx answer is JSON `{"detail": "<one line>"}`; bad article input is 422 with the reader's reason, an
unknown query parameter is 422 naming it. Extraction runs in worker processes with a budget per request
(rasd.api.workers); every request passes the Host allow-list, the optional token and gets security headers
(rasd.api.security). The answers of the read routes are cached until the store changes, with ETags
(rasd.api.cache).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import logging
import re
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl

import anyio
import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import rasd
from rasd.api.cache import DEFAULT_MAX_BYTES as DEFAULT_CACHE_BYTES, CachedReads, ResponseCache, StoreGeneration
from rasd.api.fastpath import Answers
from rasd.api.labels import Labels
from rasd.api.limits import DEFAULT_MAX_REQUEST_BYTES, BodySizeLimit
from rasd.api.reads import EntityPages, EventDetails
from rasd.api.security import LOOPBACK_HOSTS, Guard
from rasd.api.workers import ExtractionPool, ExtractionRefused
from rasd.api.schemas import ArticleIn, EntityPage, Error, EventDetailOut, EventPage, Health, StoredArticle
from rasd.document import PLOVER_TYPES, Article, Record
from rasd.errors import RasdInputError
from rasd.store import EntityDetail, EventFilters, Repository
from rasd.store.db import make_engine

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_PAGE = 5000
MAX_OFFSET = 10**9          # far past any store; larger numbers would overflow the database's integers
MAX_ID = 2**63 - 1
EVENT_PATH = re.compile(r"/events/([0-9]{1,19})")
EXTRACT_WAITERS = 256      # requests that may wait for an extraction worker at once (each in a thread)
# /events pages within the first PAGE_BLOCKS * PAGE_BLOCK events of a filter set are cut from blocks of
# PAGE_BLOCK events read once per store version (as JSON, at most PAGE_CACHE blocks kept): scrolling or
# paging through a list reads the store once per block, not once per page
PAGE_BLOCK, PAGE_BLOCKS, PAGE_CACHE = 200, 5, 64
VALIDATED = 4096           # /events filter queries remembered as validated (for direct answers)
PAGE_NUMBER = re.compile(r"0|[1-9][0-9]{0,9}")   # limit / offset as the direct /events path takes them
MAX_POINTS = 5000           # /events/map sends single events up to this many, grid cells beyond
log = logging.getLogger("rasd.api")
ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": Error}, 413: {"model": Error}, 422: {"model": Error}}

# what each export format is served as
EXPORT_TYPES = {
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}

# the API docs: Swagger UI's own files and our init script, nothing inline but styles
DOCS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")

# the page needs no other origin: scripts only from here, so even a mistake could not run article text
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def _article(body: ArticleIn) -> Article:
    """The same checks as a JSONL line (required fields, date, Arabic text, size), raising RasdInputError.
    Without an `id` the article is named by its text ("api-" + the first 16 hex digits of its SHA-256)."""
    from rasd.ingest.jsonl import article_from_json
    data = body.model_dump(exclude_none=True)
    if body.id is None or str(body.id) == "":
        data["id"] = "api-" + hashlib.sha256(body.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    else:
        data["id"] = str(body.id)
    try:
        return article_from_json(data, None, None)
    except RasdInputError as exc:   # the reader's hint names a CLI flag; here the limit is the server's
        raise RasdInputError(None, None, exc.reason.replace("(raise it with --max-bytes)",
                                                            "(rasd serve --max-request-bytes)")) from None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (parts[0] <= parts[2] and parts[1] <= parts[3]):
        raise RasdInputError(None, None, f"bbox must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, got {value!r}")
    return parts


def _plover(value: str | None) -> str | None:
    if value and value.upper() not in PLOVER_TYPES:
        raise RasdInputError(None, None, f"unknown PLOVER type {value!r}; types are {', '.join(PLOVER_TYPES)}")
    return value.upper() if value else None


def event_filters(date_from: dt.date | None = None, date_to: dt.date | None = None, country: str | None = None,
                  bbox: str | None = None, type: str | None = None, acled_type: str | None = None,
                  actor: str | None = None, outlet: str | None = None, place: str | None = None,
                  sub_event_type: str | None = None, admin1: str | None = None, year: int | None = None,
                  fatalities_min: int | None = None, fatalities_max: int | None = None,
                  undated: bool | None = None) -> EventFilters:
    if date_from and date_to and date_from > date_to:
        raise RasdInputError(None, None, f"date_from {date_from} is after date_to {date_to}")
    if fatalities_min is not None and fatalities_max is not None and fatalities_min > fatalities_max:
        raise RasdInputError(None, None, f"fatalities_min {fatalities_min} is over fatalities_max {fatalities_max}")
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise RasdInputError(None, None, f"country must be an ISO 3166-1 alpha-2 code such as SY, got {country!r}")
    return EventFilters(date_from=date_from, date_to=date_to, country=country or None, bbox=_bbox(bbox),
                        plover_type=_plover(type), acled_type=acled_type or None, actor_id=actor or None,
                        outlet=outlet or None, place_id=place or None, acled_subtype=sub_event_type or None,
                        admin1=admin1 or None, year=year, fatalities_min=fatalities_min,
                        fatalities_max=fatalities_max, undated=undated)


class FilterParams:
    """The event filters as query parameters, shared by /events and /export."""

    def __init__(self,
                 date_from: Annotated[dt.date | None, Query(description="events on or after (YYYY-MM-DD)")] = None,
                 date_to: Annotated[dt.date | None, Query(description="events on or before (YYYY-MM-DD)")] = None,
                 country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2, e.g. SY")] = None,
                 bbox: Annotated[str | None, Query(description="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")] = None,
                 type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")] = None,
                 acled_type: Annotated[str | None, Query(description='ACLED event type, e.g. "Battles"')] = None,
                 actor: Annotated[str | None, Query(description="actor1 or actor2: id, Arabic or English name "
                                                                "(e.g. Houthis)")] = None,
                 outlet: Annotated[str | None, Query(description="reported by this outlet: Arabic or English name "
                                                                 "(e.g. Annahar)")] = None,
                 place: Annotated[str | None, Query(description="place id")] = None,
                 sub_event_type: Annotated[str | None, Query(description='ACLED sub-event type, e.g. '
                                                                         '"Armed clash"')] = None,
                 admin1: Annotated[str | None, Query(description="first-level division, e.g. Idlib")] = None,
                 year: Annotated[int | None, Query(ge=1, le=9999, description="events in this year")] = None,
                 fatalities_min: Annotated[int | None, Query(ge=0, le=MAX_OFFSET)] = None,
                 fatalities_max: Annotated[int | None, Query(ge=0, le=MAX_OFFSET)] = None,
                 undated: Annotated[bool | None, Query(description="true: only undated events; false: only "
                                                                   "dated ones")] = None):
        self.filters = event_filters(date_from, date_to, country, bbox, type, acled_type, actor, outlet, place,
                                     sub_event_type, admin1, year, fatalities_min, fatalities_max, undated)


async def filter_params(**values: Any) -> FilterParams:
    """FilterParams as an async dependency: built on the event loop, not in a worker thread (a class
    dependency costs a thread hop per request). Takes exactly FilterParams' query parameters."""
    return FilterParams(**values)


filter_params.__signature__ = inspect.Signature(   # type: ignore[attr-defined]
    list(inspect.signature(FilterParams).parameters.values()), return_annotation=FilterParams)


class _Versions:
    """The store's versions (aggregate.version, aggregate.entity_version), read again only when the store's
    generation (rasd.api.cache.StoreGeneration) has changed, so that cached answers cost no query and a
    write, by this server or another process, shows at once."""

    def __init__(self, generation: StoreGeneration):
        self.generation, self.lock = generation, threading.Lock()
        self.values: dict[str, tuple[Any, Any]] = {}

    def get(self, name: str, compute):
        generation = self.generation.current()
        with self.lock:
            known = self.values.get(name)
        if known is not None and known[0] == generation:
            return known[1]
        value = compute()
        with self.lock:
            self.values[name] = (generation, value)
        return value

    def peek(self, name: str):
        """The value if known for the current generation, else None (nothing is read from the store)."""
        generation = self.generation.current()
        with self.lock:
            known = self.values.get(name)
        return known[1] if known is not None and known[0] == generation else None

    def clear(self) -> None:
        with self.lock:
            self.values.clear()


MISSING = object()


def _json(model) -> Response:
    """A pydantic answer serialised once, in pydantic-core (FastAPI would validate it again, then encode)."""
    return Response(model.model_dump_json(), media_type="application/json")


class _Cache:
    """The page's aggregate answers, by endpoint, query and store version (so a write makes them stale).
    A value being computed is computed once: other threads asking for it meanwhile wait for it."""

    def __init__(self, size: int = 256):
        self.size, self.lock = size, threading.Lock()
        self.items: OrderedDict[Any, Any] = OrderedDict()
        self.computing: dict[Any, threading.Lock] = {}

    def peek(self, key):
        """The value kept for `key`, or MISSING (never computes, never waits)."""
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        return MISSING

    def get(self, key, compute):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
            busy = self.computing.setdefault(key, threading.Lock())
        with busy:
            with self.lock:
                if key in self.items:   # computed by the thread we waited for
                    self.items.move_to_end(key)
                    return self.items[key]
            try:
                value = compute()
            except BaseException:
                with self.lock:
                    if self.computing.get(key) is busy:
                        del self.computing[key]
                raise
            with self.lock:
                self.items[key] = value
                while len(self.items) > self.size:
                    self.items.popitem(last=False)
                if self.computing.get(key) is busy:
                    del self.computing[key]
            return value


def _query_names(dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def reject_unknown_parameters(request: Request) -> None:
    """A query parameter the endpoint does not take is a 422 naming it (a typo must not return everything)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if route is None or dependant is None or not getattr(route, "include_in_schema", True):   # the page keeps its state in the URL
        return
    allowed = getattr(route, "_rasd_query_names", None)
    if allowed is None:
        allowed = _query_names(dependant)
        route._rasd_query_names = allowed
    unknown = [k for k in request.query_params.keys() if k not in allowed]
    if unknown:
        takes = ", ".join(sorted(allowed)) or "none"
        raise RasdInputError(None, None, f"unknown query parameter {unknown[0]!r}; {request.url.path} takes: {takes}")


def _one_line(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RasdInputError)
    async def bad_input(_request: Request, exc: RasdInputError):
        return JSONResponse({"detail": exc.reason}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError):
        errors = jsonable_encoder([{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()])
        return JSONResponse({"detail": _one_line(exc), "errors": errors}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(ExtractionRefused)
    async def refused(_request: Request, exc: ExtractionRefused):
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        return JSONResponse({"detail": exc.reason}, status_code=exc.status, headers=headers)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):   # JSON, never a plain-text 500
        log.exception("error answering %s %s", request.method, request.url.path)
        return JSONResponse({"detail": f"internal error ({type(exc).__name__}); see the server log"}, status_code=500)


def create_app(db: str | None = None, max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
               allowed_hosts: list[str] | tuple[str, ...] = LOOPBACK_HOSTS, token: str | None = None,
               pool: ExtractionPool | None = None, cache_bytes: int = DEFAULT_CACHE_BYTES) -> FastAPI:
    """The application on the store at `db` (URL or SQLite path; default $RASD_DB or ./rasd.db).

    `allowed_hosts`: Host header names served ("*" for any); `token`: required on every request but /health;
    `pool`: where extraction runs (default: worker processes with the default budget); `cache_bytes`: the
    bound of the cache of read answers (rasd.api.cache; 0 turns it off)."""
    repo = Repository.open(db)
    from rasd.store import aggregate
    cache = _Cache()
    pages = _Cache(PAGE_CACHE)
    generation = StoreGeneration(repo.engine, fallback=lambda: (aggregate.version(repo),
                                                                aggregate.entity_version(repo)))
    versions = _Versions(generation)
    details = EventDetails(repo)
    entity_pages = EntityPages(repo)   # /entities pages read on the event loop (SQLite files)
    # reads made on the event loop go through an engine of their own, used by that one thread only: its
    # connection pool can never be empty (the worker threads' reads may take every connection of the
    # Repository's pool, and the loop must never wait for one). Only on a SQLite file (local, no network).
    loop_repo = (Repository(make_engine(repo.engine.url.render_as_string(hide_password=False)))
                 if generation.kind == "sqlite data_version" else None)

    # /events queries the route has validated: their filter parameters (as in the cache key: sorted by
    # name, repeated ones in order) -> the filter set's key (EventFilters as JSON), at most VALIDATED kept
    validated: OrderedDict[tuple[tuple[str, str], ...], str] = OrderedDict()

    def filter_items(scope) -> tuple[tuple[tuple[str, str], ...], dict[str, list[str]]]:
        """(the query's filter items, the paging parameters' values as given)."""
        items = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        paging: dict[str, list[str]] = {}
        rest = []
        for name, value in items:
            if name in ("limit", "offset"):
                paging.setdefault(name, []).append(value)
            else:
                rest.append((name, value))
        return tuple(sorted(rest, key=lambda kv: kv[0])), paging

    def direct_events(scope) -> bytes | None:
        """A GET /events page without routing or validation when its filters were validated by the route
        before and the page can be cut from blocks already read; None leaves it to the route."""
        rest, paging = filter_items(scope)
        key = validated.get(rest)
        if key is None or any(len(v) > 1 or not PAGE_NUMBER.fullmatch(v[0]) for v in paging.values()):
            return None
        limit, offset = int(paging.get("limit", ["50"])[0]), int(paging.get("offset", ["0"])[0])
        if not 1 <= limit <= MAX_PAGE:
            return None
        validated.move_to_end(rest)
        return kept_page(key, limit, offset)

    def direct_event(scope) -> bytes | None:
        """GET /events/{id}'s answer without routing (rasd.api.cache `direct`); None leaves the request,
        and every error it can have (bad id, query parameters, 404), to the route below. GET /events pages
        already at hand: direct_events."""
        if scope["path"] == "/events":
            return direct_events(scope)
        match = EVENT_PATH.fullmatch(scope["path"])
        if match is None or scope.get("query_string") or int(match[1]) > MAX_ID:
            return None
        detail = details.get_direct(int(match[1]))
        return detail.model_dump_json().encode() if detail is not None else None
    responses = ResponseCache(generation, max_bytes=cache_bytes, direct=direct_event)
    pool = pool or ExtractionPool()
    # requests waiting for an extraction worker wait in threads of their own, never in the threads that
    # answer reads (a queue of POST /extract must not hold up GET /events)
    extract_threads = anyio.CapacityLimiter(EXTRACT_WAITERS)
    # one writer at a time (the store's dedup expects a single writer); held only while storing, never
    # while extracting, which runs in the pool's processes
    write_lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        pool.close()
        generation.close()
        details.close()
        entity_pages.close()
        if loop_repo is not None:
            loop_repo.close()
        repo.close()

    app = FastAPI(title="rasd", version=rasd.__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  dependencies=[Depends(reject_unknown_parameters)],
                  description="Arabic news → geocoded, sourced PLOVER events. Every 4xx answer is "
                              '`{"detail": "<one line>"}`.')
    app.state.repo = repo
    app.state.pool = pool
    app.state.response_cache = responses
    # the answers at hand, for the HTTP protocol of `rasd serve` to write itself (rasd.api.fastpath)
    app.state.answers = Answers(responses, Guard(None, allowed_hosts=allowed_hosts, token=token))
    app.add_middleware(CachedReads, cache=responses)   # innermost of ours: after the Host check and token
    app.add_middleware(BodySizeLimit, max_bytes=max_request_bytes)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, token=token)
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    async def extract_record(body: ArticleIn) -> tuple[Article, bytes]:
        """The article and its record as JSON text, made by an extraction worker (a long article's record
        is megabytes: decoding and validating it here would hold up every request on the event loop)."""
        article = _article(body)
        data = await anyio.to_thread.run_sync(pool.extract_json, article.model_dump(mode="json"),
                                              limiter=extract_threads)
        return article, data

    @app.post("/extract", response_model=Record, responses=ERRORS, tags=["articles"])
    async def extract_article(body: ArticleIn) -> Response:
        """Extract one article and return its record, without storing it."""
        return Response((await extract_record(body))[1], media_type="application/json")

    def store(data: bytes, article: Article):
        record = Record.model_validate_json(data)
        try:
            with write_lock:
                result = repo.add_record(record, article)
        finally:
            generation.bump()
            versions.clear()
        return result, record

    @app.post("/articles", response_model=StoredArticle, status_code=201, responses=ERRORS, tags=["articles"])
    async def store_article(body: ArticleIn):
        """Extract one article and store it; an article already stored (same text and URL) answers 200."""
        article, data = await extract_record(body)
        result, record = await anyio.to_thread.run_sync(store, data, article)
        out = StoredArticle(status=result.status, article_db_id=result.article_db_id,
                            event_ids=result.event_ids, record=record)
        if result.status == "duplicate":
            return JSONResponse(jsonable_encoder(out), status_code=200)
        return out

    def page_body(total: int, limit: int, offset: int, rows: list[bytes]) -> bytes:
        first = offset // PAGE_BLOCK
        start = offset - first * PAGE_BLOCK
        return b'{"total":%d,"limit":%d,"offset":%d,"items":[%s]}' % (
            total, limit, offset, b",".join(rows[start:start + limit]))

    def blocks_of(offset: int, limit: int) -> list[int] | None:
        """The blocks holding the page, or None when it lies past the blocked part (read as a page)."""
        if offset + limit <= PAGE_BLOCKS * PAGE_BLOCK and limit <= PAGE_BLOCK:
            first = offset // PAGE_BLOCK
            return [first, first + 1] if (offset + limit - 1) // PAGE_BLOCK > first else [first]
        return None

    def kept_page(key: str, limit: int, offset: int) -> bytes | None:
        """The page from what is kept for this store version (counts and blocks), or None if anything is
        missing. Reads nothing from the store and never waits: safe on the event loop (SQLite only, where
        the store's generation is a local PRAGMA)."""
        if generation.blocking:
            return None
        numbers = blocks_of(offset, limit)
        events_at = versions.peek("events")
        if numbers is None or events_at is None:
            return None
        version = (events_at, generation.current())
        total = cache.peek((("count", key), version))
        if total is MISSING or cache.peek((("count", "{}"), version)) is MISSING:
            return None
        rows: list[bytes] = []
        for number in numbers:
            block = pages.peek((key, number, version))
            if block is MISSING:
                return None
            rows += block
        return page_body(total, limit, offset, rows)

    def read_page(filters: EventFilters, key: str, limit: int, offset: int) -> Response:
        """The page, reading from the store what is not kept (in a worker thread)."""
        version = (events_version(), generation.current())

        def memo(memo_key, compute):   # counts and spellings, per store version
            return cache.get((memo_key, version), compute)
        total = memo(("count", key), lambda: aggregate.count_events(repo, filters, memo))
        everything = memo(("count", "{}"), lambda: aggregate.count_events(repo, None))

        def block(number: int) -> list[bytes]:   # PAGE_BLOCK events from number * PAGE_BLOCK, as JSON
            def compute() -> list[bytes]:
                items, _total = aggregate.page_events(repo, filters, limit=PAGE_BLOCK, offset=number * PAGE_BLOCK,
                                                      total=total, memo=memo, all_events=everything)
                return [item.model_dump_json().encode() for item in items]
            return pages.get((key, number, version), compute)
        numbers = blocks_of(offset, limit)
        if numbers is not None:
            rows = [row for number in numbers for row in block(number)]
            return Response(page_body(total, limit, offset, rows), media_type="application/json")
        items, total = aggregate.page_events(repo, filters, limit=limit, offset=offset, total=total, memo=memo,
                                             all_events=everything)
        return _json(EventPage(total=total, limit=limit, offset=offset, items=items))

    @app.get("/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    async def list_events(request: Request, params: Annotated[FilterParams, Depends(filter_params)],
                          limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                          offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
        """Canonical events matching every filter given, newest first; `total` counts all matches."""
        filters = params.filters
        key = filters.model_dump_json()
        validated[filter_items(request.scope)[0]] = key   # these filters are valid: later pages go direct
        while len(validated) > VALIDATED:
            validated.popitem(last=False)
        # a page cut from blocks already read is answered here, on the event loop (a few microseconds);
        # only reading the store goes to a worker thread (each hop to a thread and back waits for the GIL)
        body = kept_page(key, limit, offset)
        if body is not None:
            return Response(body, media_type="application/json")
        return await anyio.to_thread.run_sync(read_page, filters, key, limit, offset)

    def events_version():
        return versions.get("events", lambda: aggregate.version(repo))

    def cached(name: str, request: Request, compute):
        key = (name, tuple(sorted(request.query_params.multi_items())), events_version())
        return cache.get(key, compute)

    @app.get("/events/aggregate", responses=ERRORS, tags=["events"])
    def aggregate_events(request: Request, params: Annotated[FilterParams, Depends(filter_params)]) -> dict:
        """Counts of the matching events: total, placed, undated (no date) and imprecise (month/year only),
        per PLOVER type, ACLED type/sub-type, country, admin-1, and per day and type (with fatalities)."""
        return cached("aggregate", request, lambda: aggregate.aggregates(repo, params.filters))

    @app.get("/events/map", responses=ERRORS, tags=["events"])
    def events_map(request: Request, params: Annotated[FilterParams, Depends(filter_params)],
                   zoom: Annotated[int, Query(ge=0, le=20, description="map zoom level")] = 4,
                   max_points: Annotated[int, Query(ge=1, le=MAX_POINTS)] = MAX_POINTS) -> dict:
        """The placed events of a view: `points` ([id, lat, lon, type, fatalities, date]) when at most
        `max_points` match, else `cells` of a grid sized for `zoom` (count, dominant type, mean point)."""
        def compute() -> dict:
            points, placed = aggregate.map_points(repo, params.filters, max_points)
            if placed <= max_points:
                return {"placed": placed, "points": points, "cells": None}
            cell = max(0.02, 64.0 / 2 ** zoom)   # about 45 px on screen at this zoom: clusters barely overlap
            return {"placed": placed, "points": None, "cells": aggregate.map_cells(repo, params.filters, cell),
                    "cell": cell}
        return cached("map", request, compute)

    @app.get("/facets", responses=ERRORS, tags=["events"])
    def get_facets(request: Request, actors: Annotated[int, Query(ge=1, le=20000)] = 2000) -> dict:
        """Every value the event filters can take in this store, with counts: PLOVER types, ACLED types and
        sub-types, countries, admin-1 divisions, outlets (Arabic and English), the most frequent actors."""
        return cached("facets", request, lambda: aggregate.facets(repo, actors))

    labels = Labels()

    @app.get("/labels", responses=ERRORS, tags=["meta"])
    def place_labels(bbox: Annotated[str, Query(description="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT of the view")],
                     zoom: Annotated[int, Query(ge=0, le=20)],
                     limit: Annotated[int, Query(ge=1, le=500)] = 150) -> dict:
        """Country and city names for a map view from the gazetteer: countries up to zoom 6, cities by
        population as the zoom grows; each with `name_ar`, `name_en`, `kind` (country, capital, city)."""
        box = _bbox(bbox)
        if box is None:
            raise RasdInputError(None, None, "bbox must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
        return {"labels": labels.query(box, zoom, limit)}

    @app.get("/events/{event_id}", response_model=EventDetailOut, responses=ERRORS, tags=["events"])
    def get_event(event_id: Annotated[int, PathParam(ge=0, le=MAX_ID)]) -> Response:
        """One canonical event with every mention: source, evidence sentence, highlights, why it was merged."""
        detail = details.get(event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id}")
        return _json(detail)

    @app.get("/entities", response_model=EntityPage, responses=ERRORS, tags=["entities"])
    async def list_entities(q: Annotated[str | None, Query(description="id, English name or any alias")] = None,
                            type: Annotated[str | None, Query(description="PERSON ORG GPE LOC FAC PLACE ACTOR")] = None,
                            limit: Annotated[int, Query(ge=1, le=1000)] = 50,
                            offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
        """The registry, most mentioned first."""
        def page(ranking, store: Repository) -> Response:
            found = entity_pages.page(ranking, q, type, limit, offset) if store is loop_repo else None
            if found is None:
                found = aggregate.entity_page(store, ranking, q, type, limit=limit, offset=offset)
            items, total = found
            return _json(EntityPage(total=total, limit=limit, offset=offset, items=items))

        def read() -> Response:
            version = versions.get("entities", lambda: aggregate.entity_version(repo))
            return page(cache.get(("entity ranking", version), lambda: aggregate.entity_ranking(repo)), repo)
        # with the ranking at hand on a local store, the page (two indexed queries over the registry, about
        # 1.5 ms) is read here on the event loop: in a worker thread, under load, it waited hundreds of ms
        # for the GIL (each query hands it back and must win it again from the busy event loop)
        version = None if loop_repo is None else versions.peek("entities")
        ranking = MISSING if version is None else cache.peek(("entity ranking", version))
        if ranking is not MISSING and loop_repo is not None:
            return page(ranking, loop_repo)
        return await anyio.to_thread.run_sync(read)

    def warm_reads() -> None:
        """Read what the first request of each kind needs whatever its filters: the store's versions, the
        registry's ranking (/entities), the count of every event and the first page of all events.
        `rasd serve` runs it in a thread as it starts, so that its first clients do not all wait for these
        at once (they are read again, when asked, after the store changes)."""
        version = versions.get("entities", lambda: aggregate.entity_version(repo))
        cache.get(("entity ranking", version), lambda: aggregate.entity_ranking(repo))
        filters = event_filters()
        key = filters.model_dump_json()
        read_page(filters, key, 50, 0)
        validated.setdefault((), key)
    app.state.warm_reads = warm_reads

    @app.get("/entities/{entity_id:path}", response_model=EntityDetail, responses=ERRORS, tags=["entities"])
    def get_entity(entity_id: str) -> EntityDetail:
        """One entity: its aliases, English name, and the events it is an actor or place of."""
        entity = repo.get_entity(entity_id)
        if entity is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        return entity

    @app.get("/export", responses={200: {"content": {t: {} for t, _ in EXPORT_TYPES.values()}}, **ERRORS},
             tags=["events"], response_class=FileResponse)
    def export(format: Literal["jsonl", "csv", "geojson", "parquet"],
               params: Annotated[FilterParams, Depends(filter_params)]):
        """Every matching event as a file, in the same formats as `rasd export`, streamed as it is read
        from the store (a client that leaves stops the export)."""
        from rasd.export.formats import export_pieces
        media_type, ext = EXPORT_TYPES[format]
        return StreamingResponse(export_pieces(repo, format, params.filters), media_type=media_type,
                                 headers={"Content-Disposition": f'attachment; filename="rasd-events.{ext}"'})

    @app.get("/health", response_model=Health, tags=["meta"])
    def health() -> Health:
        return Health(status="ok", version=rasd.__version__, database=repo.url, stats=repo.stats())

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI with its start-up script as a file of ours (no inline script), so the CSP can forbid them
        html = ("<!doctype html><html><head><meta charset='utf-8'><title>rasd API</title>"
                "<link rel='icon' href='/static/vendor/swagger-ui/favicon-32x32.png'>"
                "<link rel='stylesheet' href='/static/vendor/swagger-ui/swagger-ui.css'></head>"
                "<body><div id='swagger-ui' data-openapi-url='" + str(app.openapi_url) + "'></div>"
                "<script src='/static/vendor/swagger-ui/swagger-ui-bundle.js'></script>"
                "<script src='/static/docs.js'></script></body></html>")
        return HTMLResponse(html, headers={"Content-Security-Policy": DOCS_CSP})

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-cache"})

    return app
