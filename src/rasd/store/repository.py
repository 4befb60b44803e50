"""The store's public interface: `Repository` (used by `rasd ingest`, `rasd export`, `rasd events` and the API).

    repo = Repository.open("sqlite:///rasd.db")      # or postgresql+pg8000://..., migrates on open
    repo.add_record(record, article)                 # one transaction; a stored article is a no-op
    repo.get_event(12)                               # canonical event + merged mentions and why
    items, total = repo.list_events(EventFilters(country="SY"), limit=50, offset=0)
    repo.list_entities(query="الأسد"); repo.get_entity("per.bashar_al_assad"); repo.stats()

Any number of writers may run at once (several ingests, the API): their transactions are serialised by
the database's write lock (SQLite `BEGIN IMMEDIATE`, a PostgreSQL advisory lock, see db.py), so an article
is stored exactly once and no entity or event is created twice; readers run alongside (SQLite WAL,
PostgreSQL MVCC).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from types import SimpleNamespace
from typing import Any, Callable, Iterator

from sqlalchemy import Engine, and_, bindparam, exists, func, insert, or_, select
from sqlalchemy import event as sa_event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from rasd.document import Article, Event, Record
from rasd.store import canonical
from rasd.store import dedup_store
from rasd.store.db import WRITE, lock_for_writing, open_engine, resolve_url, retry_locked
from rasd.store.dedup import (MentionKey, best_match, compatible, compatible_ids, one_spot, date_interval,
                              undated_interval)
from rasd.store.models import (ArticleRow, EntityAliasRow, EntityMentionRow, EntityRow, EventMentionRow,
                               EventRow)
from rasd.store.schemas import (AddResult, EntityDetail, EntitySummary, EventDetail, EventFilters, EventSummary,
                                MentionOut, Stats)
from rasd.store.tally import EventTally

MAX_INTERVAL_DAYS = 366   # the longest date interval an event can have (a year, see dedup.date_interval)


def article_key(text: str, url: str | None) -> tuple[str, str]:
    """(content hash, article key): the same text at the same URL (or with no URL) is the same article."""
    content = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if not url:
        return content, content
    return content, f"{content}|{hashlib.sha256(url.strip().encode('utf-8')).hexdigest()}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _hold_loaded_rows(s: Session) -> None:
    """Keep every row this write session loads referenced until the session ends (one article's transaction).

    The session's identity map holds rows weakly: a row looked up with `s.get` and not kept by the caller is
    dropped at once, so dedup's many lookups of the same entity and event rows (keys of candidates, finest
    place, actor names) each went back to the database, about 160 SELECTs per article (issue 16). Held,
    they are answered from the identity map; the rows are the same ones the SELECT would return."""
    held: list = []
    sa_event.listen(s, "loaded_as_persistent", lambda _session, instance: held.append(instance))


class Repository:
    def __init__(self, engine: Engine, on_wait: Callable[[str], None] | None = None):
        self.engine = engine
        self.on_wait = on_wait   # told, in one line, when a write has to wait for another writer
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(engine.execution_options(**WRITE), expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None, on_wait: Callable[[str], None] | None = None) -> "Repository":
        """Open (creating and migrating when needed) the store at `url` (default $RASD_DB or ./rasd.db).

        Raises RasdStoreError (one line) when it is not a database, cannot be reached or stays locked."""
        return cls(open_engine(resolve_url(url), on_wait), on_wait)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Repository":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- writing -------------------------------------------------------------------------------------

    def has_article(self, article: Article) -> bool:
        return self.stored_articles([article]) == [True]

    def stored_articles(self, articles: list[Article]) -> list[bool]:
        """For each article, whether it is stored: one indexed lookup of all their keys (ingest asks per chunk)."""
        keys = [article_key(a.text, a.url)[1] for a in articles]
        found: set[str] = set()
        with self._sessions() as s:
            for part in range(0, len(keys), 500):
                found.update(s.scalars(_STORED_KEYS, {"keys": keys[part:part + 500]}))
        return [key in found for key in keys]

    def add_record(self, record: Record | dict[str, Any], article: Article) -> AddResult:
        """Store one article and its record in ONE transaction: all of it or (on any failure or kill) none."""
        if isinstance(record, dict):
            record = Record.model_validate(record)
        return retry_locked(lambda: self._add_record(record, article), self.url, self.on_wait)

    def add_records(self, pairs: list[tuple[Record | dict[str, Any], Article]]) -> list[AddResult]:
        """Store several articles in ONE transaction, in order (`rasd ingest` writes its results in batches):
        all of them or (on any failure or kill) none. Each is stored exactly as `add_record` would store it
        alone, one after the other (the same rows, ids and clustering); what a batch saves is the transaction
        per article (the lock, the commit and its WAL pages, the session) and the rows the articles share
        (entities, events) read once. An article already stored, or twice in `pairs`, is a duplicate.

        Raises what storing any one of them raised; the caller may then store them one by one to lose only
        the article at fault."""
        records = [(Record.model_validate(r) if isinstance(r, dict) else r, a) for r, a in pairs]
        return retry_locked(lambda: self._insert_batch(records), self.url, self.on_wait)

    def _add_record(self, record: Record, article: Article) -> AddResult:
        try:
            return self._insert_batch([(record, article)])[0]
        except IntegrityError:
            # only a writer that bypasses the write lock could have stored it meanwhile; then it is a duplicate
            key = article_key(article.text, article.url or record.url)[1]
            with self._sessions() as s:
                if s.scalar(select(ArticleRow.id).where(ArticleRow.article_key == key)) is not None:
                    return AddResult(status="duplicate")
            raise

    def _insert_batch(self, pairs: list[tuple[Record, Article]]) -> list[AddResult]:
        keys = [article_key(article.text, article.url or record.url) for record, article in pairs]
        with self._write_sessions() as s, s.begin():
            _hold_loaded_rows(s)
            lock_for_writing(s.connection())
            stored: set[str] = set()   # under the write lock: no other writer can store one meanwhile
            wanted = [key for _content, key in keys]
            for part in range(0, len(wanted), 500):
                stored.update(s.scalars(_STORED_KEYS, {"keys": wanted[part:part + 500]}))
            results = []
            for (record, article), (content, key) in zip(pairs, keys):
                if key in stored:
                    results.append(AddResult(status="duplicate"))
                else:
                    stored.add(key)
                    results.append(self._insert_all(s, record, article, content, key))
            return results

    def _insert_all(self, s: Session, record: Record, article: Article, content: str, key: str) -> AddResult:
        """One new article, its registry rows and its event mentions, clustered, in the caller's transaction."""
        row = self._insert_article(s, record, article, content, key)
        self._register_entities(s, row.id, record)
        touched: dict[int, EventRow] = {}
        links: dict[int, set[int]] = {}
        # events holding a mention of this (new) article, with those mentions' keys: kept here, not re-queried
        own: dict[int, list[MentionKey]] = {}
        mentions: list[_NewMention] = []   # inserted together below, in this order (so with the same ids)
        # each event's JSON as the record's (the same dump: not dumped again per mention)
        dumped = row.record["events"]
        # the keys of the candidate events, computed once for all the article's mentions: no event changes
        # until they have all been placed (the events they join are updated below), nor does the registry
        known: dict[int, MentionKey] = {}
        event_ids = [self._add_event_mention(s, row, i, event, touched, own, mentions, known, links, dumped[i])
                     for i, event in enumerate(record.events)]
        for k, event in enumerate(dedup_store.background_events(record)):   # joins a stored event or nothing
            self._add_event_mention(s, row, len(record.events) + k, event, touched, own, mentions, known,
                                    background=True)
        # nothing above reads the article's mentions back from the database (candidates are found by
        # event keys, the new events' fields come from the mention in memory): one INSERT, which returns their
        # ids for the tallies of the events they joined
        if mentions:
            ids = dict(s.connection().execute(_INSERT_MENTIONS, [_mention_values(m) for m in mentions]).all())
            for mention in mentions:
                mention.id = ids[mention.index_in_article]
        for event in touched.values():
            self._join_mentions(s, event, [(m, row.source_id) for m in mentions if m.event_id == event.id])
        event_ids = self._remerge(s, links, event_ids)
        return AddResult(status="added", article_db_id=row.id, event_ids=event_ids)

    def _remerge(self, s: Session, links: dict[int, set[int]], event_ids: list[int]) -> list[int]:
        """Events a mention was compatible with besides the one it joined may now be one with it (dedup_store)."""
        moved: dict[int, int] = {}
        for event_id in sorted(links):
            event = s.get(EventRow, moved.get(event_id, event_id))
            if event is not None:
                joined = dedup_store.remerge(s, event, {moved.get(i, i) for i in links[event_id]},
                                             self._event_tally, self._apply_tally)
                for gone, into in joined.items():
                    moved.update({k: into for k, v in moved.items() if v == gone})
                    moved[gone] = into
        return [moved.get(i, i) for i in event_ids]

    def _insert_article(self, s: Session, record: Record, article: Article, content: str, key: str) -> _NewArticle:
        """The article's row, INSERTed on its own (not through the ORM: its flush of one new object was ~0.4 ms
        of a short article's store time, issue 16; nothing reads the row back as an object in this transaction)."""
        values = dict(
            article_key=key, content_hash=content, source_id=record.id, url=article.url or record.url,
            published=record.published or article.published,
            outlet=record.source.outlet or article.outlet, outlet_en=record.source.outlet_en,
            author=record.source.author or article.author, title=article.title, text=article.text,
            record=record.model_dump(mode="json"), ingested_at=_now())
        return _NewArticle(id=s.connection().execute(_INSERT_ARTICLE, values).scalar_one(), **values)

    def _register_entities(self, s: Session, article_id: int, record: Record) -> None:
        """Register every entity, place and actor of the article (and their mentions) with set-based queries."""
        batch = _RegistryBatch()
        for ent in record.entities:
            batch.add(canonical.entity_id(ent), "entity", ent.text, ent.span.start, ent.span.end,
                      type=ent.type, name=ent.canonical or ent.text, name_en=ent.name_en, kb_id=ent.kb_id,
                      country=ent.country, sector=ent.sector)
        for place in record.places:
            batch.add(canonical.place_id(place), "place", place.text, place.span.start, place.span.end,
                      type="PLACE", name=place.text, name_en=place.name_en, kb_id=place.gazetteer_id,
                      country=place.country, lat=place.lat, lon=place.lon, admin1=place.admin1, feature=place.feature)
        for ev in record.events:
            for actor in (ev.actor1, ev.actor2):
                if actor is not None and actor.text.strip():
                    batch.add(canonical.actor_id(actor), "actor", actor.text,
                              actor.span.start if actor.span else None, actor.span.end if actor.span else None,
                              type="ACTOR", name=actor.text, name_en=_actor_name_en(actor), kb_id=actor.kb_id,
                              country=actor.country, sector=actor.sector)
            if ev.place is not None and ev.place.text.strip():
                batch.add(canonical.place_id(ev.place), None, ev.place.text, None, None, type="PLACE",
                          name=ev.place.text, name_en=ev.place.name_en, country=ev.place.country,
                          lat=ev.place.lat, lon=ev.place.lon, admin1=ev.place.admin1, feature=ev.place.feature)
        batch.write(s, article_id)

    def _add_event_mention(self, s: Session, article: _NewArticle, index: int, ev: Event,
                           touched: dict[int, EventRow], own: dict[int, list[MentionKey]],
                           mentions: list[_NewMention], known: dict[int, MentionKey],
                           links: dict[int, set[int]] | None = None, dumped: dict[str, Any] | None = None,
                           background: bool = False) -> int | None:
        actor1_id = canonical.actor_id(ev.actor1) if ev.actor1 and ev.actor1.text.strip() else None
        actor2_id = canonical.actor_id(ev.actor2) if ev.actor2 and ev.actor2.text.strip() else None
        place_id = canonical.place_id(ev.place) if ev.place is not None and ev.place.text.strip() else None
        # an undated event is dated by its article: the publication day is the latest it can be (dedup.py)
        if not ev.date or ev.date_source == "publication":
            lo, hi = undated_interval(article.published)
        else:
            lo, hi = date_interval(ev.date, ev.date_precision)
        if ev.date:
            date, precision = ev.date, ev.date_precision or "day"
        elif article.published:
            date, precision = article.published.isoformat(), "day"
        else:
            date = precision = None
        mention = _NewMention(
            id=None, event_id=None,   # known once inserted, and once placed in an event
            article_id=article.id, index_in_article=index, type=ev.type, mode=ev.mode,
            acled_type=ev.acled_type, acled_subtype=ev.acled_subtype, trigger=ev.trigger.text,
            evidence=ev.evidence.text, evidence_start=ev.evidence.start, evidence_end=ev.evidence.end,
            actor1_id=actor1_id, actor1_name=ev.actor1.text if ev.actor1 else None,
            actor2_id=actor2_id, actor2_name=ev.actor2.text if ev.actor2 else None,
            place_id=place_id, place_text=ev.place.text if ev.place else None,
            lat=ev.place.lat if ev.place else None, lon=ev.place.lon if ev.place else None,
            country=ev.place.country if ev.place else None,
            date=date, date_precision=precision,
            date_lo=lo, date_hi=hi, fatalities=ev.fatalities, injuries=ev.injuries,
            casualties_approximate=ev.casualties_approximate, modality=ev.modality,
            outlet=article.outlet, confidence=ev.confidence, merge_reason="",
            event=ev.model_dump(mode="json") if dumped is None else dumped)
        key = dedup_store.mention_key(s, mention, feature=ev.place.feature if ev.place else None,
                                     admin1=ev.place.admin1 if ev.place else None,
                                     actor1=dedup_store.event_actor_key(ev.actor1, actor1_id),
                                     actor2=dedup_store.event_actor_key(ev.actor2, actor2_id))
        # the article's own events are distinct by the extractor's word: a mention joins an event of its article
        # only when it is at one spot with every mention of the article in it (dedup.one_spot; `own` is what
        # dedup_store.article_events would read back: the article is new, so its only mentions are the ones
        # added here)
        spots = {eid: [one_spot(key, k) for k in keys] for eid, keys in own.items()}
        apart = {eid for eid, ok in spots.items() if not all(x for x, _ in ok)}
        candidates = dedup_store.candidates(s, key, exclude=apart, known=known)
        event_id, reasons = best_match(key, candidates)
        if event_id in spots:
            reasons = reasons + [f"this article's other mention of it: {spots[event_id][0][1]}"]
        if event_id is None and background:
            return None
        if event_id is None:
            # the event's fields come from its one mention before its INSERT (not an INSERT then an UPDATE)
            # (no tally: an event of one mention is that mention; its first join builds it from the two)
            event = EventRow(type=ev.type, outlets=[], updated_at=_now())
            mention.merge_reason = "new event" + (f": {reasons[0]}" if reasons else _rejections(
                key, dedup_store.first_candidates(s, key, apart, _REJECTIONS_SHOWN, known)))
            EventTally.of([(mention, article.source_id)]).apply(event, lambda i: s.get(EntityRow, i))
            s.add(event)
            s.flush()
            mention.event_id = event.id
            mentions.append(mention)
            dedup_store.write_keys(s, event, new=True)
        else:
            event = s.get(EventRow, event_id)
            mention.merge_reason = ("background mention, " if background else "") + \
                f"merged into event {event_id}: " + "; ".join(reasons)
            mention.event_id = event.id
            mentions.append(mention)
            touched[event.id] = event   # recomputed once, after all of this article's mentions are in
            if links is not None:
                others = set(compatible_ids(key, candidates)) - {event.id}
                if others:
                    links.setdefault(event.id, set()).update(others)
        own.setdefault(event.id, []).append(key)
        return event.id

    def _join_mentions(self, s: Session, event: EventRow, new: list[tuple[_NewMention, str]]) -> None:
        """Update an event that this article's mentions `new` (with their ids) joined: its tally (rasd.store.tally)
        takes them in, and its fields are set from the tally — the fields a rebuild from all its mentions gives,
        without reading them. An event without a tally (of one mention so far, or stored before there were
        tallies) is rebuilt from its mention rows, which writes its tally."""
        # an event of one mention has no tally (unless rebuilt): not asked for, its one row is read instead
        one = event.mention_count == 1 and "tally" in sa_inspect(event).unloaded
        tally = None if one else EventTally.loads(event.tally)
        if tally is None:
            self._refresh_event(s, event)
            return
        for mention, source_id in new:
            tally.add(mention, source_id)
        self._apply_tally(s, event, tally)

    def _refresh_event(self, s: Session, event: EventRow) -> None:
        """Recompute the canonical fields from all member mentions (deterministic: ordered by mention id), and the
        event's tally. For an event split by hand, or one without a tally; `_join_mentions` otherwise.

        The mentions are read as plain rows of their columns (`dedup_store.MENTION_FIELDS`), not as ORM objects:
        an object per mention was most of the store's time (issue 16). The session is flushed first, so the
        rows are what the objects would hold."""
        self._apply_tally(s, event, self._tally_of_rows(s, event.id), keys_known=False)

    def _tally_of_rows(self, s: Session, event_id: int) -> EventTally:
        s.flush()
        return EventTally.of([(r, r.source_id) for r in s.execute(_MENTIONS_OF_EVENT, {"event_id": event_id})])

    def _event_tally(self, s: Session, event: EventRow) -> EventTally:
        """The event's tally: stored, or rebuilt from its mention rows."""
        return EventTally.loads(event.tally) or self._tally_of_rows(s, event.id)

    def _apply_tally(self, s: Session, event: EventRow, tally: EventTally, keys_known: bool = True) -> None:
        """Set the event's fields and tally. Its dedup keys follow from a few of the fields: when these are
        unchanged, so are its keys (`keys_known`: they were written from these fields), and they are not
        read back (most joins leave the place and days as they were)."""
        before = _key_fields(event)
        tally.apply(event, lambda i: s.get(EntityRow, i))
        event.updated_at = _now()
        event.tally = tally.dumps()
        if not keys_known or _key_fields(event) != before:
            dedup_store.write_keys(s, event)

    # ---- reading -------------------------------------------------------------------------------------

    def get_event(self, event_id: int) -> EventDetail | None:
        with self._sessions() as s:
            event = s.get(EventRow, event_id)
            if event is None:
                return None
            rows = s.execute(select(EventMentionRow, ArticleRow).join(
                ArticleRow, ArticleRow.id == EventMentionRow.article_id).where(
                EventMentionRow.event_id == event_id).order_by(EventMentionRow.id)).all()
            mentions = [_mention_out(m, a) for m, a in rows]
            return EventDetail(**EventSummary.model_validate(event).model_dump(), mentions=mentions)

    def list_events(self, filters: EventFilters | None = None, limit: int = 50,
                    offset: int = 0) -> tuple[list[EventSummary], int]:
        """Canonical events matching `filters`, newest first (then by id), and the total count matching."""
        conditions = _event_conditions(filters or EventFilters())
        with self._sessions() as s:
            total = s.scalar(select(func.count()).select_from(EventRow).where(*conditions)) or 0
            rows = s.scalars(select(EventRow).where(*conditions).order_by(
                EventRow.date_lo.desc().nulls_last(), EventRow.id.desc()).limit(limit).offset(offset)).all()
            return [EventSummary.model_validate(r) for r in rows], total

    def iter_events(self, filters: EventFilters | None = None, batch: int = 1000) -> Iterator[EventSummary]:
        """Every matching event in id order (for exports), read in batches."""
        conditions = _event_conditions(filters or EventFilters())
        last = 0
        while True:
            with self._sessions() as s:
                rows = s.scalars(select(EventRow).where(EventRow.id > last, *conditions)
                                 .order_by(EventRow.id).limit(batch)).all()
            if not rows:
                return
            yield from (EventSummary.model_validate(r) for r in rows)
            last = rows[-1].id

    def list_entities(self, query: str | None = None, type: str | None = None, limit: int = 50,
                      offset: int = 0) -> tuple[list[EntitySummary], int]:
        """Registry rows, most mentioned first; `query` matches the id, English name or any alias (normalised)."""
        conditions = _entity_conditions(query, type)
        counts = (select(EntityMentionRow.entity_id, func.count().label("n"))
                  .group_by(EntityMentionRow.entity_id).subquery())
        with self._sessions() as s:
            total = s.scalar(select(func.count()).select_from(EntityRow).where(*conditions)) or 0
            rows = s.execute(select(EntityRow, func.coalesce(counts.c.n, 0)).outerjoin(
                counts, counts.c.entity_id == EntityRow.id).where(*conditions).order_by(
                func.coalesce(counts.c.n, 0).desc(), EntityRow.id).limit(limit).offset(offset)).all()
            return [_entity_summary(e, n) for e, n in rows], total

    def get_entity(self, entity_id: str) -> EntityDetail | None:
        with self._sessions() as s:
            row = s.get(EntityRow, entity_id)
            if row is None:
                return None
            aliases = s.scalars(select(EntityAliasRow.alias).where(EntityAliasRow.entity_id == entity_id)
                                .order_by(EntityAliasRow.id)).all()
            mentions = s.scalar(select(func.count()).where(EntityMentionRow.entity_id == entity_id)) or 0
            articles = s.scalar(select(func.count(func.distinct(EntityMentionRow.article_id))).where(
                EntityMentionRow.entity_id == entity_id)) or 0
            events = s.scalars(select(EventRow).where(or_(
                EventRow.actor1_id == entity_id, EventRow.actor2_id == entity_id, EventRow.place_id == entity_id))
                .order_by(EventRow.date_lo.desc().nulls_last(), EventRow.id.desc()).limit(200)).all()
            return EntityDetail(**_entity_summary(row, mentions).model_dump(), aliases=list(aliases),
                                article_count=articles, events=[EventSummary.model_validate(e) for e in events])

    def stats(self) -> Stats:
        with self._sessions() as s:
            by_type = dict(s.execute(select(EventRow.type, func.count()).group_by(EventRow.type)).all())
            return Stats(
                articles=s.scalar(select(func.count()).select_from(ArticleRow)) or 0,
                event_mentions=s.scalar(select(func.count()).select_from(EventMentionRow)) or 0,
                events=s.scalar(select(func.count()).select_from(EventRow)) or 0,
                merged_events=s.scalar(select(func.count()).select_from(EventRow)
                                       .where(EventRow.mention_count > 1)) or 0,
                entities=s.scalar(select(func.count()).select_from(EntityRow)) or 0,
                outlets=s.scalar(select(func.count(func.distinct(ArticleRow.outlet)))) or 0,
                first_date=s.scalar(select(func.min(EventRow.date_lo))),
                last_date=s.scalar(select(func.max(EventRow.date_hi))),
                events_by_type=dict(sorted(by_type.items())))

    def article_count(self) -> int:
        with self._sessions() as s:
            return s.scalar(select(func.count()).select_from(ArticleRow)) or 0

    # ---- added for the API (rasd.api): the extracted Event of each mention, with its character spans ----

    def mention_events(self, event_id: int) -> dict[int, Event]:
        """Each mention's full extracted Event (trigger, actor and place spans), keyed by mention id."""
        with self._sessions() as s:
            rows = s.execute(select(EventMentionRow.id, EventMentionRow.event).where(
                EventMentionRow.event_id == event_id).order_by(EventMentionRow.id)).all()
            return {mention_id: Event.model_validate(event) for mention_id, event in rows}


