"""A village named with the larger place it lies in («بلدة الصبحة بريف دير الزور الشرقي») is not a namesake of its
country hundreds of kilometres away: when the gazetteer holds only that one, the village takes the point of the
larger place named after it (approximate)."""
from __future__ import annotations

from rasd_testkit.extraction import events_of, km, places_of

_SENTENCE = "تبنى تنظيم داعش هجوما استهدف عنصرا من قوى الأمن الداخلي في بلدة الصبحة بريف دير الزور الشرقي."


def test_a_village_named_in_a_countryside_is_not_its_far_namesake():
    doc = places_of(_SENTENCE)
    village = next(p for p in doc.places if p.text == "الصبحة")
    assert village.country == "SY" and km(village, 35.2, 40.3) < 80, (village.lat, village.lon, village.reason)
    assert village.feature == "approximate"


def test_the_attack_is_placed_in_that_countryside():
    doc = events_of("قتل عنصر من قوى الأمن الداخلي أمس في هجوم مسلح على بلدة الصبحة بريف دير الزور الشرقي.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.place is not None and km(attack.place, 35.2, 40.3) < 80


def test_a_list_of_villages_is_no_parent_abroad():
    # «"يتما" و"بيتا"»: Malta's «بيتا» after «يتما» does not make Nablus's village Yatma a far namesake
    doc = places_of("اعتقلت قوات الاحتلال شابين من مدينة الخليل جنوبي الضفة الغربية. وفي نابلس (شمال) اقتحمت قوات "
                    "الاحتلال قرى \"يتما\" و\"بيتا\" و\"دير شرف\"، وشنت عمليات تفتيش ومداهمة.")
    yatma = next(p for p in doc.places if p.text == "يتما")
    assert yatma.feature == "village" and km(yatma, 32.11, 35.27) < 5
