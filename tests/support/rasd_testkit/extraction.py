"""Helpers for tests of the extraction stages: one article run on a fixed publication day, and distances.

`events_of` runs the whole pipeline; `places_of` only the stages the places stage needs; `km` is the great-circle
distance from a place to a point, for asserting that a place lies where it should.
"""
from __future__ import annotations

import datetime as dt
import math

from rasd.document import Article, Document
from rasd.pipeline import extract

PUBLISHED = dt.date(2024, 12, 2)


def events_of(text: str) -> Document:
    return extract(Article(id="t", text=text, published=PUBLISHED))


def places_of(text: str) -> Document:
    return extract(Article(id="t", text=text, published=PUBLISHED), ("sources", "entities", "places"))


def km(p, lat: float, lon: float) -> float:
    dlat, dlon = math.radians(p.lat - lat), math.radians(p.lon - lon)
    a = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat)) * math.cos(math.radians(p.lat)) * math.sin(dlon / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))
