"""Cross-article dedup of reports with no date at all (no date in the text, no publication date: a third of a real
stream's articles): not refused for it, but joined only to the one event at their place that something else
corroborates (an attacker of one class, the same actor, a toll of one size) — store/dedup.py
`undated_corroborated`, `best_match`; looked up by the undated keys of dedup_store."""
import datetime as dt

from rasd.store.dedup import ActorKey, MentionKey, compatible, tolls_close
from rasd_testkit.store import constructed_article

QUETTA = ("كويتا", 30.1841, 67.0014, "PK", "Balochistan", "city")
HOSPITAL = ("مستشفى كويتا المدني", 30.1798, 66.9750, "PK", "Balochistan", "facility")   # 2.5 km from the city's point
BALOCHISTAN = ("إقليم بلوشستان", 28.49, 65.09, "PK", "Balochistan", "admin1")
ISIS = ("تنظيم داعش", "org.isis", "Islamic State", "armed_group", None)
BOMBER = ("انتحاري", "agent.suicide_bomber", "suicide bomber", "armed_group", None)
POLICE = ("الشرطة الباكستانية", "agent.police", "police", "police", "PK")


def add(repo, article_id, text, events, published=dt.date(2016, 8, 8)):
    text = f"{text} ({article_id})"
    article, record = constructed_article(article_id, text, events, outlet=article_id, published=published)
    return repo.add_record(record, article)


def bombing(place, date="2016-08-08", **kw):
    return dict(type="ASSAULT", trigger="تفجير", place=place, date=date, **kw)


def test_an_undated_report_joins_the_one_event_at_its_place_with_an_attacker_of_one_class(repo):
    a = add(repo, "a", "تفجير انتحاري في مستشفى كويتا المدني تبناه تنظيم داعش.", [bombing(HOSPITAL, actor1=ISIS, fatalities=70)])
    b = add(repo, "b", "تفجير انتحاري في مستشفى كويتا المدني.", [bombing(HOSPITAL, None, actor1=BOMBER, fatalities=75)],
            published=None)
    assert b.event_ids == a.event_ids
    reason = repo.get_event(a.event_ids[0]).mentions[1].merge_reason
    assert "the time is unknown" in reason and "attackers of one class (nonstate)" in reason


def test_an_undated_report_in_a_city_joins_by_a_toll_of_one_size_but_not_by_another(repo):
    # in a city (one type happens there every week); a village or a site is enough by itself
    # (test_dedup_undated_small_places.py)
    a = add(repo, "a", "تفجير في كويتا.", [bombing(QUETTA, fatalities=66)])
    near = add(repo, "b", "تفجير في كويتا.", [bombing(QUETTA, None, fatalities=75)], published=None)
    far = add(repo, "c", "تفجير في كويتا.", [bombing(QUETTA, None, fatalities=3)], published=None)
    bare = add(repo, "d", "تفجير في كويتا.", [bombing(QUETTA, None)], published=None)
    assert near.event_ids == a.event_ids
    assert far.event_ids != a.event_ids and bare.event_ids != a.event_ids
    assert "nothing else in common" in repo.get_event(bare.event_ids[0]).mentions[0].merge_reason
    assert tolls_close(184, 235) and tolls_close(1, 1) and not tolls_close(3, 4) and not tolls_close(40, 75)


def test_an_undated_report_fitting_two_events_at_its_place_joins_neither(repo):
    a = add(repo, "a", "تفجير في مستشفى كويتا المدني.", [bombing(HOSPITAL, actor1=ISIS, fatalities=70)])
    b = add(repo, "b", "تفجير في مستشفى كويتا المدني.", [bombing(HOSPITAL, "2016-08-20", actor1=ISIS, fatalities=5)],
            published=dt.date(2016, 8, 20))
    assert a.event_ids != b.event_ids                        # the same place twelve days later: another bombing
    c = add(repo, "c", "تفجير في مستشفى كويتا المدني.", [bombing(HOSPITAL, None, actor1=ISIS)], published=None)
    assert c.event_ids not in (a.event_ids, b.event_ids)
    assert "ambiguous: an undated report fits 2 events" in repo.get_event(c.event_ids[0]).mentions[0].merge_reason


def test_an_undated_report_needs_a_settlement_and_no_conflicting_attacker(repo):
    a = add(repo, "a", "تفجير في مستشفى كويتا المدني.", [bombing(HOSPITAL, actor1=ISIS, fatalities=70)])
    area = add(repo, "b", "تفجير في إقليم بلوشستان.", [bombing(BALOCHISTAN, None, actor1=ISIS, fatalities=70)],
               published=None)
    other_side = add(repo, "c", "تفجير في مستشفى كويتا المدني نفذته الشرطة الباكستانية.",
                     [bombing(HOSPITAL, None, actor1=POLICE, fatalities=70)], published=None)
    assert area.event_ids != a.event_ids and other_side.event_ids != a.event_ids
    assert "different attackers" in repo.get_event(other_side.event_ids[0]).mentions[0].merge_reason


