"""A headline naming the attacking country («هجوم روسي») and the body naming its army («القوات الروسية») tell one
attack: a country and its armed forces are one attacker when the merge compares two mentions of an attack."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _attacks(text: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 5, 20)))
    return [e for e in doc.events if e.type == "ASSAULT"]


def test_a_country_and_its_army_tell_one_attack():
    attacks = _attacks("مقتل 4 أشخاص وإصابة 12 في هجوم روسي بطائرات مسيرة على خاركيف\n"
                       "قال مسؤولون أوكرانيون، اليوم، إن القوات الروسية شنت هجوماً بطائرات مسيرة على خاركيف، "
                       "ثاني أكبر مدينة في أوكرانيا، مما أسفر عن مقتل أربعة أشخاص.")
    assert len(attacks) == 1
    assert attacks[0].fatalities == 4


def test_two_countries_still_tell_two_attacks():
    attacks = _attacks("مقتل 4 أشخاص في هجوم روسي بطائرات مسيرة على خاركيف\n"
                       "وقال الجيش الروسي إن القوات الأوكرانية شنت هجوماً بطائرات مسيرة على بيلغورود، "
                       "مما أسفر عن مقتل شخصين.")
    assert len(attacks) == 2


def test_a_force_named_and_told_by_a_common_noun_tell_one_attack():
    attacks = _attacks("طيران التحالف السعودي يشن غارات جوية على العاصمة اليمنية صنعاء\n"
                       "شن طيران التحالف بقيادة السعودية، غارتين جويتين على العاصمة اليمنية صنعاء، "
                       "بحسب مصادر محلية.")
    assert len(attacks) == 1
