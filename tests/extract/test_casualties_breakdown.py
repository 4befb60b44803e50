"""A count broken down into its parts is one toll, not the sum of the count and its parts: a parenthesis after the
count («175 شهيداً (124 في الضفة الغربية و51 في قطاع غزة)») or «بما في ذلك» before them (casualties
._breaks_down_a_count); parts of one toll told in turn without such a word still add up."""
from __future__ import annotations

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def assault_toll(text: str) -> int | None:
    events = [e for e in extract(Article(id="t", text=text)).events if e.type == "ASSAULT"]
    assert events, text
    return events[0].fatalities


@pytest.mark.parametrize("sentence, fatalities", [
    # the family's ten dead, among them his wife, his mother and eight of his children (not 10 + 8)
    ("قتل 10 أفراد من أسرة واحدة في قصف مدفعي على مخيم أبو شوك بمدينة الفاشر، بما في ذلك زوجته، "
     "والدته، وثمانية من أطفاله.", 10),
    # a toll of a shelling split by place in a parenthesis (not 12 + 5)
    ("قتل 12 مدنياً (7 في بلدة البارة و5 في قرية بليون) في قصف مدفعي على ريف إدلب الجنوبي.", 12),
])
def test_a_count_broken_down_is_one_toll(sentence, fatalities):
    assert assault_toll(sentence) == fatalities


def test_parts_told_in_turn_still_add_up():
    assert assault_toll("قتل ثلاثة مدنيين في اليوم الأول و27 في اليوم الثاني من القصف على مدينة دوما.") == 30
