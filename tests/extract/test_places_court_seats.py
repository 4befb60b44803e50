"""A court sits in the town it is named after («محكمة جنايات الإسماعيلية»): the town is a place mention inside the
court's name, and a ruling a court word makes at the trigger happened there, not where the charges were."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _doc(text: str):
    return extract(Article(id="t", text=text, published=dt.date(2012, 9, 24)))


def test_the_town_in_a_courts_name_is_a_place():
    doc = _doc("قضت محكمة جنايات الإسماعيلية في مصر الاثنين بالسجن المؤبد على ستة متهمين.")
    assert "Ismailia" in {p.name_en for p in doc.places}


def test_a_courts_ruling_is_where_the_court_sits_not_where_the_charges_were():
    doc = _doc("قضت محكمة مصرية الاثنين بالإعدام في حق 14 متشددا بتهمة شن هجمات على الجيش في شبه جزيرة سيناء. "
               "وقال التلفزيون الرسمي إن محكمة جنايات الإسماعيلية أصدرت أحكاما بالإعدام ضد 14 من المتشددين.")
    rulings = [e for e in doc.events if e.type in ("SANCTION", "COERCE")]
    assert rulings and rulings[0].place is not None
    assert rulings[0].place.name_en == "Ismailia"


def test_an_international_court_names_no_seat():
    doc = _doc("قضت محكمة العدل الدولية في لاهاي بأن على إسرائيل وقف الهجوم.")
    assert not any(p.text == "العدل" for p in doc.places)


def test_a_municipality_acts_in_its_own_town():
    """«موكب نائب مدير أمن بلدية مقديشو»: the town after «بلدية» is where its officials are, not a place that only
    names something else (as «إذاعة دمشق» does)."""
    from rasd.extract.event_place import _in_a_name_or_title
    doc = _doc("وبعد نحو ساعة استهدف تفجير انتحاري في الصومال موكب نائب مدير أمن بلدية كيسمايو.")
    town = next(p for p in doc.places if p.text == "كيسمايو")
    rng = doc.token_range(town.span.start, town.span.end)
    assert rng is not None and not _in_a_name_or_title(doc, town, rng[0])
