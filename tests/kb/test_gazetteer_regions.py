"""Gazetteer: the part of a country a direction names, and one capital per country."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("country, direction, check", [
    ("LY", "west", lambda lat, lon, c: lon < c.lon - 2),
    ("LY", "southeast", lambda lat, lon, c: lon > c.lon + 2 and lat < c.lat),
    ("SY", "north", lambda lat, lon, c: lat > c.lat + 0.5),
    ("IQ", "south", lambda lat, lon, c: lat < c.lat - 1),
    ("SD", "west", lambda lat, lon, c: lon < c.lon - 3),
])
def test_direction_point_lies_that_way(gazetteer, country, direction, check):
    point = gazetteer.direction_point(country, direction)
    assert point is not None
    assert check(point[0], point[1], gazetteer.country(country))


def test_central_is_the_country_point_and_unknown_directions_none(gazetteer):
    c = gazetteer.country("SO")
    assert gazetteer.direction_point("SO", "central") == (c.lat, c.lon)
    assert gazetteer.direction_point("SO", "upstream") is None


@pytest.mark.parametrize("name, country, lat, lon", [
    ("واشنطن", "US", 38.9, -77.04),
    ("القاهرة", "EG", 30.05, 31.25),
    ("عمان", "JO", 31.95, 35.93),
])
def test_the_capital_flag_is_on_the_capital_only(gazetteer, name, country, lat, lon):
    capitals = [c for c in gazetteer.candidates(name) if c.is_capital]
    assert len(capitals) == 1
    cap = capitals[0]
    assert cap.country == country and abs(cap.lat - lat) < 0.3 and abs(cap.lon - lon) < 0.3


def test_a_province_name_the_iso_data_repeat_stays_on_its_own_province(gazetteer):
    top = gazetteer.candidates("محافظة تعز")[0]
    assert top.id == "iso:YE-TA"
    assert all(c.id not in ("iso:YE-RA", "iso:YE-SN") for c in gazetteer.candidates("تعز"))


def test_a_rule_made_alias_leaves_a_name_our_list_gives_a_place_abroad():
    from rasd.kb.build import PlaceRow, apply_admin_forms
    places = {
        "rasd:iq.kurdistan": PlaceRow(id="rasd:iq.kurdistan", feature="region", country="IQ", lat=36.2, lon=44.0,
                                      names=["إقليم كردستان"], source="rasd"),
        "iso:IR-12": PlaceRow(id="iso:IR-12", feature="admin1", country="IR", lat=35.7, lon=47.0,
                              names=["كردستان"], source="iso3166-2"),
        "iso:IR-07": PlaceRow(id="iso:IR-07", feature="admin1", country="IR", lat=29.6, lon=52.5,
                              names=["فارس"], source="iso3166-2"),
    }
    apply_admin_forms(places)
    assert "إقليم كردستان" not in places["iso:IR-12"].names      # Iraq's region, not «إقليم» + Iran's province
    assert "محافظة كردستان" in places["iso:IR-12"].names
    assert "إقليم فارس" in places["iso:IR-07"].names


def test_the_kurdistan_region_is_iraqs(gazetteer):
    assert all(c.country == "IQ" for c in gazetteer.candidates("اقليم كردستان"))
