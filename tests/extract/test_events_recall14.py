"""recall14: the accusative verbal noun a place or a time witnessed («شهدت البلدة قصفاً») is the act itself, not
the motive of another act."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _doc(text: str):
    return extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))


def test_what_a_place_or_a_time_witnessed_is_the_event():
    doc = _doc("وشهد مساء أمس انسحاباً ملحوظاً لقوات اللواء السابع من مناطق جنوب طرابلس.")
    assert "RETREAT" in [e.type for e in doc.events]
    doc = _doc("شهدت بلدة خزاعة شرق مدينة خان يونس، جنوب قطاع غزة، اليوم قصفًا عنيفًا نفذته قوات الاحتلال.")
    assert "ASSAULT" in [e.type for e in doc.events]
    assert not any(n["modality"] == "motive" for n in doc.non_events)


def test_an_accusative_after_another_clause_is_still_a_motive():
    doc = _doc("شنت القوات الحكومية صباح اليوم غارات على مواقع المسلحين في ريف إدلب، تضامناً مع الأهالي.")
    assert any(n["modality"] == "motive" and n["trigger"]["text"] == "تضامناً" for n in doc.non_events)


def test_an_illness_caught_is_no_attack():
    for text in ("أصيب ثلاثة أشخاص بفيروس كورونا في مدينة عمان أمس.",
                 "توفي شخص وأصيب ثلاثة آخرون بمرض الكوليرا في مدينة تعز أمس."):
        assert "ASSAULT" not in [e.type for e in _doc(text).events], text
    assert "ASSAULT" in [e.type for e in _doc("أصيب ثلاثة أشخاص برصاص قناص في حي الجحملية بمدينة تعز أمس.").events]


_DIYALA = ("شرطة ديالى تعلن اعتقال خلية إرهابية\n"
           "أعلنت قيادة شرطة ديالى اليوم السبت اعتقال خلية إرهابية في قضاء المقدادية.\n"
           "وقال مصدر أمني إن الخلية مسؤولة عن تفجيرات استهدفت مجالس العزاء.\n")


def test_an_arrest_at_a_coarser_place_in_the_body_is_another_arrest():
    doc = extract(Article(id="t", text=_DIYALA + "كما تمكنت الأجهزة الأمنية في محافظة ديالى من اعتقال سبعة مطلوبين آخرين.",
                          published=dt.date(2024, 12, 7)))
    places = {e.place.text for e in doc.events if e.type == "COERCE" and e.place is not None}
    assert {"المقدادية", "محافظة ديالى"} <= places, places


def test_several_arrests_at_a_coarser_place_still_sum_up():
    doc = extract(Article(id="t", text=_DIYALA + "وأبلغت الشرطة عن عدة اعتقالات في محافظة ديالى خلال الأيام الأخيرة.",
                          published=dt.date(2024, 12, 7)))
    assert len([e for e in doc.events if e.type == "COERCE"]) == 1


def test_emergency_cordon_censorship_and_human_chains_are_events():
    cases = [("COERCE", "أعلنت الحكومة السودانية حالة الطوارئ في ولاية الخرطوم مساء أمس."),
             ("COERCE", "وطوقت قوات الأمن المنطقة المحيطة بالسفارة في بغداد صباح اليوم."),
             ("COERCE", "حجبت السلطات المصرية مواقع إخبارية مستقلة في القاهرة أمس."),
             ("PROTEST", "شكل مئات الطلاب سلسلة بشرية أمام مبنى البرلمان في بيروت أمس.")]
    for event_type, text in cases:
        assert event_type in [e.type for e in _doc(text).events], text


def test_lifting_an_emergency_or_withholding_confidence_is_no_coercion():
    for text in ("رفعت الحكومة السودانية حالة الطوارئ في ولاية الخرطوم مساء أمس.",
                 "صوت البرلمان العراقي أمس على حجب الثقة عن وزير الدفاع في بغداد."):
        assert "COERCE" not in [e.type for e in _doc(text).events], text


def test_deportation_jailing_raids_cuts_and_bars_are_coercion():
    for text in ("رحّلت السلطات اللبنانية 50 لاجئا سوريا إلى سوريا أمس.",
                 "قطعت السلطات خدمة الإنترنت في السودان أمس.",
                 "أودعت النيابة العامة المتهمين السجن في القاهرة أمس.",
                 "نفذت القوات الأمنية حملة دهم وتفتيش في قضاء الطارمية أمس.",
                 "منعت الشرطة المتظاهرين من الوصول إلى ساحة التحرير في بغداد أمس."):
        assert "COERCE" in [e.type for e in _doc(text).events], text


def test_a_bar_on_no_one_coerced_is_no_coercion():
    assert "COERCE" not in [e.type for e in _doc("ومنع الأطباء المريض من مغادرة المستشفى في عمان.").events]
