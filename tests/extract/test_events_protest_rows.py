"""Protest rows: Sudanese «مواكب حاشدة», «مسيرة تظاهرية», and a crowd of protesters that «توافد» or «تحرك» —
with the readings that stay out (a motorcade, troops moving, a march only called for)."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _protests(text: str) -> list[str]:
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))
    return [e.trigger.text for e in doc.events if e.type == "PROTEST"]


def test_mass_processions_are_a_protest():
    assert "مواكب حاشدة" in _protests("أصيب 32 شخصا في مواكب حاشدة في الخرطوم أمس الأحد.")


def test_a_protest_march_is_a_protest():
    assert "مسيرة تظاهرية" in _protests("فقاموا بعمل مسيرة تظاهرية أمس جابت شارع صلاح نسيم في السويس.")


def test_protesters_flocking_or_moving_protest():
    assert "توافد" in _protests("توافد عدد من المتظاهرين إلى محطة السكة حديد بالخرطوم، صباح اليوم.")
    assert "تحرك" in _protests("تحرك المتظاهرون في مدينة البصرة إلى القنصلية الإيرانية مساء الخميس.")


def test_motorcades_troops_and_called_marches_are_no_protest():
    assert _protests("مر موكب الرئيس في شارع المطار صباح اليوم.") == []
    assert _protests("تحركت القوات نحو مدينة الفاشر صباح اليوم.") == []
    assert _protests("دعت النقابة إلى مسيرة تظاهرية يوم الجمعة المقبل في تونس.") == []


def test_a_popular_march_is_a_protest_and_a_drone_of_the_popular_forces_is_not():
    assert "مسيرة شعبية" in _protests(
        "شارك الآلاف من سكان مدينة نواكشوط في مسيرة شعبية ضخمة انطلقت عقب صلاة الجمعة وسط العاصمة.")
    assert _protests("أسقطت الدفاعات الجوية طائرة مسيرة تابعة لقوات الحشد الشعبي قرب بغداد.") == []


def test_taking_part_in_a_march_or_vigil_is_a_protest_and_a_career_is_not():
    assert "وشارك العشرات في وقفة" in _protests("وشارك العشرات في وقفة أمام مبنى البرلمان في الرباط أمس.")
    assert "وشارك الآلاف في مسيرة" in _protests("وشارك الآلاف في مسيرة جابت شوارع مدينة صيدا بعد صلاة الجمعة.")
    assert _protests("وشارك اللاعب في مسيرة الفريق نحو اللقب هذا الموسم.") == []
