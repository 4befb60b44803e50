"""«اشتباكات بين الطرفين»: «الطرفين/الجانبين» after «بين» points back to the two sides named after an earlier «بين»."""

from rasd_testkit.extraction import events_of


def test_the_two_sides_are_the_pair_named_before():
    doc = events_of("تتواصل الحرب بين الجيش السوداني وقوات الدعم السريع منذ أكثر من عام. وشهدت مدينة الفاشر "
                    "أمس اشتباكات عنيفة بين الطرفين أسفرت عن سقوط عشرات القتلى.")
    clash = next(e for e in doc.events if e.type == "ASSAULT" and "اشتباكات" in e.trigger.text)
    assert clash.actor1 is not None and "الجيش" in clash.actor1.text
    assert clash.actor2 is not None and "الدعم السريع" in clash.actor2.text
