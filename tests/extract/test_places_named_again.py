"""A name the article resolves once is the same place wherever else it writes it (one sense per story), though the
other mention has no place cue or preposition beside it («أطراف معصران», «ما بين أبوزبد والفولة») — but a common
word read as a place once («وعلى») and a place word referring back («المدينة») are not names to read again."""
from __future__ import annotations

from rasd_testkit.extraction import events_of, places_of


def test_a_village_resolved_elsewhere_is_resolved_where_it_stands_alone():
    doc = places_of("قصفت طائرات النظام قرية معصران بريف إدلب الجنوبي أمس. وقال ناشطون إن شخصين قتلا اليوم في قصف "
                    "مدفعي استهدف أطراف معصران.")
    found = [p for p in doc.places if p.text == "معصران"]
    assert len(found) == 2 and found[0].gazetteer_id == found[1].gazetteer_id


def test_the_attack_takes_the_place_named_again_in_its_own_sentence():
    doc = events_of("قتل 40 شخصاً عندما استهدفت طائرة مسيرة شاحنة في الطريق ما بين أبوزبد والفولة. وقال المصدر إن "
                    "الشاحنة كانت في طريقها إلى مدينة الفولة شرقي تشاد.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.place is not None and attack.place.text == "الفولة"


def test_a_place_word_referring_back_is_not_read_again():
    doc = places_of("شهدت مدينة الفاشر قصفا مدفعيا شمال المدينة. وعاد الهدوء إلى المدينة عصرا.")
    again = [p for p in doc.places if (p.reason or "").startswith("named again")]
    assert again == []
