"""Tolls told without a figure of their own: one person's pronoun on a death phrase («لقي مصرعه»), the dead
named after «اغتيال», «قضى نحبه», and one count of the killed and the wounded together («مقتل وإصابة 15»)."""
from __future__ import annotations

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def assault_toll(text: str) -> tuple[int | None, int | None]:
    events = [e for e in extract(Article(id="t", text=text)).events if e.type == "ASSAULT"]
    assert events, text
    return events[0].fatalities, events[0].injuries


@pytest.mark.parametrize("sentence, fatalities", [
    # one person's pronoun on the death phrase: one dead
    ("لقي مجند بالجيش المصري مصرعه، وأُصيب 8 آخرون، اليوم السبت، في هجمات مسلحة بمحافظة شمال سيناء.", 1),
    # «اغتيال» counts the dead named after it
    ("قال الحزب في بيان إن غارة إسرائيلية أدت إلى اغتيال أحد عناصره في منطقة صديقين جنوب لبنان.", 1),
    # «قضى نحبه» is a death phrase: its subject's number is the toll
    ("قضى خمسة مدنيين نحبهم، بينهم نساء وأطفال اليوم الأربعاء، إثر قصف مدفعي على قرية المنصورة بريف حماة.", 5),
])
def test_death_told_without_a_figure_of_its_own(sentence, fatalities):
    assert assault_toll(sentence)[0] == fatalities


def test_operations_counted_before_assassination_are_no_dead():
    text = "وقال المرصد إن التنظيم نفذ 15 عملية اغتيال في مدينة درعا منذ مطلع العام."
    assert all(e.fatalities != 15 for e in extract(Article(id="t", text=text)).events)


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


def test_one_death_as_the_direct_object_of_a_result_verb():
    # «ما خلف مقتله»: «خلف» (event_words.tsv result_verb, as «أسفر عن») takes the casualty noun without a preposition
    text = ("قال المرصد إن مسلحين مجهولين أطلقوا النار على الشاب في مدينة الصنمين بريف درعا، ما خلف مقتله على الفور. "
            "وفي الأثناء جرت اشتباكات في المدينة.")
    assert assault_toll(text)[0] == 1
