"""The Alembic migrations create exactly the schema the models describe, and re-opening migrates nothing."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from rasd.store import Repository
from rasd.store.models import Base


def test_migrated_schema_matches_models(tmp_path):
    with Repository.open(str(tmp_path / "rasd.db")) as repo:
        with repo.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        assert {"articles", "events", "event_mentions", "entities", "entity_aliases", "entity_mentions",
                "alembic_version"} <= set(inspect(repo.engine).get_table_names())


def test_sqlite_store_uses_wal_and_reopens(tmp_path):
    path = tmp_path / "rasd.db"
    Repository.open(str(path)).close()
    with Repository.open(f"sqlite:///{path}") as repo:
        with repo.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0004"
