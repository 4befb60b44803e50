"""Words that look like an event and are not one in their clause (precision24): on news-style Arabic sentences
written for these tests (no evaluation-set text)."""
from __future__ import annotations

from rasd_testkit.extraction import events_of


def test_a_phone_call_carrying_a_statement_is_no_meeting():
    doc = events_of("ونقلت الوكالة عن مقاتل من سبها قوله في اتصال هاتفي إن الاشتباكات تجددت في المدينة أمس.")
    assert "CONSULT" not in [e.type for e in doc.events]
    assert any("no meeting" in (n.get("reason") or "") for n in doc.non_events)
    # a call held with someone stays a meeting
    doc = events_of("وقال الرئيس في اتصال هاتفي مع القادة الميدانيين في الجنوب إن الجيش سينتصر.")
    assert "CONSULT" in [e.type for e in doc.events]


def test_a_warning_of_a_danger_is_no_threat():
    doc = events_of("وكانت الأمم المتحدة قد حذرت موظفيها في كابول من هجمات إرهابية وشيكة.")
    assert "THREATEN" not in [e.type for e in doc.events]
    assert any("warns of a danger" in (n.get("reason") or "") for n in doc.non_events)


def test_a_warning_of_the_warners_response_is_a_threat():
    assert "THREATEN" in [e.type for e in events_of("حذر وزير الخارجية الروسي من رد حاسم على أي اعتداء أمس.").events]


def test_an_agreement_someone_wants_is_not_concluded():
    doc = events_of("ولم يحدد الوزير طبيعة الاتفاق الذي تريده إيران مع الوكالة.")
    assert "AGREE" not in [e.type for e in doc.events]
    assert any("sought, not done" in (n.get("reason") or "") for n in doc.non_events)
    assert "AGREE" in [e.type for e in events_of("وقع الطرفان الاتفاق الذي أنهى الحرب في مدينة جدة أمس.").events]


def test_a_stance_on_a_whole_class_of_acts_is_no_event():
    doc = events_of("وجددت الوزارة في بيان أصدرته أمس رفضها واستنكارها لكل الأعمال التي تستهدف الأبرياء في مصر.")
    assert not [e for e in doc.events if e.type in ("REJECT", "ACCUSE")]
    assert any("whole class of acts" in (n.get("reason") or "") for n in doc.non_events)
    assert "ACCUSE" in [e.type for e in events_of("وأدانت الوزارة الهجوم الذي استهدف مسجدا في مدينة العريش أمس.").events]


def test_receiving_a_count_of_people_is_no_meeting():
    doc = events_of("وأضاف المفوض: استقبلنا 436 طالبا عادوا من المدرسة في ولاية كاتسينا أمس.")
    assert "CONSULT" not in [e.type for e in doc.events]
    assert any("people taken in" in (n.get("reason") or "") for n in doc.non_events)
    assert "CONSULT" in [e.type for e in events_of("استقبل الرئيس المصري وزير الخارجية السعودي في القاهرة أمس.").events]
