"""Read answers at hand written by the HTTP protocol itself (rasd.api.fastpath): the same bytes as the
application's answers, the same refusals, and never a stale answer."""
import asyncio
import contextlib
import socket
import sqlite3
import threading
import time

import pytest

from rasd.api.app import create_app
from rasd.api.fastpath import protocol_class


@contextlib.contextmanager
def serving(db_url, fast=True, **kwargs):
    """uvicorn on a free loopback port in a thread, with the answering protocol (or uvicorn's own)."""
    import uvicorn
    app = create_app(db_url, **kwargs)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            http=protocol_class(app.state.answers) if fast else "httptools")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.02)
    try:
        yield app, port
    finally:
        server.should_exit = True
        thread.join(10)


def exchange(port: int, *requests: bytes, pipelined: bool = False) -> list[tuple[int, dict[str, str], bytes]]:
    """Send the requests on one connection, each after the answer to the one before, or all in one write
    (`pipelined`); the answers in order."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        if pipelined:
            sock.sendall(b"".join(requests))
        buffer = [b""]
        answers = []
        for request in requests:
            if not pipelined:
                sock.sendall(request)
            answers.append(_read_answer(sock, buffer))
    return answers


def _read_answer(sock, buffer: list[bytes]) -> tuple[int, dict[str, str], bytes]:
    data = buffer[0]
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, "connection closed before an answer"
        data += chunk
    head, data = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, value = line.split(":", 1)
        headers[name.lower()] = value.strip()
    size = int(headers.get("content-length", 0))
    while len(data) < size:
        data += sock.recv(65536)
    buffer[0] = data[size:]
    return int(lines[0].split()[1]), headers, data[:size]


def get(path: str, *headers: str, host: str = "127.0.0.1") -> bytes:
    return (f"GET {path} HTTP/1.1\r\nHost: {host}\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode()


PATHS = ["/events?type=ASSAULT", "/events?limit=2&offset=1", "/entities?type=PLACE", "/events/2", "/facets",
         "/events/aggregate?country=SY"]


def without_date(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k != "date"}


def test_answers_at_hand_are_the_applications_answers_byte_for_byte(db_url):
    with serving(db_url, fast=False) as (_app, port):
        plain = [exchange(port, get(p), get(p)) for p in PATHS]
    with serving(db_url) as (app, port):
        fast = [exchange(port, get(p), get(p)) for p in PATHS]
        answered = app.state.answers.answered
    assert answered >= len(PATHS)   # every second request at least was written by the protocol
    for path, plain_pair, fast_pair in zip(PATHS, plain, fast):
        for (s1, h1, b1), (s2, h2, b2) in zip(plain_pair, fast_pair):
            assert (s1, b1) == (s2, b2), path
            assert without_date(h1) == without_date(h2), path
        assert fast_pair[1][1]["x-rasd-cache"] == "hit"
        assert fast_pair[1][1]["x-content-type-options"] == "nosniff"


def test_a_direct_event_answer_is_written_by_the_protocol(db_url):
    with serving(db_url) as (app, port):
        (status, headers, body), = exchange(port, get("/events/3"))
        assert status == 200 and headers["x-rasd-cache"] == "miss" and b'"id":3' in body
        assert app.state.answers.answered == 1
        # errors are the application's: no such event, a bad id, a query parameter it does not take
        answers = exchange(port, get("/events/999999"), get("/events/abc"), get("/events/3?x=1"))
        assert [a[0] for a in answers] == [404, 422, 422]
        assert app.state.answers.answered == 1


def test_a_foreign_host_or_a_missing_token_is_refused_as_before(db_url):
    with serving(db_url, token="s3cret") as (app, port):
        ok = exchange(port, get("/events", "Authorization: Bearer s3cret"), get("/events", "Authorization: Bearer s3cret"))
        assert [a[0] for a in ok] == [200, 200] and ok[1][1]["x-rasd-cache"] == "hit"
        assert app.state.answers.answered == 1
        refused = exchange(port, get("/events"), get("/events", "Authorization: Bearer wrong"),
                           get("/events", "Authorization: Bearer s3cret", host="evil.example"),
                           get("/events", "Cookie: rasd_token=s3cret"))
        assert [a[0] for a in refused] == [401, 401, 400, 200]
        assert b"DNS rebinding" in refused[2][2]
        assert app.state.answers.answered == 2   # only the cookie's


def test_if_none_match_is_answered_304(db_url):
    with serving(db_url) as (_app, port):
        (_, headers, _), = exchange(port, get("/events?type=PROTEST"))
        etag = headers["etag"]
        answers = exchange(port, get("/events?type=PROTEST", f"If-None-Match: {etag}"),
                           get("/events?type=PROTEST", 'If-None-Match: "other"'))
        assert answers[0][0] == 304 and answers[0][2] == b"" and answers[0][1]["etag"] == etag
        assert "content-length" not in answers[0][1] and answers[0][1]["x-content-type-options"] == "nosniff"
        assert answers[1][0] == 200 and answers[1][1]["etag"] == etag


def test_a_write_is_never_answered_stale(db_url):
    with serving(db_url) as (_app, port):
        first = exchange(port, get("/events?type=ASSAULT"), get("/events?type=ASSAULT"))
        assert first[1][1]["x-rasd-cache"] == "hit"
        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:   # another process's write, say
            db.execute("UPDATE events SET fatalities = 77 WHERE type = 'ASSAULT'")
        (_, headers, body), = exchange(port, get("/events?type=ASSAULT"))
        assert headers["x-rasd-cache"] == "miss" and b'"fatalities":77' in body


def test_pipelined_requests_mixing_both_paths_are_answered_in_order(db_url):
    with serving(db_url) as (app, port):
        exchange(port, get("/events?type=AID"))   # kept
        post = (b"POST /events?type=AID HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
        before = app.state.answers.answered
        answers = exchange(port, get("/events?type=AID"), get("/health"), post, get("/events?type=AID"),
                           get("/events/1"), pipelined=True)
        assert [a[0] for a in answers] == [200, 200, 405, 200, 200]
        assert b'"total":1' in answers[0][2] and b'"status":"ok"' in answers[1][2]
        assert answers[3][2] == answers[0][2] and b'"id":1' in answers[4][2]
        assert app.state.answers.answered > before   # the first by the protocol, the rest queued behind /health


def test_connection_close_and_http_1_0_are_left_to_uvicorn(db_url):
    with serving(db_url) as (app, port):
        exchange(port, get("/events?type=AID"))
        before = app.state.answers.answered
        (status, headers, _), = exchange(port, get("/events?type=AID", "Connection: close"))
        assert status == 200 and headers["connection"] == "close" and headers["x-rasd-cache"] == "hit"
        old = b"GET /events?type=AID HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"
        (status, _, body), = exchange(port, old)
        assert status == 200 and b'"total":1' in body
        assert app.state.answers.answered == before


@pytest.mark.parametrize("cache_mb", [0])
def test_without_the_cache_nothing_is_answered_by_the_protocol(db_url, cache_mb):
    with serving(db_url, cache_bytes=cache_mb) as (app, port):
        answers = exchange(port, get("/events?type=ASSAULT"), get("/events?type=ASSAULT"))
        assert [a[0] for a in answers] == [200, 200] and "x-rasd-cache" not in answers[1][1]
        assert app.state.answers.answered == 0


def test_an_answer_written_by_the_protocol_has_uvicorns_access_log_line(db_url):
    import logging

    from uvicorn.logging import AccessFormatter
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))
    handler = Keep()
    handler.setFormatter(AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False))
    access = logging.getLogger("uvicorn.access")
    with serving(db_url) as (app, port):
        access.addHandler(handler)
        access.setLevel(logging.INFO)
        try:
            exchange(port, get("/events/4"), get("/events/4"))
            deadline = time.monotonic() + 5   # the server's thread logs after writing the answer
            while len(lines) < 2 and time.monotonic() < deadline:
                time.sleep(0.01)
        finally:
            access.removeHandler(handler)
        assert app.state.answers.answered == 2
    assert len(lines) == 2 and all('"GET /events/4 HTTP/1.1" 200' in line for line in lines), lines
