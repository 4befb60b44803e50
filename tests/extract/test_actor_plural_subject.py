"""«أن المستوطنين وبحماية الشرطة الإسرائيلية أحرقوا منازل»: a verb with the plural pronoun agrees with the plural that
opens its clause after «أن/إن», not with the singular body named between them (event_actors.
_plural_subject_opening_a_report)."""

from rasd_testkit.extraction import events_of


def test_the_settlers_burned_not_the_police_guarding_them():
    doc = events_of("وأوضحت القناة أن المستوطنين وبحماية الشرطة الإسرائيلية أحرقوا أكثر من 30 منزلا في بلدة حوارة.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "المستوطنين"


def test_a_plural_subject_with_nothing_between_is_read_as_before():
    """With no body between, the subject before the verb is found as it always was (no second reading)."""
    doc = events_of("وأفادت مصادر محلية أن مسلحين مجهولين هاجموا حاجزا للشرطة في المدينة.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and "مسلحين" in attack.actor1.text
