"""Lexicon rows for court sentences («قضت المحكمة بسجن»), calls without «هاتفي» («في اتصال مع نظيره») and
«تحييد» (neutralising fighters), each with the readings that must stay out."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

MONDAY = dt.date(2024, 12, 2)


def _events(text: str):
    return extract(Article(id="t", text=text, published=MONDAY)).events


def _triggers(text: str, event_type: str) -> list[str]:
    return [e.trigger.text for e in _events(text) if e.type == event_type]


def test_a_court_sentencing_is_a_sanction():
    text = "قضت محكمة مصرية الاثنين، بالإعدام شنقاً في حق 14 متشدداً، وبالسجن المؤبد لستة آخرين."
    assert any(t.startswith("قضت") for t in _triggers(text, "SANCTION"))


def test_a_sentencing_after_a_dateline_is_no_kin_name():
    # «أم» ends the outlet's name in the dateline: across the dash it is no «أم قضت» of a person's name
    text = ("موزاييك أف أم - قضت الدائرة الجناحية بالمحكمة الابتدائية بصفاقس، مساء أمس الأربعاء، بسجن الناشط "
            "السياسي سليم الحاج عمر مدة سنتين.")
    assert any(t.startswith("قضت") for t in _triggers(text, "SANCTION"))


def test_time_spent_in_prison_or_a_possible_sentence_is_no_sanction():
    assert _triggers("قضى الناشط عشرين عاما في السجن قبل الإفراج عنه في تونس.", "SANCTION") == []
    assert _triggers("قد تقضي المحكمة بسجن المتهم عشر سنوات في القاهرة.", "SANCTION") == []


def test_a_call_with_a_counterpart_is_a_consultation():
    assert "اتصال" in _triggers("وفي اتصال مع نظيره السوري فيصل المقداد، بحث الوزير العلاقات الثنائية.", "CONSULT")
    assert "اتصالا" in _triggers("كما تلقى شكري اتصالا من نظيرته الفنلندية إلينا فالتونين.", "CONSULT")


def test_other_contacts_and_intended_calls_are_no_consultation():
    assert _triggers("انقطع الاتصال بالإنترنت في مدينة حلب منذ الصباح.", "CONSULT") == []
    assert _triggers("يعتزم الوزير إجراء اتصال مع نظيره الفرنسي.", "CONSULT") == []


def test_neutralising_fighters_is_an_attack():
    text = "تمكنت القوات من تحييد ثلاثة مسلحين خلال هجوم على حاجز أمني في مدينة العريش صباح اليوم."
    assert "تحييد" in _triggers(text, "ASSAULT")


def test_neutralising_a_country_is_no_attack():
    assert _triggers("دعا الرئيس إلى تحييد لبنان عن صراعات المنطقة.", "ASSAULT") == []
    assert _triggers("يجب تحييد العناصر المسلحة قبل الانتخابات في ليبيا.", "ASSAULT") == []
