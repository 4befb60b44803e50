"""Dedup regression test (issue 13): our dedup sets, extracted and ingested end to end as `bench/dedup_eval.py`
does, must not fall below the figures measured (docs/DEDUP.md). Raise a floor when a change raises the figure;
never lower one without saying why in the commit. Skipped when ../shared/eval (dedup_score.py) is absent."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "dedup_score.py"


def _bench():
    spec = importlib.util.spec_from_file_location("rasd_dedup_eval", ROOT / "bench" / "dedup_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["rasd_dedup_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    if not SCORER.exists():
        pytest.skip("../shared/eval/dedup_score.py is not beside the repository")
    return _bench()


def _end_to_end(bench, folder: Path, tmp_path: Path) -> dict:
    return bench.end_to_end(bench._load(folder / "articles.jsonl"), folder / "gold.jsonl",
                            f"sqlite:///{tmp_path / 'e2e.db'}")


def test_the_dedup_set_end_to_end_stays_above_its_floor(bench, tmp_path):
    # session 11 (dedup16): the Su-25 downing extracted in its three reports and one record (tolls 7/7), and UNAMI's
    # two statements one record (a hashtag name): F1 0.980 -> 1.000, 7 -> 9 keys unified
    report = _end_to_end(bench, ROOT / "tests" / "data" / "dedup", tmp_path)
    assert report["pairwise"]["f1"] >= 0.99, report["pairwise"]
    assert report["canonical_events_joining_different_keys"] == 0
    assert report["keys_unified"] >= 9
    tolls = report["tolls_within_reported_range"]
    assert tolls["ok"] == tolls["n"], tolls


def test_the_held_out_dedup_set_end_to_end_stays_above_its_floor(bench, tmp_path):
    # Back to its strict form (it was lowered to F1 >= 0.85 / one join for a session, issue 13): the Kabul airport
    # rocket headline now takes its lead's date (events._lead_date), and a city and a site inside it match only on
    # the same days or toll (dedup.site_in_city_same_days), so it no longer joins the previous day's rocket on a
    # house of the city.
    report = _end_to_end(bench, ROOT / "tests" / "data" / "dedup_heldout", tmp_path)
    assert report["pairwise"]["f1"] == 1.0 and report["canonical_events_joining_different_keys"] == 0


def test_the_second_held_out_dedup_set_end_to_end_stays_above_its_floor(bench, tmp_path):
    # tests/data/dedup_heldout2 (blind, made in session 14): measured at its arrival on main 90f7a8a, end to end
    # pairwise P 0.800 R 0.211 F1 0.333, one canonical event joining two real events — the rules made on the dev
    # dedup set held poorly on fresh multi-outlet news. A floor, to be raised as the merging generalises.
    # xdedup22 (undated reports and placeless statements may join the one event they fit): F1 0.333 -> 0.519,
    # P 0.800 -> 0.875, the same one join as before. xdedup24 (a statement's counterpart): F1 0.519 -> 0.571.
    report = _end_to_end(bench, ROOT / "tests" / "data" / "dedup_heldout2", tmp_path)
    assert report["pairwise"]["f1"] >= 0.56 and report["canonical_events_joining_different_keys"] <= 1


def test_the_third_held_out_dedup_set_end_to_end_stays_above_its_floor(bench, tmp_path):
    # tests/data/dedup_heldout3 (blind, made in session 15: Iraq, Yemen, Burkina Faso, Afghanistan, Tunisia; 14 of
    # its 21 pages undated): measured at its arrival on main 95d72ec, end to end pairwise P 1.000 R 0.231 F1 0.375,
    # no join of two real events (gold-fed F1 0.571). A floor, to be raised as the merging generalises: session 15
    # (xdedup25, an undated report at the very same village, town or site) F1 0.595, gold-fed 0.868.
    report = _end_to_end(bench, ROOT / "tests" / "data" / "dedup_heldout3", tmp_path)
    assert report["pairwise"]["f1"] >= 0.59 and report["canonical_events_joining_different_keys"] == 0


def test_the_second_read_dedup_set_end_to_end_stays_above_its_floor(bench, tmp_path):
    # tests/data/dedup2: xdedup23 0.875 (Dalori and Quetta one record each); xdedup24 0.941 (al-Rawda's mosque told at
    # the village and at Bir al-Abd 32.6 km off, one large toll: dedup.places_compatible), no record joining two
    report = _end_to_end(bench, ROOT / "tests" / "data" / "dedup2", tmp_path)
    assert report["pairwise"]["f1"] >= 0.93 and report["canonical_events_joining_different_keys"] == 0
