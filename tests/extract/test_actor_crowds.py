"""A protest's crowd is named in the plural, as ACLED names it and as the crowd no one names is
(«protesters», «supporters»), whatever form the text gives it («متظاهر», «مثيري أعمال الشغب»)."""

import csv
from importlib import resources

from rasd.extract.event_actors import english_plural
from rasd_testkit.extraction import events_of


def test_a_protesting_crowd_is_named_in_the_plural():
    doc = events_of("تظاهر المحتجون أمام مقر الحكومة في بغداد أمس الأحد للمطالبة بالإصلاح.")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    assert protest.actor1 is not None and protest.actor1.name_en == "protesters"


def test_english_plurals_follow_the_rule_and_the_table():
    assert [english_plural(n) for n in ("protester", "young man", "party", "unidentified gunmen", "Druze",
                                        "displaced person", "shabiha (pro-regime thugs)")] == [
        "protesters", "young men", "parties", "unidentified gunmen", "Druze", "displaced people",
        "shabiha (pro-regime thugs)"]
    text = resources.files("rasd.extract").joinpath("data/english_plurals.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t"))
    assert rows and all(r["singular"] and r["plural"] and " " not in r["singular"] for r in rows)
