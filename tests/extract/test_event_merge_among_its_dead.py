"""Issue 13: a death told with no act of its own and a smaller toll after an attack («وقال شهود إن أحد الباعة
قتل») is one of that attack's dead told again, not a second attack; a death at another town stays its own."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

_ATTACK = ("قتل ستة مدنيين وأصيب 20 آخرون في قصف مدفعي استهدف سوقا شعبية في مدينة الرستن بريف حمص الشمالي، "
           "صباح اليوم الجمعة.\n")


def _attacks(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 3, 8)))
    return [e for e in doc.events if e.type == "ASSAULT"]


def test_one_of_its_dead_told_again_is_the_same_attack():
    attacks = _attacks(_ATTACK + "وقال شهود إن أحد الباعة قتل بينما كان يفتح متجره.")
    assert [(a.place.text, a.fatalities, a.injuries) for a in attacks] == [("الرستن", 6, 20)]


def test_a_death_in_another_town_stays_apart():
    attacks = _attacks(_ATTACK + "وقال شهود إن أحد الباعة قتل في بلدة تلبيسة بينما كان يفتح متجره.")
    assert sorted((a.place.text, a.fatalities) for a in attacks) == [("الرستن", 6), ("تلبيسة", 1)]