def test_a_dated_report_finds_an_undated_event_first_stored(repo):
    a = add(repo, "a", "تفجير انتحاري في مستشفى كويتا المدني.", [bombing(HOSPITAL, None, actor1=BOMBER, fatalities=75)],
            published=None)
    b = add(repo, "b", "تفجير في مستشفى كويتا المدني تبناه تنظيم داعش.", [bombing(HOSPITAL, actor1=ISIS, fatalities=70)])
    assert b.event_ids == a.event_ids
    event = repo.get_event(a.event_ids[0])
    assert (event.date, event.fatalities) == ("2016-08-08", 70)     # the dated report dates the event
    c = add(repo, "c", "تفجير في مستشفى كويتا المدني تبناه تنظيم داعش.", [bombing(HOSPITAL, actor1=ISIS, fatalities=70)])
    assert c.event_ids == a.event_ids                                # now filed under its days


# ---- reports without a place ----------------------------------------------------------------------------------

SISI = ("عبد الفتاح السيسي", "per.abdel_fattah_al_sisi", "Abdel Fattah al-Sisi", "government", "EG")
EGYPT_ARMY = ("الجيش المصري", "org.eg.army", "Egyptian Army", "military", "EG")
RAWDA = ("قرية الروضة", 31.0403, 33.3510, "EG", "North Sinai", "village")


def meeting(date="2017-11-24", **kw):
    return dict(type="CONSULT", trigger="اجتماع", date=date, **kw)


def test_a_statement_without_a_place_joins_the_one_event_of_its_named_actor(repo):
    c = add(repo, "c", "اجتماع عبد الفتاح السيسي مع اللجنة الأمنية.", [meeting(actor1=SISI)],
            published=dt.date(2017, 11, 24))
    d = add(repo, "d", "اجتماع عبد الفتاح السيسي مع وزير الدفاع.", [meeting(actor1=SISI)],
            published=dt.date(2017, 11, 24))
    assert d.event_ids == c.event_ids                       # no place in either: the same meeting of one person
    reason = repo.get_event(c.event_ids[0]).mentions[1].merge_reason
    assert "without a place, the same actor per.abdel_fattah_al_sisi" in reason
    placed = add(repo, "e", "اجتماع عبد الفتاح السيسي في القاهرة.",
                 [meeting(place=("القاهرة", 30.0444, 31.2357, "EG", "Cairo", "city"), actor1=SISI)],
                 published=dt.date(2017, 11, 24))
    assert placed.event_ids == c.event_ids                  # a placed report finds the placeless event


def test_an_attack_without_a_place_or_a_statement_of_a_state_stays_apart(repo):
    a = add(repo, "a", "غارات الجيش المصري على قرية الروضة.",
            [dict(type="ASSAULT", trigger="غارات", place=RAWDA, date="2017-11-24", actor1=EGYPT_ARMY, fatalities=13)])
    b = add(repo, "b", "غارات الجيش المصري على المسلحين.",
            [dict(type="ASSAULT", trigger="غارات", date="2017-11-24", actor1=EGYPT_ARMY, fatalities=13)],
            published=dt.date(2017, 11, 24))
    assert b.event_ids != a.event_ids           # an army strikes many places a day; two attacks may both kill 13
    army = ActorKey("org.eg.army", "الجيش المصري", "military", "EG", "org.eg.army")
    day = dt.date(2017, 11, 24)
    placed = MentionKey("ASSAULT", day, day, 31.0403, 33.3510, "قريه الروضه", "EG", army, ActorKey(None, None),
                        feature="village", fatalities=13)
    ok, reasons = compatible(placed, MentionKey("ASSAULT", day, day, None, None, None, None, army,
                                                ActorKey(None, None), fatalities=13))
    assert not ok and "without a place is not identified" in reasons[-1]
    egypt = ("مصر", "cc:EG", "Egypt")
    c = add(repo, "c", "اجتماع مصر مع اللجنة الأمنية في القاهرة.",
            [meeting(place=("القاهرة", 30.0444, 31.2357, "EG", "Cairo", "city"), actor1=egypt)],
            published=dt.date(2017, 11, 24))
    d = add(repo, "d", "اجتماع مصر مع وزير الدفاع.", [meeting(actor1=egypt)], published=dt.date(2017, 11, 24))
    assert d.event_ids != c.event_ids           # a state speaks and meets every day


def test_a_statement_without_a_place_fitting_two_events_joins_neither(repo):
    add(repo, "d", "اجتماع عبد الفتاح السيسي في القاهرة.",
        [meeting(place=("القاهرة", 30.0444, 31.2357, "EG", "Cairo", "city"), actor1=SISI)], published=dt.date(2017, 11, 24))
    add(repo, "e", "اجتماع عبد الفتاح السيسي في شرم الشيخ.",
        [meeting(place=("شرم الشيخ", 27.9158, 34.3300, "EG", "South Sinai", "city"), actor1=SISI)],
        published=dt.date(2017, 11, 24))
    f = add(repo, "f", "اجتماع عبد الفتاح السيسي.", [meeting(actor1=SISI)], published=dt.date(2017, 11, 24))
    assert "ambiguous: a report without a place fits 2 events" in repo.get_event(f.event_ids[0]).mentions[0].merge_reason



BURJ = ("برج البراجنة", 33.8422, 35.5053, "LB", "Mount Lebanon", "neighbourhood")
