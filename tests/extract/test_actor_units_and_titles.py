"""Actor1 through a unit and through a title: a unit joined by «بـ» to a security force is that force acting
(«فرقة البحث والتفتيش بالحرس الوطني»); a role heading a long title chain before a person's name («نائب رئيس
مجلس السيادة القائد "مالك عقار"») is that person's title, and the body inside the chain is the title's."""

import pytest

from rasd_testkit.extraction import events_of


def test_a_unit_joined_by_bi_to_a_security_force_is_that_force():
    doc = events_of('وأضافت الوزارة أن فرقة البحث والتفتيش بالحرس الوطني بولاية "سوسة" شرقي البلاد ألقت القبض '
                    'على 5 عناصر تكفيرية.')
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.actor1 is not None and arrest.actor1.text.endswith("بالحرس الوطني")
    assert arrest.actor1.name_en.endswith("national guard")     # «Tunisian national guard» once coded


def test_a_role_heading_a_long_title_chain_is_the_persons_title():
    doc = events_of('عاد إلى البلاد اليوم نائب رئيس مجلس السيادة القائد "مالك عقار آير" من جمهورية موزمبيق بعد '
                    'زيارة رسمية استغرقت عدة أيام.')
    visit = next(e for e in doc.events if e.type == "CONSULT")
    assert visit.actor1 is not None and "مالك عقار" in visit.actor1.text


@pytest.mark.parametrize("text,words", [
    ("استشهد شاب برصاص العدو الإسرائيلي في بلدة حولا جنوبي لبنان.", "العدو الإسرائيلي"),
    ("وأعلن الجيش أن العدو قصف بلدة الخيام فجر اليوم.", "العدو"),
])
def test_the_enemy_with_or_without_its_nisba_is_the_attacker(text, words):
    attack = next(e for e in events_of(text).events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == words


def test_a_definite_force_in_genitive_before_whom_it_struck_is_the_agent():
    arrest = next(e for e in events_of("ندد الحزب باعتقال الأمن الناشطين في مدينة صفاقس أمس.").events
                  if e.type == "COERCE")
    assert arrest.actor1 is not None and arrest.actor1.text == "الأمن"