_INSERT_ARTICLE = insert(ArticleRow.__table__).returning(ArticleRow.id)
# the lookups of every write, built once with an expanding parameter (built per call, each coerced every key
# into a literal and computed its cache key again: see dedup_store._EVENTS_FILED_UNDER, issue 16)
_STORED_KEYS = select(ArticleRow.article_key).where(ArticleRow.article_key.in_(bindparam("keys", expanding=True)))
_ENTITIES_BY_ID = select(EntityRow).where(EntityRow.id.in_(bindparam("ids", expanding=True)))
_ALIASES_OF = select(EntityAliasRow.entity_id, EntityAliasRow.alias).where(
    EntityAliasRow.entity_id.in_(bindparam("ids", expanding=True)))
_MENTION_COLUMNS = [c.key for c in EventMentionRow.__table__.columns if c.key != "id"]
# an article's mentions in one statement (SQLite and PostgreSQL insert many rows at once), returning each one's
# index in the article (unique in it) and id. (Not `sort_by_parameter_order`: SQLAlchemy then inserts SQLite rows
# one statement each, having no other way to pair the ids with the rows.)
_INSERT_MENTIONS = insert(EventMentionRow.__table__).returning(EventMentionRow.index_in_article, EventMentionRow.id)
# an event's mentions with their articles' ids, in mention order (built once: see dedup_store._EVENTS_FILED_UNDER)
_MENTIONS_OF_EVENT = select(*dedup_store.MENTION_FIELDS, ArticleRow.source_id).join(
    ArticleRow, ArticleRow.id == EventMentionRow.article_id).where(
    EventMentionRow.event_id == bindparam("event_id")).order_by(EventMentionRow.id)


