"""«طرابلس» is Libya's capital and Lebanon's second city: its mentions cast no vote for Libya in a story that names
Lebanon (else they and a Libyan reading of another name, «القبة», outvote «لبنان» and every one is read as Libya's)."""
from __future__ import annotations

from rasd_testkit.extraction import places_of


def test_tripoli_in_a_story_of_lebanon_is_lebanons():
    doc = places_of("بدأ قطع الطرق في بعض المناطق احتجاجا على كلمة الرئيس في ذكرى استقلال لبنان. ففي طرابلس، تم قطع "
                    "السير على طريق عام القبة – طرابلس. وأفيد عن تدافع بين الجيش والمتظاهرين في طرابلس. وعاد الهدوء إلى "
                    "طرابلس مساء.")
    tripolis = [p for p in doc.places if p.text == "طرابلس"]
    assert tripolis and all(p.country == "LB" for p in tripolis), [(p.country, p.reason) for p in tripolis]

