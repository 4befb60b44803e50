"""A counted noun's dual with a possessive pronoun («طفلاها», «نجليه»: its «ن» dropped) is two people; words that
only look so («شرطية», «موظفيها», «ولديه», «رجليه») are not; «مايقارب» written as one word is «ما يقارب»."""
from __future__ import annotations

import pytest

from rasd.text.numbers import find_numbers


def counts(text: str) -> list[tuple[str, float, str]]:
    return [(n.span.text, n.value, n.kind) for n in find_numbers(text)]


@pytest.mark.parametrize("text, word", [
    ("قتلت الغارة امرأة وطفلاها في المدينة", "وطفلاها"),
    ("أصيب نجلاه بجروح خطيرة في القصف", "نجلاه"),
    ("اعتقلت القوات الرجل وابنتيه من منزلهم", "وابنتيه"),
    ("قتل المسلحون طفليه أمام المنزل", "طفليه"),
])
def test_possessed_dual_is_two_people(text, word):
    assert (word, 2.0, "dual") in counts(text)


@pytest.mark.parametrize("text", [
    "انتشرت قوة شرطية في الشارع",                       # «شرطية»: a feminine adjective, its «ة» no pronoun
    "التقى الوزير شخصية بارزة في المدينة",
    "قال المدير إن موظفيها لم يتلقوا رواتبهم",          # «-ي-»: a sound plural, not a dual
    "وقال إن ولديه معلومات عن الهجوم",                 # «و» + «لديه»: he has
    "أصيب الشاب برصاصة في رجليه",                      # his legs
])
def test_words_like_possessed_duals_are_no_count(text):
    assert not [c for c in counts(text) if c[2] == "dual"]


def test_glued_about_cue():
    [number] = find_numbers("أدى الانفجار إلى مقتل مايقارب 10 أشخاص من المارة")
    assert number.value == 10 and number.qualifier == "about"
