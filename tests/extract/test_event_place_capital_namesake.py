"""«تونس», «الكويت»: a country whose capital bears its name — an act told «in» it with no other town of it named is
placed in the capital (the name says both); a country of another name («في سوريا») stays the country."""
from __future__ import annotations

from rasd_testkit.extraction import events_of, km


def test_a_protest_in_tunis_is_in_the_capital():
    doc = events_of("خرجت مسيرات احتجاجية في تونس أمام مقر مجلس النواب، رفضا للتدابير الاستثنائية التي أقرها الرئيس.")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    assert protest.place is not None and protest.place.feature == "city" and km(protest.place, 36.80, 10.18) < 15


def test_a_country_of_another_name_stays_the_country():
    doc = events_of("خرجت مسيرات احتجاجية في سوريا رفضا لقرار الحكومة رفع أسعار الوقود.")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    assert protest.place is not None and protest.place.feature == "country"
