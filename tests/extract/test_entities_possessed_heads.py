"""A head noun with a possessive pronoun («قواتها», «قواته») opens no organisation name: the verb after it is
the sentence's predicate («قواتها حيّدت 5 إرهابيين»), no part of a name."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.pipeline import extract


@pytest.mark.parametrize("sentence, words", [
    ("أعلنت وزارة الدفاع التركية، أمس الأحد، أن قواتها حيّدت 5 إرهابيين في منطقة هاكورك شمالي العراق.", "قواتها حيّدت"),
    ("قال الجيش إن قواته أحبطت هجوما في المدينة.", "قواته أحبطت"),
])
def test_a_possessed_head_opens_no_name(sentence, words):
    doc = extract(Article(id="t", text=sentence))
    assert all(words not in e.text for e in doc.entities)


def test_the_verb_after_its_forces_is_the_event():
    doc = extract(Article(id="t", published=dt.date(2024, 12, 2), text=(
        "أعلنت وزارة الدفاع التركية، أمس الأحد، أن قواتها حيّدت 5 إرهابيين في منطقة هاكورك شمالي العراق.")))
    assert [e.trigger.text for e in doc.events if e.type == "ASSAULT"] == ["حيّدت"]
