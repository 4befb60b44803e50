"""«بحسب ما ذكرت(ه) الشرطة»: the subject of the speech verb after «بحسب ما» is the report's source, not the
attacker (read as the attacker, it kept one bombing's reports by several outlets apart in the store)."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def _assaults(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 3, 5)))
    return [e for e in doc.events if e.type == "ASSAULT"]


@pytest.mark.parametrize("source", ["بحسب ما ذكرته الشرطة", "بحسب ما ذكرت الشرطة", "حسبما أفادت الشرطة"])
def test_the_source_after_according_what_is_not_the_attacker(source):
    events = _assaults(f"قتل 12 شخصا على الأقل في انفجار سيارة مفخخة في سوق بمدينة الموصل، {source}.")
    assert events and all(e.actor1 is None or "الشرطة" not in e.actor1.text for e in events)


def test_the_police_who_shot_are_still_the_attacker():
    events = _assaults("أطلقت الشرطة النار على متظاهرين في مدينة الموصل فقتلت شخصين، بحسب ما ذكر شهود عيان.")
    assert events and events[0].actor1 is not None and "الشرطة" in events[0].actor1.text
