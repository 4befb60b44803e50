"""A title of office the KB knows, standing alone in an undated article («وزير الخارجية الإيراني»), names no
person (the entities stage cannot tell who held it) but is still who acted: the office, of its country; before
its holder's name the title stays the holder's."""

from rasd.document import Article
from rasd.pipeline import extract


def _request(text: str):
    return next(e for e in extract(Article(id="t", text=text)).events if e.type == "REQUEST")


def test_an_unnamed_office_is_the_actor_of_its_verb_and_a_named_one_its_holder():
    office = _request("دعا وزير الخارجية الإيراني المجتمع الدولي إلى رد جدي على القصف الذي استهدف قنصلية بلاده.")
    assert office.actor1 is not None and office.actor1.text == "وزير الخارجية الإيراني"
    assert office.actor1.country == "IR"
    holder = _request("دعا وزير الخارجية الإيراني عباس عراقجي المجتمع الدولي إلى رد جدي.")
    assert holder.actor1 is not None and "عراقجي" in holder.actor1.text
