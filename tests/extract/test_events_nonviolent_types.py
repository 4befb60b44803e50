"""Non-violent event types (session 10, types14): an agreement told in the headline and again in the body by
each of its two sides is one agreement; aid is placed where it arrives; a concessive or circumstantial frame
(«رغم», «في ظل») names an agreement or a sanction already in force, not a new one."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

SUNDAY = dt.date(2025, 3, 9)


def events_of(text: str, kind: str):
    doc = extract(Article(id="t", published=SUNDAY, text=text))
    return [e for e in doc.events if e.type == kind], doc


def test_an_agreement_told_by_each_of_its_two_sides_is_one_agreement():
    # the headline reads «الأردن» as actor1, the body «العراق»: both sentences name both sides
    agreements, _ = events_of(
        "الأردن والعراق يوقعان ثلاث اتفاقيات في بغداد\n"
        "وقع الأردن والعراق، اليوم الأحد في بغداد، على ثلاث مذكرات تفاهم لتعزيز التعاون في مجالات الطاقة والنقل.\n"
        "وحضر مراسم التوقيع عدد من الوزراء من البلدين.", "AGREE")
    assert len(agreements) == 1
    assert agreements[0].place.text == "بغداد"


def test_a_ceasefire_agreement_after_despite_is_one_already_in_force():
    agreements, doc = events_of("قالت مصادر محلية إن القوات الحكومية قصفت قرى في ريف إدلب، رغم اتفاق وقف "
                                "إطلاق النار الذي أعلن في آذار.", "AGREE")
    assert agreements == []
    assert any(n["type"] == "AGREE" and "رغم" in n["reason"] for n in doc.non_events)
    assert [e.type for e in doc.events] == ["ASSAULT"]


def test_sanctions_in_the_frame_of_a_visit_are_no_new_sanctions():
    sanctions, doc = events_of("وتأتي زيارة الرئيس الإيراني إلى بغداد اليوم في ظل العقوبات الأمريكية على طهران.",
                               "SANCTION")
    assert sanctions == []
    assert [e.type for e in doc.events] == ["CONSULT"]


def test_aid_is_placed_where_it_arrives_not_at_the_crossing_it_passes():
    deliveries, _ = events_of("دخلت اليوم 50 شاحنة مساعدات إنسانية عبر معبر رفح إلى قطاع غزة.", "AID")
    assert [e.place.text for e in deliveries] == ["قطاع غزة"]


def test_aid_is_placed_where_it_went_not_where_it_set_out_from():
    deliveries, _ = events_of("تحركت صباح اليوم قافلة مساعدات إنسانية من معبر رفح إلى قطاع غزة، تحمل أطنانا من "
                              "المواد الغذائية والطبية.", "AID")
    assert [e.place.text for e in deliveries] == ["قطاع غزة"]


def test_a_feminine_subject_calling_for_something_makes_a_request():
    # «داعيةً إلى»: the circumstantial participle agreeing with a feminine subject (as «داعياً» with a masculine)
    requests, _ = events_of("أصدرت منظمة العفو الدولية بيانا اليوم انتقدت فيه الأحكام الصادرة بحق الصحفيين، "
                            "داعية إلى الإفراج الفوري عنهم.", "REQUEST")
    assert [e.trigger.text for e in requests] == ["داعية"]
    assert requests[0].actor1 is not None and "العفو الدولية" in requests[0].actor1.text


def test_a_preacher_is_no_request():
    requests, _ = events_of("قال الداعية الإسلامي المعروف في محاضرة ألقاها اليوم إن الصبر من أعظم الفضائل.",
                            "REQUEST")
    assert requests == []


def test_the_meeting_after_the_only_meeting_told_is_that_meeting_whatever_place_its_talks_are_about():
    meetings, _ = events_of(
        "التقى وزير الخارجية السعودي الأمير فيصل بن فرحان نظيره الإسباني خوسيه مانويل ألباريس في مدريد اليوم الأحد.\n"
        "وجرى خلال اللقاء استعراض العلاقات الثنائية بين البلدين، إضافة إلى الأوضاع الإنسانية في قطاع غزة.",
        "CONSULT")
    assert [(e.trigger.text, e.place.text) for e in meetings] == [("التقى", "مدريد")]


def test_an_attack_in_words_is_an_accusation():
    accusations, doc = events_of("وكان أردوغان قد هاجم خلالها كلا من الولايات المتحدة واليونان قائلا إنهما تدعمان "
                                 "الإرهاب.", "ACCUSE")
    assert [e.trigger.text for e in accusations] == ["هاجم"]
    assert accusations[0].actor1.text == "أردوغان" and accusations[0].mode == "disapprove"
    assert not any(e.type == "ASSAULT" for e in doc.events)


def test_a_scathing_attack_is_an_accusation():
    accusations, doc = events_of("شن رئيس الوزراء هجوما لاذعا على المعارضة في كلمة أمام البرلمان اليوم.", "ACCUSE")
    assert [e.trigger.text for e in accusations] == ["هجوما"]
    assert not any(e.type == "ASSAULT" for e in doc.events)


def test_gunmen_attacking_and_a_claim_told_with_a_participle_stay_attacks():
    attacks, doc = events_of("هاجم مسلحون نقطة تفتيش للجيش في ولاية زامفارا قائلين إنهم يثأرون لقتلاهم، وقتلوا "
                             "خمسة جنود.", "ASSAULT")
    assert attacks and not any(e.type == "ACCUSE" for e in doc.events)


def test_a_cautious_calm_is_no_warning():
    threats, doc = events_of("يسود مدينة الفاشر، اليوم الجمعة، هدوء حذر أعقب ليلة من المواجهات العنيفة بين الجيش "
                             "وقوات الدعم السريع.", "THREATEN")
    assert threats == []
    assert any(n["type"] == "THREATEN" and "cautious" in n["reason"] for n in doc.non_events)
