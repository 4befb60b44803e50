"""A village the gazetteer lacks, named before its district and province («قرية X بمديرية Y بمحافظة Z»), takes the
point of the nearest, finest place named after it (the district), not the province's."""
from __future__ import annotations

from rasd_testkit.extraction import events_of, km, places_of


def test_village_before_a_district_and_province_takes_the_districts_point():
    doc = places_of("قتل مدنيان في قصف مدفعي على قرية الجبيجبة بمديرية حيس بمحافظة الحديدة.")
    village = next(p for p in doc.places if p.text == "الجبيجبة")
    district = next(p for p in doc.places if "حيس" in p.text)
    assert district.feature == "admin2"
    assert km(village, district.lat, district.lon) < 1


def test_the_attack_on_that_village_is_placed_in_the_district():
    doc = events_of("قتل مزارع وأصيب آخر بانفجار لغم في قرية الحريشة بمديرية القريشية بمحافظة البيضاء وسط اليمن.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.place is not None and attack.place.country == "YE"
    # al-Qurayshiyah district lies ~55 km from the point of al-Bayda province
    assert km(attack.place, 14.59, 44.90) < 15
