"""Places carry plain English names and the admin-1 they lie in (issue 14)."""
from __future__ import annotations


def _city(gazetteer, arabic: str, country: str):
    return next(c for c in gazetteer.candidates(arabic) if c.country == country and c.feature == "city")


def test_gaza_strip_cities_get_their_own_governorate(gazetteer):
    # GeoNames has one admin-1 for the whole Gaza Strip; ISO 3166-2 has five governorates
    assert _city(gazetteer, "خان يونس", "PS").admin1 == "PS-KYS"
    assert _city(gazetteer, "رفح", "PS").admin1 == "PS-RFH"
    assert _city(gazetteer, "غزة", "PS").admin1 == "PS-GZA"


def test_place_names_are_plain_english(gazetteer):
    khan_yunis = _city(gazetteer, "خان يونس", "PS")
    assert khan_yunis.name_en == "Khan Yunis" and khan_yunis.admin1_en == "Khan Yunis"
    assert all(c.name_en.isascii() for c in gazetteer.candidates("حماة"))


def test_admin1_in_usual_english(gazetteer):
    assert _city(gazetteer, "بغداد", "IQ").admin1_en == "Baghdad"       # not the package's «Bagdad»
    assert _city(gazetteer, "حلب", "SY").admin1_en == "Aleppo"           # not ISO's «Ḩalab»
