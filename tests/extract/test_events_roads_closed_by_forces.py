"""A road closed by a state's forces («أغلقت قوات الأمن الطريق», «الجيش يغلق الطرق») restricts movement (COERCE,
restrict); the same road-closing rows done by protesters stay a protest (rasd.extract.events._closed_by_forces)."""
from __future__ import annotations

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def _types(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in extract(Article(id="t", text=text)).events]


@pytest.mark.parametrize("text", [
    "أغلقت قوات الأمن الطريق الساحلي الرابط بين العاصمة طرابلس ومصراتة عند بوابة وادي كعام. "
    "وقال مصدر محلي إن الإغلاق جاء بعد اشتباكات.",
    "وأفاد مراسلنا أن الجيش اللبناني يغلق الطرق المؤدية إلى القصر الرئاسي في بعبدا بعد دعوات للتظاهر هناك.",
])
def test_a_road_closed_by_state_forces_is_a_restriction(text):
    assert ("COERCE", "restrict") in _types(text)


def test_a_road_closed_by_protesters_stays_a_protest():
    types = _types("وقطع المحتجون الطريق الدولي في بلدة جلالا احتجاجا على الأوضاع المعيشية.")
    assert [t for t, _ in types] == ["PROTEST"]


def test_forces_preventing_gatherings_restrict():
    # «منع» needs what was prevented: a gathering («تجمعات») as a march or a sit-in (event_triggers.tsv)
    text = "وأغلقت قوات الأمن التونسية أمس مقر حزب النهضة في العاصمة تونس ومنعت تجمعات مقررة للمعارضة أمام المقر."
    assert ("COERCE", "restrict") in _types(text)
