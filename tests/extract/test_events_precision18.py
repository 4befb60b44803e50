"""precision18: acts told in a way that makes them no one occurrence an analyst would record."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def _doc(text: str):
    return extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))


def _types(text: str) -> list[str]:
    return [e.type for e in _doc(text).events]


@pytest.mark.parametrize("text, kind", [
    ("وتتهم منظمات حقوق الإنسان الجيش الباكستاني بانتهاك حقوق المدنيين في إقليم بلوشستان.", "ACCUSE"),
    ("ويشهد الإقليم تمردا منذ عقد، حيث يطالب الانفصاليون بإنهاء التمييز ضد سكان بلوشستان.", "REQUEST"),
    ("وتقام الصلاة في الساحة كل جمعة، حيث يهدد الاحتلال المصلين بالقمع والرصاص الحي في القدس.", "THREATEN"),
])
def test_a_stance_in_the_present_is_no_statement_made(text, kind):
    doc = _doc(text)
    assert kind not in [e.type for e in doc.events]
    assert any(n["type"] == kind and "stance in the present" in n["reason"] for n in doc.non_events)


@pytest.mark.parametrize("text, kind", [
    ("وقال وزير الخارجية إن بلاده تتهم إيران بتسليح الحوثيين في اليمن.", "ACCUSE"),     # the statement reported
    ("ألمانيا تندد بالهجوم على مجدل شمس", "ACCUSE"),                               # a headline's present
    ("وأدانت وزارة الخارجية الهجوم على السفارة في بغداد أمس.", "ACCUSE"),            # the perfect: one statement
])
def test_a_stance_stated_or_headlined_stays_an_event(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize("text", [
    "وتصدى المقاتلون لقوات الاحتلال أثناء توغلها في جنين بهدف اعتقال أحد المطلوبين.",
    "وتوغلت قوة إسرائيلية في بلدة قباطية من أجل اعتقال شاب من عائلة أبو الرب.",
])
def test_an_arrest_that_was_the_goal_is_no_arrest(text):
    doc = _doc(text)
    assert "COERCE" not in [e.type for e in doc.events]
    assert any(n["type"] == "COERCE" and n["modality"] == "prospective" for n in doc.non_events)


def test_a_goal_stops_at_a_comma():
    assert "COERCE" in _types("وفي إطار الحملة من أجل الأمن، اعتقلت الشرطة ثلاثة أشخاص في بغداد أمس.")


@pytest.mark.parametrize("text", [
    "قال القائد العسكري المحلي عبد الله ادان لوكالة فرانس برس إن انتحاريا فجر نفسه قرب قاعدة عسكرية في مقديشو.",
    "وأوضح شاهد آخر عثمان آدان أن المنطقة كلها يغطيها الدخان في مقديشو.",
])
def test_a_family_name_after_a_given_name_is_no_verb(text):
    doc = _doc(text)
    assert "ACCUSE" not in [e.type for e in doc.events]
    assert any(n["type"] == "ACCUSE" and "family name" in n["reason"] for n in doc.non_events)


def test_the_verb_before_a_name_stays_an_act():
    assert "ACCUSE" in _types("وأدان الرئيس محمود عباس الهجوم على المسجد في رام الله أمس.")


@pytest.mark.parametrize("text, kind", [
    ("وشارك الآلاف في مسيرة شعبية في نواكشوط تنديدا بالعدوان على قطاع غزة.", "ACCUSE"),
    ("وتواصلت المظاهرات في الخرطوم لأكثر من عشرة أشهر رفضا لإجراءات الجيش.", "REJECT"),
])
def test_a_motive_noun_without_its_tanween_is_a_motive(text, kind):
    doc = _doc(text)
    assert kind not in [e.type for e in doc.events]
    assert any(n["type"] == kind and "motive" in n["reason"] for n in doc.non_events)


def test_a_stance_after_a_present_passive_auxiliary_is_none_made():
    doc = _doc("وقال الوزير في نيويورك: «يتم اتهام روسيا بأنها تخطط لمهاجمة دول حلف شمال الأطلسي».")
    assert "ACCUSE" not in [e.type for e in doc.events]
    assert any(n["type"] == "ACCUSE" and "stance in the present" in n["reason"] for n in doc.non_events)
    assert "ACCUSE" in _types("وتم اتهام الوزير السابق بالفساد أمام محكمة في بغداد أمس.")      # the perfect «تم»


@pytest.mark.parametrize("text", [
    "وخطف مسلحون ثمانية أشخاص يعملون في مجال الإغاثة مع منظمة أطباء بلا حدود في وسط مالي.",
    "وأكد الهلال الأحمر المصري التزامه بتوفير المساعدة للمناطق المحتاجة في رفح.",
])
def test_aid_named_with_no_delivery_is_no_aid_event(text):
    doc = _doc(text)
    assert "AID" not in [e.type for e in doc.events]
    assert any(n["type"] == "AID" and "no delivery" in n["reason"] for n in doc.non_events)


@pytest.mark.parametrize("text", [
    "وقدم الهلال الأحمر التركي مساعدات غذائية لنازحي مدينة الفاشر أمس.",
    "ووصلت 17 شاحنة مساعدات غذائية من برنامج الأغذية العالمي إلى مدينة مليط أمس.",
])
def test_aid_handed_over_or_carried_stays_an_event(text):
    assert "AID" in _types(text)


def test_a_definite_charge_with_no_verb_names_charges_already_known():
    doc = _doc("وتتواصل المعارك في الفاشر وسط الاتهامات المتبادلة بين الجيش وقوات الدعم السريع.")
    assert "ACCUSE" not in [e.type for e in doc.events]
    assert any(n["type"] == "ACCUSE" and "no verb or date" in n["reason"] for n in doc.non_events)


@pytest.mark.parametrize("text, kind", [
    ("وجدد الوزير عبد العاطي إدانته للانتهاكات التي شهدتها مدينة الفاشر.", "ACCUSE"),
    ("وأعرب الوزير عن رفضه للتصريحات الإسرائيلية في القاهرة أمس.", "REJECT"),
])
def test_a_stance_noun_renewed_or_expressed_is_a_statement(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize("text", [
    "وأصدرت الحكومة العراقية قرارات في محاولة للسيطرة على التظاهرات المطالبة بإقالة الحكومة في بغداد.",
    "وتأتي هذه الوقفة في الجزائر بهدف المطالبة بالتغيير.",
])
def test_a_definite_demand_with_no_verb_is_no_request_made(text):
    doc = _doc(text)
    assert "REQUEST" not in [e.type for e in doc.events]
    assert any(n["type"] == "REQUEST" and "no verb or date" in n["reason"] for n in doc.non_events)


def test_a_present_stance_said_by_a_resolution_is_its_issuers_statement():
    assert "REQUEST" in _types("وتبنى مجلس الأمن أمس قرارا جديدا بالإجماع يطالب الأطراف السودانية بوقف القتال في الفاشر.")
