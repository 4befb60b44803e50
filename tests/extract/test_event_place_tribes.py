"""«قبائل مأرب والجوف», «عشائر الأنبار»: tribes named after their lands (place_words.tsv body_head) — the places
name the body, not where the clash it takes part in happened; and when they are all the sentence names besides
its dateline («سيئون : اشتباكات ...»), the dateline is the likelier place."""
from __future__ import annotations

from rasd_testkit.extraction import events_of


def test_the_clash_is_not_where_the_tribes_come_from():
    doc = events_of("قتل ثلاثة أشخاص في اشتباكات بين الجيش وعشائر الأنبار والموصل قرب مدينة الفلوجة العراقية.")
    clash = next(e for e in doc.events if e.type == "ASSAULT")
    assert clash.place is not None and clash.place.text == "الفلوجة", clash.place


def test_a_dateline_before_the_tribes_lands_is_the_clashs_place():
    doc = events_of("عتق : اشتباكات عنيفة بين قوات دفاع شبوة وقبائل مأرب والبيضاء\n\n"
                    "شهدت محافظة شبوة في اليمن مساء اليوم توترا أمنيا.")
    clash = next(e for e in doc.events if e.type == "ASSAULT")
    assert clash.place is not None and clash.place.text == "عتق", clash.place
