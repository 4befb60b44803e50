"""A place inside the name of a military operation or force («عملية درع الفرات») names it; it is not where the
event happened."""
from __future__ import annotations

from rasd_testkit.extraction import events_of


def test_the_river_in_an_operations_name_is_not_the_attacks_place():
    doc = events_of("قتل جنديان تركيان في هجوم بسيارة مفخخة ضمن عملية درع الفرات، بحسب بيان للجيش التركي.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.place is None or "الفرات" not in attack.place.text


def test_the_region_after_the_operations_name_places_the_attack():
    doc = events_of("قتل ثلاثة جنود أتراك وأصيب خمسة آخرون في إطار عملية درع الفرات شمالي سوريا.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.place is not None and attack.place.country == "SY" and attack.place.feature == "region"
