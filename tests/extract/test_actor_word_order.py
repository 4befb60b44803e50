"""Actor1 by Arabic word order and construct: a force noun in construct with a definite agent is that agent's force
(«قوات المعارضة السورية», not «قوات»); a verb with the plural pronoun («هاجموا») has its subject
before it; a verb written in the passive («اغتيل») has the one it struck as its subject; the genitive of a light
noun («تنفيذ الجيش ضربة») acts; a verb spelling with a pronoun after a preposition («على رفضه») is a noun."""

import pytest

from rasd_testkit.extraction import events_of


def test_a_force_noun_in_construct_with_a_definite_agent_names_that_force():
    doc = events_of("قتل أكثر من عشرين شخصا جراء قصف لقوات المعارضة السورية على خيمة انتخابية في محافظة درعا.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is not None and assault.actor1.text.endswith("قوات المعارضة السورية")



@pytest.mark.parametrize("text,attacker,hit", [
    ("قال شهود إن عددا من المسلحين، والذين هاجموا مركز الشرطة في مدينة زاهدان فجر اليوم، فروا إلى الجبال.",
     "المسلحين", "الشرطة"),
    ("وأوضح المصدر أن مسلحين مجهولين، هاجموا مقر الجيش في بلدة الحويجة مساء أمس السبت.", "مسلحين", "الجيش"),
])
def test_a_verb_with_its_plural_pronoun_has_its_subject_before_it_and_its_object_after(text, attacker, hit):
    attack = next(e for e in events_of(text).events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attacker in attack.actor1.text
    assert hit not in attack.actor1.text


def test_the_subject_of_a_verb_written_in_the_passive_was_struck_not_the_attacker():
    doc = events_of("قالت مصادر محلية في عدن إن القيادي حمود محسن المحبشي الذي اغتيل قرب منزله في مديرية الشيخ "
                    "عثمان مساء أمس كان يعمل في الشرطة.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is None or "المحبشي" not in attack.actor1.text


def test_the_genitive_of_a_light_noun_carries_out_the_attack_not_the_announcer():
    doc = events_of("كشفت وزارة الدفاع الأميركية عن تنفيذ الجيش الأمريكي ضربة جوية ضد أحد قادة تنظيم القاعدة "
                    "قرب مدينة إدلب أمس الجمعة.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "الجيش الأمريكي"


def test_a_body_after_fi_is_where_the_target_belongs_not_the_attacker():
    doc = events_of("أعلنت القيادة المركزية أنها نفذت غارة أمس الجمعة في محافظة إدلب طالت قياديا بارزا في "
                    "تنظيم القاعدة.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is None or "القاعدة" not in attack.actor1.text


def test_a_name_after_a_place_noun_and_its_nisba_is_a_place_not_the_attacker():
    doc = events_of('ضمن هجمات تركزت في قرية الجبعة جنوب غرب مدينة بيت لحم - مستوطنون هاجموا رعاة أغنام في '
                    'التجمعين البدويين "أبو غالية" و"العراعرة" قرب بلدة عناتا شرقي القدس')
    assert all(e.actor1 is None or "غالية" not in e.actor1.text for e in doc.events)


def test_the_side_fought_with_in_a_clash_killed_not_the_force_the_victims_group_leans_on():
    doc = events_of("قُتل قيادي في ميليشيا محسوبة على قوات العشائر المدعومة من النظام خلال اشتباكات مع قسد في بلدة "
                    "الزباري بريف دير الزور.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "قسد"


def test_a_verb_spelling_with_a_pronoun_after_a_preposition_is_a_noun_whose_possessor_acts():
    doc = events_of("وشدد وزير الخارجية اليوناني نيكوس ديندياس في تصريحاته على هامش قمة وزراء خارجية دول الاتحاد "
                    "الأوروبي في بروكسل على رفضه لتلك التصريحات.")
    reject = next(e for e in doc.events if e.type == "REJECT")
    assert reject.actor1 is not None and "ديندياس" in reject.actor1.text


def test_a_lam_phrase_after_the_object_of_an_attack_noun_is_the_object_s_not_the_attacker():
    doc = events_of("أعلن حزب الله اليوم عن استهداف تجمع لجنود إسرائيليين قرب موقع جل العلام جنوبي لبنان بالصواريخ، "
                    "ما أدى إلى إصابة عدد منهم.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "حزب الله"


def test_a_named_unit_the_kb_does_not_know_keeps_its_name_before_the_body_it_belongs_to():
    doc = events_of("أعلنت وكالة الاستخبارات التابعة لوزارة الداخلية العراقية، أمس، اعتقال ثمانية إرهابيين في محافظة "
                    "كركوك.")
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.actor1 is not None and arrest.actor1.text.startswith("وكالة الاستخبارات")
