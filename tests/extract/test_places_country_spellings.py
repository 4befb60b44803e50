"""Countries of two words that news also write as one, or the other way round (data/places/variants.tsv):
«بوركينافاسو», «سري لانكا»."""
from __future__ import annotations

import pytest
from rasd_testkit.extraction import events_of, places_of


@pytest.mark.parametrize("sentence, text, country", [
    ("قالت مصادر أمنية إن مسلحين هاجموا قافلة عسكرية في بوركينافاسو.", "بوركينافاسو", "BF"),
    ("أعلنت الحكومة حالة الطوارئ في سري لانكا بعد احتجاجات واسعة.", "سري لانكا", "LK"),
])
def test_a_country_written_joined_or_apart_is_the_country(sentence, text, country):
    found = [p for p in places_of(sentence).places if p.text == text]
    assert found and found[0].feature == "country" and found[0].country == country


def test_an_ambush_in_the_east_of_the_joined_spelling_is_placed_there():
    doc = events_of("ذكرت مصادر أمنية أن مسلحين نصبوا كمينا وقتلوا 13 جنديا شرقي بوركينافاسو.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.place is not None and attack.place.country == "BF" and attack.place.feature == "region"
