"""A weapon noun read as an attack's trigger («طائرة مسيّرة») inside the craft its nisba names («طائرة مسيّرة
إسرائيلية») has that craft as its actor, not a name further on in the sentence (event_actors._craft_around)."""

from rasd.document import Article
from rasd.extract.event_actors import choose_actors, sentence_mentions
from rasd.extract.triggers import find_triggers
from rasd.pipeline import extract


def test_the_craft_around_a_weapon_trigger_is_its_actor():
    text = ("أغارت طائرة مسيّرة إسرائيلية صباح اليوم على سيارة في منطقة وادي خليل، على طريق الزرارية - أبو الأسود "
            "في جنوب لبنان.")
    doc = extract(Article(id="t", text=text, published="2024-03-01"))
    weapon = next(m for m in find_triggers(doc.tokens)
                  if m.rule.get("type") == "ASSAULT" and doc.tokens[m.first].stem == "طايره")
    mentions = sentence_mentions(doc, 0, 0, len(doc.tokens))
    actor1, _ = choose_actors(doc, weapon, "ASSAULT", mentions)
    assert actor1 is not None and actor1.text == "طائرة مسيّرة إسرائيلية"
