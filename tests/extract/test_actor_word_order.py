"""Actor1 by Arabic word order and construct: a force noun in construct with a definite agent is that agent's force
(«قوات المعارضة السورية», not «قوات»)."""

from rasd_testkit.extraction import events_of


def test_a_force_noun_in_construct_with_a_definite_agent_names_that_force():
    doc = events_of("قتل أكثر من عشرين شخصا جراء قصف لقوات المعارضة السورية على خيمة انتخابية في محافظة درعا.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is not None and assault.actor1.text.endswith("قوات المعارضة السورية")
