"""«القوات الموالية للرئيس عبد ربه منصور هادي»: forces loyal to a named one (the «ل» on the name or on its title)
are one actor with the name in its text (event_words.tsv loyal); a «موالية» after another noun («اتهم التحالف
مجموعات موالية لإيران») joins nothing to the subject."""

from rasd.document import Article
from rasd.pipeline import extract


def _event(text: str, kind: str):
    return next(e for e in extract(Article(id="t", text=text, published="2024-03-01")).events if e.type == kind)


def test_forces_loyal_to_a_titled_president_carry_his_name():
    text = "تشهد مدينة تعز اشتباكات عنيفة بين القوات الموالية للرئيس عبد ربه منصور هادي وجماعة أنصار الله."
    clash = _event(text, "ASSAULT")
    assert clash.actor1 is not None and clash.actor1.text == "القوات الموالية للرئيس عبد ربه منصور هادي"


def test_groups_loyal_to_a_country_after_the_object_do_not_join_the_subject():
    text = "واتهم التحالف مجموعات موالية لإيران بشن هجمات على قواعده في شمال شرق سوريا."
    accusation = _event(text, "ACCUSE")
    assert accusation.actor1 is not None and "إيران" not in accusation.actor1.text
