"""A name the article resolves once is the same place wherever else it writes it (one sense per story), though the
other mention has no place cue or preposition beside it («ما بين أبوزبد والفولة») — but a common word read as a
place once («وعلى») and a place word referring back («المدينة») are not names to read again."""
from __future__ import annotations

from rasd_testkit.extraction import events_of, places_of

_STORY = ("قتل 40 شخصاً عندما استهدفت طائرة مسيرة شاحنة في الطريق ما بين أبوزبد والفولة. "
          "وقال المصدر إن الشاحنة كانت في طريقها إلى مدينة الفولة غربي السودان لتقديم واجب عزاء.")


def test_a_name_resolved_elsewhere_is_resolved_where_it_stands_alone():
    doc = places_of(_STORY)
    fula = [p for p in doc.places if p.name_en and "Fulah" in p.name_en]
    assert len(fula) == 2
    first = min(fula, key=lambda p: p.span.start)
    assert first.text == "الفولة" and first.reason.startswith("named again")


def test_the_attack_takes_the_place_named_again_in_its_own_sentence():
    doc = events_of(_STORY)
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.place is not None and attack.place.text == "الفولة"


def test_a_place_word_referring_back_is_not_read_again():
    doc = places_of("شهدت مدينة الفاشر قصفا مدفعيا شمال المدينة. وعاد الهدوء إلى المدينة عصرا.")
    again = [p for p in doc.places if (p.reason or "").startswith("named again")]
    assert again == []
