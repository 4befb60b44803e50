"""Crowd acts (event_triggers.tsv rows of strength «crowd»): blocking a road, pelting the police with stones or
pitching tents is a protest when protesters do it — their subject right after the verb, right before it, before
a relative pronoun, or the subject of «قام بـ» / «أقدم على» before the verbal noun; the same act by troops or
done to the protesters is none."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _protests(text: str) -> list[str]:
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))
    return [e.trigger.text for e in doc.events if e.type == "PROTEST"]


def test_protesters_blocking_a_road_protest():
    assert "وقطع" in _protests("وقطع عشرات المحتجين الطريق الدولي بالإطارات صباح اليوم في مدينة صور.")
    assert "أغلقوا" in _protests("وقال شهود إن المتظاهرين أغلقوا مداخل مدينة الناصرية صباح اليوم.")


def test_protesters_before_a_relative_pronoun_blocked_the_road():
    assert "قطعوا" in _protests(
        "وتدخل الجيش لفتح الطرق بعد تلاسن مع عدد من المحتجين الذين قطعوا الطريق الساحلي في جبيل مساء أمس.")


def test_the_subject_of_undertaking_did_the_verbal_noun():
    assert "بنصب" in _protests("وقام المئات من المعتصمين بنصب الخيام أمام مبنى البرلمان في بغداد اليوم.")
    assert "قطع" in _protests("وأقدم عدد من المتظاهرين على قطع الطريق في منطقة الحمراء ببيروت أمس.")


def test_protesters_pelting_the_police_protest():
    assert "ورشق" in _protests("ورشق عشرات المتظاهرين قوات الأمن بالحجارة في وسط عمان مساء الجمعة.")


def test_roads_closed_by_troops_or_before_protesters_are_no_protest():
    assert _protests("قطع الجيش الطريق بين حمص وحماة صباح اليوم.") == []
    assert _protests("أغلقت الطرق أمام المتظاهرين في وسط بغداد اليوم.") == []
    assert _protests("قامت قوات الأمن بقطع الطريق المؤدي إلى ساحة التحرير في بغداد اليوم.") == []


def test_youths_or_residents_blocking_a_road_protest():
    assert "وقطع" in _protests("وقطع شبان غاضبون الطريق الدولي بين شتورا وزحلة بالإطارات مساء أمس.")
    assert "أغلق" in _protests("أغلق الأهالي مدخل بلدة عرسال صباح اليوم بعد انقطاع المياه عنها.")


def test_the_verbal_noun_of_undertaking_and_a_planned_undertaking():
    assert "بإقفال" in _protests("وبدأ التحرك مع قيام عدد من شبان العشائر بإقفال طريق البقاع الغربي مساء أمس.")
    assert _protests("حيث سيقوم انصار التيار بنصب خيمة في ساحة النور صباح الخميس.") == []
