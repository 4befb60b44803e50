"""Build (or reuse) the gazetteer once per test session.

Uses src/rasd/kb/built/ when it is present and up to date (`make test` builds it, with Who's On First when
../shared has it); otherwise builds from the installed packages alone into a temporary folder.
RASD_TEST_KB_DIR=<folder> tests a given build instead.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from rasd.kb import KB, load_kb
from rasd.kb.build import BUILT, build
from rasd.kb import is_stale

SAMPLE_ACTORS = Path(__file__).parent / "data" / "actors_sample"


@pytest.fixture(scope="session")
def kb_dir(tmp_path_factory) -> Path:
    if os.environ.get("RASD_TEST_KB_DIR"):     # test another build, e.g. one without Who's On First
        return Path(os.environ["RASD_TEST_KB_DIR"])
    if not is_stale(BUILT):
        return BUILT
    out = tmp_path_factory.mktemp("kb")
    build(out, log=lambda m: None)
    return out


@pytest.fixture(scope="session")
def kb(kb_dir) -> KB:
    """The real gazetteer with the small test actor sample (matcher tests must not hang on curated rows)."""
    return load_kb(kb_dir, SAMPLE_ACTORS)


@pytest.fixture(scope="session")
def gazetteer(kb):
    return kb.gazetteer
