"""The ACLED-style CSV of the dev set, read by pandas as an analyst would (no manual cleaning): every column,
its type and vocabulary, the two everyday analyses, and ACLED's rules on actors (issue 14)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"
_spec = importlib.util.spec_from_file_location("acled_dev", ROOT / "bench" / "acled_dev.py")
acled_dev = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(acled_dev)
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def dev(tmp_path_factory):
    if not DEV.exists():
        pytest.skip("shared dev articles not available")
    db, csv_path = acled_dev.ingest_and_export(DEV, tmp_path_factory.mktemp("acled"))
    return db, acled_dev.read_acled_csv(csv_path)


def test_every_acled_column_is_there_in_order(dev):
    from rasd.export.formats import ACLED_COLUMNS, COLUMNS
    _db, df = dev
    assert tuple(df.columns) == COLUMNS and tuple(df.columns[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert len(df) > 100


def test_column_types(dev):
    _db, df = dev
    assert str(df["event_date"].dtype).startswith("datetime64")
    for c in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
              "timestamp"):
        assert str(df[c].dtype) == "Int64", c
    assert df["latitude"].dtype == float and df["longitude"].dtype == float
    dated = df[df["event_date"].notna()]
    assert (dated["year"] == dated["event_date"].dt.year).all()
    assert df["fatalities"].notna().all() and (df["fatalities"] >= 0).all()
    assert df["latitude"].dropna().between(-90, 90).all() and df["longitude"].dropna().between(-180, 180).all()


def test_vocabularies(dev):
    from rasd.export.formats import DISORDER_TYPES
    _db, df = dev
    assert set(df["time_precision"].dropna()) <= {1, 2, 3}
    assert set(df["geo_precision"].dropna()) <= {1, 2, 3}
    assert df["geo_precision"].isna().equals(df["latitude"].isna())
    assert set(df["disorder_type"].dropna()) <= set(DISORDER_TYPES)
    assert set(df["civilian_targeting"].dropna()) <= {"Civilian targeting"}
    # inter codes 1-8; inter2 0 when there is no actor 2; every named actor has its code
    acted = df[df["actor1"].notna()]
    assert acted["inter1"].between(1, 8).all()
    assert df["inter1"].isna().equals(df["actor1"].isna())
    assert df["inter2"].between(0, 8).all()
    assert ((df["inter2"] == 0) == df["actor2"].isna()).all()
    # interaction from the two codes, smaller first; 10 × inter1 for a sole actor
    expected = acted.apply(lambda r: r["inter1"] * 10 if r["inter2"] == 0 else
                           min(r["inter1"], r["inter2"]) * 10 + max(r["inter1"], r["inter2"]), axis=1)
    assert (acted["interaction"] == expected).all()
    # ISO numeric codes, ISO3 + number ids that agree with them
    placed = df[df["country"].notna()]
    assert placed["iso"].between(4, 894).all() and df["iso"].isna().equals(df["country"].isna())
    assert df["event_id_cnty"].str.fullmatch(r"[A-Z]{3}\d+").all()
    assert (df["event_id_cnty"].str[3:].astype(int) == df["rasd_event_id"]).all()
    assert set(placed["region"]) <= {"Middle East", "Northern Africa", "Eastern Africa", "Western Africa",
                                     "Middle Africa", "Southern Africa", "South Asia", "Caucasus and Central Asia",
                                     "East Asia", "North America", "Europe", "Southeast Asia", "Central America",
                                     "South America", "Oceania"}
    assert set(df["source_scale"].dropna().str.split("-").explode()) <= {
        "Subnational", "National", "Regional", "International", "Other"}


def test_the_english_columns_read_as_english(dev):
    _db, df = dev
    for c in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location", "source",
              "notes", "region"):
        arabic = df[c].dropna().astype(str).map(lambda v: bool(ARABIC.search(v)))
        assert not arabic.any(), (c, df.loc[arabic[arabic].index, c].tolist()[:3])
        assert df[c].dropna().astype(str).map(lambda v: v.isascii()).all(), c      # no diacritics either
    assert df["notes"].str.fullmatch(r"[A-Z].+\.").all()
    dated = df[df["event_date"].notna()]
    assert dated["notes"].str.match(r"(On|In( the week of)?) (\d{1,2} )?[A-Z][a-z]+ \d{4}, ").all()


def test_events_per_week_per_admin1(dev):
    _db, df = dev
    weekly = acled_dev.weekly_events_by_admin1(df)
    assert weekly["events"].sum() == (df["admin1"].notna() & df["event_date"].notna()).sum()
    assert (weekly["event_date"].dt.dayofweek == 0).all()           # weeks start on Monday
    assert not weekly.duplicated(["event_date", "admin1"]).any()


def test_fatalities_by_actor_type(dev):
    _db, df = dev
    table = acled_dev.fatalities_by_actor_type(df)
    assert set(table.index) <= set(range(1, 9))
    assert table["fatalities"].sum() == df.loc[df["inter1"].notna(), "fatalities"].sum()
    assert table.loc[1, "actor type"] == "State forces" and table.loc[1, "events"] > 0


def test_actors_follow_acleds_rules_on_the_dev_set(dev):
    db, _df = dev
    counts = acled_dev.actor_problems(db)
    assert counts["actors"] > 100
    problems = {k: v for k, v in counts.items() if k.startswith("actor1 ") or k.startswith("actor without")}
    assert problems == dict.fromkeys(problems, 0)
