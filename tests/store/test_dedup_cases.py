"""Cross-article dedup, issue 13: places at their finest level, near misses, undated reports, attackers,
re-merge, undo, explanations, idempotent re-ingest, indexed candidate keys, and the evaluation set."""
import datetime as dt
import json
from pathlib import Path

import pytest

from rasd.store import Repository, dedup_store
from rasd.store.dedup import ActorKey, MentionKey, compatible, one_spot
from rasd_testkit.store import constructed_article, postgres_unavailable, throwaway_postgres

KHAN_SUBUL = ("خان السبل", 35.7553, 36.7560, "SY", "Idlib", "village")
MAASRAN = ("معصران", 35.7071, 36.8028, "SY", "Idlib", "village")           # 6.8 km from Khan al-Subul
IDLIB_COUNTRYSIDE = ("ريف إدلب", 35.87, 36.55, "SY", "Idlib", "region")
RUSSIA = ("البوارج الروسية", "cc:RU", "Russia")
REGIME = ("طائرات النظام", "org.sy.army", "Syrian Army", "military", "SY")
HTS = ("هيئة تحرير الشام", "org.hts", "HTS", "armed_group", None)
DATA = Path(__file__).resolve().parents[1] / "data" / "dedup"


def add(repo, article_id, text, outlet, events, published=dt.date(2018, 2, 4)):
    text = f"{text} ({article_id})"       # one text per article: the same text is the same article
    article, record = constructed_article(article_id, text, events, outlet=outlet, published=published)
    return repo.add_record(record, article)


def strike(place, date="2018-02-03", trigger="قصف", **kw):
    return dict(type="ASSAULT", trigger=trigger, place=place, date=date, **kw)


def test_distinct_villages_in_one_window_stay_apart_within_and_across_articles(repo):
    a = add(repo, "a", "قصف خان السبل ثم قصف معصران.", "سمارت",
            [strike(KHAN_SUBUL, actor1=RUSSIA, fatalities=7), strike(MAASRAN, actor1=REGIME, fatalities=7)])
    b = add(repo, "b", "قصف معصران وقصف خان السبل.", "نبأ",
            [strike(MAASRAN, fatalities=7), strike(KHAN_SUBUL, actor1=RUSSIA, fatalities=10)])
    assert a.event_ids[0] != a.event_ids[1]
    assert b.event_ids == [a.event_ids[1], a.event_ids[0]]
    c = add(repo, "c", "قصف معصران.", "عنب بلدي", [strike(MAASRAN, fatalities=7)])
    assert c.event_ids == [a.event_ids[1]]
    ok, reasons = compatible(_key(KHAN_SUBUL), _key(MAASRAN))
    assert not ok and "distinct places" in reasons[-1] and "6.8 km" in reasons[-1]


def _key(place):
    name, lat, lon, country, admin1, feature = place
    return MentionKey("ASSAULT", dt.date(2018, 2, 3), dt.date(2018, 2, 3), lat, lon, name, country,
                      ActorKey(None, None), ActorKey(None, None), feature=feature, admin1=admin1)


def test_same_event_with_other_tolls_and_victim_wording_is_one_with_the_most_conservative_toll(repo):
    a = add(repo, "a", "قصف خان السبل أدى لمقتل سبعة مدنيين بينهم طفلان.", "سمارت",
            [strike(KHAN_SUBUL, actor1=RUSSIA, actor2=("مدنيين", None), fatalities=7, injuries=8)])
    b = add(repo, "b", "قصف خان السبل أدى لمقتل عشرة من النازحين.", "نبأ",
            [strike(KHAN_SUBUL, actor1=("روسيا", "cc:RU"), actor2=("النازحين", None), fatalities=10)])
    assert a.event_ids == b.event_ids
    event = repo.get_event(a.event_ids[0])
    assert event.fatalities == 7 and event.source_count == 2
    assert "نبأ=10" in event.fatalities_rule and "سمارت=7" in event.fatalities_rule
    assert min(m.fatalities for m in event.mentions) <= event.fatalities <= max(m.fatalities for m in event.mentions)


