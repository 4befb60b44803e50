"""A headline's strike at a province absorbed as the restatement of the body's one strike leaves that strike at the
village a later mention merged into it placed it in that province, not at the headline's province."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def test_the_finer_place_a_merged_mention_gave_stays():
    doc = extract(Article(id="t", published=dt.date(2023, 1, 13), text=(
        "مقتل خمسة مدنيين في غارة لطائرة دون طيار بحضرموت\n"
        "قتل خمسة مدنيين أمس الأحد جراء غارة جوية لطائرة دون طيار أمريكية استهدفت سيارة بمديرية القطن في "
        "محافظة حضرموت شرقي اليمن.\n"
        "وقال مصدر محلي إن خمسة أشخاص قتلوا نتيجة استهدافهم بغارة من طائرة دون طيار على سيارة في منطقة حورة "
        "بمديرية القطن.")))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert [(a.place.text, a.fatalities) for a in attacks] == [("منطقة حورة", 5)]
