"""«ضرب» beats people when a person or a crowd is its object («على ضرب عدد من المحتجين», «بضرب الشاب»): an
assault (primitive weapons); «ضرب» with no such object keeps its other senses («ضرب موعدا», «ضرب الزلزال»)."""
from __future__ import annotations

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def _assaults(text: str) -> list[str]:
    return [e.trigger.text for e in extract(Article(id="t", text=text)).events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, trigger", [
    ("أقدم عناصر من شرطة البلدية في النبطية على ضرب عدد من المحتجين، الأربعاء. وقال شهود إن الشرطة فرقت المحتجين.",
     "ضرب"),
    ("وقامت قوات الاحتلال بضرب الشاب محمد بعد اعتقاله على حاجز حوارة جنوب نابلس صباح اليوم.", "بضرب"),
])
def test_beating_people_is_an_assault(text, trigger):
    assert trigger in _assaults(text)


def test_other_senses_of_the_verb_are_no_assault():
    assert _assaults("ضرب المنتخب موعدا مع الجزائر في النهائي بعد فوزه على مصر في مدينة الرباط.") == []
