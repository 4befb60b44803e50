"""Cross-article event clustering on constructed records (independent of the extraction stages)."""
import datetime as dt

from rasd.store import EventFilters, Repository
from rasd.store.dedup import date_interval, reconcile_fatalities
from rasd_testkit.store import add_one_event as add

IDLIB = ("إدلب", 35.9306, 36.6339, "SY", "Idlib", "city")
MAARRAT = ("معرة النعمان", 35.6476, 36.6731, "SY", "Idlib", "city")     # ~32 km south of Idlib
ARIHA = ("أريحا", 35.8134, 36.6096, "SY", "Idlib", "city")               # ~13 km from Idlib
JISR = ("جسر الشغور", 35.8117, 36.3186, "SY", "Idlib", "city")
SARAQIB = ("سراقب", 35.8646, 36.8006, "SY", "Idlib", "city")
KAFRANBEL = ("كفرنبل", 35.6140, 36.5610, "SY", "Idlib", "city")
RUSSIA = ("القوات الروسية", "org.ru.army", "Russian Armed Forces", "military", "RU")
SY_ARMY = ("الجيش السوري", "org.sy.army", "Syrian Army", "military", "SY")


def test_same_strike_reported_twice_in_different_words_is_one_event(repo):
    a = add(repo, "a1", "قتل خمسة مدنيين في غارة جوية روسية استهدفت سوقا شعبيا في مدينة إدلب صباح الجمعة.",
            "عنب بلدي", type="ASSAULT", trigger="غارة", place=IDLIB, date="2024-03-01",
            actor1=RUSSIA, fatalities=5)
    b = add(repo, "b1", "استهدفت طائرات حربية روسية سوق إدلب الشعبي، ما أدى إلى مقتل سبعة أشخاص وإصابة آخرين.",
            "الجزيرة", type="ASSAULT", trigger="استهدفت", place=("إدلب", 35.93, 36.64, "SY", "Idlib", "city"),
            date="2024-03-02", actor1=("الطائرات الروسية", "org.ru.army", None, "military", "RU"), fatalities=7)
    assert a.event_ids == b.event_ids
    event = repo.get_event(a.event_ids[0])
    assert event.mention_count == 2 and event.source_count == 2
    assert event.outlets == ["الجزيرة", "عنب بلدي"]
    assert [m.fatalities for m in event.mentions] == [5, 7]        # each report kept
    assert event.fatalities == 5                                    # the most conservative of {5, 7}
    assert "most conservative" in event.fatalities_rule and "الجزيرة=7" in event.fatalities_rule
    reason = event.mentions[1].merge_reason
    assert reason.startswith(f"merged into event {event.id}")
    assert "km apart" in reason and "same attacker state:RU" in reason


def test_two_strikes_same_day_in_towns_60km_apart_stay_apart(repo):
    a = add(repo, "a2", "قصفت قوات النظام بلدة جسر الشغور بالمدفعية الثقيلة.", "عنب بلدي", type="ASSAULT",
            trigger="قصفت", place=JISR, date="2024-03-05", actor1=SY_ARMY)
    b = add(repo, "b2", "قصفت قوات النظام مدينة سراقب بالمدفعية الثقيلة.", "عنب بلدي", type="ASSAULT",
            trigger="قصفت", place=SARAQIB, date="2024-03-05", actor1=SY_ARMY)
    assert a.event_ids != b.event_ids
    reason = repo.get_event(b.event_ids[0]).mentions[0].merge_reason
    assert reason.startswith("new event") and "distinct places" in reason
    assert repo.list_events()[1] == 2


def test_a_town_13km_away_is_another_place_but_a_square_inside_the_city_is_not(repo):
    first = add(repo, "n1", "غارة على مدينة إدلب.", None, type="ASSAULT", trigger="غارة", place=IDLIB,
                date="2024-03-05")
    near = add(repo, "n2", "غارة على أريحا.", None, type="ASSAULT", trigger="غارة", place=ARIHA, date="2024-03-05")
    square = add(repo, "n3", "غارة على ساحة الساعة في إدلب.", None, type="ASSAULT", trigger="غارة",
                 place=("ساحة الساعة", 35.96, 36.66, "SY", "Idlib", "neighbourhood"), date="2024-03-05")
    assert near.event_ids != first.event_ids
    assert square.event_ids == first.event_ids
    assert "lies inside the city" in repo.get_event(first.event_ids[0]).mentions[1].merge_reason


def test_dates_beyond_one_day_or_different_types_are_not_merged(repo):
    base = add(repo, "d1", "غارة على إدلب.", "x", type="ASSAULT", trigger="غارة", place=IDLIB, date="2024-03-01")
    later = add(repo, "d2", "غارة جديدة على إدلب.", "y", type="ASSAULT", trigger="غارة", place=IDLIB,
                date="2024-03-03")
    protest = add(repo, "d3", "تظاهر المئات في إدلب.", "z", type="PROTEST", trigger="تظاهر", place=IDLIB,
                  date="2024-03-01")
    assert len({base.event_ids[0], later.event_ids[0], protest.event_ids[0]}) == 3


def test_month_precision_date_is_compatible_with_any_day_of_the_month(repo):
    day = add(repo, "m1", "قصف مدفعي على كفرنبل.", "x", type="ASSAULT", trigger="قصف", place=KAFRANBEL,
              date="2024-03-17")
    month = add(repo, "m2", "شهدت كفرنبل قصفا مدفعيا في آذار.", "y", type="ASSAULT", trigger="قصفا",
                place=KAFRANBEL, date="2024-03", precision="month")
    other_month = add(repo, "m3", "شهدت كفرنبل قصفا مدفعيا في أيار.", "z", type="ASSAULT", trigger="قصفا",
                      place=KAFRANBEL, date="2024-05", precision="month")
    assert month.event_ids == day.event_ids
    assert other_month.event_ids != day.event_ids
    event = repo.get_event(day.event_ids[0])
    assert (event.date, event.date_precision) == ("2024-03-17", "day")   # the finest date wins