def _key_fields(event: EventRow) -> tuple:
    """The fields an event's dedup keys are computed from (dedup_store.event_keys)."""
    return (event.type, event.date_lo, event.date_hi, event.lat, event.lon, event.place_id, event.place_text,
            event.country, event.feature)


class _NewArticle(SimpleNamespace):
    """A stored article's columns (`ArticleRow`'s) as plain attributes, with its id: what its mentions read."""


class _NewMention(SimpleNamespace):
    """An event mention before its INSERT: the columns of `EventMentionRow` as plain attributes (it is written
    with one executemany, never through the ORM: an ORM object tracked every one of its ~35 attributes)."""


def _mention_values(m: _NewMention) -> dict[str, Any]:
    return {name: getattr(m, name) for name in _MENTION_COLUMNS}


def _actor_name_en(actor) -> str | None:
    """A generic actor's registry name is its analysts' name ("Military Forces of Syria"), as in exports."""
    return actor.acled_name if (actor.actor_id or "").startswith("acled:") else actor.name_en


def _days_before(day: dt.date, days: int) -> dt.date:
    return day - dt.timedelta(days=days) if day - dt.date.min > dt.timedelta(days=days) else dt.date.min


def _spellings(column, value: str):
    """The stored values of `column` equal to `value` but for case: a case-insensitive filter that can
    still use the column's index (the distinct values are few and read from the index)."""
    return select(column).where(func.lower(column) == value.strip().lower()).distinct()


