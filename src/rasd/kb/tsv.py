"""Rows of our TSV data files with their line numbers, for loaders that name the file and line of a bad row."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator


def numbered_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each data row: blank and `#` lines are skipped, and so is the header row."""
    header_seen = False
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield lineno, line.split("\t")
