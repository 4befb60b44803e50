"""Arabic → Latin place matching (rasd.kb.latin): the letter tables, the edit cost, the lookup's strictness."""
from __future__ import annotations

import pytest

from rasd.kb.latin import (LATIN_SQLITE, LatinIndex, LatinMatch, arabic_keys, arabic_slots, collect_places, latin_keys,
                           latin_tokens, match_cost, write_latin)


@pytest.mark.parametrize("arabic, latin", [
    ("مستونغ", "Mastung"), ("كارو", "Karou"), ("باجور", "Bajaur"), ("بيشاور", "Peshawar"), ("كويتة", "Quetta"),
    ("دير الزور", "Deir ez-Zor"), ("مايدوغوري", "Maiduguri"), ("تمبكتو", "Tombouctou"), ("الفاشر", "El Fasher"),
    ("قندوز", "Kunduz"), ("جلال آباد", "Jalalabad"), ("زمفارا", "Zamfara"), ("كسمايو", "Kismayo"),
])
def test_a_transliteration_shares_a_key_and_costs_little(arabic, latin):
    slots = arabic_slots(arabic)
    assert arabic_keys(slots) & latin_keys(latin_tokens(latin))
    assert match_cost(slots, latin_tokens(latin)) <= 0.3


@pytest.mark.parametrize("arabic, right, wrong", [
    ("كارو", "Karou", "Koro"),          # a written long «ا» is an a, not an o
    ("مستونغ", "Mastung", "Mastang"),   # «و» is u/o
    ("قندوز", "Kunduz", "Kandahar"),
])
def test_the_closer_reading_costs_less(arabic, right, wrong):
    slots = arabic_slots(arabic)
    assert match_cost(slots, latin_tokens(right)) < match_cost(slots, latin_tokens(wrong))


def test_latin_reading_rules():
    assert latin_tokens("Karou") == ("K", "a", "R", "u")
    assert latin_tokens("Deir ez-Zor") == ("D", "e", "i", "R", "Z", "o", "R")      # the article «ez» dropped
    assert latin_tokens("Hassan") == ("H", "a", "S", "a", "N")                       # doubled letters once
    assert latin_tokens("Cerkes")[0] == "S" and latin_tokens("Kabul")[0] == "K"
    assert latin_tokens("Tyre")[1] == "i" and latin_tokens("Yobe")[0] == "Y"          # y before no vowel is i


def test_a_countrys_own_latin_spelling():
    assert latin_tokens("Cizre", "TR")[0] == "J" and latin_tokens("Suruç", "TR")[-1] == "CH"
    assert latin_tokens("Xuddur", "SO")[0] == "H" and latin_tokens("Ceel Buur", "SO") == ("i", "L", "B", "u", "R")
    assert match_cost(arabic_slots("جيزرا"), latin_tokens("Cizre", "TR")) <= 0.3


def test_arabic_reading_rules():
    assert arabic_slots("الفاشر")[0] == ("F", "V")        # the article is not read
    assert "-" in arabic_slots("مدينة")[-1]                 # a final ة may be unwritten
    assert arabic_slots("ق")[0] == ("K", "G")


@pytest.fixture(scope="module")
def tiny_index(tmp_path_factory) -> LatinIndex:
    """Five invented places in two countries, written by the real build functions."""
    cities = {
        "1": {"name": "Karou", "latitude": 15.1, "longitude": 0.9, "countrycode": "ML", "population": 900,
              "alternatenames": []},
        "2": {"name": "Koro", "latitude": 14.0, "longitude": -3.1, "countrycode": "ML", "population": 60000,
              "alternatenames": []},
        "3": {"name": "Mastung", "latitude": 29.8, "longitude": 66.8, "countrycode": "PK", "population": 29000,
              "alternatenames": ["Mastang"]},
        "4": {"name": "Baddar", "latitude": 30.0, "longitude": 70.0, "countrycode": "PK", "population": 800,
              "alternatenames": []},
        "5": {"name": "Badar", "latitude": 33.0, "longitude": 72.0, "countrycode": "PK", "population": 700,
              "alternatenames": []},
    }
    rows = collect_places(cities, None, {}, lambda cc, lat, lon: "")
    out = tmp_path_factory.mktemp("latin")
    write_latin(out / LATIN_SQLITE, rows)
    return LatinIndex(out / LATIN_SQLITE)


def test_lookup_finds_the_one_place_in_the_country(tiny_index):
    hit = tiny_index.lookup("مستونغ", ("PK",))
    assert hit is not None and hit.name_en == "Mastung" and hit.country == "PK"
    assert tiny_index.lookup("مستونغ", ("ML",)) is None          # only in the countries asked


def test_lookup_prefers_the_closer_spelling_over_the_bigger_place(tiny_index):
    hit = tiny_index.lookup("كارو", ("ML",))
    assert hit is not None and hit.name_en == "Karou"


def test_lookup_refuses_two_equal_places(tiny_index):
    # «بدر»: Baddar and Badar read alike, are as small and 300 km apart: no guess
    assert tiny_index.lookup("بدر", ("PK",)) is None


def test_lookup_refuses_a_poor_reading(tiny_index):
    assert tiny_index.lookup("مستورة", ("PK",)) is None


def _m(pid, feature, admin1, lat, pop, cost=0.1):
    return LatinMatch(pid, pid, pid, lat, 2.0, feature, "ML", admin1, pop, 5.0 if feature == "admin1" else 4.0, cost)


class _Fixed(LatinIndex):
    def __init__(self, found):
        self._found = found

    def matches(self, name, countries):
        return list(self._found)


def test_a_province_and_its_town_of_one_name_are_one_answer_chosen_by_the_cue():
    index = _Fixed([_m("area", "admin1", "ML-9", 16.6, 0), _m("town", "city", "ML-9", 15.9, 14000)])
    assert index.lookup("منكا", ("ML",)).id == "area"
    assert index.lookup("منكا", ("ML",), "city").id == "town"
    # a town of that name in another province is another place: no guess
    other = _Fixed([_m("area", "admin1", "ML-9", 16.6, 0), _m("town", "city", "ML-3", 12.0, 14000)])
    assert other.lookup("منكا", ("ML",)) is None


def test_no_latin_only_village_where_villages_have_arabic_names():
    hamlet = LatinMatch("h", "Al Hawwari", "Al Hawwari", 24.3, 23.2, "village", "LY", "LY-KF", 0, 0.0, 0.0)
    assert _Fixed([hamlet]).lookup("الهواري", ("LY",)) is None
    town = LatinMatch("t", "Gwoza", "Gwoza", 11.1, 13.7, "village", "NG", "NG-BO", 0, 0.0, 0.05)
    assert _Fixed([town]).lookup("غوزا", ("NG",)).id == "t"


def test_a_bad_table_row_names_its_file_and_line(tmp_path, monkeypatch):
    import rasd.kb.latin as latin
    (tmp_path / "latin_letters.tsv").write_text("# comment\nscript\tletter\twhere\ttokens\nar\tب\tmiddle\tB\n",
                                                encoding="utf-8")
    monkeypatch.setattr(latin, "DATA", tmp_path)
    latin._letters.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"latin_letters.tsv:3:"):
            latin._letters()
    finally:
        latin._letters.cache_clear()


def test_every_arabic_letter_has_a_reading():
    for letter in "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى":
        assert arabic_slots(letter), letter