def _event_conditions(f: EventFilters) -> list:
    conditions = []
    if f.date_from:
        # an interval is at most a year long (dedup.date_interval), so the start bound is sargable on date_lo
        conditions.append(EventRow.date_hi >= f.date_from)
        conditions.append(EventRow.date_lo >= _days_before(f.date_from, MAX_INTERVAL_DAYS))
    if f.date_to:
        conditions.append(EventRow.date_lo <= f.date_to)
    if f.country:
        conditions.append(EventRow.country == f.country.upper())
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        conditions.append(and_(EventRow.lon >= min_lon, EventRow.lon <= max_lon,
                               EventRow.lat >= min_lat, EventRow.lat <= max_lat))
    if f.plover_type:
        conditions.append(EventRow.type == f.plover_type.upper())
    if f.acled_type:
        conditions.append(EventRow.acled_type.in_(_spellings(EventRow.acled_type, f.acled_type)))
    if f.actor_id:
        # the actor's ids by id, canonical or English name, or any alias; then indexed lookups on the events
        name = f.actor_id.strip()
        ids = select(EntityRow.id).where(or_(EntityRow.id == name, EntityRow.name == name,
                                              func.lower(EntityRow.name_en) == name.lower())).union(
            select(EntityAliasRow.entity_id).where(EntityAliasRow.alias == name))
        conditions.append(or_(EventRow.actor1_id.in_(ids), EventRow.actor2_id.in_(ids)))
    if f.place_id:
        conditions.append(EventRow.place_id == f.place_id)
    if f.outlet:
        # articles of the outlet (Arabic or English name) -> their mentions -> their events, each step indexed
        name = f.outlet.strip()
        spelled = select(ArticleRow.outlet).where(or_(ArticleRow.outlet == name, func.lower(ArticleRow.outlet) == name.lower(),
                                                      func.lower(ArticleRow.outlet_en) == name.lower())).distinct()
        articles = select(ArticleRow.id).where(ArticleRow.outlet.in_(spelled))
        conditions.append(EventRow.id.in_(select(EventMentionRow.event_id)
                                          .where(EventMentionRow.article_id.in_(articles))))
    if f.acled_subtype:
        conditions.append(EventRow.acled_subtype.in_(_spellings(EventRow.acled_subtype, f.acled_subtype)))
    if f.admin1:
        conditions.append(EventRow.admin1.in_(_spellings(EntityRow.admin1, f.admin1)))   # events copy it from places
    if f.year is not None:
        first = dt.date(f.year, 1, 1)
        conditions.append(and_(EventRow.date_hi >= first, EventRow.date_lo <= dt.date(f.year, 12, 31),
                               EventRow.date_lo >= _days_before(first, MAX_INTERVAL_DAYS)))
    if f.fatalities_min is not None:
        conditions.append(func.coalesce(EventRow.fatalities, 0) >= f.fatalities_min)
    if f.fatalities_max is not None:
        conditions.append(func.coalesce(EventRow.fatalities, 0) <= f.fatalities_max)
    if f.undated is not None:
        conditions.append(EventRow.date_lo.is_(None) if f.undated else EventRow.date_lo.is_not(None))
    return conditions


