"""protest15: an imperfect right after «أن» is a plan, not a deed; «ب» + a place right after a protest noun
anchors it as «في» does."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _types(text: str) -> list[str]:
    return [e.type for e in extract(Article(id="t", text=text, published=dt.date(2024, 12, 2))).events]


def test_an_imperfect_after_an_is_what_is_planned():
    doc = extract(Article(id="t", text="واتفق الطرفان على أن يتظاهر الطلاب أمام الجامعة في القاهرة.",
                          published=dt.date(2024, 12, 2)))
    assert "PROTEST" not in [e.type for e in doc.events]
    assert any(n["modality"] == "hypothetical" and n["trigger"]["text"] == "يتظاهر" for n in doc.non_events)


def test_a_perfect_after_an_is_still_a_deed():
    assert "PROTEST" in _types("وأكد المتحدث أن العمال اعتصموا أمام مقر الوزارة في عمان.")


def test_a_protest_noun_with_bi_and_a_place_is_anchored():
    assert "PROTEST" in _types("وتزامن ذلك مع خروج مئات من أنصار المعارضة في تظاهرة بمدينة وهران.")


def test_a_deed_joined_by_wa_after_a_comma_opens_its_own_clause():
    text = "وكان الطلاب المعتصمون قد أغلقوا المدخل الرئيسي لمبنى الجامعة في مدينة إربد صباح اليوم، وأحرقوا الإطارات أمامه."
    assert "PROTEST" in _types(text)


def test_civil_disobedience_is_a_protest():
    assert "PROTEST" in _types("بدأ سكان مدينة الخرطوم عصيانا مدنيا اليوم الأحد.")


def test_a_day_and_month_in_a_movement_name_do_not_date_the_event():
    doc = extract(Article(id="t", text="ونظمت حركة 6 أبريل مسيرة احتجاجية في مدينة السويس أمس.",
                          published=dt.date(2024, 12, 2)))
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert protests and protests[0].date == "2024-12-01"


def test_a_protest_kept_up_is_told_by_its_light_verb():
    assert "PROTEST" in _types("وواصل المعتصمون اعتصامهم أمام مجلس الوزراء لليوم الثالث على التوالي.")


def test_a_march_with_its_protest_words_is_a_protest_and_a_drone_is_not():
    assert "PROTEST" in _types("وانطلقت مسيرة في مدينة نابلس تنديدا بقرار الحكومة أمس.")
    assert "PROTEST" not in _types("واستهدفت مسيرة إسرائيلية سيارة في بلدة بنت جبيل، رفضا للتهدئة.")


def test_a_form_v_perfect_after_a_relative_pronoun_is_no_imperfect():
    # «تظاهروا» begins with «ت» like an imperfect; it is the perfect, and the relative clause is judged by its
    # specificity, not set aside as a description in the present
    assert "PROTEST" in _types("وأصيب عدد من المحتجين الذين تظاهروا أمام مبنى المحافظة في البصرة أمس.")
    assert "PROTEST" not in _types("وقالت الشرطة إن المحتجين الذين يتظاهرون كل أسبوع أمام البرلمان في بيروت سيواصلون.")


def test_a_gathering_in_a_street_is_corroborated():
    assert "PROTEST" in _types("وتجمع الطلاب في شارع الحبيب بورقيبة بالعاصمة تونس اليوم.")


def test_qad_before_a_form_v_perfect_means_has_already():
    assert "PROTEST" in _types("وكان المحتجون قد تجمعوا أمام مبنى المحافظة في البصرة أمس.")
    assert "PROTEST" not in _types("وقد يتظاهر الطلاب أمام مبنى المحافظة في البصرة غدا.")
