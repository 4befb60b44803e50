"""A place named after a topic word of talks («بحث الوزيران الأوضاع في السودان», «التطورات في غزة») is what the
meeting discussed, not where it was held (data/topic_nouns.tsv): the venue is the one the text gives elsewhere."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _meetings(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 5, 20)))
    return [e for e in doc.events if e.type == "CONSULT"]


def test_the_subject_of_the_talks_is_no_venue():
    meetings = _meetings("وصل وزير الخارجية الأمريكي أنتوني بلينكن إلى القاهرة اليوم الاثنين في جولة إقليمية. "
                         "وبحث بلينكن مع نظيره المصري سامح شكري الأوضاع في السودان.")
    assert meetings and all(e.place is not None and e.place.country == "EG" for e in meetings)


def test_a_venue_after_the_topic_is_the_venue():
    meetings = _meetings("بحث وزير الخارجية المصري مع نظيره الأمريكي التطورات في غزة خلال لقائهما في الرياض اليوم.")
    assert meetings and meetings[0].place is not None and meetings[0].place.country == "SA"


def test_topic_words_load_normalised():
    from rasd.extract.event_place import topic_nouns
    from rasd.text.normalize import normalize_for_match
    words = topic_nouns()
    assert {"اوضاع", "تطورات", "حول"} <= words
    assert all(w == normalize_for_match(w) and " " not in w and not w.startswith("ال") for w in words)
