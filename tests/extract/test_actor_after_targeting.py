"""Who is named after a verb or participle of targeting («مستهدفة أحد قادة شرطة العاصمة») was the target of the
attack noun before it, never its attacker (event_words.tsv targeting)."""

from rasd.document import Article
from rasd.pipeline import extract


def test_the_police_chief_a_car_bomb_targeted_is_not_its_attacker():
    text = ("أعلنت الشرطة الصومالية وشهود عيان انفجار سيارة مفخخة السبت مستهدفة أحد قادة شرطة العاصمة مقديشو "
            "مما أدى إلى سقوط عدد غير محدد من القتلى.")
    attacks = [e for e in extract(Article(id="t", text=text, published="2024-03-01")).events if e.type == "ASSAULT"]
    assert attacks and all(e.actor1 is None or e.actor1.sector != "police" for e in attacks)
