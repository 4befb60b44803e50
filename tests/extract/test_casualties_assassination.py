"""An assassination told by its verb in the perfect is one death when no count is given («اغتال مسلحون، الخميس
الماضي، “ماهر محمد علي”»); its noun («نجا من محاولة اغتيال») and the imperfect tell no death (casualty_cues.tsv
«alone: one»)."""
from __future__ import annotations

import pytest

from rasd.document import Article
from rasd.extract.casualties import casualties_in_range
from rasd.pipeline import extract


def assault_fatalities(text: str) -> list[int | None]:
    return [e.fatalities for e in extract(Article(id="t", text=text)).events if e.type == "ASSAULT"]


@pytest.mark.parametrize("sentence, toll", [
    ("وفي محافظة الضالع اغتال مسلحون، الخميس الماضي، ماهر محمد علي امام مسجد الضبب.", 1),
    ("وذكرت مصادر محلية أن مسلحين اغتالوا مساء امس شخصا في مديرية الشيخ عثمان.", 1),
    ("وفي 24 آذار الجاري، اغتال مجهولون المهندس محمود العتمة رئيس المجلس البلدي في مدينة الصنمين.", 1),
    ("اغتال مسلحون 3 قادة في مدينة عدن.", 3),
])
def test_assassination_by_verb_is_one_death(sentence, toll):
    assert assault_fatalities(sentence)[0] == toll


def test_attempted_assassination_is_no_death():
    assert all(f is None for f in assault_fatalities("نجا القيادي محمد علي من محاولة اغتيال في مدينة عدن."))


def test_passive_with_no_victim_named_is_no_toll():
    doc = extract(Article(id="t", text="ولا شك ان الذين خرجوا الى الشارع لم يكونوا يعرفون انه اغتيل لاجل ذلك."))
    assert casualties_in_range(doc, 0, len(doc.tokens)).fatalities is None
