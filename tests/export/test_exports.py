"""Exports of canonical events built from constructed records: JSONL, ACLED-style CSV, GeoJSON, Parquet."""
import csv
import datetime as dt
import json

import pytest

from rasd.cli import main
from rasd.export.formats import ACLED_COLUMNS, acled_country_names, geo_precision_by_feature
from rasd.store import Repository
from rasd_testkit.store import constructed_article

IDLIB = ("إدلب", 35.9306, 36.6339, "SY", "Idlib", "city")
BEIRUT = ("بيروت", 33.8938, 35.5018, "LB", "Beirut", "city")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "rasd.db"
    with Repository.open(str(path)) as repo:
        for article_id, text, outlet, event in [
            ("a1", "قتل خمسة مدنيين في غارة جوية روسية على سوق في مدينة إدلب.", "عنب بلدي",
             dict(type="ASSAULT", trigger="غارة", place=IDLIB, date="2024-03-01", fatalities=5,
                  actor1=("القوات الروسية", "org.ru.army", "Russian Armed Forces"),
                  acled=("Explosions/Remote violence", "Air/drone strike"))),
            ("a2", "استهدفت طائرات روسية سوق إدلب ما أدى إلى مقتل سبعة أشخاص.", "الجزيرة",
             dict(type="ASSAULT", trigger="استهدفت", place=IDLIB, date="2024-03-01", fatalities=7,
                  actor1=("طائرات روسية", "org.ru.army"))),
            ("a3", "تظاهر المئات في بيروت خلال شهر آذار احتجاجا على الغلاء.", "النهار",
             dict(type="PROTEST", trigger="تظاهر", place=BEIRUT, date="2024-03", precision="month",
                  acled=("Protests", "Peaceful protest"))),
            ("a4", "أعلنت الحكومة عن اتفاق جديد.", "النهار", dict(type="AGREE", trigger="اتفاق")),
        ]:
            article, record = constructed_article(article_id, text, [event], outlet=outlet)
            repo.add_record(record, article)
    return path


def export(db, tmp_path, fmt, *filters):
    out = tmp_path / f"events.{fmt}"
    assert main(["export", "--format", fmt, "-o", str(out), "--db", str(db), "-q", *filters]) == 0
    return out


