"""An attack's doer named at the opening of the next sentence by an agent verb whose pronoun is the weapon or
the attack («... من جراء صاروخ بالستي. أطلقه المتمردون الحوثيون على مدينة مأرب»)."""

from rasd_testkit.extraction import events_of


def test_the_doer_of_the_weapon_in_the_next_sentence_is_the_attacker():
    doc = events_of("قتل خمسة أشخاص على الأقل الأربعاء بينهم 3 مدنيين وأصيب 23 آخرون بجروح من جراء صاروخ بالستي. "
                    "أطلقه المتمردون الحوثيون على مدينة مأرب الاستراتيجية في شمال اليمن، بحسب مصادر عسكرية وطبية.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "المتمردون الحوثيون"


def test_a_next_sentence_opening_with_another_verb_names_no_attacker():
    doc = events_of("قتل خمسة أشخاص على الأقل الأربعاء من جراء صاروخ سقط على سوق شعبي في مدينة مأرب. "
                    "وأدان المتمردون الحوثيون الهجوم في بيان.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is None or "الحوثيون" not in attack.actor1.text
