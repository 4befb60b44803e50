"""«مما يسمى بديوان الجند»: what follows «so-called» is the name of a body, not a place an event happened in."""
from __future__ import annotations

from rasd_testkit.extraction import events_of


def test_a_so_called_bureau_is_not_the_arrests_place():
    doc = events_of("أعلن جهاز الأمن الوطني إلقاء القبض على ثلاثة إرهابيين في الأنبار. وقال الجهاز في بيان إن قوة "
                    "أمنية اعتقلت ثلاثة عناصر مما يسمى بديوان الجند التابع لولاية الأنبار.")
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.place is not None and "الأنبار" in arrest.place.text
    assert arrest.place.feature == "admin1"