def test_different_attackers_block_a_merge_on_the_same_village_and_day(repo):
    a = add(repo, "a", "قصف معصران.", "x", [strike(MAASRAN, actor1=REGIME, fatalities=7)])
    b = add(repo, "b", "قصف معصران.", "y", [strike(MAASRAN, actor1=HTS, fatalities=1)])
    assert a.event_ids != b.event_ids
    assert "different attackers" in repo.get_event(b.event_ids[0]).mentions[0].merge_reason


def test_another_strike_on_the_same_village_two_days_later_stays_apart_one_day_later_merges(repo):
    a = add(repo, "a", "قصف خان السبل.", "x", [strike(KHAN_SUBUL, "2018-02-03")])
    b = add(repo, "b", "قصف خان السبل.", "y", [strike(KHAN_SUBUL, "2018-02-05")])
    c = add(repo, "c", "قصف خان السبل.", "z", [strike(KHAN_SUBUL, "2018-02-04")])
    assert a.event_ids != b.event_ids
    assert c.event_ids[0] in (a.event_ids[0], b.event_ids[0])
    assert repo.get_event(b.event_ids[0]).mentions[0].merge_reason.startswith("new event")


def test_undated_report_is_bounded_by_its_publication_date(repo):
    a = add(repo, "a", "قصف خان السبل.", "x", [strike(KHAN_SUBUL, "2018-02-03")])
    b = add(repo, "b", "قصف خان السبل.", "y", [strike(KHAN_SUBUL, None)], published=dt.date(2018, 2, 4))
    c = add(repo, "c", "قصف خان السبل.", "z", [strike(KHAN_SUBUL, None)], published=dt.date(2018, 2, 12))
    d = add(repo, "d", "قصف خان السبل.", "w", [strike(KHAN_SUBUL, None)], published=None)
    assert b.event_ids == a.event_ids                        # published the next day: the same strike
    assert c.event_ids != a.event_ids                        # a week later: another strike
    assert d.event_ids not in (a.event_ids, c.event_ids)     # neither date nor publication date: never merged
    event = repo.get_event(a.event_ids[0])
    assert (event.date, event.date_precision) == ("2018-02-03", "day")
    assert "2018-02-02..2018-02-04" in event.mentions[1].merge_reason


def test_an_area_joins_the_one_event_it_contains_but_not_one_of_several(repo):
    a = add(repo, "a", "قصف خان السبل.", "x", [strike(KHAN_SUBUL, fatalities=7)])
    bare = add(repo, "b0", "قصف ريف إدلب.", "y", [strike(IDLIB_COUNTRYSIDE)])
    assert bare.event_ids != a.event_ids            # an area alone, nothing else in common: not enough
    assert "nothing else in common" in repo.get_event(bare.event_ids[0]).mentions[0].merge_reason
    area = add(repo, "b", "قصف ريف إدلب.", "y", [strike(IDLIB_COUNTRYSIDE, fatalities=7)])
    assert area.event_ids == a.event_ids            # the same toll corroborates it
    add(repo, "c", "قصف معصران.", "z", [strike(MAASRAN, fatalities=7)])
    again = add(repo, "d", "قصف ريف إدلب.", "w", [strike(IDLIB_COUNTRYSIDE, fatalities=7)])
    assert "ambiguous" in repo.get_event(again.event_ids[0]).mentions[0].merge_reason
    assert repo.get_event(a.event_ids[0]).place_text == "خان السبل"        # the finest place is kept


