"""«نظم/نفذ ... وقفة»: a sit-in or stand held by a light verb is a protest (data/event_triggers.tsv phrase rows)."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.pipeline import extract

_TAIL = " وأفادت مصادر محلية بأن الوضع هادئ حاليا. ولم تصدر السلطات أي تعليق حتى الآن."


def _protests(sentence: str):
    doc = extract(Article(id="t", text=sentence + _TAIL, published=dt.date(2024, 3, 14)))
    return [e for e in doc.events if e.type == "PROTEST"]


@pytest.mark.parametrize("sentence, town", [
    # «وقفة» alone is also a pause or a stop; carried by «نظم/نفذ» it is a protest stand held
    ("نظم عدد من الصحفيين، وقفة على سلالم النقابة في مدينة إربد، صباح اليوم الإثنين.", "إربد"),
    ("نفذ مواطنون مساء اليوم الخميس وقفة في بلدة دير علا بمحافظة البلقاء.", "دير علا"),
    ("ونفذ العمال وقفات في مدينة العقبة أمس.", "العقبة"),
])
def test_a_stand_held_by_a_light_verb_is_a_protest(sentence, town):
    protests = _protests(sentence)
    assert protests and protests[0].place is not None and town in protests[0].place.text


def test_a_stand_planned_for_tomorrow_is_none_yet():
    assert not _protests("وتنظم النقابة وقفة أمام البرلمان غدا.")
