"""`rasd extract` starts without the store: SQLAlchemy and Alembic are imported only by the commands that
use them (issue 16: ~0.4 s CPU at every start)."""
from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import rasd.cli
rasd.cli.build_parser()
from rasd.pipeline import build_pipeline
build_pipeline(None)
print(sorted(m for m in ("sqlalchemy", "alembic", "anyio", "rasd.store.repository") if m in sys.modules))
"""


def test_registering_every_command_and_loading_the_stages_imports_no_store():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_store_names_are_still_importable_from_the_package():
    from rasd.store import EventFilters, Repository, article_key
    from rasd.store.repository import Repository as Direct
    assert Repository is Direct and callable(article_key) and EventFilters.__name__ == "EventFilters"
