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


_STORY_WITH_NO_COUNTRY = (
    "نفذت وحدات من الجيش عمليات دهم في بلدة دار الواسعة – بعلبك، بهدف توقيف عدد من المطلوبين، ومن بينهم مطلوب "
    "متورط بالخطف مقابل فدية مالية. واندلعت اشتباكات عنيفة بين الجيش اللبناني ومسلحين في حي الشراونة – بعلبك.")


def test_a_town_in_a_story_that_names_no_country():
    # the story names no country, province or nisba of a place (only «الجيش اللبناني»): Baalbek stands by itself
    from rasd_testkit.extraction import places_of
    doc = places_of(_STORY_WITH_NO_COUNTRY)
    towns = [p for p in doc.places if p.text == "بعلبك"]
    assert towns and all(p.country == "LB" and km(p, 34.01, 36.21) < 10 for p in towns)


def test_a_nisba_that_is_also_a_common_word_votes_only_with_a_place_of_its_country():
    # «فدية مالية» is a ransom in money, not a Malian one: no vote for Mali unless a place names Mali
    from rasd.extract.places import country_votes
    from rasd.kb import load_kb
    from rasd_testkit.extraction import places_of
    assert "ML" not in country_votes(places_of(_STORY_WITH_NO_COUNTRY), load_kb())
    doc = places_of("قتل جنود ماليون في هجوم على قاعدة في مدينة غاو شمالي مالي، وقالت الحكومة المالية إنها سترد.")
    assert country_votes(doc, load_kb())["ML"] >= 3
