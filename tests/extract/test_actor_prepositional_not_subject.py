"""«طائرات روسية، تقاتل دعما للنظام السوري، قد شنت الغارة»: a name carrying a preposition's clitic («لـ/بـ/كـ») is
governed by it — never the subject of the verb after it; the verb's subject is the actor named before."""

from rasd_testkit.extraction import events_of


def test_a_name_after_lam_is_not_the_subject_of_the_next_verb():
    doc = events_of("قتل ستة مدنيين في غارة جوية على بلدة في ريف حماة أمس. وقال ناشطون إن طائرات روسية، تقاتل "
                    "دعما للنظام السوري، قد شنت الغارة على البلدة.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "طائرات روسية"
