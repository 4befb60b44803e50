"""Cross-article dedup of an undated attack (no text date, no publication date) told at a village, a town or a
site — a market, a mosque, a hospital — finer than a city: the very same small place (the same place id or name,
or within SAME_PLACE_KM) is enough, when the attackers do not conflict and it is the one such event there
(`dedup._one_small_place` in `undated_corroborated`, `best_match`). In a city the report still needs an actor or
a toll in common (test_dedup_undated.py)."""
import datetime as dt

from rasd_testkit.store import constructed_article

HOSPITAL = ("مستشفى كويتا المدني", 30.1798, 66.9750, "PK", "Balochistan", "facility")
QUETTA = ("كويتا", 30.1841, 67.0014, "PK", "Balochistan", "city")
DALORI = ("دالوري", 11.9000, 13.2167, "NG", "Borno", "village")
KONDUGA = ("كوندوغا", 11.6533, 13.4179, "NG", "Borno", "town")        # 31 km from Dalori
BOKO_HARAM = ("بوكو حرام", "org.boko_haram", "Boko Haram", "armed_group", None)
ARMY = ("الجيش النيجيري", "org.ng.army", "Nigerian Army", "military", "NG")


def add(repo, article_id, text, events, published=dt.date(2016, 1, 31)):
    text = f"{text} ({article_id})"
    article, record = constructed_article(article_id, text, events, outlet=article_id, published=published)
    return repo.add_record(record, article)


def attack(place, date="2016-01-30", **kw):
    return dict(type="ASSAULT", trigger="هجوم", place=place, date=date, **kw)


def test_an_undated_report_at_the_same_village_joins_without_an_actor_or_toll_in_common(repo):
    a = add(repo, "a", "هجوم بوكو حرام على دالوري.", [attack(DALORI, actor1=BOKO_HARAM, fatalities=85)])
    b = add(repo, "b", "هجوم على دالوري.", [attack(DALORI, None, fatalities=46)], published=None)
    assert b.event_ids == a.event_ids
    reason = repo.get_event(a.event_ids[0]).mentions[1].merge_reason
    assert "undated, at one small place «دالوري»" in reason


def test_an_undated_report_at_a_site_joins_but_not_at_the_city_or_another_town(repo):
    a = add(repo, "a", "هجوم على مستشفى كويتا المدني.", [attack(HOSPITAL, fatalities=66)])
    site = add(repo, "b", "هجوم على مستشفى كويتا المدني.", [attack(HOSPITAL, None, fatalities=12)], published=None)
    assert site.event_ids == a.event_ids
    c = add(repo, "c", "هجوم على كويتا.", [attack(QUETTA, "2016-03-02", fatalities=5)], published=dt.date(2016, 3, 2))
    city = add(repo, "d", "هجوم على كويتا.", [attack(QUETTA, None, fatalities=30)], published=None)
    assert city.event_ids not in (a.event_ids, c.event_ids)     # a city: one type happens there every week
    e = add(repo, "e", "هجوم على دالوري.", [attack(DALORI, fatalities=20)])
    town = add(repo, "f", "هجوم على كوندوغا.", [attack(KONDUGA, None)], published=None)
    assert town.event_ids != e.event_ids


def test_an_undated_report_at_a_village_stays_apart_from_another_attacker_or_two_events(repo):
    a = add(repo, "a", "هجوم بوكو حرام على دالوري.", [attack(DALORI, actor1=BOKO_HARAM, fatalities=85)])
    b = add(repo, "b", "هجوم الجيش النيجيري على دالوري.", [attack(DALORI, None, actor1=ARMY)], published=None)
    assert b.event_ids != a.event_ids                           # the army's act is another one
    c = add(repo, "c", "هجوم على دالوري.", [attack(DALORI, "2016-03-02", fatalities=3)], published=dt.date(2016, 3, 2))
    d = add(repo, "d", "هجوم على دالوري.", [attack(DALORI, None)], published=None)
    assert d.event_ids not in (a.event_ids, c.event_ids)        # two attacks there: which one it tells is unknown
