"""Issue 13: a headline's single attack at a city and the act a summary sentence («عدة هجمات ... في سلسلة
تفجيرات») places at a neighbourhood of that city are one attack; the summary's other place stays an event of its
own. Two common nouns of the army («القوات المسلحة» ... «الجيش») name one attacker, or one target read as actor."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _attacks(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2023, 1, 13)))
    return [e for e in doc.events if e.type == "ASSAULT"]


_STORY = ("هجوم إرهابي يستهدف كمينا للقوات المسلحة في مدينة الشيخ زويد\n"
          "وشهدت محافظة شمال سيناء عدة هجمات، الجمعة، أسفرت عن مقتل 12 جنديا في سلسلة تفجيرات متتابعة، استهدفت "
          "كمينا للجيش بحي الكوثر في مدينة الشيخ زويد، والهجوم على كمين آخر بمدينة العريش.")


def test_the_headlines_attack_is_the_act_placed_inside_its_city():
    places = sorted(a.place.text for a in _attacks(_STORY))
    assert places == ["العريش", "حي الكوثر"]


def test_a_headline_in_another_city_stays_apart():
    attacks = _attacks(_STORY.replace("في مدينة الشيخ زويد\n", "في مدينة رفح\n"))
    assert len(attacks) == 3
