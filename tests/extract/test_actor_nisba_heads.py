"""A nisba qualifying the craft, unit, command or delegation noun before it makes one actor with it: the actor is
that noun phrase («طائرة مسيرة إسرائيلية», «طائرة أمريكية بدون طيار», «وفود فلسطينية», «القيادة الأميركية»), of
the nisba's country; an act noun before the nisba («قصف إسرائيلي») is no head of it."""

import pytest

from rasd.extract.event_lexicon import _WORDS
from rasd.text.normalize import normalize_for_match
from rasd_testkit.extraction import events_of


@pytest.mark.parametrize("text,etype,actor", [
    ("قُتل قيادي في تنظيم القاعدة بضربة لطائرة أمريكية بدون طيار في محافظة البيضاء وسط اليمن.", "ASSAULT",
     "طائرة أمريكية بدون طيار"),
    ("وأضافت المصادر أن 15 مواطنا أصيبوا جراء قصف طائرة مسيرة إسرائيلية خيمة تؤوي نازحين غرب مدينة خان يونس.",
     "ASSAULT", "طائرة مسيرة إسرائيلية"),
    ("وصلت وفود فلسطينية وإسرائيلية وأميركية وقطرية إلى القاهرة صباح الأحد.", "CONSULT", "وفود فلسطينية"),
    # a command with its nisba is a body: the subject a reporting verb's «أنها» points back to
    ("أعلنت القيادة الأميركية، أنها نفذت غارة يوم أمس الجمعة بطائرة مسيرة في محافظة إدلب.", "ASSAULT",
     "القيادة الأميركية"),
])
def test_a_nisba_actor_is_the_craft_or_delegation_it_qualifies(text, etype, actor):
    event = next(e for e in events_of(text).events if e.type == etype)
    assert event.actor1 is not None and event.actor1.text == actor
    assert event.actor1.country in ("US", "IL", "PS")


def test_the_craft_heads_the_nisba_but_an_act_noun_does_not():
    drone = next(e for e in events_of("قتل مدنيان بغارة شنتها مسيرة إسرائيلية على خان يونس.").events
                 if e.type == "ASSAULT")
    shelling = next(e for e in events_of("قتل مدنيان بقصف إسرائيلي على خان يونس.").events if e.type == "ASSAULT")
    assert drone.actor1 is not None and drone.actor1.text == "مسيرة إسرائيلية"
    assert shelling.actor1 is not None and shelling.actor1.text == "إسرائيلي"


def test_nisba_head_rows_are_normalised_and_hold_crafts_and_delegations():
    heads, modifiers = _WORDS["nisba_head"], _WORDS["nisba_head_modifier"]
    assert {normalize_for_match(w) for w in ("طائرة", "زوارق", "وفد")} <= heads
    assert normalize_for_match("قصف") not in heads and normalize_for_match("طيار") in modifiers
