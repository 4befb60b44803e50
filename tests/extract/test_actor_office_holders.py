"""An office named as an event's actor in a headline or a later sentence («رئيس الوزراء يوقع», «ويختم الوزير
التركي زيارته») is the person the article names with that title: the office's words stay the actor's text, the
person gives its identity (event_actors._holder_of_office)."""

from rasd.document import Article
from rasd.pipeline import extract


def _events(text: str, kind: str):
    return [e for e in extract(Article(id="t", text=text, published="2024-03-01")).events if e.type == kind]


def test_a_headline_office_is_the_person_named_with_it_after_a_comma():
    text = ("رئيس الوزراء يوقع اتفاقيات تعاون مع نظيرته التونسية. فقد جمعت المناسبة الدكتور مصطفى مدبولي، "
            "رئيس الوزراء المصري، ونظيرته التونسية في العاصمة الإدارية.")
    agreement = _events(text, "AGREE")[0]
    assert agreement.actor1 is not None and agreement.actor1.text == "رئيس الوزراء"
    assert agreement.actor1.kb_id == "per.mostafa_madbouly"


def test_an_office_with_its_nationality_is_the_person_titled_with_both_words():
    text = ("أجرى الوزير العماني يوسف بن علوي محادثات مع وزير الخارجية التركي مولود جاويش أوغلو في مسقط. "
            "ودعا الوزير التركي المجتمع الدولي إلى رد جدي على الهجمات.")
    request = _events(text, "REQUEST")[0]
    assert request.actor1 is not None and request.actor1.kb_id == "per.mevlut_cavusoglu"


def test_an_office_no_one_in_the_article_holds_stays_the_office():
    text = "رئيس الوزراء يوقع اتفاقيات تعاون مع نظيرته التونسية في العاصمة الإدارية."
    agreement = _events(text, "AGREE")[0]
    assert agreement.actor1 is not None and agreement.actor1.text == "رئيس الوزراء"
    assert agreement.actor1.kb_id == "agent.minister"
