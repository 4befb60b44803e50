"""A form VIII perfect written with «ال» («التقى») is no imperfect: the tokenizer reads its first letters as the
article, and the habit reading of an imperfect after a relative pronoun must not take it."""
from rasd_testkit.extraction import events_of


def test_a_meeting_told_in_a_relative_clause_in_the_perfect_happened():
    doc = events_of("وقال وزير الخارجية المصري الذي التقى نظيره التركي في أنقرة أمس إن المحادثات كانت مثمرة.")
    assert [(e.type, e.trigger.text) for e in doc.events] == [("CONSULT", "التقى")]
    assert not any(n.get("modality") == "generic" for n in doc.non_events)


def test_an_imperfect_after_a_relative_pronoun_is_still_a_habit():
    doc = events_of("وقال الوزير الذي يلتقي نظيره التركي كل شهر إن المحادثات مثمرة.")
    assert any(n.get("modality") == "generic" and n["trigger"]["text"] == "يلتقي" for n in doc.non_events)
