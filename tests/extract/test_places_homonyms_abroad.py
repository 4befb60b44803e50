"""Places a name shares with a place abroad: which one the article means (rasd.extract.places, rasd.kb.build).

The sentences are written for these tests in the style of news reports; none is copied from an evaluation set.
"""
from __future__ import annotations

from rasd_testkit.extraction import places_of


def test_the_kurdistan_region_with_its_place_word_is_iraqs():
    doc = places_of("أعلنت وزارة الدفاع التركية، اليوم الاثنين، تحييد عنصرين من حزب العمال الكردستاني في اقليم كردستان.")
    assert [(p.text, p.country) for p in doc.places if "كردستان" in p.text] == [("اقليم كردستان", "IQ")]
