"""The cache of read answers (rasd.api.cache): served again only while the store is unchanged, keyed by
path and query, ETag / If-None-Match, bounded, errors never kept."""
import sqlite3
import warnings

import pytest
from sqlalchemy import text

from rasd.api.cache import BODY, CACHED_PATHS, ResponseCache, StoreGeneration, cache_key
from rasd.store import Repository
from rasd.api.evidence import evidence_highlights
from rasd.api.reads import EventDetails
from rasd.api.schemas import EventDetailOut, MentionDetail
from rasd_testkit.api import ARTICLE_TEXT, UNDATED, fill_sample_store
from rasd_testkit.api import SAMPLE
from rasd_testkit.store import constructed_article, postgres_unavailable, throwaway_postgres

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _state(response) -> str | None:
    return response.headers.get("x-rasd-cache")


def test_second_read_is_a_hit_with_the_same_body_and_security_headers(client):
    first = client.get("/events?type=ASSAULT")
    second = client.get("/events?type=ASSAULT")
    assert (_state(first), _state(second)) == ("miss", "hit")
    assert second.content == first.content and second.json()["total"] == 3
    assert second.headers["etag"] == first.headers["etag"]
    assert second.headers["content-type"] == "application/json"
    assert second.headers["x-content-type-options"] == "nosniff"     # the Guard's headers on a cached answer
    assert "content-security-policy" in second.headers


def test_different_queries_do_not_collide_and_order_does_not_matter(client):
    answers = {}
    for query in ("", "type=ASSAULT", "type=PROTEST", "type=ASSAULT&country=SY", "limit=1", "limit=1&offset=1",
                  "limit=1&offset=2"):
        body = client.get(f"/events?{query}").json()
        assert client.get(f"/events?{query}").json() == body   # the hit is the same answer
        answers[query] = body
    assert answers["type=ASSAULT"]["total"] == 3 and answers["type=PROTEST"]["total"] == 1
    assert answers["type=ASSAULT&country=SY"]["total"] == 1
    ids = [answers[f"limit=1{o}"]["items"][0]["id"] for o in ("", "&offset=1", "&offset=2")]
    assert len(set(ids)) == 3
    # the same request spelled otherwise is the same key, hence a hit with the same answer
    swapped = client.get("/events?country=SY&type=ASSAULT")
    assert _state(swapped) == "hit" and swapped.json() == answers["type=ASSAULT&country=SY"]
    # paths differ: /entities/{id} and /events/{id} each their own answer
    event = client.get("/events/1").json()
    assert client.get("/events/2").json()["id"] != event["id"]


def test_repeated_parameter_keeps_its_order_in_the_key():
    one = cache_key({"path": "/events", "query_string": b"type=ASSAULT&type=PROTEST"})
    other = cache_key({"path": "/events", "query_string": b"type=PROTEST&type=ASSAULT"})
    assert one != other    # the last value given wins, so these are different requests
    assert cache_key({"path": "/events", "query_string": b"b=1&a=2"}) == cache_key(
        {"path": "/events", "query_string": b"a=2&b=1"})
    assert cache_key({"path": "/entities", "query_string": b"q=a%20b"}) == cache_key(
        {"path": "/entities", "query_string": b"q=a+b"})


def test_a_write_through_the_api_invalidates_cached_reads(client):
    events, entities = client.get("/events").json(), client.get("/entities").json()
    assert _state(client.get("/events")) == "hit"
    response = client.post("/articles", json={"id": "fresh-cache", "text": ARTICLE_TEXT, "published": "2024-03-09"})
    assert response.status_code == 201 and response.json()["event_ids"]
    after = client.get("/events")
    assert _state(after) == "miss" and after.json()["total"] > events["total"]
    assert client.get("/entities").json()["total"] >= entities["total"]
    new_id = response.json()["event_ids"][0]
    assert client.get(f"/events/{new_id}").status_code == 200


