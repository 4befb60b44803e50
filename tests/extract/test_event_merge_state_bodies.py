"""A headline and its lead telling one state measure by two bodies of one state or union («الاتحاد الأوروبي»
... «مجلس الاتحاد الأوروبي», «الحكومة الأمريكية» ... «وزارة الخزانة الأمريكية») tell one act, not two."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _sanctions(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 12, 16)))
    return [e for e in doc.events if e.type == "SANCTION"]


def test_a_union_and_its_council_impose_one_sanction():
    sanctions = _sanctions("الاتحاد الأوروبي يفرض عقوبات على كيانات روسية\n"
                           "أعلن مجلس الاتحاد الأوروبي، اليوم الاثنين، فرض عقوبات على سبعة أفراد وخمسة كيانات روسية "
                           "بسبب الحرب في أوكرانيا.")
    assert len(sanctions) == 1


def test_two_bodies_of_one_state_impose_one_sanction():
    sanctions = _sanctions("الحكومة الأمريكية تفرض عقوبات على مسؤولين في سوريا\n"
                           "فرضت وزارة الخزانة الأمريكية، اليوم الاثنين، عقوبات على ثلاثة مسؤولين سوريين "
                           "وشركتين في دمشق.")
    assert len(sanctions) == 1


def test_two_states_still_impose_two_sanctions():
    sanctions = _sanctions("الحكومة الأمريكية تفرض عقوبات على مسؤولين في سوريا\n"
                           "وفرضت الحكومة البريطانية، اليوم الاثنين، عقوبات على ثلاثة مسؤولين سوريين "
                           "وشركتين في دمشق.")
    assert len(sanctions) == 2


def test_one_sanction_told_at_two_places_is_one_act():
    sanctions = _sanctions("فرضت الولايات المتحدة، اليوم الاثنين، عقوبات جديدة على شركات روسية بسبب الحرب في أوكرانيا. "
                           "وأضاف البيان أن المسؤولين التقوا في جنيف لبحث الوضع. "
                           "وقالت وزارة الخزانة إن الولايات المتحدة فرضت العقوبات على 12 شركة في موسكو.")
    assert len(sanctions) == 1


def test_a_sanction_told_as_an_earlier_one_stays_apart():
    sanctions = _sanctions("فرضت الولايات المتحدة، اليوم الاثنين، عقوبات جديدة على شركات روسية بسبب الحرب في أوكرانيا. "
                           "وأضاف البيان أن المسؤولين التقوا في جنيف لبحث الوضع. "
                           "وسبق أن فرضت الولايات المتحدة عقوبات على 12 شركة في موسكو.")
    assert len(sanctions) == 2
