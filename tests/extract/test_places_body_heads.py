"""A place that names a body of people right before it («ضابطا في شرطة نينوى») is where that body serves, not
where the act happened: the place the sentence names for the act wins; alone, it is still the event's place."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _place(text: str) -> str | None:
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks
    return attacks[0].place.text if attacks[0].place else None


def test_the_police_of_a_province_is_not_where_it_happened():
    place = _place("اغتال مسلحون مجهولون ضابطا في شرطة نينوى مساء أمس أثناء تأديته الصلاة في مسجد بمدينة الموصل.")
    assert place == "الموصل"


def test_the_police_place_stays_when_no_other_place_is_named():
    assert _place("اغتال مسلحون مجهولون ضابطا في شرطة كركوك مساء أمس أثناء تأديته الصلاة.") == "كركوك"
