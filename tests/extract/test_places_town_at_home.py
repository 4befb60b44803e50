"""A town of the story's own country needs no place cue or preposition («أوغاريت بوست (درعا)» in a Syrian story);
and an outlet's dateline with the city in brackets («أوغاريت بوست (درعا) –») is where the report is filed from,
not where the event happened."""
from __future__ import annotations

from rasd.extract import event_place
from rasd_testkit.extraction import events_of, km

_STORY = ("أوغاريت بوست (درعا) – استهدف مسلحون مجهولون في سوريا عنصرين للأمن العسكري بأطراف مدينة الصنمين، "
          "ما أدى إلى مقتلهما.")


def test_a_town_of_the_storys_country_needs_no_cue():
    town = next(p for p in events_of(_STORY).places if p.text == "درعا")
    assert town.country == "SY" and km(town, 32.62, 36.10) < 10


def test_a_city_in_brackets_after_an_outlet_is_a_dateline():
    doc = events_of(_STORY)
    assert event_place._is_dateline(doc, next(p for p in doc.places if p.text == "درعا"))
    assert not event_place._is_dateline(doc, next(p for p in doc.places if p.text == "الصنمين"))
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.place is not None and attack.place.text == "الصنمين"
