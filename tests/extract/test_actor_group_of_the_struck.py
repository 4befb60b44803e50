"""A body joined by «بـ» right after the one an attack struck (or its adjective) is the group the struck belongs to
(«ضد قيادي بارز بتنظيم القاعدة»), never the attacker (event_actors._group_of_the_struck)."""

from rasd.document import Article
from rasd.extract.event_actors import choose_actors, sentence_mentions
from rasd.extract.triggers import find_triggers
from rasd.pipeline import extract


def _actor1_of_the_strike(text: str):
    doc = extract(Article(id="t", text=text, published="2024-03-01"))
    strike = next(m for m in find_triggers(doc.tokens)
                  if m.rule.get("type") == "ASSAULT" and doc.tokens[m.first].stem == "غاره")
    actor1, _ = choose_actors(doc, strike, "ASSAULT", sentence_mentions(doc, 0, 0, len(doc.tokens)))
    return actor1


def test_the_group_of_a_leader_struck_is_not_the_attacker():
    actor1 = _actor1_of_the_strike("القوات الأمريكية: نفذنا غارة جوية ضد قيادي بارز بتنظيم القاعدة في إدلب")
    assert actor1 is None or "القاعدة" not in actor1.text

