"""«أعلن الاتحاد العام التونسي للشغل بدء إضراب شامل»: with no crowd named, the body that starts a strike or
a protest (the subject of the light noun before it) holds it; a crowd named in the sentence still protests."""

from rasd_testkit.extraction import events_of


def test_the_body_starting_a_strike_holds_it_and_a_named_crowd_still_protests():
    # (not «عزمه بدء إضراب»: an announced intention is no strike yet — event_modality's scheduled acts)
    doc = events_of("أعلن الاتحاد العام التونسي للشغل بدء إضراب شامل اعتباراً من اليوم الخميس، احتجاجاً على "
                    "تردي الوضع الاقتصادي.")
    strike = next(e for e in doc.events if e.type == "PROTEST")
    assert strike.actor1 is not None and strike.actor1.text == "الاتحاد العام التونسي للشغل"
    doc = events_of("أعلن الاتحاد العام التونسي للشغل بدء إضراب شامل يشارك فيه المعلمون في العاصمة تونس.")
    strike = next(e for e in doc.events if e.type == "PROTEST")
    assert strike.actor1 is not None and "المعلم" in strike.actor1.text


def test_the_bodies_counted_after_the_organising_verb_hold_the_protest():
    # «دعت إليها عدد من النقابات»: a vague count and its «من» stand between the verb and the organisers
    doc = events_of("انطلقت اليوم مسيرة احتجاجية دعت إليها عدد من النقابات المهنية في العاصمة تونس.")
    march = next(e for e in doc.events if e.type == "PROTEST")
    assert march.actor1 is not None and march.actor1.text == "النقابات المهنية"
