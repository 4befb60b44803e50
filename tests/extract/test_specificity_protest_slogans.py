"""Specificity of a protest whose sentence tells what the crowd denounced (data/specificity_irrealis.tsv)."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

_TAIL = " وأفادت مصادر محلية بأن الوضع هادئ حاليا. ولم تصدر السلطات أي تعليق حتى الآن."


def _protests(sentence: str):
    doc = extract(Article(id="t", text=sentence + _TAIL, published=dt.date(2024, 3, 14)))
    return [e for e in doc.events if e.type == "PROTEST"]


def test_the_crowds_own_denunciation_is_no_opinion_about_the_protest():
    # «لافتات تندد بالفساد»: what the banners said at the protest, not someone's opinion of it
    assert _protests("رفع المحتجون لافتات تندد بالفساد خلال وقفة أمام مجلس النواب في مدينة إربد أمس.")


def test_a_body_condemning_still_reads_as_an_opinion():
    from rasd.extract.specificity import word_cues
    cues = word_cues()
    # the perfect «ندد» of a body's statement still weighs against a protest; the crowd's imperfect does not
    assert any(c.kind == "opinion" and c.applies_to("PROTEST") for c in cues["ندد"])
    assert not any(c.kind == "opinion" and c.scope == "sentence" and c.applies_to("PROTEST") for c in cues["تندد"])
    assert any(c.kind == "opinion" and c.applies_to("ASSAULT") for c in cues["تندد"])
