"""«في قصف لطيران التحالف», «بطائرات الاحتلال»: a force noun carrying «ل» or «ب», in construct before a state or
coalition force of the agent layer, is that force's arm — its head noun joins the actor's name, as «طائرات الاحتلال»
does after a verb (event_actors._join_force_heads)."""

from rasd_testkit.extraction import events_of


def test_the_coalition_aircraft_in_a_lam_phrase():
    attack = next(e for e in events_of("قتلى وجرحى في قصف لطيران التحالف على صنعاء").events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "طيران التحالف"
