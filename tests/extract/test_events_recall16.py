"""recall16: protesters storming a building are a protest turned to force, not coercion; «الفرق» (the teams,
the difference) is never the verb «فرّق» (dispersed)."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def _doc(text: str):
    return extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))


def _types(text: str) -> list[str]:
    return [e.type for e in _doc(text).events]


@pytest.mark.parametrize("text", [
    "واقتحم متظاهرون غاضبون مبنى البرلمان في بغداد السبت.",
    "وقال إن المحتجين اقتحموا مقر ولاية تونس في حركة رمزية.",
])
def test_protesters_storming_a_building_protest(text):
    doc = _doc(text)
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert protests and protests[0].mode == "riot" and protests[0].acled_subtype == "Violent demonstration"
    assert "COERCE" not in [e.type for e in doc.events]


def test_security_forces_storming_still_coerce():
    assert "COERCE" in _types("واقتحمت قوات الأمن مقر النقابة في القاهرة مساء أمس.")


def test_the_teams_are_no_dispersal():
    doc = _doc("وجاء في الدليل أن هذه الفرق يجب أن تتلقى دائما تعليمات بالبحث عن المتظاهرين في القاعة.")
    assert "COERCE" not in [e.type for e in doc.events]
    assert any("teams" in (n.get("reason") or "") for n in doc.non_events)
    assert "COERCE" in _types("وفرقت الشرطة المتظاهرين في وسط العاصمة أمس.")


@pytest.mark.parametrize("text", [
    "واستعادت قوات ألوية العمالقة أمس السيطرة على مديرية حريب في محافظة مأرب.",
    "أعلنت قوات الدعم السريع اليوم الأحد سيطرتها على مقر قيادة الفرقة السادسة بالجيش في مدينة الفاشر.",
])
def test_taking_a_place_by_force_is_an_attack(text):
    assert "ASSAULT" in _types(text)


@pytest.mark.parametrize("text", [
    "وتسيطر هيئة تحرير الشام على الجزء الأكبر من محافظة إدلب.",
    "ويقع المعبر في مناطق تحت سيطرة قوات الدعم السريع.",
])
def test_holding_a_place_is_no_attack(text):
    assert "ASSAULT" not in _types(text)


@pytest.mark.parametrize("text", [
    "وهدمت قوات الاحتلال الإسرائيلي صباح اليوم منزلا في بلدة سلوان جنوب المسجد الأقصى.",
    "وجرفت جرافات الاحتلال أراضي زراعية في بلدة بيت أمر شمال الخليل أمس.",
])
def test_demolishing_or_razing_property_is_coercion(text):
    assert "COERCE" in _types(text)


def test_houses_that_collapsed_were_not_demolished():
    assert "COERCE" not in _types("وقتل 13 مدنيا وتهدم 4 منازل مجاورة بشكل كامل في مديرية الجوبة بمأرب.")


def test_affirming_ones_own_support_is_support():
    assert "SUPPORT" in _types("وأكد الوزراء العرب دعمهم لكافة الجهود السلمية في السودان.")


@pytest.mark.parametrize("text", [
    "وأكد الوزير ضرورة دعم الجهود الدولية لوقف الحرب في السودان.",
    "وأكدت قوات الدعم السريع سيطرتها على مدينة الفاشر أمس.",
])
def test_a_call_to_support_or_a_name_is_no_support(text):
    assert "SUPPORT" not in _types(text)


@pytest.mark.parametrize("text", [
    "ويعتزم وزير الخارجية الأميركي زيارة القاهرة لبحث الأزمة.",             # an intention, its subject between
    "واقترح الوزير عقد اجتماع طارئ لوزراء الخارجية العرب في القاهرة.",     # a proposal
    "والاجتماع المزمع عقده في الرياض سيبحث الأزمة السودانية.",             # planned, not held yet
])
def test_an_intended_proposed_or_planned_meeting_is_no_event(text):
    doc = _doc(text)
    assert "CONSULT" not in [e.type for e in doc.events]
    assert any(n["type"] == "CONSULT" and n["modality"] == "hypothetical" for n in doc.non_events)


def test_a_meeting_held_is_still_one():
    assert "CONSULT" in _types("واجتمع وزير الخارجية الأميركي بنظيره المصري في القاهرة أمس.")


def test_an_act_dated_after_the_publication_day_is_not_held_yet():
    doc = _doc("وأعلن الاتحاد العام التونسي للشغل تنفيذ إضراب عام يوم الخميس المقبل في تونس.")
    assert "PROTEST" not in [e.type for e in doc.events]
    assert any(n["type"] == "PROTEST" and "after the publication day" in n["reason"] for n in doc.non_events)
    assert "PROTEST" in _types("ونفذ الاتحاد العام التونسي للشغل إضرابا عاما يوم الخميس الماضي في تونس.")


@pytest.mark.parametrize("text", [
    "وألغت الحكومة الاجتماع المقرر مع المعارضة في بغداد.",
    "وأرجأ الوزير زيارته إلى موسكو بسبب الأوضاع الأمنية.",
    "وتأجل الاجتماع بين الطرفين في جنيف إلى موعد لاحق.",
])
def test_a_meeting_called_off_was_not_held(text):
    doc = _doc(text)
    assert "CONSULT" not in [e.type for e in doc.events]
    assert any(n["type"] == "CONSULT" and n["modality"] == "negated" for n in doc.non_events)


def test_the_noun_that_completes_a_negated_act_shares_its_verdict():
    doc = _doc("ولم يتم التوصل إلى اتفاق بين الطرفين في الدوحة.")
    assert "AGREE" not in [e.type for e in doc.events]
    assert any("the same act as" in n["reason"] for n in doc.non_events)
    assert "AGREE" in _types("وتوصل الطرفان إلى اتفاق في الدوحة أمس.")


@pytest.mark.parametrize("text", [
    "وينبغي عقد لقاء بين الرئيسين في الرياض.",
    "ويتعين على الحكومة إجراء محادثات مع المعارضة في بغداد.",
])
def test_a_meeting_that_ought_to_be_held_is_no_event(text):
    doc = _doc(text)
    assert "CONSULT" not in [e.type for e in doc.events]
    assert any(n["type"] == "CONSULT" and n["modality"] == "hypothetical" for n in doc.non_events)


def test_an_imperfect_meeting_verb_in_a_relative_clause_is_a_habit():
    doc = _doc("وحرق المتظاهرون في البصرة دار استراحة المحافظ حيث يستقبل فيها الوفود الرسمية.")
    assert "CONSULT" not in [e.type for e in doc.events]
    assert any(n["type"] == "CONSULT" and "relative clause" in n["reason"] for n in doc.non_events)
    assert "CONSULT" in _types("عبدالله بن زايد يستقبل وزير الخارجية الإيراني في أبوظبي")     # a headline's imperfect


def test_cooperation_named_as_an_agreements_topic_is_no_act_of_its_own():
    doc = _doc("ووقع الوزيران اتفاقيات تعاون في مجال الطاقة في القاهرة أمس.")
    types = [e.type for e in doc.events]
    assert "AGREE" in types and "COOPERATE" not in types
    assert "COOPERATE" in _types("وتعاون الجيش مع الشرطة في تأمين الانتخابات في بغداد أمس.")


def test_a_march_that_demands_is_a_protest():
    assert "PROTEST" in _types("ونظم تكتل شباب السويس مسيرة أخرى تطالب بتسليم السلطة لمدنيين في السويس.")
    assert "PROTEST" not in _types("وأطلقت الطائرة المسيرة صاروخا على مدينة السويس.")


def test_a_stand_of_a_counted_crowd_is_a_protest():
    assert "PROTEST" in _types("ونظمت أمس وقفة للمئات من أعضاء القوى السياسية بالإسكندرية قرب محطة ترام الإبراهيمية.")
    assert "PROTEST" not in _types("وكانت هذه الزيارة وقفة مهمة في العلاقات بين البلدين في القاهرة.")