def test_a_write_through_another_repository_invalidates_cached_reads(client, db_url):
    """Another connection (as another process would: an ingest running beside the server)."""
    before = client.get("/events?country=LB").json()
    assert before["total"] == 0 and _state(client.get("/events?country=LB")) == "hit"
    facets = client.get("/facets").json()
    with Repository.open(db_url) as repo:
        article_id, text, outlet, published, link, events = UNDATED
        article, record = constructed_article(article_id, text, events, published=published, outlet=outlet, url=link)
        repo.add_record(record, article)
    after = client.get("/events?country=LB")
    assert _state(after) == "miss" and after.json()["total"] == 1
    assert client.get("/facets").json() != facets


def test_an_update_by_a_raw_connection_is_never_served_stale(client, db_url):
    first = client.get("/events/1").json()
    assert _state(client.get("/events/1")) == "hit"
    path = db_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE events SET fatalities = 4242 WHERE id = 1")
    again = client.get("/events/1")
    assert _state(again) == "miss" and again.json()["fatalities"] == 4242 != first["fatalities"]


def test_etag_if_none_match_answers_304_until_the_store_changes(client, db_url):
    first = client.get("/entities?type=PLACE")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    unchanged = client.get("/entities?type=PLACE", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged.headers["etag"] == etag
    assert client.get("/entities?type=PLACE", headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get("/entities?type=PLACE", headers={"If-None-Match": f'"x", W/{etag}'}).status_code == 304
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        db.execute("UPDATE entities SET name_en = 'Renamed place' WHERE type = 'PLACE'")
    changed = client.get("/entities?type=PLACE", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert "Renamed place" in changed.text


def test_errors_and_unlisted_routes_are_not_cached(client):
    for _ in range(2):
        bad = client.get("/events?type=NOPE")
        assert bad.status_code == 422 and _state(bad) is None
        missing = client.get("/events/999999")
        assert missing.status_code == 404 and _state(missing) is None
        assert _state(client.get("/health")) is None
        assert _state(client.get("/export?format=csv")) is None
    assert not CACHED_PATHS.match("/export") and not CACHED_PATHS.match("/") and CACHED_PATHS.match("/events/7")


def test_the_cache_is_bounded_by_entries_and_bytes(db_url):
    from rasd.api.app import create_app
    app = create_app(db_url, cache_bytes=4000)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        cache: ResponseCache = app.state.response_cache
        cache.max_entries = 5
        bodies = {}
        for offset in range(12):
            response = c.get(f"/events?limit=1&offset={offset % 8}")
            bodies.setdefault(offset % 8, response.content)
            assert response.content == bodies[offset % 8]
            assert len(cache.items) <= 5 and cache.bytes <= 4000
        assert cache.bytes == sum(len(e[BODY]) for e in cache.items.values())
        # an answer bigger than the whole cache is passed through whole, never kept
        big = c.get("/events?limit=50")
        assert big.status_code == 200 and len(big.content) > 4000 and len(big.json()["items"]) == 8
        assert _state(big) is None and ("/events", (("limit", "50"),)) not in cache.items and cache.bytes <= 4000


def test_cache_off_serves_without_it(db_url):
    from rasd.api.app import create_app
    with TestClient(create_app(db_url, cache_bytes=0), base_url="http://127.0.0.1") as c:
        assert [_state(c.get("/events")) for _ in range(2)] == [None, None]
        assert c.get("/events").json()["total"] == 8


def test_generation_changes_with_any_commit_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'g.db'}"
    with Repository.open(url) as repo:
        generation = StoreGeneration(repo.engine)
        assert generation.kind == "sqlite data_version"
        first = generation.current()
        assert generation.current() == first
        with sqlite3.connect(tmp_path / "g.db") as db:
            db.execute("UPDATE entities SET name_en = name_en")   # a commit, even of nothing
            db.execute("CREATE TABLE IF NOT EXISTS t (x)")
        second = generation.current()
        assert second != first
        generation.bump()
        assert generation.current() != second
        generation.close()


@pytest.mark.skipif(postgres_unavailable() is not None, reason=str(postgres_unavailable()))
def test_generation_changes_with_any_commit_on_postgresql():
    with throwaway_postgres() as url, Repository.open(url) as repo:
        generation = StoreGeneration(repo.engine)
        assert generation.kind == "postgresql snapshot" and generation.blocking
        first = generation.current()
        assert generation.current() == first
        with repo.engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x int)"))
            conn.execute(text("INSERT INTO t VALUES (1)"))
        assert generation.current() != first


def _through_the_repository(repo: Repository, event_id: int) -> EventDetailOut | None:
    """GET /events/{id} as it was made before rasd.api.reads: Repository.get_event + mention_events."""
    event = repo.get_event(event_id)
    if event is None:
        return None
    extracted = repo.mention_events(event_id)
    mentions = [MentionDetail(**m.model_dump(), event=extracted.get(m.id),
                              highlights=evidence_highlights(m, extracted.get(m.id))) for m in event.mentions]
    return EventDetailOut(**event.model_dump(exclude={"mentions"}), mentions=mentions)


def _same_details(repo: Repository) -> int:
    with repo._sessions() as s:
        ids = [i for (i,) in s.execute(text("SELECT id FROM events ORDER BY id"))]
    assert len(ids) >= 8
    details = EventDetails(repo)
    for event_id in ids + [max(ids) + 1]:
        expected = _through_the_repository(repo, event_id)
        for got in (details.get(event_id), details.get_direct(event_id)):   # the session's, its own connection
            assert (got.model_dump_json() if got else None) == (expected.model_dump_json() if expected else None)
    details.close()
    return len(ids)


def test_event_detail_is_the_repositorys_answer_on_sqlite(db_url, client):
    with Repository.open(db_url) as repo:
        article, record = constructed_article("again", SAMPLE[0][1] + " وقال شهود إن 3 منازل دمرت.",
                                              SAMPLE[0][5], published=SAMPLE[0][3], outlet="العربية")
        repo.add_record(record, article)     # a second report of the Idlib strike: an event of two mentions
        assert _same_details(repo) >= 8
        merged = [e for e in (repo.get_event(i) for i in range(1, 12)) if e and len(e.mentions) > 1]
        assert merged
    assert len(client.get(f"/events/{merged[0].id}").json()["mentions"]) == 2


@pytest.mark.skipif(postgres_unavailable() is not None, reason=str(postgres_unavailable()))
def test_event_detail_is_the_repositorys_answer_on_postgresql():
    with throwaway_postgres() as url:
        with fill_sample_store(url, undated=True) as repo:
            assert _same_details(repo) >= 9


def test_events_pages_cut_from_blocks_are_list_events(db_url, monkeypatch):
    """Pages read from blocks (here of 3 events, so pages span blocks and go past the blocked part) are the
    pages Repository.list_events gives, for every offset and limit."""
    import rasd.api.app as app_module
    from rasd.api.app import create_app
    from rasd.api.schemas import EventPage
    from rasd.store import EventFilters
    monkeypatch.setattr(app_module, "PAGE_BLOCK", 3)
    monkeypatch.setattr(app_module, "PAGE_BLOCKS", 2)
    with Repository.open(db_url) as repo, TestClient(create_app(db_url, cache_bytes=0),
                                                     base_url="http://127.0.0.1") as c:
        for query, filters in (("", EventFilters()), ("type=ASSAULT", EventFilters(plover_type="ASSAULT"))):
            for offset in range(0, 10):
                for limit in (1, 2, 3, 4, 7):
                    items, total = repo.list_events(filters, limit=limit, offset=offset)
                    got = c.get(f"/events?{query}&limit={limit}&offset={offset}")
                    assert got.status_code == 200
                    assert got.content.decode() == EventPage(total=total, limit=limit, offset=offset,
                                                             items=items).model_dump_json(), (query, offset, limit)


def test_direct_event_answers_are_the_routes_answers(db_url):
    """GET /events/{id} answered directly by the cache layer is byte for byte the route's answer; every
    error (bad ids, query parameters, unknown events) is still the route's."""
    from rasd.api.app import create_app
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as cached, \
            TestClient(create_app(db_url, cache_bytes=0), base_url="http://127.0.0.1") as plain:
        for path in ("/events/1", "/events/3", "/events/8", "/events/0", "/events/999", "/events/01",
                     "/events/1?x=1", "/events/1x", "/events/-1", f"/events/{2**63}", "/events/99999999999999999999"):
            a, b = cached.get(path), plain.get(path)
            assert (a.status_code, a.content) == (b.status_code, b.content), path
            assert a.headers["content-type"] == b.headers["content-type"]
            assert _state(a) == ("miss" if a.status_code == 200 else None) and _state(b) is None
        assert cached.app.state.response_cache.direct is not None


def test_a_value_asked_by_many_threads_at_once_is_computed_once():
    import threading
    import time

    from rasd.api.app import _Cache
    cache, calls = _Cache(size=4), []

    def compute():
        calls.append(1)
        time.sleep(0.2)
        return "value"
    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", compute))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["value"] * 8 and len(calls) == 1 and not cache.computing
    with pytest.raises(ZeroDivisionError):
        cache.get("bad", lambda: 1 / 0)
    assert not cache.computing and cache.get("bad", lambda: 2) == 2


def test_concurrent_requests_for_a_cold_answer_make_it_once(db_url):
    import anyio
    import httpx

    from rasd.api.app import create_app
    app = create_app(db_url)
    cache = app.state.response_cache
    made = []
    real_make = cache._make

    async def counting_make(*args, **kwargs):
        made.append(1)
        await anyio.sleep(0.1)   # still being made when the others arrive
        return await real_make(*args, **kwargs)
    cache._make = counting_make

    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            answers = []

            async def one():
                answers.append(await c.get("/events?type=ASSAULT"))
            async with anyio.create_task_group() as tg:
                for _ in range(10):
                    tg.start_soon(one)
            return answers
    answers = anyio.run(run)
    assert len(made) == 1 and all(a.status_code == 200 and a.json()["total"] == 3 for a in answers)
    assert sorted(_state(a) for a in answers) == ["hit"] * 9 + ["miss"]


def test_warm_starts_every_extraction_worker_before_any_request():
    from rasd.api.workers import ExtractionPool
    pool = ExtractionPool(workers=2, timeout=300)
    try:
        assert all(w.process is None for w in pool._all)
        pool.warm()
        assert all(w.process is not None and w.process.is_alive() for w in pool._all)
        pids = {w.process.pid for w in pool._all}
        record = pool.extract({"id": "after-warm", "text": ARTICLE_TEXT})
        assert record["events"] and {w.process.pid for w in pool._all} == pids   # the warmed workers served it
        assert pool._free.qsize() == 2
        # the worker's JSON is passed on as it is: the same text as the record validated and written again
        from rasd.document import Record
        raw = pool.extract_json({"id": "after-warm", "text": ARTICLE_TEXT})
        assert Record.model_validate_json(raw).model_dump_json().encode() == raw
        assert Record.model_validate(record).model_dump_json().encode() == raw
    finally:
        pool.close()


def test_kept_answers_are_not_tracked_by_the_garbage_collector(client):
    import gc
    assert client.get("/events?limit=3").status_code == 200 and client.get("/entities").status_code == 200
    cache = client.app.state.response_cache
    for _ in range(3):   # a tuple is untracked once a collection finds only untracked items in it
        gc.collect()
    assert len(cache.items) == 2
    assert not any(gc.is_tracked(entry) or gc.is_tracked(key) for key, entry in cache.items.items())


def test_an_events_page_in_blocks_already_read_is_answered_without_a_thread(db_url, monkeypatch):
    """/events reads the store in a worker thread once per block; a later page cut from the same block
    (here with the response cache off) is answered on the event loop, and is the same page."""
    import anyio.to_thread

    from rasd.api.app import create_app
    real, hops = anyio.to_thread.run_sync, []

    async def counting(func, *args, **kwargs):
        hops.append(getattr(func, "__name__", ""))
        return await real(func, *args, **kwargs)
    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    with TestClient(create_app(db_url, cache_bytes=0), base_url="http://127.0.0.1") as c:
        first = c.get("/events?type=ASSAULT&limit=2&offset=0").json()
        assert hops.count("read_page") == 1
        again = c.get("/events?type=ASSAULT&limit=1&offset=1").json()
        assert hops.count("read_page") == 1          # no thread: cut from the kept block
        assert again["items"] == first["items"][1:2] and again["total"] == first["total"]
        c.get("/events?type=PROTEST&limit=2")        # another filter set: read once more
        assert hops.count("read_page") == 2


def test_direct_events_pages_are_the_routes_pages(db_url):
    """A later page of /events filters the route has validated is answered by the cache layer from kept
    blocks, byte for byte the route's page; anything else (new filters, bad or repeated paging, unknown
    parameters) is still the route's, errors included."""
    from rasd.api.app import create_app
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as cached, \
            TestClient(create_app(db_url, cache_bytes=0), base_url="http://127.0.0.1") as plain:
        cache = cached.app.state.response_cache
        real, direct = cache.direct, []
        def counting(scope):
            body = real(scope)
            if body is not None:
                direct.append(scope["path"] + "?" + scope["query_string"].decode())
            return body
        cache.direct = counting
        queries = ["/events?type=ASSAULT&limit=2", "/events?limit=1&offset=1&type=ASSAULT",
                   "/events?type=assault&offset=2", "/events?type=assault&offset=1&limit=3",
                   "/events?offset=3", "/events", "/events?limit=2&offset=0", "/events?offset=-1",
                   "/events?limit=0", "/events?limit=1&limit=2", "/events?offset=01", "/events?limit=2&x=1",
                   "/events?type=NOPE", "/events?type=NOPE&limit=1", "/events?offset=999999999999"]
        for path in queries:
            a, b = cached.get(path), plain.get(path)
            assert (a.status_code, a.content) == (b.status_code, b.content), path
            assert a.headers["content-type"] == b.headers["content-type"], path
        assert direct == ["/events?limit=1&offset=1&type=ASSAULT", "/events?type=assault&offset=1&limit=3",
                          "/events?", "/events?limit=2&offset=0"]


def test_an_entities_page_with_the_ranking_at_hand_takes_no_thread(db_url, monkeypatch):
    import anyio.to_thread

    from rasd.api.app import create_app
    real, hops = anyio.to_thread.run_sync, []

    async def counting(func, *args, **kwargs):
        hops.append(getattr(func, "__name__", ""))
        return await real(func, *args, **kwargs)
    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    with TestClient(create_app(db_url, cache_bytes=0), base_url="http://127.0.0.1") as c, \
            Repository.open(db_url) as repo:
        everything = c.get("/entities?limit=1000").json()
        assert hops.count("read") == 1               # the ranking is made in a worker thread, once
        some = c.get("/entities?type=PLACE&limit=2").json()
        assert hops.count("read") == 1               # then pages are read without a thread
        items, total = repo.list_entities(type="PLACE", limit=2)
        assert [e["id"] for e in some["items"]] == [e.id for e in items] and some["total"] == total
        assert everything["total"] == repo.list_entities(limit=1)[1]


def test_reads_warmed_at_start_answer_the_first_pages_without_a_thread(db_url, monkeypatch):
    import anyio.to_thread

    from rasd.api.app import create_app
    real, hops = anyio.to_thread.run_sync, []

    async def counting(func, *args, **kwargs):
        hops.append(getattr(func, "__name__", ""))
        return await real(func, *args, **kwargs)
    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    with TestClient(create_app(db_url, cache_bytes=0), base_url="http://127.0.0.1") as cold:
        expected = [cold.get(p).content for p in ("/entities?limit=3", "/events?limit=5", "/events?offset=2&limit=2")]
    hops.clear()
    app = create_app(db_url, cache_bytes=0)
    app.state.warm_reads()
    with TestClient(app, base_url="http://127.0.0.1") as c:
        answers = [c.get(p).content for p in ("/entities?limit=3", "/events?limit=5", "/events?offset=2&limit=2")]
    assert answers == expected and hops == []   # all from what was read ahead, on the event loop


def test_a_pinned_generation_is_seen_by_its_thread_only(tmp_path):
    import threading

    from sqlalchemy import create_engine
    path = tmp_path / "g.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    generation = StoreGeneration(create_engine(f"sqlite:///{path}"))
    before = generation.current()
    generation.pin(before)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO t VALUES (1)")
    seen = []
    other = threading.Thread(target=lambda: seen.append(generation.current()))
    other.start()
    other.join()
    assert generation.current() == before and seen[0] != before   # another thread checks the store
    generation.unpin()
    assert generation.current() == seen[0]
    generation.close()
