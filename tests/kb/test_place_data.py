"""Invariants of our place data files in src/rasd/kb/data/places/."""
from __future__ import annotations

import json
from pathlib import Path

import iso3166_2

from rasd.kb.actors import valid_countries
from rasd.kb.build import DATA, FEATURE_SCORE, apply_variants, read_tsv
from rasd.kb.keys import name_key

ISO_CODES = {code for subs in json.loads((Path(iso3166_2.__file__).parent / "iso3166-2.json")
                                         .read_text(encoding="utf-8")).values() for code in subs}


def rows(name):
    return [r for _, r in read_tsv(DATA / name)]


def test_places_rows():
    seen = set()
    for r in rows("places.tsv"):
        assert r["id"] not in seen, r["id"]
        seen.add(r["id"])
        assert r["id"] == r["id"].lower() and r["id"].isascii()
        assert r["feature"] in FEATURE_SCORE
        assert r["country"] == "" or r["country"] in valid_countries(), r
        assert r["admin1"] == "" or r["admin1"] in ISO_CODES, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180
        aliases = r["aliases_ar"].split("|")
        assert all(a.strip() and name_key(a) for a in aliases), r
        assert r["name_en"]


def test_place_aliases_are_not_stoplisted():
    drop = {name_key(r["word"]) for r in rows("stoplist.tsv") if r["action"] == "drop"}
    for r in rows("places.tsv"):
        for a in r["aliases_ar"].split("|"):
            assert name_key(a) not in drop, a


def test_stoplist():
    words = [name_key(r["word"]) for r in rows("stoplist.tsv")]
    assert len(words) == len(set(words)), "duplicate stoplist words"
    assert all(r["action"] in ("drop", "context", "ambiguous") for r in rows("stoplist.tsv"))
    assert {"ان", "الله", "الليل"} <= set(words)


def test_variants_and_admin_files():
    for r in rows("variants.tsv"):
        assert r["alias_ar"] and r["target_ar"] and r["country"] in valid_countries(), r
        assert r.get("canonical", "") in ("", "1")
    for r in rows("admin_forms.tsv"):
        assert r["country"] in valid_countries() and r["prefix"] and r["makes"] in ("alias", "rural"), r
    for r in rows("admin1_names.tsv"):
        assert r["code"] in ISO_CODES and r["mode"] in ("replace", "add") and all(r["names_ar"].split("|")), r


def test_every_variant_finds_its_place(kb_dir):
    """Each variant's target is a name the build has (checked against the built KB's places)."""
    import sqlite3
    from rasd.kb.build import PlaceRow
    con = sqlite3.connect(kb_dir / "gazetteer.sqlite")
    places = {}
    for pid, feature, country, lat, lon, score, names, source in con.execute(
            "SELECT id, feature, country, lat, lon, score, names, source FROM places"):
        row = PlaceRow(id=pid, feature=feature, country=country, lat=lat, lon=lon, source=source)
        row.names = names.split("|") if names else []
        places[pid] = row
    assert apply_variants(places) == []
