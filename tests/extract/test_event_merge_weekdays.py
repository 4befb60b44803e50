"""In an article with no publication date, two arrests whose sentences name two weekdays («مساء الأحد» ...
«وأمس السبت، اعتقلت») are two events; a sentence with no day of its own carries the day told just before it."""
from __future__ import annotations

from rasd.document import Article
from rasd.pipeline import extract

SUNDAY = ("منعت الأجهزة الأمنية، مساء الأحد، تنظيم تظاهرة وسط مدينة رام الله. "
          "وانتشرت الأجهزة الأمنية بمحيط ميدان المنارة. "
          "واعتقلت، عدد من النشطاء الذين حاولوا المشاركة في التظاهرة. ")


def _arrests(text: str) -> int:
    return sum(e.type == "COERCE" for e in extract(Article(id="t", text=text)).events)


def test_arrests_on_two_named_days_are_two_events():
    assert _arrests(SUNDAY + "وأمس السبت، اعتقلت الأجهزة الأمنية عددا من الشخصيات من النشطاء والأكاديميين.") == 2


def test_arrests_on_the_same_day_stay_one_event():
    assert _arrests(SUNDAY + "ومساء الأحد، اعتقلت الأجهزة الأمنية عددا من الشخصيات من النشطاء والأكاديميين.") == 1
