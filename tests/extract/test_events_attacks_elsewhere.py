"""In an article that already reports a specific attack, an indefinite attack word at a place of its own, set
aside as not specific enough alone, is one more attack when its score reaches the lower bar in context
(events `_attacks_at_other_places`, specificity_features.tsv `threshold_in_context_ASSAULT`)."""
import datetime as dt

from rasd.document import Article
from rasd.extract.specificity import context_threshold, feature_weights
from rasd.pipeline import extract

PUBLISHED = dt.date(2024, 6, 12)
FIRST = "قتل ثلاثة جنود صوماليين أمس الثلاثاء في هجوم شنه مسلحون على نقطة تفتيش في مدينة بلدوين.\n"


def _assault_places(text: str) -> list[str]:
    doc = extract(Article(id="t", text=text, published=PUBLISHED))
    return sorted(e.place.text for e in doc.events if e.type == "ASSAULT" and e.place is not None)


def test_an_explosion_at_another_town_is_one_more_attack():
    text = FIRST + "وتعرض جنود من الجيش الصومالي لانفجار لغم أرضي على مشارف مدينة مركا."
    places = _assault_places(text)
    assert len(places) == 2 and any("مركا" in p for p in places)


def test_alone_the_explosion_is_still_set_aside():
    assert _assault_places("وتعرض جنود من الجيش الصومالي لانفجار لغم أرضي على مشارف مدينة مركا.") == []


def test_told_again_at_the_same_place_it_stays_one_attack():
    text = FIRST + "وتعرض الجنود لانفجار عبوة ناسفة قرب مدينة بلدوين."
    assert len(_assault_places(text)) == 1


def test_the_bar_in_context_is_lower_than_the_bar_alone():
    bar = context_threshold("ASSAULT")
    assert bar is not None and bar < feature_weights()["threshold_ASSAULT"]
    assert context_threshold("PROTEST") is None


def test_a_toll_told_in_a_country_then_retold_at_a_town_is_one_attack():
    text = ("قُتل 5 جنود، اليوم السبت، في انفجار استهدف قوات تابعة للاتحاد الإفريقي في الصومال.\n"
            "وتعرض جنود من البعثة لانفجار لغم أرضي على مشارف مدينة مركا.")
    doc = extract(Article(id="t", text=text, published=PUBLISHED))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].fatalities == 5
