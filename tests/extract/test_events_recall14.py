"""recall14: the accusative verbal noun a place or a time witnessed («شهدت البلدة قصفاً») is the act itself, not
the motive of another act."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _doc(text: str):
    return extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))


def test_what_a_place_or_a_time_witnessed_is_the_event():
    doc = _doc("وشهد مساء أمس انسحاباً ملحوظاً لقوات اللواء السابع من مناطق جنوب طرابلس.")
    assert "RETREAT" in [e.type for e in doc.events]
    doc = _doc("شهدت بلدة خزاعة شرق مدينة خان يونس، جنوب قطاع غزة، اليوم قصفًا عنيفًا نفذته قوات الاحتلال.")
    assert "ASSAULT" in [e.type for e in doc.events]
    assert not any(n["modality"] == "motive" for n in doc.non_events)


def test_an_accusative_after_another_clause_is_still_a_motive():
    doc = _doc("شنت القوات الحكومية صباح اليوم غارات على مواقع المسلحين في ريف إدلب، تضامناً مع الأهالي.")
    assert any(n["modality"] == "motive" and n["trigger"]["text"] == "تضامناً" for n in doc.non_events)


def test_an_illness_caught_is_no_attack():
    for text in ("أصيب ثلاثة أشخاص بفيروس كورونا في مدينة عمان أمس.",
                 "توفي شخص وأصيب ثلاثة آخرون بمرض الكوليرا في مدينة تعز أمس."):
        assert "ASSAULT" not in [e.type for e in _doc(text).events], text
    assert "ASSAULT" in [e.type for e in _doc("أصيب ثلاثة أشخاص برصاص قناص في حي الجحملية بمدينة تعز أمس.").events]
