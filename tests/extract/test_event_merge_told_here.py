"""A mention told in the sentence one of an event's mentions came from, at that event's place, is that event even
when the two nouns name different modes: «نفذ سائقون ... إضرابا ووقفات احتجاجية» after the headline's strike is
one protest."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _protests(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 2, 12)))
    return [e for e in doc.events if e.type == "PROTEST"]


def test_a_strike_and_its_sit_ins_told_together_are_one_protest():
    protests = _protests("سائقو سيارات الأجرة ينفذون إضرابا في قطاع غزة\n"
                         "نفذ سائقو سيارات الأجرة صباح اليوم الاثنين، إضرابا ووقفات احتجاجية أمام مقر وزارة النقل "
                         "في قطاع غزة.")
    assert len(protests) == 1


def test_protests_in_two_cities_stay_two():
    protests = _protests("سائقو سيارات الأجرة ينفذون إضرابا في مدينة غزة\n"
                         "نفذ سائقو سيارات الأجرة صباح اليوم الاثنين، إضرابا في مدينة غزة ووقفات احتجاجية في "
                         "مدينة رام الله.")
    assert len(protests) == 2
