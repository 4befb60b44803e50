"""Death told by «قضى» after its counted subject, and the attackers' own dead joined to the toll («ومنفذ الهجوم»,
«ومهاجم»: ACLED counts both sides; counted_nouns.tsv rows)."""
from __future__ import annotations

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def assault_toll(text: str) -> tuple[int | None, int | None]:
    events = [e for e in extract(Article(id="t", text=text)).events if e.type == "ASSAULT"]
    assert events, text
    return events[0].fatalities, events[0].injuries


@pytest.mark.parametrize("sentence, fatalities", [
    ("قال مسؤولون إن ما لا يقل عن 200 مقاتل، قضوا باشتباكات بين القوات الحكومية والحوثيين في محيط مدينة مارب.", 200),
    ("قُتل 5 جنود ومنفذ الهجوم في تفجير انتحاري استهدف قاعدة عسكرية في مدينة كابول.", 6),
    ("قتل شرطي ومهاجم في تبادل لإطلاق النار قرب مركز للشرطة في مدينة كويتا.", 2),
])
def test_death_phrases_and_both_sides(sentence, fatalities):
    assert assault_toll(sentence)[0] == fatalities


@pytest.mark.parametrize("text", [
    "قضت المحكمة بسجن 5 أشخاص بتهمة الانتماء إلى جماعة محظورة في القاهرة.",
    "قضى الرجل عشر سنوات في السجن قبل الإفراج عنه الأسبوع الماضي.",
])
def test_qada_before_its_object_is_no_death(text):
    assert all(e.fatalities is None for e in extract(Article(id="t", text=text)).events)
