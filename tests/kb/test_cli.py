"""`rasd kb lookup` and `rasd kb stats` print what the KB holds."""
from __future__ import annotations

import re

from rasd.cli import main


def test_lookup_prints_candidates_with_lat_lon(kb_dir, capsys):
    assert main(["kb", "lookup", "--kb-dir", str(kb_dir), "حلب"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = lines[0]
    lat, lon = map(float, re.search(r"(-?\d+\.\d+), (-?\d+\.\d+)", first).groups())
    assert abs(lat - 36.2) < 0.2 and abs(lon - 37.16) < 0.2
    assert " city " in first and " SY " in first
    assert any("admin1" in line for line in lines[1:])


def test_lookup_unknown_name(kb_dir, capsys):
    assert main(["kb", "lookup", "--kb-dir", str(kb_dir), "إن"]) == 1


def test_stats(kb_dir, capsys):
    assert main(["kb", "stats", "--kb-dir", str(kb_dir)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^  SY\s+[\d,]+", out, re.M) and "country" in out and "actors:" in out
