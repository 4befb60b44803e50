"""The article's list of places once its events are known (rasd.extract.place_list).

The sentences are written for these tests in the style of news reports; none is copied from an evaluation set.
"""
from __future__ import annotations

import pytest

from rasd_testkit.extraction import events_of, places_of


def _texts(doc) -> list[str]:
    return [p.text for p in doc.places]


@pytest.mark.parametrize("text, background", [
    ("أعلن الجيش النيجيري مقتل 12 مسلحا في غارة على معسكر في ولاية بورنو أمس. "
     "وتنشط الجماعة في شمال شرق نيجيريا منذ عام 2009.", "شمال شرق نيجيريا"),
    ("اعتقلت الشرطة الليبية ثلاثة مهربين في مدينة سبها أمس الثلاثاء، "
     "وتعد المنطقة ممرا للمهاجرين القادمين من جنوب ليبيا.", "جنوب ليبيا"),
])
def test_a_country_direction_no_event_took_place_in_leaves_the_list(text, background):
    assert background in _texts(places_of(text))          # the places stage resolves it ...
    doc = events_of(text)
    assert doc.events
    assert background not in _texts(doc)                  # ... but nothing happened there
    assert all(e.place is None or e.place.text != background for e in doc.events)


def test_a_country_direction_where_an_event_took_place_stays():
    doc = events_of("قتل خمسة جنود في هجوم شنه مسلحون على دورية عسكرية في شمال مالي أمس الأربعاء.")
    assert [e.place.text for e in doc.events if e.place] == ["شمال مالي"]
    assert "شمال مالي" in _texts(doc)


def test_a_province_direction_and_a_gazetteer_region_stay_without_an_event():
    doc = events_of("التقى محافظ كركوك وفدا من وجهاء العشائر في مكتبه أمس، "
                    "وبحث معهم أوضاع القرى الواقعة جنوب محافظة كركوك وعودة النازحين إلى جنوب لبنان.")
    assert {"جنوب محافظة كركوك", "جنوب لبنان"} <= set(_texts(doc))



@pytest.mark.parametrize("text, setting", [
    ("قتل ثلاثة جنود في هجوم على دورية عسكرية في مدينة غاو أمس، وتنشط الجماعات المسلحة في منطقة الساحل منذ سنوات.",
     "منطقة الساحل"),
    ("التقى وزير الخارجية الأردني نظيره المصري في عمان أمس، وبحثا الأوضاع في الشرق الأوسط.", "الشرق الأوسط"),
])
def test_a_region_over_several_countries_no_event_took_place_in_leaves_the_list(text, setting):
    assert setting in _texts(places_of(text))
    doc = events_of(text)
    assert doc.events and all(e.place is not None and e.place.text != setting for e in doc.events)
    assert setting not in _texts(doc)
