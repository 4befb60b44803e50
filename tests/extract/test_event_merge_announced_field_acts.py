"""An act done in the field whose verbal noun a speech verb's subject announces («أعلنت السلطات المحلية عن انسحاب
...», rasd.extract.event_merge.reporting_actors): the announcer is who reported it, so it tells no two acts apart."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

SATURDAY = dt.date(2026, 1, 10)


def events_of(kind: str, text: str):
    doc = extract(Article(id="t", text=text, published=SATURDAY))
    return [e for e in doc.events if e.type == kind]


def test_a_withdrawal_the_authorities_announce_and_the_fighters_withdrawal_are_one_event():
    events = events_of("RETREAT", "انسحاب مقاتلي قوات سوريا الديمقراطية من حلب\n\n"
                                  "أعلنت السلطات المحلية في حلب اليوم عن انسحاب مقاتلي قوات سوريا الديمقراطية من المدينة.")
    assert len(events) == 1