def test_a_later_mention_joins_two_events_that_are_one_and_the_merge_can_be_undone(repo):
    unplaced = ("حي الشعار", None, None, "SY", "Aleppo", "neighbourhood")
    aleppo = ("حلب", 36.2021, 37.1343, "SY", "Aleppo", "city")
    placed = ("حي الشعار", 36.2050, 37.1700, "SY", "Aleppo", "neighbourhood")
    a = add(repo, "a", "انفجار في حي الشعار.", "x", [strike(unplaced, trigger="انفجار")])
    b = add(repo, "b", "انفجار في حلب.", "y", [strike(aleppo, trigger="انفجار")])
    assert a.event_ids != b.event_ids                       # a name without a point and a city: not comparable
    c = add(repo, "c", "انفجار في حي الشعار بحلب.", "z", [strike(placed, trigger="انفجار")])
    assert c.event_ids == a.event_ids
    event = repo.get_event(a.event_ids[0])
    assert event.mention_count == 3 and repo.get_event(b.event_ids[0]) is None
    merges = dedup_store.list_merges(repo, a.event_ids[0])
    assert len(merges) == 1 and merges[0]["from_event_id"] == b.event_ids[0]
    assert any("re-merge" in m.merge_reason for m in event.mentions)
    new_id = dedup_store.undo_merge(repo, merges[0]["id"])
    assert [m.article_id for m in repo.get_event(new_id).mentions] == ["b"]
    assert repo.get_event(a.event_ids[0]).mention_count == 2
    assert "unmerged from event" in repo.get_event(new_id).mentions[0].merge_reason
    with pytest.raises(ValueError):
        dedup_store.undo_merge(repo, merges[0]["id"])
    # a further report linking them does not join them again: they were split by hand
    d = add(repo, "d", "انفجار في حي الشعار بحلب.", "w", [strike(placed, trigger="انفجار")])
    assert repo.get_event(new_id) is not None and d.event_ids == a.event_ids


def test_unmerge_a_mention_by_hand(repo):
    a = add(repo, "a", "قصف خان السبل.", "x", [strike(KHAN_SUBUL, fatalities=7)])
    b = add(repo, "b", "قصف خان السبل.", "y", [strike(KHAN_SUBUL, fatalities=3)])
    event = repo.get_event(a.event_ids[0])
    assert b.event_ids == a.event_ids and event.fatalities == 3
    new_id = dedup_store.unmerge_mentions(repo, [event.mentions[1].id], reason="another strike")
    assert repo.get_event(a.event_ids[0]).fatalities == 7 and repo.get_event(new_id).fatalities == 3
    with pytest.raises(ValueError):
        dedup_store.unmerge_mentions(repo, [event.mentions[0].id])   # nothing left to split from


def test_every_merge_keeps_its_explanation_and_reingest_is_idempotent(repo):
    events = [strike(KHAN_SUBUL, actor1=RUSSIA, fatalities=7)]
    first = add(repo, "a", "قصف خان السبل.", "x", events)
    second = add(repo, "b", "قصف خان السبل.", "y", events)
    article, record = constructed_article("b", "قصف خان السبل. (b)", events, outlet="y",
                                          published=dt.date(2018, 2, 4))
    assert repo.add_record(record, article).status == "duplicate"
    assert repo.stats().event_mentions == 2 and repo.stats().events == 1
    for m in repo.get_event(first.event_ids[0]).mentions:
        assert m.merge_reason.startswith(("new event", f"merged into event {second.event_ids[0]}"))
        assert m.merge_reason != "new event"


def test_candidates_come_from_indexed_keys_not_a_scan(repo):
    add(repo, "a", "قصف خان السبل.", "x", [strike(KHAN_SUBUL, "2018-02-03")])
    add(repo, "b", "قصف خان السبل.", "x", [strike(KHAN_SUBUL, "2019-02-03")])
    with repo._sessions() as s:
        keys = s.scalars(dedup_store.select(dedup_store.EventKeyRow.key)).all()
        assert "ASSAULT|d2018-02-03|g:35:36" in keys
        from rasd.store.dedup import MentionKey, ActorKey
        probe = MentionKey("ASSAULT", dt.date(2018, 2, 3), dt.date(2018, 2, 3), 35.75, 36.75, "x", "SY",
                           ActorKey(None, None), ActorKey(None, None), feature="village")
        assert [i for i, _k in dedup_store.candidates(s, probe)] == [1]


