"""A place the text puts inside a larger place of another country («بلدة الكرك في البقاع», «منطقة القبة في مدينة
طرابلس شمال لبنان») is not the gazetteer's namesake across the border (Jordan's Karak, Libya's Qubba): it takes the
point of the larger place named after it (approximate), and so does an event there."""
from __future__ import annotations

from rasd_testkit.extraction import events_of, km, places_of


def test_a_town_in_a_lebanese_province_is_not_jordans_namesake():
    doc = places_of("قصفت طائرات إسرائيلية بلدة الكرك في البقاع شرق لبنان، ما أدى إلى مقتل ثلاثة أشخاص.")
    town = next(p for p in doc.places if p.text == "الكرك")
    assert town.country == "LB" and town.feature == "approximate", (town.country, town.reason)


def test_a_quarter_of_lebanons_tripoli_is_not_in_libya():
    doc = events_of("قتل شخصان في اشتباكات مسلحة في منطقة القبة في مدينة طرابلس شمال لبنان مساء الأحد.")
    quarter = next(p for p in doc.places if "القبة" in p.text)
    assert quarter.country == "LB" and km(quarter, 34.43, 35.84) < 20, (quarter.country, quarter.reason)
    assert all(e.place is None or e.place.country == "LB" for e in doc.events)

