"""Where a protest stood (rasd.extract.event_place): a solidarity motive's place and a governorate's building."""
from __future__ import annotations

import datetime as dt
import math

import pytest

from rasd.document import Article
from rasd.pipeline import extract

_TAIL = " وأفادت مصادر محلية بأن الوضع هادئ حاليا. ولم تصدر السلطات أي تعليق حتى الآن."


def _protest_place(sentence: str):
    doc = extract(Article(id="t", text=sentence + _TAIL, published=dt.date(2024, 3, 14)))
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert protests, sentence
    return protests[0].place


def _km(place, lat: float, lon: float) -> float:
    dlat, dlon = math.radians(place.lat - lat), math.radians(place.lon - lon)
    a = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat)) * math.cos(math.radians(place.lat)) * math.sin(dlon / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.mark.parametrize("sentence, town", [
    # «تضامنا مع غزة» is whom the crowd stood with; «في العاصمة عمان» after it is where they stood
    ("تظاهر المئات تضامنا مع غزة في العاصمة عمان أمس.", "عمان"),
    # the same with the motive as the gathering's adjective
    ("نظمت نقابة المعلمين وقفة تضامنية مع غزة في مدينة نابلس.", "نابلس"),
    # «دعما ل», «للتضامن مع», «للاحتجاج على»: the place they name is what the crowd supported or protested
    ("تظاهر المئات أمس دعما لغزة في مدينة إربد.", "إربد"),
    ("تظاهر المئات أمس للتضامن مع غزة في مدينة إربد.", "إربد"),
    ("تظاهر المئات أمس للاحتجاج على حصار غزة في مدينة إربد.", "إربد"),
])
def test_a_place_after_the_motives_own_place_is_the_site(sentence, town):
    place = _protest_place(sentence)
    assert place is not None and town in place.text


def test_a_place_inside_the_motive_stays_the_cause():
    # «احتجاجا على الحرب في غزة»: the war is in Gaza, the crowd in Irbid
    place = _protest_place("تظاهر المئات احتجاجا على الحرب في غزة أمس في مدينة إربد.")
    assert place is not None and place.country == "JO"


@pytest.mark.parametrize("sentence, lat, lon", [
    # the governorate building stands in Basra city, ~40 km from the governorate's middle
    ("تظاهر العشرات أمس أمام مبنى محافظة البصرة للمطالبة بتحسين الكهرباء.", 30.5085, 47.7804),
    # «ديوان محافظة النجف»: Najaf city, ~90 km from the governorate's middle
    ("تظاهر العشرات أمس أمام ديوان محافظة النجف جنوبي العراق.", 32.0259, 44.3462),
])
def test_a_governorate_building_is_in_the_town_of_its_name(sentence, lat, lon):
    place = _protest_place(sentence)
    assert place is not None and place.feature == "city" and _km(place, lat, lon) < 10


def test_a_province_named_for_no_town_stays_the_province():
    # «ذي قار» names no town: the building's town is not guessed
    place = _protest_place("تظاهر العشرات أمس أمام مبنى محافظة ذي قار.")
    assert place is not None and place.feature == "admin1"


def test_the_province_and_seat_building_words_load():
    from rasd.extract.event_lexicon import _event_words
    from rasd.text.normalize import normalize_for_match
    words = _event_words()
    assert normalize_for_match("محافظة") in words["province_word"]
    assert {normalize_for_match(w) for w in ("مبنى", "ديوان", "مقر", "أمام")} <= words["seat_building"]
    assert not words["province_word"] & words["seat_building"]