def test_csv_follows_acled_columns_and_conventions(db, tmp_path):
    with open(export(db, tmp_path, "csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0].keys())[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    strike, protest, agree = sorted(rows, key=lambda r: int(r["rasd_event_id"]))
    assert strike["event_date"] == "2024-03-01" and strike["year"] == "2024" and strike["time_precision"] == "1"
    assert strike["event_type"] == "Explosions/Remote violence" and strike["sub_event_type"] == "Air/drone strike"
    assert strike["actor1"] == "Russian Armed Forces" and strike["country"] == "Syria"
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == ("35.9306", "36.6339", "1")
    assert strike["source"] == "Al Jazeera; Enab Baladi" and strike["fatalities"] == "5"   # English outlet names
    assert strike["source_count"] == "2" and strike["location"] == "Idlib" and strike["location_text"] == "إدلب"
    assert strike["event_id_cnty"] == "SYR" + strike["rasd_event_id"] and strike["iso"] == "760"
    assert strike["region"] == "Middle East" and strike["disorder_type"] == "Political violence"
    assert strike["inter2"] == "0" and strike["source_scale"] == "National-Regional"
    assert strike["notes"] == "On 1 March 2024, Russian Armed Forces carried out air/drone strikes in Idlib, Syria; " \
                              "5 killed (Al Jazeera, Enab Baladi)."
    assert protest["event_date"] == "2024-03-01" and protest["time_precision"] == "3"
    assert protest["country"] == "Lebanon" and protest["fatalities"] == "0"
    assert protest["disorder_type"] == "Demonstrations" and protest["notes"].startswith("In March 2024, ")
    assert agree["latitude"] == "" and agree["country"] == "" and agree["event_id_cnty"].startswith("XXX")


def test_csv_filters(db, tmp_path):
    def ids(*filters):
        with open(export(db, tmp_path, "csv", *filters), encoding="utf-8", newline="") as f:
            return sorted(r["plover_type"] for r in csv.DictReader(f))
    assert ids("--country", "LB") == ["PROTEST"]
    assert ids("--type", "ASSAULT") == ["ASSAULT"]
    assert ids("--acled-type", "Protests") == ["PROTEST"]
    assert ids("--actor", "org.ru.army") == ["ASSAULT"]
    assert ids("--bbox", "35,33,36,34.5") == ["PROTEST"]
    assert ids("--outlet", "الجزيرة") == ["ASSAULT"]
    assert ids("--from", "2024-03-10") == ["PROTEST"]          # the month reaches past the 10th
    assert ids("--to", "2024-02-28") == []


def test_jsonl_has_each_event_with_its_mentions(db, tmp_path):
    lines = export(db, tmp_path, "jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    assert len(events) == 3
    strike = next(e for e in events if e["type"] == "ASSAULT")
    assert [m["article_id"] for m in strike["mentions"]] == ["a1", "a2"]
    assert [m["fatalities"] for m in strike["mentions"]] == [5, 7]


def test_geojson_reads_back_with_pyogrio(db, tmp_path):
    pyogrio = pytest.importorskip("pyogrio", reason="pyogrio (GDAL) not installed")
    path = export(db, tmp_path, "geojson")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    for feature in doc["features"]:                      # RFC 7946: Point, [lon, lat] in WGS 84
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["longitude"] == lon
    meta, _fid, geometry, fields = pyogrio.raw.read(str(path))
    assert meta["geometry_type"] == "Point" and len(geometry) == 2   # the ungeocoded event left out
    names = list(meta["fields"])
    places = sorted(fields[names.index("location")])
    assert places == ["Beirut", "Idlib"]
    assert "EPSG:4326" in meta["crs"]


def test_parquet_has_typed_acled_columns(db, tmp_path):
    import pyarrow.parquet as pq
    table = pq.read_table(export(db, tmp_path, "parquet"))
    assert table.num_rows == 3
    assert tuple(table.column_names[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("iso").type) == "int64" and str(table.schema.field("inter1").type) == "int64"
    rows = sorted(table.to_pylist(), key=lambda r: r["rasd_event_id"])
    assert rows[0]["fatalities"] == 5 and rows[2]["latitude"] is None
    assert rows[0]["event_date"] == dt.date(2024, 3, 1) and rows[0]["iso"] == 760


def test_acled_data_files_load_with_valid_rows():
    from rasd.export.formats import DISORDER_TYPES, acled_regions, notes_verbs, source_scales
    assert acled_regions()["SY"] == "Middle East" and acled_regions()["SD"] == "Northern Africa"
    assert all(len(k) == 2 and k.isupper() for k in acled_regions())
    verbs = notes_verbs()
    assert "*" in verbs and all("{target}" in with_target and "{" not in alone for with_target, alone in verbs.values())
    assert set(source_scales().values()) <= {"International", "Regional", "National", "Subnational"}
    assert "Political violence" in DISORDER_TYPES
    names = acled_country_names()
    assert names["PS"] == "Palestine" and all(len(k) == 2 and k.isupper() for k in names)
    precision = geo_precision_by_feature()
    assert precision["city"] == 1 and precision["admin1"] == 3
    assert set(precision.values()) <= {1, 2, 3}


def test_jsonl_carries_the_acled_row(db, tmp_path):
    events = [json.loads(line) for line in export(db, tmp_path, "jsonl").read_text(encoding="utf-8").splitlines()]
    strike = next(e for e in events if e["type"] == "ASSAULT")
    assert strike["acled"]["event_id_cnty"] == f"SYR{strike['id']}" and strike["acled"]["iso"] == 760


def test_csv_cells_that_read_as_formulas_are_neutralised(tmp_path):
    text = "=HYPERLINK(1) هاجم مسلحون قرية في إدلب."
    path = tmp_path / "f.db"
    with Repository.open(str(path)) as repo:
        article, record = constructed_article("f1", text, [dict(
            type="ASSAULT", trigger="هاجم", place=IDLIB, date="2024-03-01",
            actor1=("مسلحون", None, "=cmd|' /C calc'!A0"))], outlet="@evil")
        repo.add_record(record, article)
    with open(export(path, tmp_path, "csv"), encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    assert row["actor1"] == "'=cmd|' /C calc'!A0" and row["source"].startswith("'@")
    assert row["longitude"] == "36.6339"                     # numbers are never touched


def test_interaction_and_disorder_codes():
    from rasd.export.formats import disorder_type, interaction
    assert interaction(1, 7) == 17 and interaction(7, 1) == 17 and interaction(6, 0) == 60
    assert interaction(None, 3) is None
    assert disorder_type("Protests", "Excessive force against protesters") == "Political violence; Demonstrations"
    assert disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"


def test_english_source_names_and_scale():
    from rasd.export.formats import source_name, source_scale
    assert source_name("الجزيرة") == "Al Jazeera" and source_name("رويترز") == "Reuters"
    assert source_scale(["Reuters", "Al Jazeera"]) == "Regional-International"
    assert source_scale(["Hespress"]) == "National"


def test_an_attack_without_a_named_attacker_is_by_an_unidentified_armed_group(tmp_path):
    text = "قتل ثلاثة مدنيين في هجوم على قرية قرب إدلب."
    path = tmp_path / "u.db"
    with Repository.open(str(path)) as repo:
        article, record = constructed_article("u1", text, [dict(
            type="ASSAULT", trigger="هجوم", place=IDLIB, date="2024-03-01", fatalities=3,
            acled=("Violence against civilians", "Attack"))])
        repo.add_record(record, article)
    with open(export(path, tmp_path, "csv"), encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    assert (row["actor1"], row["inter1"], row["interaction"]) == ("Unidentified Armed Group (Syria)", "3", "30")
    assert row["notes"] == "On 1 March 2024, Unidentified Armed Group (Syria) carried out an attack in Idlib, " \
                           "Syria; 3 killed."
