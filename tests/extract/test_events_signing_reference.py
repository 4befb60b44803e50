"""The verbal noun of signing with a definite, possessed or pointed-at agreement after it («بعد توقيع الاتفاقية
النووية», «من توقيع هذا الاتفاق») names the signing of an agreement the reader knows: a reference, no AGREE event
(nor is the agreement noun right after it one); a verb right before it («تم توقيع الاتفاق») tells it done."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _agreements(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 5, 20)))
    return [e for e in doc.events if e.type == "AGREE"]


def test_a_visit_after_the_signing_of_a_known_agreement_tells_no_agreement():
    assert _agreements("وزار الرئيس الأمريكي السابق جيمي كارتر إسرائيل مباشرة بعد توقيع الاتفاقية النووية مع إيران.") == []


def test_the_signing_of_this_agreement_is_a_reference():
    assert _agreements("وقال الوزير إن الولايات المتحدة هي التي مكّنت إيران من توقيع هذا الاتفاق.") == []


def test_a_signing_told_done_by_its_verb_stays_an_agreement():
    assert len(_agreements("وتم توقيع الاتفاق في القاهرة اليوم الاثنين بين وزيري خارجية مصر والأردن.")) == 1


def test_the_signing_of_a_new_agreement_stays_an_agreement():
    assert len(_agreements("شهد الرئيسان في القاهرة اليوم الاثنين توقيع اتفاقية للتعاون الأمني بين مصر والأردن.")) == 1
