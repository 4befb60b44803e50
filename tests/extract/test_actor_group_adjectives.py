"""Actor1 from a known armed group written as an adjective: «قصف حوثي» is the Houthis' shelling, «برصاص قناص
حوثي» a Houthi sniper's fire (the group, with the role's words in its text), not a sniper of no one."""

import pytest

from rasd_testkit.extraction import events_of


@pytest.mark.parametrize("text,words", [
    ("والسبت، قتلت امرأة بقصف مماثل استهدف إحدى قرى مديرية مقبنة، فيما أصيبت امرأة أخرى برصاص قناص حوثي "
     "في منطقة عصيفرة شمال مدينة تعز.", "قناص حوثي"),
    ("أصيب طفل في قصف حوثي شرقي مدينة تعز أمس.", "حوثي"),
    ("قتل 9 مدنيين في هجوم بطائرة حوثية غربي اليمن.", "حوثية"),
])
def test_a_group_adjective_names_the_group_as_the_attacker(text, words):
    # (the last attack told: in «قتلت امرأة بقصف مماثل ...، فيما أصيبت امرأة أخرى برصاص قناص حوثي» the sniper is
    # named in the clause after «فيما», not for the shelling before it)
    attack = [e for e in events_of(text).events if e.type == "ASSAULT"][-1]
    assert attack.actor1 is not None and attack.actor1.text == words
    assert "Houthis" in (attack.actor1.name_en or "")


@pytest.mark.parametrize("text,words", [
    ("أطلق المتمردون الحوثيون صاروخا على مدينة مأرب أمس فقتل خمسة مدنيين.", "المتمردون الحوثيون"),
    ("قصفت الميليشيات الحوثية أحياء سكنية في مدينة تعز أمس.", "الميليشيات الحوثية"),
])
def test_a_definite_role_with_a_group_adjective_is_that_group(text, words):
    # (the last attack told: in «قتلت امرأة بقصف مماثل ...، فيما أصيبت امرأة أخرى برصاص قناص حوثي» the sniper is
    # named in the clause after «فيما», not for the shelling before it)
    attack = [e for e in events_of(text).events if e.type == "ASSAULT"][-1]
    assert attack.actor1 is not None and attack.actor1.text == words
    assert attack.actor1.kb_id == "org.houthis"


@pytest.mark.parametrize("text,words,group", [
    ("قتل جنديان برصاص قناص داعشي في قرية قرب كركوك.", "قناص داعشي", "org.isis"),
    ("هاجم مقاتلو الشباب قاعدة عسكرية في مقديشو أمس.", "مقاتلو الشباب", "org.al_shabaab"),
])
def test_other_groups_by_their_adjective_or_their_fighters(text, words, group):
    # (the last attack told: in «قتلت امرأة بقصف مماثل ...، فيما أصيبت امرأة أخرى برصاص قناص حوثي» the sniper is
    # named in the clause after «فيما», not for the shelling before it)
    attack = [e for e in events_of(text).events if e.type == "ASSAULT"][-1]
    assert attack.actor1 is not None and attack.actor1.text == words and attack.actor1.kb_id == group
