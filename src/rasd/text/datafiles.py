"""Reading the text layer's data files (src/rasd/text/data/): comment lines start with «#»."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

DATA_DIR = Path(__file__).parent / "data"


def data_lines(name: str) -> Iterator[str]:
    """Non-empty, non-comment lines of a data file, stripped of surrounding white space."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                yield line.strip()


def data_rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file as dicts keyed by its header (the first non-comment line)."""
    lines = data_lines(name)
    header = next(lines).split("\t")
    rows = []
    for line in lines:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return rows
