"""«اشتباكات بين مجموعتين مسلحتين»: the dual of a generic armed group is that role too (agents.tsv, agent.armed_group)."""

from rasd_testkit.extraction import events_of


def test_two_armed_groups_in_the_dual_are_the_clash_side():
    doc = events_of("اندلعت اشتباكات عنيفة بين مجموعتين مسلحتين في العاصمة الليبية طرابلس ليل الجمعة.")
    clash = next(e for e in doc.events if e.type == "ASSAULT")
    assert clash.actor1 is not None and clash.actor1.text == "مجموعتين مسلحتين"
    assert clash.actor1.sector == "armed_group"
