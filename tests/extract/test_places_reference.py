"""Places that only locate or name something else (issue 13's place errors): a city after a distance phrase, a
neighbourhood the gazetteer holds, a mode word inside a place name, and «شمال غرب البلاد» as a region of the
article's country.

The sentences are written for these tests in the style of news reports; none is copied from an evaluation set.
"""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def doc_of(text: str):
    return extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))


def assault(text: str):
    doc = doc_of(text)
    found = [e for e in doc.events if e.type == "ASSAULT"]
    assert found, [(e.type, e.trigger.text) for e in doc.events]
    return doc, found[0]


# ---------------------------------------------------------------- a place after a distance only locates

def test_a_city_after_a_distance_and_direction_is_not_the_event_place():
    _, e = assault("في بلدة سراقب، 23 كم جنوب شرق مدينة إدلب، قتل خمسة مدنيين بغارة جوية.")
    assert e.place is not None and e.place.text == "سراقب"


def test_a_city_after_on_a_distance_of_is_not_the_event_place():
    _, e = assault("في قرية الجرنية، على بعد 20 كلم من مدينة الرقة، قتل ثلاثة مدنيين بقصف مدفعي.")
    assert e.place is not None and e.place.text == "الجرنية"


def test_the_reference_city_is_still_the_place_when_nothing_else_is_named():
    _, e = assault("انفجرت عبوة ناسفة على بعد 20 كلم من مدينة الرقة مما أدى إلى مقتل جنديين.")
    assert e.place is not None and e.place.text == "الرقة"


# ---------------------------------------------------------------- a neighbourhood keeps its own point

def test_a_district_the_gazetteer_holds_keeps_its_point_not_its_citys():
    doc, e = assault("انفجرت سيارة مفخخة في حي مدينة الصدر شرقي بغداد مما أدى إلى مقتل عشرة أشخاص.")
    baghdad = next(p for p in doc.places if p.text == "بغداد")
    assert e.place is not None and "الصدر" in e.place.text
    assert (e.place.lat, e.place.lon) != (baghdad.lat, baghdad.lon)


def test_a_name_after_the_neighbourhood_word_is_read_as_the_neighbourhood():
    doc, e = assault("قتل ثلاثة أشخاص بانفجار عبوة في حي الأعظمية ببغداد.")
    place = next(p for p in doc.places if p.text == "الأعظمية")
    assert place.feature == "neighbourhood"
    assert e.place is not None and e.place.text == "الأعظمية"


# ---------------------------------------------------------------- a mode word inside a place name

def test_an_air_word_inside_a_square_name_does_not_make_an_air_strike():
    _, e = assault("قتل 20 شخصا في تفجير انتحاري في ساحة الطيران وسط بغداد.")
    assert e.mode != "aerial"


def test_the_air_force_outside_a_name_still_makes_an_air_strike():
    _, e = assault("شن الطيران الحربي غارات على بلدة سراقب في ريف إدلب أسفرت عن مقتل خمسة.")
    assert e.mode == "aerial"


# ---------------------------------------------------------------- «البلاد»: the article's country

def test_a_direction_of_the_country_is_a_region_of_the_articles_country():
    doc, e = assault("أعلنت السلطات في نيجيريا مقتل 12 شخصا في هجوم وسط البلاد.")
    assert e.place is not None and e.place.text == "وسط البلاد"
    assert e.place.country == "NG" and e.place.feature == "region"
    assert all("البلاد" not in p.text for p in doc.places)     # not a place of the places layer


def test_a_finer_place_in_the_clause_wins_over_the_region_of_the_country():
    _, e = assault("قتل خمسة أشخاص في هجوم على قرية كفرنبل في محافظة إدلب شمال غرب البلاد.")
    assert e.place is not None and e.place.text == "كفرنبل"


def test_the_region_of_the_country_does_not_replace_a_finer_place_in_a_merge():
    doc = doc_of("اندلعت اشتباكات في مدينة سراقب بريف إدلب. وقتل ثلاثة مسلحين في شمال غرب البلاد.")
    assert doc.events
    assert all(e.place is not None and e.place.text == "سراقب" for e in doc.events if e.type == "ASSAULT")


def test_the_country_is_the_one_the_sentence_names_not_the_most_mentioned():
    _, e = assault("أعلن الجيش الباكستاني مقتل 12 جنديا في شمال غرب البلاد بكمين مسلح. وتتهم إسلام أباد حكومة "
                   "أفغانستان بإيواء المسلحين، وتنفي أفغانستان ذلك، وتقول أفغانستان إنها لا تتدخل.")
    assert e.place is not None and e.place.country == "PK"


def test_a_finer_place_named_later_in_the_region_keeps_the_event():
    doc = doc_of("أعلن الجيش الباكستاني مقتل 12 جنديا في شمال غرب البلاد بكمين مسلح.\n\n"
                 "وتعرض الجنود لإطلاق نار في منطقة وزيرستان الجنوبية قرب الحدود.")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks and all(e.place is not None and "وزيرستان" in e.place.text for e in attacks)
