"""An act told as one more of its kind («كما اعتقلت مواطنا آخر», «تلقى اتصالا آخر») is a new event, never
merged into the one told before it; a vague count of others («عددا آخر») or the rest of a toll stays one event."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

MONDAY = dt.date(2024, 12, 2)


def _count(text: str, event_type: str) -> int:
    return sum(e.type == event_type for e in extract(Article(id="t", text=text, published=MONDAY)).events)


RAID = "داهمت قوات الاحتلال مدينة الخليل صباح اليوم واعتقلت شابين. "
CALL = ("تلقى وزير الخارجية المصري سامح شكري اليوم اتصالا هاتفيا من نظيره البريطاني جيمس كليفرلي للتباحث حول "
        "التصعيد في غزة. ")


def test_one_more_arrest_is_another_event():
    assert _count(RAID + "كما اعتقلت مواطنا آخر من جنوب المدينة.", "COERCE") == 2
    assert _count(RAID + "كما اعتقلت مواطنا من جنوب المدينة.", "COERCE") == 1


def test_another_call_is_another_consultation():
    assert _count(CALL + "كما تلقى شكري اتصالا آخر من نظيرته الفنلندية إلينا فالتونين بشأن غزة.", "CONSULT") == 2
    assert _count(CALL + "كما تلقى شكري اتصالا من نظيرته الفنلندية إلينا فالتونين بشأن غزة.", "CONSULT") == 1


def test_a_vague_count_of_others_is_the_same_arrest():
    text = "اعتقلت قوات الاحتلال ثلاثة شبان في مدينة الخليل صباح اليوم. واعتقلت قوات الاحتلال عددا آخر في المدينة."
    assert _count(text, "COERCE") == 1


def test_the_rest_of_a_toll_is_the_same_attack():
    text = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة العريش صباح اليوم. وأصيب عشرة آخرون في الهجوم على "
            "الحاجز في العريش.")
    assert _count(text, "ASSAULT") == 1


def test_another_attack_noun_is_another_attack():
    text = ("قتل ثلاثة جنود في هجوم شنته حركة الشباب على حاجز أمني في مقديشو صباح اليوم. "
            "وقالت الشرطة إن المهاجمين فروا. وأضافت أن التحقيقات جارية. "
            "وشنت الحركة صباح اليوم هجوما آخر على قاعدة عسكرية في مقديشو، ما أسفر عن أضرار مادية.")
    assert _count(text, "ASSAULT") == 2
