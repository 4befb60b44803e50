"""Opening a store: database URL → engine with the schema migrated to the latest revision.

SQLite (the default, one file `rasd.db`) runs in WAL mode so readers (the API, `rasd export`) never block
the ingest writer, with foreign keys on. PostgreSQL URLs (`postgresql://` or `postgresql+pg8000://`)
use pg8000 (BSD-licensed; psycopg is LGPL, which rasd keeps out of its dependencies).
"""
from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

DEFAULT_URL = "sqlite:///rasd.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def resolve_url(url: str | None) -> str:
    """`--db` value, else $RASD_DB, else ./rasd.db. A bare path means a SQLite file; postgresql:// means pg8000."""
    url = url or os.environ.get("RASD_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+pg8000://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")   # first: switching to WAL must wait for readers too
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # WAL + NORMAL: a killed process never loses a committed transaction (only power loss could)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str | None = None) -> Engine:
    url = resolve_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to `revision` (idempotent: an up-to-date database is left alone)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def open_engine(url: str | None = None) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    return engine