def test_evaluation_set_is_consistent():
    articles = {a["id"]: a for a in map(json.loads, (DATA / "articles.jsonl").read_text().splitlines())}
    gold = [json.loads(line) for line in (DATA / "gold.jsonl").read_text().splitlines()]
    assert 15 <= len(articles) <= 25 and [g["id"] for g in gold] == list(articles)
    keys = {}
    for g in gold:
        assert g["published"] == articles[g["id"]]["published"]
        for e in g["events"]:
            if e.get("event_key"):
                keys.setdefault(e["event_key"], set()).add(g["id"])
            for alias in e["actor1"] + e["actor2"]:
                assert alias in articles[g["id"]]["text"] or alias.isascii(), (g["id"], alias)
    assert sum(len(v) > 1 for v in keys.values()) >= 6


@pytest.mark.skipif(postgres_unavailable() is not None, reason=str(postgres_unavailable()))
def test_keys_remerge_and_undo_on_postgresql():
    unplaced = ("حي الشعار", None, None, "SY", "Aleppo", "neighbourhood")
    aleppo = ("حلب", 36.2021, 37.1343, "SY", "Aleppo", "city")
    placed = ("حي الشعار", 36.2050, 37.1700, "SY", "Aleppo", "neighbourhood")
    with throwaway_postgres() as url, Repository.open(url) as repo:
        a = add(repo, "a", "انفجار في حي الشعار.", "x", [strike(unplaced, trigger="انفجار")])
        b = add(repo, "b", "انفجار في حلب.", "y", [strike(aleppo, trigger="انفجار")])
        c = add(repo, "c", "انفجار في حي الشعار بحلب.", "z", [strike(placed, trigger="انفجار")])
        assert a.event_ids == c.event_ids != b.event_ids and repo.get_event(b.event_ids[0]) is None
        merge = dedup_store.list_merges(repo, a.event_ids[0])[0]
        new_id = dedup_store.undo_merge(repo, merge["id"])
        assert [m.article_id for m in repo.get_event(new_id).mentions] == ["b"]


def test_migration_0002_files_the_events_of_an_older_store(tmp_path):
    from rasd.store.db import make_engine, upgrade
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO events (id, type, date, date_precision, date_lo, date_hi, place_text, lat, lon, country, "
            "feature, mention_count, source_count, outlets, updated_at) VALUES (1, 'ASSAULT', '2018-02-03', 'day', "
            "'2018-02-03', '2018-02-03', 'خان السبل', 35.7553, 36.756, 'SY', 'village', 1, 1, '[]', "
            "'2026-01-01 00:00:00')")
    upgrade(engine, "head")
    engine.dispose()
    with Repository.open(url) as repo:
        b = add(repo, "b", "قصف خان السبل.", "y", [strike(KHAN_SUBUL)])
        assert b.event_ids == [1]


def test_statements_need_the_same_actor_and_areas_need_more_than_the_area(repo):
    lebanon = ("لبنان", 33.9, 35.9, "LB", None, "country")
    beirut = ("بيروت", 33.8938, 35.5018, "LB", "Beirut", "city")
    minister = ("وزير الخارجية", "per.lb.fm", "Foreign Minister", "government", "LB")
    un = ("الأمم المتحدة", "org.un", "United Nations", "igo", None)
    a = add(repo, "a", "دان وزير الخارجية الهجوم في بيروت.", "x",
            [dict(type="ACCUSE", trigger="دان", place=beirut, date="2024-03-01", actor1=minister)])
    b = add(repo, "b", "دانت الأمم المتحدة الهجوم في بيروت.", "y",
            [dict(type="ACCUSE", trigger="دانت", place=beirut, date="2024-03-01", actor1=un)])
    c = add(repo, "c", "وزير الخارجية يدين الهجوم في بيروت.", "z",
            [dict(type="ACCUSE", trigger="يدين", place=beirut, date="2024-03-01", actor1=minister)])
    assert a.event_ids != b.event_ids and c.event_ids == a.event_ids
    assert "different actors" in repo.get_event(b.event_ids[0]).mentions[0].merge_reason
    f = add(repo, "f", "دان ناشطون الهجوم في بيروت.", "w",
            [dict(type="ACCUSE", trigger="دان", place=beirut, date="2024-03-01", actor1=("ناشطون", None))])
    assert f.event_ids not in (a.event_ids, b.event_ids)       # an unidentified actor: no statement to join
    assert "needs the same actor" in repo.get_event(f.event_ids[0]).mentions[0].merge_reason
    # two attacks somewhere in the same country, no attacker named, different tolls: not enough to be one
    unknown = ("مسلحون مجهولون", "acled:unidentified_armed_group_lebanon", "Unidentified Armed Group (Lebanon)",
               "armed_group", "LB")
    d = add(repo, "d", "هجوم في لبنان.", "x", [strike(lebanon, "2024-03-02", trigger="هجوم", actor1=unknown,
                                                    fatalities=2)])
    e = add(repo, "e", "هجوم آخر في لبنان.", "y", [strike(lebanon, "2024-03-02", trigger="هجوم", actor1=unknown,
                                                         fatalities=5)])
    assert d.event_ids != e.event_ids
    assert "area-level match with nothing else in common" in repo.get_event(e.event_ids[0]).mentions[0].merge_reason


