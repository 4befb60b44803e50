"""Tolls told over the victims' nouns and around a number: persons joined by «و» before or after a count
(«امرأة وطفلاها قتلوا», «استشهاد طفلين وامرأة»), the next ordinal as one more («شابين ... وثالث»), «واحدة» that
describes a thing («من عائلة واحدة»), a number right before «وأصيب» that belongs to the cue before it, and an
overall running total after the event's own toll («لترتفع الحصيلة الإجمالية إلى 50»)."""
from __future__ import annotations

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def assault_toll(text: str) -> tuple[int | None, int | None]:
    events = [e for e in extract(Article(id="t", text=text)).events if e.type == "ASSAULT"]
    assert events, text
    return events[0].fatalities, events[0].injuries


@pytest.mark.parametrize("sentence, toll", [
    # a singular person before a joined count: one more of them
    ("وبحسب المرصد فإن امرأة وطفلاها قتلوا عندما استهدفتهم غارة جوية في مدينة معرة النعمان.", (3, None)),
    ("قتل رجل وطفلان في غارة إسرائيلية على مدينة رفح جنوب قطاع غزة.", (3, None)),
    # a singular person joined after a dual
    ("أسفر القصف الإسرائيلي عن استشهاد طفلين وامرأة في مدينة غزة.", (3, None)),
    # the next ordinal joined by «و» is one more person
    ("وأسفرت المواجهات عن إصابة شابين بشظايا الرصاص وثالث بجرح باليد في مدينة نابلس.", (None, 3)),
    # «مع» + one more person + «آخر»: one more victim; «في اشتباك مع مسلح» is none
    ("والسبت، قتلت فتاة في الثالثة عشرة مع مدني آخر في قصف متبادل عبر الحدود في إقليم كشمير.", (2, None)),
    ("قتل جندي في اشتباك مع مسلح قرب حاجز للجيش في مدينة العريش.", (1, None)),
    # the number right before «وأصيب» belongs to the death cue before it
    ("قتل مدني واحد وأصيب ثلاثة آخرون في هجوم بعبوة ناسفة على سوق مدينة غاو.", (1, 3)),
])
def test_persons_joined_to_the_count(sentence, toll):
    assert assault_toll(sentence) == toll


def test_one_family_is_no_toll_of_one():
    text = "استهدفت قوات النظام السيارة التي تقلهم في القرية، ما أسفر عن مقتلهم جميعاً وهم من عائلة واحدة."
    assert all(e.fatalities != 1 for e in extract(Article(id="t", text=text)).events)


def test_overall_total_after_the_toll_is_not_the_toll():
    text = ("قال مصدر طبي إن ثلاثة أشخاص قتلوا في اشتباكات بمدينة طرابلس أمس، وجرح 9 آخرون، لترتفع الحصيلة "
            "الإجمالية للمواجهات إلى 50 قتيلا و138 جريحا.")
    assert assault_toll(text) == (3, 9)


def test_things_counted_before_a_new_injury_clause_are_no_toll():
    # «145 أسرة», «35 منزلاً» count families and houses; «وإصابة امرأة» opens its own clause: one woman hurt
    text = "وقال مسؤول إن القصف المكثف على مديرية رحبة أدى إلى نزوح 145 أسرة وتدمير 35 منزلاً، وإصابة امرأة."
    assert assault_toll(text) == (None, 1)


@pytest.mark.parametrize("sentence", [
    "انفجرت سيارة مفخخة في سوق مدينة بغداد، ما أسفر عن سقوط 40 شخصا بين قتيل وجريح.",
    "قصفت المدفعية بلدة إحسم في جبل الزاوية، ما تسبب بمجزرة راح ضحيتها أكثر من 15 مدنياً ما بين قتيل وجريح.",
])
def test_killed_and_wounded_counted_together_after_between(sentence):
    # «بين قتيل وجريح»: one count of both kinds, neither toll known; «قتيل» is no one person by itself
    assert assault_toll(sentence) == (None, None)


def test_period_total_after_the_toll_is_not_the_toll():
    # «منذ بدء العدوان» after «ليرتفع عدد الشهداء»: a total over a period, as «الحصيلة الإجمالية» is one over events
    text = "أسفر القصف الإسرائيلي عن استشهاد 5 مواطنين، ليرتفع عدد الشهداء منذ بدء العدوان إلى 40 ألف شهيد."
    assert assault_toll(text) == (5, None)
