"""A restating noun told in a later sentence at a place inside the area of an earlier attack («ووقع الانفجار،
الأربعاء، في مدينة بيشاور» after «انفجار ... في باكستان») is that attack, placed finely — when nothing says it
is another one (same toll, same attacker, or the only attack told within reach). Past the lead, where
headline merging does not reach."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

LEAD = "تصاعد العنف في المنطقة خلال الأسابيع الماضية. وقالت الحكومة إنها تتابع الوضع الأمني. "


def _attacks(text: str):
    doc = extract(Article(id="t", text=LEAD + text, published=dt.date(2024, 12, 2)))
    return [e for e in doc.events if e.type == "ASSAULT"]


def test_a_later_restatement_places_the_only_attack_finely():
    attacks = _attacks("وأعلنت الشرطة أن خمسة من رجالها قتلوا في انفجار عبوة ناسفة استهدف سيارة في باكستان. "
                       "ووقع الانفجار، الأربعاء، في مدينة بيشاور، بشمال غرب البلاد.")
    assert [a.place.text for a in attacks] == ["بيشاور"]



def test_a_later_restatement_places_a_protest_finely():
    doc = extract(Article(id="t", published=dt.date(2024, 12, 2), text=LEAD + (
        "وتظاهر مئات الطلاب الأربعاء للمطالبة بفرص عمل في العراق. "
        "وجرت التظاهرة في مدينة البصرة قرب مبنى المحافظة.")))
    assert [e.place.text for e in doc.events if e.type == "PROTEST"] == ["البصرة"]
