"""Opening a store: database URL → engine with the schema migrated to the latest revision.

SQLite (the default, one file `rasd.db`) runs in WAL mode so readers (the API, `rasd export`) never block
the ingest writer, with foreign keys on. PostgreSQL URLs (`postgresql://` or `postgresql+pg8000://`)
use pg8000 (BSD-licensed; psycopg is LGPL, which rasd keeps out of its dependencies).

Several writers at once (two ingests, an ingest and `POST /articles`):
- SQLite: every write transaction starts with `BEGIN IMMEDIATE`, so it takes the file's write lock before
  it reads anything: "is this article stored?" and the insert are one atomic step, and a writer that has to
  wait waits at the start of its transaction (SQLITE_BUSY_MS at a time, retried by `retry_locked` with one
  line saying so) instead of failing half-way;
- PostgreSQL: every write transaction first takes a transaction-level advisory lock (WRITE_LOCK), so
  writers are serialised (extraction, the costly part, still runs in parallel) and a new entity or event
  is never inserted twice;
- schema creation and migration run under the same locks (MIGRATION_LOCK on PostgreSQL), so two processes
  opening a new store at once both find it migrated.
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Callable, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, exc as sa_exc, text

from rasd.errors import RasdStoreError

DEFAULT_URL = "sqlite:///rasd.db"
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_MS = 5000           # one wait for the SQLite write lock; retry_locked says so and waits again
SQLITE_OTHER_BUSY_MS = 30000    # the wait of any other statement (reads, index creation, hand edits)
LOCK_GIVE_UP_SECONDS = 600.0    # then a clear error rather than waiting for ever
MIGRATION_LOCK = 0x7261_7364_0001   # pg_advisory_xact_lock keys ("rasd" 1 and 2)
WRITE_LOCK = 0x7261_7364_0002
WRITE = {"rasd_write": True}    # execution option of write transactions

log = logging.getLogger("rasd.store")
T = TypeVar("T")


def resolve_url(url: str | None) -> str:
    """`--db` value, else $RASD_DB, else ./rasd.db. A bare path means a SQLite file; postgresql:// means pg8000."""
    url = url or os.environ.get("RASD_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+pg8000://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None   # the driver's implicit BEGINs are off: _sqlite_begin issues them
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={int(SQLITE_OTHER_BUSY_MS)}")   # first: switching to WAL must wait too
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # WAL + NORMAL: a killed process never loses a committed transaction (only power loss could)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # a write transaction (retried by retry_locked, which says that it waits) waits SQLITE_BUSY_MS at a time
    write = bool(conn.get_execution_options().get("rasd_write"))
    conn.exec_driver_sql(f"PRAGMA busy_timeout={int(SQLITE_BUSY_MS if write else SQLITE_OTHER_BUSY_MS)}")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str | None = None) -> Engine:
    url = resolve_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def lock_for_writing(conn: Connection) -> None:
    """Call first in a write transaction: on PostgreSQL, wait for the other writers (SQLite did at BEGIN)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def is_locked(exc: BaseException) -> bool:
    """A SQLite "database is locked/busy" error: another writer holds the lock for longer than we waited."""
    message = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, sa_exc.OperationalError) and ("database is locked" in message
                                                         or "database is busy" in message)


def retry_locked(fn: Callable[[], T], url: str, on_wait: Callable[[str], None] | None = None,
                 give_up_after: float | None = None) -> T:
    """Run `fn`, again while SQLite says another writer holds the lock: one line when waiting starts,
    a RasdStoreError after `give_up_after` seconds. Any other error is raised unchanged."""
    give_up_after = LOCK_GIVE_UP_SECONDS if give_up_after is None else give_up_after
    started = time.monotonic()
    said = False
    while True:
        try:
            return fn()
        except sa_exc.OperationalError as exc:
            if not is_locked(exc):
                raise
            waited = time.monotonic() - started
            if waited >= give_up_after:
                raise RasdStoreError(url, f"still locked by another writer after {waited:.0f} s; "
                                          "run again once it has finished") from None
            if not said:
                (on_wait or log.warning)(f"{url} is locked by another writer; waiting for it "
                                         f"(up to {give_up_after:.0f} s)")
                said = True


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to `revision` (idempotent: an up-to-date database is left alone).

    Holds the write lock while it runs, so concurrent openers of a new store wait, then find it migrated."""
    cfg = alembic_config()
    with engine.connect() as conn:
        conn.execution_options(**WRITE)
        with conn.begin():
            _migrate(conn, cfg, revision)


def _migrate(conn: Connection, cfg: Config, revision: str) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def describe_error(exc: BaseException) -> str:
    """One line for a database error: the driver's own message without SQLAlchemy's SQL and links."""
    inner = getattr(exc, "orig", None) or exc
    if isinstance(inner, dict):
        inner = inner.get("M", inner)
    args = getattr(inner, "args", ())
    if args and isinstance(args[0], dict):   # pg8000 puts the server's fields in a dict
        message = args[0].get("M") or str(args[0])
    else:
        message = str(inner)
    message = " ".join(message.split("\n")[0].split())
    return message or type(inner).__name__


def open_engine(url: str | None = None, on_wait: Callable[[str], None] | None = None) -> Engine:
    """An engine on a migrated store, or RasdStoreError saying in one line why the store cannot be used."""
    from alembic.util.exc import CommandError

    url = resolve_url(url)
    shown = _shown(url)
    try:
        engine = make_engine(url)
    except ImportError as exc:   # the driver is an optional part
        hint = " (pip install 'rasd[postgresql]')" if url.startswith("postgresql") else ""
        raise RasdStoreError(shown, f"no driver for this database URL{hint}: {describe_error(exc)}") from None
    except (sa_exc.SQLAlchemyError, ValueError) as exc:
        raise RasdStoreError(shown, f"not a usable database URL ({describe_error(exc)})") from None
    try:
        retry_locked(lambda: upgrade(engine), shown, on_wait)
    except RasdStoreError:
        engine.dispose()
        raise
    except (sa_exc.SQLAlchemyError, CommandError, OSError) as exc:
        engine.dispose()
        raise RasdStoreError(shown, f"cannot open the store: {describe_error(exc)}") from None
    return engine


def _shown(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1]
