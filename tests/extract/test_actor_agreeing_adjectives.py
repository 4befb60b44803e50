"""«اغتال إرهابيون مترجلون ضابطا»: an indefinite sound plural role takes the bare word after it in the same plural
case as its adjective; a plural in the other case («هاجم مسلحون مستوطنين») is the verb's object, neither an
adjective nor the people the role belongs to."""

from rasd_testkit.extraction import events_of


def test_a_plural_role_takes_the_adjective_agreeing_with_it_not_the_object():
    doc = events_of("اغتال إرهابيون مترجلون ضابطا برتبة عقيد في شرطة نينوى أثناء تأديته الصلاة في مسجد جنوب الموصل.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "إرهابيون مترجلون"
    doc = events_of("هاجم مسلحون مستوطنين قرب مدينة نابلس أمس.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "مسلحون"
    assert attack.actor2 is not None and attack.actor2.text == "مستوطنين"


def test_a_number_after_a_plural_role_is_no_adjective_of_it():
    doc = events_of("وأشار الناطق باسم العمليات إلى أن إرهابيين اثنين فجرا نفسيهما في سوق ببغداد اليوم، ما أسفر "
                    "عن مقتل عدد من المواطنين.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "إرهابيين"


def test_a_role_with_its_adjective_before_min_is_the_body_named_after_it():
    # «قوات كبيرة من جيش الاحتلال»: the adjective agreeing with the role stands between it and the partitive «من»
    doc = events_of("اقتحمت قوات كبيرة من جيش الاحتلال مدينة جنين فجر اليوم، ودارت مواجهات عنيفة في أزقة المخيم.")
    clash = next(e for e in doc.events if e.type == "ASSAULT")
    assert clash.actor1 is not None and clash.actor1.text == "قوات كبيرة من جيش الاحتلال"
    assert clash.actor1.kb_id == "org.il.army"