def _entity_conditions(query: str | None, type: str | None) -> list[Any]:
    """The registry filter of list_entities (also used by rasd.store.aggregate.entity_page)."""
    conditions: list[Any] = []
    if type:
        conditions.append(EntityRow.type == type.upper())
    if query:
        q = query.strip()
        # autoescape: a % or _ in the query is a character, not a LIKE wildcard
        alias_hit = exists().where(EntityAliasRow.entity_id == EntityRow.id,
                                   EntityAliasRow.alias.contains(q, autoescape=True))
        conditions.append(or_(EntityRow.id == q, EntityRow.name.contains(q, autoescape=True),
                              func.lower(EntityRow.name_en).contains(q.lower(), autoescape=True), alias_hit,
                              EntityRow.id.contains(canonical.normalised_name(q) or q, autoescape=True)))
    return conditions


def _entity_summary(row: EntityRow, mentions: int) -> EntitySummary:
    return EntitySummary(id=row.id, type=row.type, name=row.name, name_en=row.name_en, kb_id=row.kb_id,
                         country=row.country, sector=row.sector, lat=row.lat, lon=row.lon, mention_count=mentions)


def _mention_out(m: EventMentionRow, a: ArticleRow) -> MentionOut:
    return MentionOut(
        id=m.id, article_id=a.source_id, article_db_id=a.id, url=a.url, outlet=m.outlet, published=a.published,
        title=a.title, trigger=m.trigger, evidence=m.evidence, evidence_start=m.evidence_start,
        evidence_end=m.evidence_end, place_text=m.place_text, lat=m.lat, lon=m.lon, date=m.date,
        date_precision=m.date_precision, actor1_name=m.actor1_name, actor2_name=m.actor2_name,
        fatalities=m.fatalities, injuries=m.injuries, modality=m.modality, confidence=m.confidence,
        merge_reason=m.merge_reason)


