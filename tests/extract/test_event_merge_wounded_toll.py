"""Two mentions of one attack with two counts of the wounded: the lower, the most conservative figure
(ANNOTATION.md), unless the lower is one person told alone («كما أصيب شاب آخر»)."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _attacks(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 5, 5)))
    return [(e.place.text if e.place else None, e.fatalities, e.injuries) for e in doc.events if e.type == "ASSAULT"]


def test_the_lower_of_two_counts_of_the_wounded():
    attacks = _attacks("مقتل 3 مدنيين وإصابة 12 في قصف على مدينة إدلب\n"
                       "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي لقوات النظام على مدينة إدلب صباح اليوم الأحد.")
    assert attacks == [("إدلب", 3, 5)]


def test_one_of_the_wounded_told_alone_does_not_lower_the_count():
    attacks = _attacks("أصيب فلسطينيان خلال مواجهات مع قوات الاحتلال في مدينة نابلس منتصف الليلة.\n"
                       "وقالت جمعية الهلال الأحمر إن شابا أصيب بالرصاص الحي في الرأس خلال المواجهات في نابلس، "
                       "كما أصيب شاب آخر بالرصاص المعدني.")
    assert attacks == [("نابلس", None, 2)]
