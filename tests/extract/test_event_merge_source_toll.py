"""Another source's count of an attack already told («فيما قال مسؤول ... إن 20 شخصاً لقوا حتفهم» after «مقتل 5
أشخاص ... في كابل»), in a sentence that restates the attack by a definite noun, is that attack: one event, with
the toll first told."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _attacks(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2023, 1, 13)))
    return [e for e in doc.events if e.type == "ASSAULT"]


def test_another_sources_toll_restates_the_attack():
    attacks = _attacks("مقتل 5 أشخاص على الأقل في تفجير نفذه انتحاري أمام وزارة الخارجية في كابل\n"
                       "وأعلن المتحدث باسم شرطة كابل أن حصيلة الوفيات الرسمية هي خمسة أشخاص، فيما قال مسؤول "
                       "بوزارة الإعلام في حكومة طالبان، إن 20 شخصاً لقوا حتفهم، مضيفا أن الانتحاري كان يخطط "
                       "لدخول الوزارة.")
    assert [(a.place.text, a.fatalities) for a in attacks] == [("كابل", 5)]


def test_a_second_attack_in_another_city_stays_apart():
    attacks = _attacks("مقتل 5 أشخاص على الأقل في تفجير نفذه انتحاري أمام وزارة الخارجية في كابل\n"
                       "وفي قندهار، قال مسؤول محلي إن 20 شخصاً لقوا حتفهم في هجوم آخر استهدف سوقا شعبية، مضيفا "
                       "أن الانتحاري فجر نفسه وسط المتسوقين.")
    assert len(attacks) == 2
