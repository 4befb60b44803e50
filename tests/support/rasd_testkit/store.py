"""Helpers for tests and benchmarks of the store: records built by hand, and a throw-away PostgreSQL server.

`constructed_article` makes an (Article, Record) pair whose events are given directly, so that store,
dedup and export behaviour can be tested without depending on the extraction stages.

`throwaway_postgres()` starts a private PostgreSQL cluster in a temporary directory on a free loopback
port (as the `postgres` user when running as root, since PostgreSQL refuses to run as root) and removes
it afterwards. `postgres_unavailable()` says why it cannot, or returns None.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from typing import Any, Iterator

from rasd.document import Actor, Article, Event, EventPlace, Record, RecordSource, Span


def _span(text: str, needle: str) -> Span:
    start = text.find(needle)
    if start < 0:
        raise ValueError(f"{needle!r} is not in the article text")
    return Span(start=start, end=start + len(needle), text=needle)


def constructed_event(text: str, type: str, trigger: str, place: tuple | None = None, date: str | None = None,
                      precision: str = "day", actor1: tuple | None = None, actor2: tuple | None = None,
                      fatalities: int | None = None, acled: tuple[str, str] | None = None, **extra: Any) -> Event:
    """place = (text, lat, lon, country[, admin1, feature]); actorN = (text, kb_id or None[, name_en[, sector[, country]]])."""
    event_place = None
    if place:
        name, lat, lon, country, *rest = place
        event_place = EventPlace(text=name, lat=lat, lon=lon, country=country,
                                 admin1=rest[0] if rest else None, feature=rest[1] if len(rest) > 1 else "city",
                                 span=_span(text, name) if name in text else None)

    def actor(spec):
        if not spec:
            return None
        name, kb_id, *rest = spec
        return Actor(text=name, kb_id=kb_id, name_en=rest[0] if rest else None,
                     sector=rest[1] if len(rest) > 1 else None, country=rest[2] if len(rest) > 2 else None,
                     span=_span(text, name) if name in text else None)

    return Event(type=type, trigger=_span(text, trigger), evidence=Span(start=0, end=len(text), text=text),
                 place=event_place, date=date, date_precision=precision if date else None,
                 actor1=actor(actor1), actor2=actor(actor2), fatalities=fatalities,
                 acled_type=acled[0] if acled else None, acled_subtype=acled[1] if acled else None, **extra)


def constructed_article(article_id: str, text: str, events: list[dict[str, Any]],
                        published: dt.date | None = dt.date(2024, 3, 2), outlet: str | None = None,
                        url: str | None = None) -> tuple[Article, Record]:
    article = Article(id=article_id, text=text, published=published, outlet=outlet, url=url)
    record = Record(id=article_id, published=published, url=url, source=RecordSource(outlet=outlet),
                    entities=[], places=[], events=[constructed_event(text, **e) for e in events],
                    non_events=[], quotes=[], relations=[], dates=[])
    return article, record


# ---- throw-away PostgreSQL -----------------------------------------------------------------------------


def add_one_event(repo, article_id: str, text: str, outlet: str | None, **event: Any):
    """Store an article built by hand with one event (`constructed_article`); the repository's answer."""
    article, record = constructed_article(article_id, text, [event], outlet=outlet)
    return repo.add_record(record, article)


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def postgres_unavailable() -> str | None:
    """None when a throw-away server can be started here, else the reason (for pytest.skip)."""
    if not _pg_bin("initdb") or not _pg_bin("pg_ctl"):
        return "PostgreSQL server binaries (initdb, pg_ctl) not installed: run `make system-deps` as root"
    if os.geteuid() == 0 and subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
        return "running as root and there is no `postgres` user to run the server as"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextlib.contextmanager
def throwaway_postgres(database: str = "rasd") -> Iterator[str]:
    """Start a private cluster, create `database`, yield its SQLAlchemy URL; stop and delete it on exit."""
    reason = postgres_unavailable()
    if reason:
        raise RuntimeError(reason)
    root = tempfile.mkdtemp(prefix="rasd-pg-")
    os.chmod(root, 0o755)
    data, sockets = os.path.join(root, "data"), os.path.join(root, "sock")
    os.mkdir(sockets)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    log = os.path.join(root, "server.log")
    run = lambda cmd: subprocess.run(_as_server_user(cmd), check=True, capture_output=True, cwd=root)  # noqa: E731
    try:
        run([_pg_bin("initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--no-sync"])
        run([_pg_bin("pg_ctl"), "-D", data, "-l", log, "-w", "-t", "60",
             "-o", f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
        import pg8000.native
        conn = pg8000.native.Connection(user="postgres", host="127.0.0.1", port=port, database="postgres")
        try:
            conn.run(f'CREATE DATABASE "{database}"')
        finally:
            conn.close()
        yield f"postgresql+pg8000://postgres@127.0.0.1:{port}/{database}"
    finally:
        if os.path.exists(os.path.join(data, "postmaster.pid")):
            subprocess.run(_as_server_user([_pg_bin("pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]),
                           capture_output=True, cwd=root)
        shutil.rmtree(root, ignore_errors=True)
