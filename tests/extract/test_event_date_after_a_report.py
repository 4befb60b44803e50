"""A day told between a speech verb and the act it reports dates the report, not the act."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

MONDAY = dt.date(2024, 12, 2)


def _assault_dates(text: str) -> list[str | None]:
    doc = extract(Article(id="t", text=text, published=MONDAY))
    return [e.date for e in doc.events if e.type == "ASSAULT"]


def test_the_act_takes_its_own_day_told_after_it_not_the_report_day():
    # «اليوم» is the day the army announced the deaths; the attack was on Sunday 1 December.
    dates = _assault_dates("أعلن الجيش المالي اليوم مقتل 5 جنود خلال هجوم على ثكنة عسكرية في منطقة موبتي "
                           "يوم أمس الأحد 1 ديسمبر 2024.")
    assert dates and set(dates) == {"2024-12-01"}


def test_a_day_after_the_act_that_is_not_earlier_leaves_the_report_day():
    # Nothing after the act dates it earlier than the report: the nearest day stays.
    dates = _assault_dates("أعلن الجيش المالي اليوم مقتل 5 جنود خلال هجوم على ثكنة عسكرية في منطقة موبتي.")
    assert dates and set(dates) == {"2024-12-02"}


def test_a_day_told_beyond_another_mention_of_the_same_word_is_that_mentions():
    # The second visit is today's; the minister's visit was on Saturday, told in the sentence before.
    doc = extract(Article(id="t", published=MONDAY, text=(
        "وكان وزير الخارجية التركي قد وصل أول أمس السبت إلى العاصمة العراقية بغداد.\n"
        "وقال مصدر في وزارة الخارجية العراقية إن زيارة الوزير لبغداد تهدف إلى التمهيد لزيارة الرئيس التركي "
        "إلى العراق اليوم الاثنين.")))
    first_visit = [e for e in doc.events if e.trigger.text.startswith("زيارة")]
    assert first_visit and all(e.date == "2024-11-30" for e in first_visit)


def test_a_dual_speech_verb_is_a_report_too():
    # «أكدتا» (the two ministries confirmed): speech.verb_form reads every inflection of a speech verb, the dual
    # and the plural imperfect («يؤكدون») among them, so «اليوم» dates their report, Sunday the attack.
    dates = _assault_dates("أصدرت وزارتا الدفاع والداخلية في مالي بيانا مشتركا. وأكدتا اليوم مقتل 5 جنود خلال هجوم "
                           "على ثكنة عسكرية في منطقة موبتي يوم أمس الأحد 1 ديسمبر 2024.")
    assert dates and set(dates) == {"2024-12-01"}