def test_conflicting_actors_are_not_merged_but_a_missing_actor_is_compatible(repo):
    a = add(repo, "c1", "هاجم الجيش السوري مواقع في إدلب.", "x", type="ASSAULT", trigger="هاجم", place=IDLIB,
            date="2024-03-08", actor1=SY_ARMY)
    b = add(repo, "c2", "هاجمت القوات الروسية مواقع في إدلب.", "y", type="ASSAULT", trigger="هاجمت", place=IDLIB,
            date="2024-03-08", actor1=RUSSIA)
    c = add(repo, "c3", "هجوم على مواقع في إدلب.", "z", type="ASSAULT", trigger="هجوم", place=IDLIB,
            date="2024-03-08")
    assert a.event_ids != b.event_ids
    assert c.event_ids == a.event_ids                                  # nearest, then oldest event
    assert "different attackers" in repo.get_event(b.event_ids[0]).mentions[0].merge_reason


def test_same_place_name_without_coordinates_merges_and_no_place_never_does(repo):
    unnamed = ("حي الشعار", None, None, "SY")
    a = add(repo, "p1", "انفجار في حي الشعار.", "x", type="ASSAULT", trigger="انفجار", place=unnamed,
            date="2024-03-09")
    b = add(repo, "p2", "انفجار ضخم يهز حي الشعار.", "y", type="ASSAULT", trigger="انفجار", place=unnamed,
            date="2024-03-09")
    c = add(repo, "p3", "انفجار ضخم.", "y", type="ASSAULT", trigger="انفجار", date="2024-03-09")
    d = add(repo, "p4", "انفجار آخر.", "z", type="ASSAULT", trigger="انفجار", date="2024-03-09")
    assert a.event_ids == b.event_ids
    assert len({a.event_ids[0], c.event_ids[0], d.event_ids[0]}) == 3


def test_clustering_is_deterministic_across_stores(tmp_path):
    def build(path):
        r = Repository.open(f"sqlite:///{path}")
        for i, place in enumerate([IDLIB, ARIHA, JISR, SARAQIB, IDLIB, MAARRAT]):
            add(r, f"x{i}", f"غارة على {place[0]}.", f"outlet{i % 3}", type="ASSAULT", trigger="غارة",
                place=place, date="2024-03-10")
        items, _total = r.list_events(limit=100)
        out = sorted((e.id, e.mention_count, e.place_text) for e in items)
        r.close()
        return out
    assert build(tmp_path / "a.db") == build(tmp_path / "b.db")


def test_date_interval_respects_precision():
    assert date_interval("2024-02", "month") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_interval("2024", "year") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert date_interval("2024-02-10", "week") == (dt.date(2024, 2, 10), dt.date(2024, 2, 16))
    assert date_interval(None, None, fallback=dt.date(2024, 1, 5)) == (dt.date(2024, 1, 5), dt.date(2024, 1, 5))
    assert date_interval("2024-13-40", "day") == (None, None)


def test_fatalities_rule_counts_each_outlet_once_and_resists_one_inflated_claim():
    value, rule = reconcile_fatalities([("a", 4), ("a", 6), ("b", 5), ("c", 60)])
    assert value == 5                               # outlets a=6 (its running total), b=5, c=60 → the lowest
    assert "a=6" in rule and "c=60" in rule and "a=4" not in rule
    # «عشرات» (read as 10, approximate) is set aside when an outlet gives a figure; «21 على الأقل» is a figure
    value, rule = reconcile_fatalities([("a", 10, True), ("b", 21, True), ("c", 24, False)])
    assert value == 21 and "set aside: a=10" in rule
    assert reconcile_fatalities([("a", 10, True)])[0] == 10
    # with three outlets or more, a figure below half the outlets' median is an early count or a misreading
    value, rule = reconcile_fatalities([("a", 4), ("b", 31), ("c", 35)])
    assert value == 31 and "not credible" in rule and "a=4" in rule
    assert reconcile_fatalities([("a", 4), ("b", 31)])[0] == 4         # two outlets: no majority to judge by
    assert reconcile_fatalities([])[0] is None


def test_filters_select_events(repo):
    add(repo, "f1", "غارة على إدلب.", "عنب بلدي", type="ASSAULT", trigger="غارة", place=IDLIB,
        date="2024-03-01", actor1=RUSSIA, acled=("Explosions/Remote violence", "Air/drone strike"))
    add(repo, "f2", "تظاهر المئات في بيروت.", "النهار", type="PROTEST", trigger="تظاهر",
        place=("بيروت", 33.8938, 35.5018, "LB"), date="2024-04-01")
    def ids(**kw):
        return [e.place_text for e in repo.list_events(EventFilters(**kw))[0]]
    assert ids(country="lb") == ["بيروت"]
    assert ids(plover_type="ASSAULT") == ["إدلب"]
    assert ids(acled_type="explosions/remote violence") == ["إدلب"]
    assert ids(actor_id="org.ru.army") == ["إدلب"]
    assert ids(outlet="النهار") == ["بيروت"]
    assert ids(date_from=dt.date(2024, 3, 15)) == ["بيروت"]
    assert ids(bbox=(36.0, 35.0, 37.0, 36.5)) == ["إدلب"]
    assert ids() == ["بيروت", "إدلب"]                  # newest first
    items, total = repo.list_events(limit=1, offset=1)
    assert total == 2 and [e.place_text for e in items] == ["إدلب"]
