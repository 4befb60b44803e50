"""The same faults on a real PostgreSQL server (a throw-away cluster; skipped when none can be started):
input PostgreSQL cannot hold (NUL, long ids and names) and several writers at once."""
from __future__ import annotations

import json

import pytest
from faultkit import (assert_clean_stderr, good_line, good_text, skipped_lines, start_rasd, write_good)

from rasd_testkit.store import postgres_unavailable, throwaway_postgres

pytestmark = pytest.mark.skipif(postgres_unavailable() is not None, reason=str(postgres_unavailable()))


@pytest.fixture(scope="module")
def pg_server():
    with throwaway_postgres("rasd") as url:
        yield url


_DATABASES = iter(range(1, 1000))


@pytest.fixture
def pg_url(pg_server):
    """A new, empty database on the module's server for each test (so schema creation is exercised too)."""
    import pg8000.native
    from sqlalchemy.engine import make_url
    url = make_url(pg_server)
    name = f"faults_{next(_DATABASES)}"
    conn = pg8000.native.Connection(user="postgres", host=url.host, port=url.port, database="postgres")
    try:
        conn.run(f'CREATE DATABASE "{name}"')
    finally:
        conn.close()
    return url.set(database=name).render_as_string(hide_password=False)


def pg_ids(url: str) -> list[str]:
    from sqlalchemy import create_engine, text
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [row[0] for row in conn.execute(text("SELECT source_id FROM articles"))]
    finally:
        engine.dispose()


def pg_scalar(url: str, sql: str):
    from sqlalchemy import create_engine, text
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def test_input_postgres_cannot_hold_costs_only_itself(pg_url, tmp_path, ingest_in_process):
    text = good_text(0).replace("\n", " ")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        good_line(1),
        json.dumps({"id": "nul", "text": text.replace(" ", " \u0000", 2) + " رقم 50", "outlet": "ع\u0000ب",
                    "author": "\u0000مراسل", "title": "عنوان\u0000"}, ensure_ascii=False),
        good_line(2),
        json.dumps({"id": "L" * 501, "text": text}),
        good_line(3),
        json.dumps({"id": "o", "text": text, "outlet": "x" * 301}),
        good_line(4),
        json.dumps({"id": "a", "text": text, "author": "x" * 301}),
        '{"id": "s", "text": "%s \\udc00"}' % text,
        "[" * 5000,
        good_line(5),
        json.dumps({"id": "M" * 500, "text": good_text(6), "outlet": "y" * 300}),   # at the limits: kept
    ]) + "\n", encoding="utf-8")
    code, err = ingest_in_process(str(src), "--db", pg_url)
    assert code == 1
    assert_clean_stderr(err)
    assert [line.split(": ")[1].rsplit(":", 1)[1] for line in skipped_lines(err)] == ["4", "6", "8", "9", "10"]
    assert sorted(pg_ids(pg_url)) == sorted(["good-1", "good-2", "good-3", "good-4", "good-5", "nul", "M" * 500])
    assert pg_scalar(pg_url, "SELECT outlet || '|' || author FROM articles WHERE source_id = 'nul'") == "عب|مراسل"


def test_two_ingests_of_disjoint_halves_at_once_store_everything_once(pg_url, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    # the halves share texts' places and actors, so both create the same entities and events at once
    good = write_good(a, range(0, 24)) | write_good(b, range(24, 48))
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    children = [start_rasd("ingest", str(src), "--db", pg_url, "--workers", "1", log=log)
                for src, log in zip((a, b), logs)]
    codes = [child.wait(timeout=600) for child in children]
    errs = [log.read_text() for log in logs]
    assert codes == [0, 0], errs
    for err in errs:
        assert_clean_stderr(err)
    assert sorted(pg_ids(pg_url)) == sorted(good)
    assert pg_scalar(pg_url, "SELECT count(*) FROM (SELECT entity_id, alias, count(*) FROM entity_aliases "
                             "GROUP BY entity_id, alias HAVING count(*) > 1) d") == 0


def test_the_same_input_twice_at_once_on_postgres_stores_each_article_once(pg_url, tmp_path):
    src = tmp_path / "a.jsonl"
    good = write_good(src, range(12))
    logs = [tmp_path / "1.log", tmp_path / "2.log"]
    children = [start_rasd("ingest", str(src), "--db", pg_url, "--workers", "1", log=log) for log in logs]
    codes = [child.wait(timeout=600) for child in children]
    errs = [log.read_text() for log in logs]
    assert codes == [0, 0], errs
    for err in errs:
        assert_clean_stderr(err)
    assert sorted(pg_ids(pg_url)) == sorted(good)


def test_an_unreachable_postgres_is_one_line(tmp_path, ingest_in_process):
    import socket
    with socket.socket() as sock:          # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    write_good(tmp_path / "a.jsonl", [1])
    code, err = ingest_in_process(str(tmp_path / "a.jsonl"), "--db", f"postgresql://rasd@127.0.0.1:{port}/rasd")
    assert code == 1
    assert_clean_stderr(err)
    assert err.startswith(f"rasd: postgresql+pg8000://rasd@127.0.0.1:{port}/rasd: cannot open the store: ")


def test_an_extracted_name_longer_than_the_id_columns_is_stored(pg_url):
    """Name-based ids (actor:, place:, name:) of very long extracted names are bounded, not refused."""
    from rasd.store import Repository
    from rasd_testkit.store import constructed_article
    long_name = "قوات " + "و" * 700
    place = ("مدينة " + "ب" * 700, None, None, "SY")
    text = f"هاجمت {long_name} موقعا قرب {place[0]}."
    article, record = constructed_article("long-names", text, [dict(
        type="ASSAULT", trigger="هاجمت", place=place, date="2024-03-01", actor1=(long_name, None))])
    with Repository.open(pg_url) as repo:
        assert repo.add_record(record, article).status == "added"
        [event] = repo.list_events()[0]
        assert len(event.actor1_id) <= 500 and event.actor1_name == long_name