_REJECTIONS_SHOWN = 3


def _rejections(key: MentionKey, candidates: list[tuple[int, MentionKey]]) -> str:
    """Why the same-type, same-days events were not joined (up to three), for `rasd events show`."""
    notes = []
    for event_id, other in candidates[:_REJECTIONS_SHOWN]:
        _ok, reasons = compatible(key, other)
        notes.append(f"not event {event_id}: {reasons[-1]}")
    return ("; " + "; ".join(notes)) if notes else ": no earlier event of this type on these dates"


_NO_ENTITY_FIELDS: dict[str, Any] = {c.key: None for c in EntityRow.__table__.columns}   # what no sighting told


class _RegistryBatch:
    """One article's registrations: created or completed with a few set-based queries, not one per mention."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[str, Any]] = {}
        self.aliases: dict[tuple[str, str], None] = {}
        self.mentions: list[tuple[str, str, int | None, int | None, str]] = []

    def add(self, entity_id: str, role: str | None, alias: str, start: int | None, end: int | None,
            **fields: Any) -> None:
        known = self.fields.setdefault(entity_id, {})
        for name, value in fields.items():
            if known.get(name) is None:
                known[name] = value
        alias = alias.strip()[:500]
        if alias:
            self.aliases[(entity_id, alias)] = None
        if role is not None:
            self.mentions.append((entity_id, role, start, end, alias))

    def write(self, s: Session, article_id: int) -> None:
        ids = list(self.fields)
        existing: dict[str, EntityRow] = {}
        known_aliases: set[tuple[str, str]] = set()
        for part in range(0, len(ids), 500):
            chunk = ids[part:part + 500]
            existing.update((e.id, e) for e in s.scalars(_ENTITIES_BY_ID, {"ids": chunk}))
            known_aliases.update((a, b) for a, b in s.execute(_ALIASES_OF, {"ids": chunk}))
        new: list[dict[str, Any]] = []
        for entity_id, fields in self.fields.items():
            row = existing.get(entity_id)
            if row is None:   # first sighting creates the row
                new.append({**_NO_ENTITY_FIELDS, **fields, "id": entity_id})
            else:             # later sightings fill what was unknown
                for name, value in fields.items():
                    if value is not None and getattr(row, name) is None:
                        setattr(row, name, value)
        s.flush()
        # new rows in one executemany, not an ORM object each (most are never read again; one that is, an
        # event's place or actor, is loaded by its key when asked)
        if new:
            s.connection().execute(insert(EntityRow.__table__), new)
        # one executemany per table (the ORM inserted row by row, ~90 statements per article, issue 16); the rows
        # are never read back in this transaction, and their ids follow the same order as before
        aliases = [{"entity_id": e, "alias": a} for e, a in self.aliases if (e, a) not in known_aliases]
        if aliases:
            s.connection().execute(insert(EntityAliasRow.__table__), aliases)
        if self.mentions:
            s.connection().execute(insert(EntityMentionRow.__table__), [
                {"article_id": article_id, "entity_id": e, "role": role, "start": start, "end": end, "text": text}
                for e, role, start, end, text in self.mentions])
