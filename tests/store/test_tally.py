"""An event's tally (rasd.store.tally): updated mention by mention, it gives the fields and the tally a rebuild
from all the event's mentions gives — through joins, a re-merge and an undo (issue 16)."""
import datetime as dt

from sqlalchemy import select

from rasd.store import dedup_store
from rasd.store.models import EventRow
from rasd.store.tally import EventTally
from rasd_testkit.store import constructed_article

KHAN_SUBUL = ("خان السبل", 35.7553, 36.7560, "SY", "Idlib", "village")
UNPLACED = ("حي الشعار", None, None, "SY", "Aleppo", "neighbourhood")
ALEPPO = ("حلب", 36.2021, 37.1343, "SY", "Aleppo", "city")
PLACED = ("حي الشعار", 36.2050, 37.1700, "SY", "Aleppo", "neighbourhood")
RUSSIA = ("البوارج الروسية", "cc:RU", "Russia")
FIELDS = [c.key for c in EventRow.__table__.columns if c.key not in ("updated_at", "tally")]


def add(repo, article_id, outlet, events, published=dt.date(2018, 2, 4)):
    article, record = constructed_article(article_id, f"قصف ({article_id})", events, outlet=outlet,
                                          published=published)
    return repo.add_record(record, article)


def strike(place, date="2018-02-03", **kw):
    return dict(type="ASSAULT", trigger="قصف", place=place, date=date, **kw)


def stored_and_rebuilt(repo):
    """Each event's stored fields and tally, and what a rebuild from its mentions gives."""
    out = []
    with repo._write_sessions() as s, s.begin():
        for event in s.scalars(select(EventRow).order_by(EventRow.id)).all():
            stored = ({name: getattr(event, name) for name in FIELDS}, event.tally)
            repo._refresh_event(s, event)
            out.append((stored, ({name: getattr(event, name) for name in FIELDS}, event.tally)))
        s.rollback()
    return out


def test_joins_keep_the_fields_and_the_tally_of_a_rebuild(repo):
    first = add(repo, "a", "سمارت", [strike(KHAN_SUBUL, fatalities=4, date="2018-02")])
    add(repo, "b", "نبأ", [strike(KHAN_SUBUL, actor1=RUSSIA, fatalities=31)])
    add(repo, "c", None, [strike(KHAN_SUBUL, fatalities=35)])
    add(repo, "d", "نبأ", [strike(KHAN_SUBUL, actor1=RUSSIA, fatalities=35, injuries=10)])
    last = add(repo, "e", "عنب بلدي", [strike(KHAN_SUBUL, fatalities=10, casualties_approximate=True)])
    assert last.event_ids == first.event_ids
    event = repo.get_event(first.event_ids[0])
    # the finest place, the finest date, the identified attacker and the reconciled toll of five reports
    assert (event.place_text, event.date, event.actor1_name, event.mention_count) == (
        "خان السبل", "2018-02-03", "البوارج الروسية", 5)
    assert event.fatalities == 35 and "سمارت=4" in event.fatalities_rule   # نبأ counts once, its latest
    for stored, rebuilt in stored_and_rebuilt(repo):
        assert stored == rebuilt
    tally = EventTally.loads(stored_and_rebuilt(repo)[0][0][1])
    assert tally is not None and tally.count == 5 and tally.outlets == {"سمارت", "نبأ", "عنب بلدي"}


def test_a_re_merge_and_its_undo_keep_the_tallies_of_a_rebuild(repo):
    a = add(repo, "a", "x", [strike(UNPLACED)])
    add(repo, "a2", "x2", [strike(UNPLACED, fatalities=3)])          # a tally of two mentions
    b = add(repo, "b", "y", [strike(ALEPPO, fatalities=5)])
    add(repo, "b2", "y2", [strike(ALEPPO, actor1=RUSSIA)])
    assert a.event_ids != b.event_ids
    c = add(repo, "c", "z", [strike(PLACED)])                       # links the two: one re-merge
    assert c.event_ids == a.event_ids and repo.get_event(b.event_ids[0]) is None
    assert repo.get_event(a.event_ids[0]).mention_count == 5
    for stored, rebuilt in stored_and_rebuilt(repo):
        assert stored == rebuilt
    merge = dedup_store.list_merges(repo, a.event_ids[0])[0]
    dedup_store.undo_merge(repo, merge["id"])
    add(repo, "d", "w", [strike(PLACED, fatalities=4)])
    for stored, rebuilt in stored_and_rebuilt(repo):
        assert stored == rebuilt


def test_an_event_of_one_mention_has_no_tally_and_a_tally_of_another_version_is_rebuilt(repo):
    a = add(repo, "a", "x", [strike(KHAN_SUBUL)])
    with repo._sessions() as s:
        assert s.get(EventRow, a.event_ids[0]).tally is None
    add(repo, "b", "y", [strike(KHAN_SUBUL, fatalities=2)])
    with repo._write_sessions() as s, s.begin():
        event = s.get(EventRow, a.event_ids[0])
        assert EventTally.loads(event.tally).count == 2
        event.tally = '{"v": 0}'                                    # a tally this version cannot read
    assert EventTally.loads('{"v": 0}') is None
    add(repo, "c", "z", [strike(KHAN_SUBUL, fatalities=3)])
    assert repo.get_event(a.event_ids[0]).mention_count == 3
    for stored, rebuilt in stored_and_rebuilt(repo):
        assert stored == rebuilt
