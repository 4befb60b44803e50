"""«اتهمت مصادر قوات الدعم السريع بقتل ...»: whom a verb of accusing takes as its object did the act after its «بـ»
(event_words.tsv accuse_verb); «الهجوم استهدف منزل فلان، وأسفر عن مقتل ...»: the toll after a verb of result was
caused by the attack, never by the person named before it (event_words.tsv result_verb)."""

from rasd_testkit.extraction import events_of


def test_the_accused_did_the_act_after_bi():
    doc = events_of("اتهمت مصادر محلية قوات الدعم السريع بقتل 5 مدنيين في قرية شمال الفاشر أمس.")
    killing = next(e for e in doc.events if e.type == "ASSAULT")
    assert killing.actor1 is not None and killing.actor1.text == "قوات الدعم السريع"


def test_a_person_named_before_a_result_verb_did_not_inflict_the_toll():
    doc = events_of("وذكر شهود أن الهجوم استهدف منزل المواطن أحمد علي عثمان في القرية، وأسفر عن مقتل 4 أطفال "
                    "كانوا يلعبون أمامه.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is None or "أحمد" not in attack.actor1.text
