"""«استشهد شاب خلال مداهمة ليلية لقوات الاحتلال»: the force in genitive of a noun of an armed act did it, one
adjective of the act («ليلية», «جوية», «مدفعي») between them or not (event_actors._after_an_act_of_force)."""

from rasd_testkit.extraction import events_of


def test_a_force_after_a_raid_and_its_adjective_killed():
    doc = events_of("استشهد شاب خلال مداهمة ليلية لقوات الاحتلال في مخيم جنين.")
    death = next(e for e in doc.events if e.type == "ASSAULT")
    assert death.actor1 is not None and "قوات الاحتلال" in death.actor1.text


def test_a_preposition_on_the_adjective_is_no_adjective():
    """«خلال مداهمة بمنزل لقوات»: a word with a clitic between is no adjective of the act."""
    from rasd.extract.event_actors import _after_an_act_of_force
    doc = events_of("استشهد شاب خلال مداهمة بمنزل لقوات الاحتلال في مخيم جنين.")
    k = next(i for i, t in enumerate(doc.tokens) if t.stem == "قوات")
    assert not _after_an_act_of_force(doc, k)
