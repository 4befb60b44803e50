"""Tolls told without a figure of their own: one person's pronoun on a death verb, an assassination, «قضى نحبه»,
and one count of the killed and the wounded together («مقتل وإصابة 15»)."""
from __future__ import annotations

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def assault_toll(text: str) -> tuple[int | None, int | None]:
    events = [e for e in extract(Article(id="t", text=text)).events if e.type == "ASSAULT"]
    assert events, text
    return events[0].fatalities, events[0].injuries


@pytest.mark.parametrize("sentence, fatalities", [
    # one person's pronoun on the death verb: the man taken and killed is one dead
    ("والاسبوع الماضي خطف متمردون ضابطا هنديا كان في اجازة في منطقة شوبيان وقتلوه.", 1),
    # an assassination kills one person, named rather than counted
    ('وفي 24 آذار/مارس الجاري، اغتال مجهولون المهندس "محمود محمد العتمة" رئيس المجلس البلدي في مدينة الصنمين.', 1),
    ("وفي محافظة الضالع اغتال مسلحون، الخميس الماضي، “ماهر محمد علي” امام مسجد الضبب بعد صلاة العشاء.", 1),
    # «قضى نحبه» is a death phrase: its subject's number is the toll
    ("قضى خمسة مدنيين نحبهم، بينهم نساء وأطفال اليوم الأربعاء، إثر قصف مدفعي على قرية المنصورة بريف حماة.", 5),
    # a figure, when given, still wins over the one of the assassination verb
    ("اغتال مسلحون ثلاثة من قادة الشرطة في مدينة درعا مساء أمس.", 3),
])
def test_death_told_without_a_figure(sentence, fatalities):
    assert assault_toll(sentence)[0] == fatalities


def test_attempted_assassination_kills_nobody():
    text = "نجا محافظ عدن من محاولة اغتيال بسيارة مفخخة استهدفت موكبه في مديرية المنصورة."
    assert all(e.fatalities is None for e in extract(Article(id="t", text=text)).events)


def test_possessive_pronoun_on_a_victim_noun_is_no_toll():
    # «ضحيتها»: the massacre's victims, not one person
    text = "استهدفت المدفعية الروسية منزلا مدنيا في قرية سرجة بريف إدلب، تسببت بمجزرة ضحيتها أطفال ونساء."
    assert all(e.fatalities != 1 for e in extract(Article(id="t", text=text)).events)


@pytest.mark.parametrize("sentence, toll", [
    # «مقتل وإصابة 15»: one count of the killed and the wounded together is neither toll
    ("أسفر الهجوم على قرية فوري بولاية شمال كردفان عن مقتل وإصابة 15 شخصا.", (None, None)),
    ("مقتل وجرح 4 عناصر من الجيش الوطني باشتباكات مع قسد بريف حلب الشرقي", (None, None)),
    # a toll read before the pair keeps the count after it for the second word
    ("قال مصدر إن تسعة مدنيين بينهم ثلاثة أطفال، قُتلوا وأُصيب 13 آخرون نتيجة قصف جوي على بلدة بليون.", (9, 13)),
])
def test_killed_and_wounded_counted_together(sentence, toll):
    assert assault_toll(sentence) == toll
