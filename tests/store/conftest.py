"""Shared fixtures of the store tests."""
import pytest

from rasd.store import Repository


@pytest.fixture
def repo(tmp_path):
    """A throw-away SQLite store."""
    r = Repository.open(f"sqlite:///{tmp_path / 'rasd.db'}")
    yield r
    r.close()
