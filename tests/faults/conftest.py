"""Fixtures of the fault-injection suite (the helpers are in faultkit.py)."""
from __future__ import annotations

import pytest


@pytest.fixture
def ingest_in_process(capsys):
    """Run `rasd ingest` in this process: (exit code, standard error)."""
    from rasd.cli import main

    def run(*args: str) -> tuple[int, str]:
        code = main(["ingest", *args, "--workers", "1"])
        return code, capsys.readouterr().err
    return run
