"""«تم اعتقال X», «جرى استهداف ... من قبل مسلحين»: a verbal noun after a passive auxiliary names its doer only in
an agent phrase; the one named right after it underwent the act, and a person named earlier in the sentence is
no subject of it."""

from rasd.extract.event_lexicon import _WORDS
from rasd.text.normalize import normalize_for_match
from rasd_testkit.extraction import events_of


def test_the_person_after_a_passive_arrest_was_arrested_and_the_doer_is_only_an_agent_phrase():
    doc = events_of("وأفادت المصادر أنه تم اعتقال سامر عابد أقرع ويوسف شحروج في مدينة طولكرم.")
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.actor1 is None
    assert arrest.actor2 is not None and "أقرع" in arrest.actor2.text
    doc = events_of("وفي مدينة الصنمين تم استهداف حواجز عسكرية وأمنية تابعة لقوات النظام والأجهزة الأمنية، من قبل "
                    "مسلحين مجهولين مساء أمس.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text.startswith("مسلحين")


def test_passive_auxiliary_rows_are_normalised():
    assert {normalize_for_match(w) for w in ("تم", "جرى", "يتم")} <= _WORDS["passive_auxiliary"]
