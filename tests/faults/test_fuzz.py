"""A few dozen fuzzed files (tests/faults/fuzz.py) through `rasd ingest`: no traceback, every good article
stored exactly once, and a second run adds nothing. bench/fuzz.py runs the same with 1,000 files."""
from __future__ import annotations

from faultkit import assert_clean_stderr, rasd, sqlite_ids
from fuzz import generate


def test_fuzzed_files_give_no_traceback_and_lose_nothing(tmp_path):
    expected = generate(tmp_path / "in", files=40, seed=20261205)
    assert len(expected) > 30
    db = tmp_path / "rasd.db"
    result = rasd("ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "2")
    assert result.returncode == 1                  # there were bad inputs, and it says so
    assert_clean_stderr(result.stderr)
    stored = sqlite_ids(db)
    assert sorted(stored) == sorted(expected)      # each good article once, nothing else
    again = rasd("ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "1", "-q")
    assert_clean_stderr(again.stderr)
    assert sorted(sqlite_ids(db)) == sorted(expected)
