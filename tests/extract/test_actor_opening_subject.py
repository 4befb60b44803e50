"""«كما اعتقلت قوات الاحتلال ...، في حين اعتقلت أسامة»: a verb with no subject of its own, a person right after it,
shares the subject of the verb that opens the sentence, a particle («كما», «ثم», «فيما») before that verb — not the
nearest person before it, whom the first verb took."""

from rasd_testkit.extraction import events_of


def test_a_second_arrest_verb_shares_the_opening_subject():
    doc = events_of("كما اعتقلت قوات الاحتلال خالد سليم ورامي الحاج من مدينة طوباس، في حين اعتقلت أحمد السعدي "
                    "من مخيم جنين.")
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert arrests and all(e.actor1 is not None and "الاحتلال" in e.actor1.text for e in arrests)
