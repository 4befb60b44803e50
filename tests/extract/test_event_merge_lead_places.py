"""The headline's strike and the body's: a mention joins the event told at its very place before a headline's
strike a few km off, and a headline that lists the villages it tells one by one is no summary of a strike on
another village (issue 13: two events at two distinct places are never one)."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _attacks(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 5, 5)))
    return [(e.place.text if e.place else None, e.fatalities, e.injuries) for e in doc.events if e.type == "ASSAULT"]


def test_the_wounded_of_a_town_join_the_strike_on_that_town_not_the_headline():
    attacks = _attacks("مقتل 3 مدنيين في غارات روسية على مدينة إدلب\n"
                       "وقالت مصادر محلية إن الوضع الإنساني في المنطقة يزداد سوءا.\n"
                       "وقصفت طائرات حربية روسية منزلا في حي القصور بمدينة إدلب، ما أدى إلى مقتل ثلاثة مدنيين.\n"
                       "وقصفت مدفعية قوات النظام بلدة سرمين شرقي إدلب. وأصيب خمسة مدنيين في بلدة سرمين.")
    assert ("بلدة سرمين", None, 5) in attacks or ("سرمين", None, 5) in attacks
    assert all(injuries is None for place, _, injuries in attacks if "سرمين" not in (place or ""))


def test_a_headline_listing_two_villages_does_not_absorb_a_third():
    attacks = _attacks("قصف إسرائيلي على بلدتي الناقورة وعلما الشعب في جنوب لبنان\n"
                       "أفادت الوكالة الوطنية للإعلام بأن المدفعية الإسرائيلية قصفت أطراف البلدتين صباح اليوم.\n"
                       "وقالت الوكالة إن طائرات الاستطلاع حلقت في أجواء المنطقة طوال الليل. "
                       "كما قصفت المدفعية الإسرائيلية بلدة عيتا الشعب مساء.")
    places = [place for place, _, _ in attacks]
    assert {"الناقورة", "علما الشعب", "عيتا الشعب"} <= set(places)


def test_two_named_districts_are_two_places():
    attacks = _attacks("اغتال مسلحون مجهولون، صباح اليوم، ضابطا في الشرطة بمديرية الشيخ عثمان في عدن.\n"
                       "وقال مصدر أمني إن التحقيقات جارية.\n"
                       "وفي وقت لاحق اغتال مسلحون جنديا أمام منزله في مديرية دار سعد.")
    assert [place for place, _, _ in attacks] == ["مديرية الشيخ عثمان", "مديرية دار سعد"]
