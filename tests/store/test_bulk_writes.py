"""The store writes an article's rows in bulk (issue 16): one INSERT per table, not one per row, with the
rows in the order of the record (so ids follow it) and an article's own events never merged with each other."""
from collections import Counter

from sqlalchemy import event, select

from rasd.document import Entity, Span
from rasd.store import Repository
from rasd.store.models import EntityMentionRow, EventKeyRow, EventMentionRow
from rasd_testkit.store import constructed_article

TEXT = ("قتل خمسة مدنيين في غارة على إدلب، وأصيب ثلاثة في قصف على حلب، وقتل اثنان في انفجار في حماة. "
        "وقال بشار الأسد وفلاديمير بوتين وأنطونيو غوتيريش إن الوضع خطير.")


def _article(article_id: str):
    events = [dict(type="ASSAULT", trigger=trigger, place=(town, lat, lon, "SY"), date="2024-03-01")
              for trigger, town, lat, lon in (("غارة", "إدلب", 35.93, 36.63), ("قصف", "حلب", 36.2, 37.15),
                                              ("انفجار", "حماة", 35.13, 36.75))]
    article, record = constructed_article(article_id, TEXT, events)
    for name in ("بشار الأسد", "فلاديمير بوتين", "أنطونيو غوتيريش"):
        start = TEXT.index(name)
        record.entities.append(Entity(span=Span(start=start, end=start + len(name), text=name), type="PERSON",
                                      text=name))
    return article, record


def test_one_insert_per_table_and_rows_in_record_order(tmp_path):
    with Repository.open(str(tmp_path / "rasd.db")) as repo:
        inserts: Counter = Counter()

        @event.listens_for(repo.engine, "before_cursor_execute")
        def _count(_conn, _cursor, statement, *_args):
            if statement.startswith("INSERT INTO"):
                inserts[statement.split()[2]] += 1

        article, record = _article("bulk-1")
        result = repo.add_record(record, article)
        assert result.status == "added" and len(set(result.event_ids)) == 3   # three places: three events
        # three events need their ids (one INSERT each); every other table is written in one statement
        assert inserts["events"] == 3
        for table in ("articles", "entities", "entity_aliases", "entity_mentions", "event_mentions"):
            assert inserts[table] == 1, (table, inserts)
        assert inserts["event_keys"] == 3   # one executemany per event, however many keys it has
        with repo._sessions() as s:
            mentions = s.scalars(select(EventMentionRow).order_by(EventMentionRow.id)).all()
            assert [m.index_in_article for m in mentions] == [0, 1, 2]
            assert [m.trigger for m in mentions] == ["غارة", "قصف", "انفجار"]
            assert all(m.merge_reason.startswith("new event") for m in mentions)
            names = s.scalars(select(EntityMentionRow.text).order_by(EntityMentionRow.id)).all()
            assert names[:3] == ["بشار الأسد", "فلاديمير بوتين", "أنطونيو غوتيريش"]
            assert s.scalar(select(EventKeyRow.id).limit(1)) is not None
        # the same events told by a second article join the stored ones, one mention each
        article2, record2 = _article("bulk-2")
        article2 = article2.model_copy(update={"text": TEXT + " "})
        again = repo.add_record(record2, article2)
        assert again.status == "added" and again.event_ids == result.event_ids
        assert repo.stats().events == 3 and repo.stats().event_mentions == 6
