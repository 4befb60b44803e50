"""A later restatement of an attack («شنوا هجومهم على القرية الواقعة في ولاية زامفارا») gives the province to an
attack placed only in a region or the country of that province."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.pipeline import extract


@pytest.mark.parametrize("where", ["في شمال غرب نيجيريا", "في نيجيريا"])
def test_a_restatement_gives_the_province(where):
    text = (f"قتل 12 شخصا في هجوم شنه مسلحون على قرية {where} مساء الأحد. "
            "وقال سكان إن المسلحين شنوا هجومهم على القرية الواقعة في ولاية زامفارا.")
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks and "زامفارا" in attacks[0].place.text


def test_a_province_does_not_replace_a_town():
    text = ("قتل 12 شخصا في هجوم شنه مسلحون على مدينة غوساو مساء الأحد. "
            "وقال سكان إن المسلحين شنوا هجومهم على المدينة الواقعة في ولاية زامفارا.")
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks and "زامفارا" not in attacks[0].place.text
