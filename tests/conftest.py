"""Tests that replace a function or method of a module compiled with mypyc (src/rasd/_native.py) are marked
`pure_python`: compiled callers call the compiled function directly, so the replacement would not be seen
(and a compiled class refuses new attributes). In a compiled run they are skipped; `make test` runs them
again with RASD_NO_MYPYC=1 (`pytest -m pure_python`), where every module is the .py."""
from __future__ import annotations

import pytest

from rasd._native import running_compiled


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "pure_python: monkeypatches a compiled module's internals (run with RASD_NO_MYPYC=1)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    import rasd     # noqa: F401  (decides compiled or pure before running_compiled is asked)
    if not running_compiled():
        return
    skip = pytest.mark.skip(reason="monkeypatches a compiled module: `RASD_NO_MYPYC=1 pytest -m pure_python` runs it")
    for item in items:
        if "pure_python" in item.keywords:
            item.add_marker(skip)
