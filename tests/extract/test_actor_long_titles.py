"""«استقبل وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج ناصر بوريطة ...»: a long title right
after the verb, running into the person it names with no mark between, makes that person the verb's subject
(event_actors._titled_person_after_verb, up to _TITLED_SUBJECT_REACH words)."""

from rasd_testkit.extraction import events_of


def test_a_minister_with_a_long_portfolio_receives():
    doc = events_of("استقبل وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج ناصر بوريطة، "
                    "أمس الأربعاء بالرباط، وزير الخارجية الموريتاني.")
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    assert meeting.actor1 is not None and "بوريطة" in meeting.actor1.text