def test_cli_lists_undoes_a_merge_and_splits_mentions_by_hand(tmp_path, capsys):
    from rasd.cli import main
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    with Repository.open(db) as repo:
        unplaced = ("حي الشعار", None, None, "SY", "Aleppo", "neighbourhood")
        aleppo = ("حلب", 36.2021, 37.1343, "SY", "Aleppo", "city")
        placed = ("حي الشعار", 36.2050, 37.1700, "SY", "Aleppo", "neighbourhood")
        a = add(repo, "a", "انفجار في حي الشعار.", "x", [strike(unplaced, trigger="انفجار")])
        b = add(repo, "b", "انفجار في حلب.", "y", [strike(aleppo, trigger="انفجار")])
        add(repo, "c", "انفجار في حي الشعار بحلب.", "z", [strike(placed, trigger="انفجار")])
        merge_id = dedup_store.list_merges(repo)[0]["id"]
    capsys.readouterr()
    assert main(["events", "merges", str(a.event_ids[0]), "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"merge {merge_id}: event {b.event_ids[0]} joined event {a.event_ids[0]}" in out and "active" in out
    assert main(["events", "undo-merge", str(merge_id), "--db", db]) == 0
    assert "undone" in capsys.readouterr().out
    assert main(["events", "undo-merge", str(merge_id), "--db", db]) == 1      # once only
    assert f"no merge {merge_id}" in capsys.readouterr().err
    assert main(["events", "merges", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)[0]["undone_at"] is not None
    with Repository.open(db) as repo:
        event = repo.get_event(a.event_ids[0])
        assert event.mention_count == 2
        first, second = (m.id for m in event.mentions)
    assert main(["events", "unmerge", str(second), "--reason", "another blast", "--db", db]) == 0
    new_id = int(capsys.readouterr().out.split("into event ")[1].split(",")[0])
    with Repository.open(db) as repo:
        assert repo.get_event(a.event_ids[0]).mention_count == 1
        assert "another blast" in repo.get_event(new_id).mentions[0].merge_reason
    assert main(["events", "unmerge", str(first), "--db", db]) == 1           # nothing left to split from
    assert "nothing to split" in capsys.readouterr().err


def _with_background(article_id, text, outlet, events, background, published):
    from rasd_testkit.store import constructed_event
    text = f"{text} ({article_id})"
    article, record = constructed_article(article_id, text, events, outlet=outlet, published=published)
    for spec in background:
        ev = constructed_event(text, **spec)
        record.non_events.append({**ev.model_dump(mode="json"), "modality": "historical",
                                  "reason": f"dated {ev.date}, before the publication year"})
    return article, record


def test_a_background_mention_joins_the_stored_event_but_never_starts_one_nor_moves_its_toll(repo):
    square = ("ساحة الطيران", 33.3280, 44.4150, "IQ", "Baghdad", "neighbourhood")
    baghdad = ("بغداد", 33.3406, 44.4009, "IQ", "Baghdad", "city")
    a = add(repo, "a", "تفجير في ساحة الطيران أوقع 26 قتيلا.", "الحرة",
            [strike(square, date="2018-01-15", trigger="تفجير", fatalities=26)], published=dt.date(2018, 1, 15))
    old = dict(type="ASSAULT", trigger="تفجير", place=baghdad, date="2018-01", precision="month", fatalities=31)
    article, record = _with_background(
        "b", "تفجير في بغداد اليوم. وكان آخر تفجير في يناير 2018.", "زاجل",
        [strike(baghdad, date="2021-01-21", trigger="تفجير", fatalities=28)], [old], dt.date(2021, 1, 21))
    b = repo.add_record(record, article)
    assert b.event_ids != a.event_ids                          # the news of 2021 is its own event
    event = repo.get_event(a.event_ids[0])
    assert [m.article_id for m in event.mentions] == ["a", "b"]
    assert event.mentions[1].modality == "historical" and "background mention" in event.mentions[1].merge_reason
    assert event.fatalities == 26                              # the background figure 31 is not counted
    # a background mention of an event the store does not hold creates nothing
    other = dict(type="ASSAULT", trigger="تفجير", place=baghdad, date="2016-07", precision="month", fatalities=300)
    article, record = _with_background("c", "وكان تفجير الكرادة في يوليو 2016.", "زاجل", [], [other],
                                       dt.date(2021, 1, 22))
    c = repo.add_record(record, article)
    assert c.event_ids == [] and repo.list_events()[1] == 2
    assert repo.add_record(record, article).status == "duplicate"     # idempotent


ABHA = ("أبها", 18.2164, 42.5053, "SA", "Asir", "city")
BOMBER = ("الانتحاري", "agent.suicide_bomber", "suicide bomber", "armed_group", None)


def test_an_articles_two_mentions_at_one_spot_are_one_event_two_tolls_or_places_stay_two(repo):
    # one article tells the mosque bombing twice (the extractor left them apart: one names the victims'
    # force, the other the ministry that announced the toll): at one city, one day, one toll at most, one event
    a = add(repo, "a", "دخل الانتحاري مسجد مقر قوات الطوارئ في أبها. وأعلنت الوزارة أن انتحاريا فجر نفسه في أبها.",
            "الشرق الأوسط", [strike(ABHA, date="2015-08-06", trigger="دخل", actor1=BOMBER, mode="explosives"),
                             strike(ABHA, date="2015-08-06", trigger="فجر", fatalities=15, mode="suicide-attack")],
            published=dt.date(2015, 8, 8))
    assert a.event_ids[0] == a.event_ids[1]
    event = repo.get_event(a.event_ids[0])
    assert event.mention_count == 2 and event.fatalities == 15
    assert "this article's other mention of it: one spot" in event.mentions[1].merge_reason
    # a later outlet joins the one record, not one of two copies
    b = add(repo, "b", "تفجير انتحاري في مسجد بأبها أسفر عن 15 قتيلا.", "اليوم",
            [strike(ABHA, date="2015-08-06", trigger="تفجير", fatalities=15)], published=dt.date(2015, 8, 7))
    assert b.event_ids == a.event_ids[:1]
    # two tolls, or two villages, in one article: two events, and the store keeps them apart
    c = add(repo, "c", "قصف خان السبل أدى لمقتل سبعة، وقصف خان السبل مساء أدى لمقتل ثلاثة. وقصف معصران.", "x",
            [strike(KHAN_SUBUL, fatalities=7), strike(KHAN_SUBUL, fatalities=3), strike(MAASRAN)])
    assert len(set(c.event_ids)) == 3
    with repo._sessions() as s:
        assert dedup_store.kept_apart_by_article(s, c.event_ids[0], c.event_ids[2])
        assert dedup_store.kept_apart_by_article(s, c.event_ids[0], c.event_ids[1])
    ok, why = one_spot(_key(KHAN_SUBUL), _key(IDLIB_COUNTRYSIDE))
    assert not ok and "settlement" in why


def test_a_generic_armed_agent_has_a_class_that_corroborates_an_area_match(repo):
    # «الانتحاري» and «الإرهابي» are coded as an unidentified armed group, but the words name an armed agent:
    # an area-level report of the bombing («عسير», another toll) joins the event told at its city
    asir = ("عسير", 19.1667, 43.1667, "SA", "Asir", "admin1")
    a = add(repo, "a", "تفجير نفذه الانتحاري في مسجد في أبها.", "x",
            [strike(ABHA, date="2015-08-06", trigger="تفجير", fatalities=10,
                    actor1=("الانتحاري", "agent.suicide_bomber", "suicide bomber", "armed_group", None))])
    bomber = ("الإرهابي", "agent.suicide_bomber", "suicide bomber", "armed_group", None)
    b = add(repo, "b", "ارتفاع ضحايا التفجير الإرهابي في عسير.", "y",
            [strike(asir, date="2015-08-06", trigger="التفجير", fatalities=12, actor1=bomber)])
    assert b.event_ids == a.event_ids
    assert "attackers of one class (nonstate)" in repo.get_event(a.event_ids[0]).mentions[1].merge_reason
    key = ActorKey("acled:unidentified_armed_group_saudi_arabia", "الارهابي", "armed_group", None,
                   "agent.suicide_bomber")
    from rasd.store.dedup import actor_identity
    assert actor_identity(key) == ("nonstate", None) and actor_identity(key, "ACCUSE") == (None, None)


FACTIONS = ("الفصائل", "agent.faction", None, "armed_group", None)
NUSRA = ("جبهة النصرة", "org.nusra", "Nusra Front", "armed_group", None)
RUSSIAN_JET = ("طائرة حربية روسية", "cc:RU", "Russia")


def test_a_one_sided_act_told_with_the_sides_swapped_is_the_other_sides_act_a_clash_is_one(repo):
    # rebels down a Russian jet near Maasran; Russia strikes the rebels there the same day
    downing = add(repo, "down", "إسقاط طائرة حربية روسية قرب معصران.", "x",
                  [strike(MAASRAN, trigger="إسقاط", actor1=FACTIONS, actor2=RUSSIAN_JET, fatalities=1)])
    retaliation = add(repo, "ret", "غارات روسية على جبهة النصرة في معصران.", "y",
                      [strike(MAASRAN, trigger="غارات", actor1=RUSSIA, actor2=NUSRA, mode="aerial")])
    assert downing.event_ids != retaliation.event_ids
    reason = repo.get_event(retaliation.event_ids[0]).mentions[0].merge_reason
    assert "a one-sided act (aerial, unknown) is no clash told the other way round" in reason
    # a clash is one event from either side («اشتبك ... مع»): both told with firearms, or with no mode
    for mode_a, mode_b in (("firearms", "firearms"), ("firearms", None)):
        one, two = (MentionKey(type="ASSAULT", date_lo=dt.date(2018, 2, 3), date_hi=dt.date(2018, 2, 3),
                               lat=35.7071, lon=36.8028, place="معصران", country="SY", feature="village",
                               actor1=ActorKey(id=x, name=x, sector="armed_group", kb=x),
                               actor2=ActorKey(id=y, name=y, sector="armed_group", kb=y), mode=mode)
                    for x, y, mode in (("org.hts", "org.isis", mode_a), ("org.isis", "org.hts", mode_b)))
        ok, reasons = compatible(one, two)
        assert ok and "the same two sides, told the other way round" in reasons
        three = MentionKey(**{**one.__dict__, "mode": "heavy-weapons"})
        assert not compatible(three, two)[0]


def test_a_statement_or_protest_aimed_at_one_counterpart_is_one_when_the_doers_do_not_conflict(repo):
    tahrir = ("ساحة التحرير", 33.3406, 44.4009, "IQ", "Baghdad", "square")
    premier = ("عادل عبد المهدي", "per.adil_abdul_mahdi", "Adil Abdul-Mahdi", "government", "IQ")
    protesters = ("متظاهرون", "acled:protesters_iraq", "Protesters (Iraq)", "civilian", "IQ")
    crowd = ("المئات من الناس", None)
    a = add(repo, "a", "تظاهر متظاهرون في ساحة التحرير ضد عادل عبد المهدي.", "x",
            [dict(type="PROTEST", trigger="تظاهر", place=tahrir, date="2018-12-28", actor1=protesters,
                  actor2=premier)])
    b = add(repo, "b", "تظاهر المئات من الناس في ساحة التحرير ضد عادل عبد المهدي.", "y",
            [dict(type="PROTEST", trigger="تظاهر", place=tahrir, date="2018-12-28", actor1=crowd, actor2=premier)])
    assert b.event_ids == a.event_ids          # the protesters identify nobody; the premier they protest does
    assert "the same counterpart state:IQ" in repo.get_event(a.event_ids[0]).mentions[1].merge_reason
    # two identified doers with one counterpart stay two: the UN's and a minister's condemnation of one premier
    un = ("الأمم المتحدة", "org.un", "United Nations", "igo", None)
    minister = ("وزير الخارجية", "per.lb.fm", "Foreign Minister", "government", "LB")
    c = add(repo, "c", "انتقدت الأمم المتحدة عادل عبد المهدي في ساحة التحرير.", "x",
            [dict(type="ACCUSE", trigger="انتقدت", place=tahrir, date="2018-12-28", actor1=un, actor2=premier)])
    d = add(repo, "d", "انتقد وزير الخارجية عادل عبد المهدي في ساحة التحرير.", "y",
            [dict(type="ACCUSE", trigger="انتقد", place=tahrir, date="2018-12-28", actor1=minister, actor2=premier)])
    assert c.event_ids != d.event_ids


def test_a_massacre_placed_at_its_village_or_at_the_district_town_is_one_but_not_without_any_date(repo):
    rawda = ("قرية الروضة", 31.0403, 33.3510, "EG", "North Sinai", "village")
    bir_al_abd = ("بئر العبد", 31.0189, 33.0098, "EG", "North Sinai", "city")      # 32.6 km from al-Rawda
    a = add(repo, "a", "تفجير مسجد في بئر العبد.", "x", [strike(bir_al_abd, "2017-11-24", trigger="تفجير",
                                                            fatalities=184)], published=dt.date(2017, 11, 24))
    b = add(repo, "b", "تفجير مسجد قرية الروضة.", "y", [strike(rawda, "2017-11-24", trigger="تفجير", fatalities=235)],
            published=dt.date(2017, 11, 25))
    assert b.event_ids == a.event_ids
    assert "near places with one large toll" in repo.get_event(a.event_ids[0]).mentions[1].merge_reason
    # small tolls 32 km apart are two villages' events; two reports that tell no time are not enough either
    c = add(repo, "c", "قصف في بئر العبد.", "x", [strike(bir_al_abd, "2017-12-02", fatalities=3)],
            published=dt.date(2017, 12, 2))
    d = add(repo, "d", "قصف قرية الروضة.", "y", [strike(rawda, "2017-12-02", fatalities=3)], published=dt.date(2017, 12, 2))
    assert c.event_ids != d.event_ids
    e = add(repo, "e", "قصف بئر العبد.", "x", [strike(bir_al_abd, None, fatalities=40)], published=None)
    f = add(repo, "f", "قصف قرية الروضة.", "y", [strike(rawda, None, fatalities=45)], published=None)
    assert e.event_ids != f.event_ids
    # nor when a state's forces strike: its battles kill that many at many places a week
    army = ("الجيش المصري", "org.eg.army", "Egyptian Army", "military", "EG")
    g = add(repo, "g", "غارات الجيش المصري على بئر العبد.", "x",
            [strike(bir_al_abd, "2017-12-20", trigger="غارات", actor1=army, fatalities=30)], published=dt.date(2017, 12, 20))
    h = add(repo, "h", "غارات الجيش المصري على قرية الروضة.", "y",
            [strike(rawda, "2017-12-20", trigger="غارات", actor1=army, fatalities=32)], published=dt.date(2017, 12, 20))
    assert g.event_ids != h.event_ids
