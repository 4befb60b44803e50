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
