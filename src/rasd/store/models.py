"""SQLAlchemy 2 tables of the store. The schema itself is created by the Alembic migrations
(`rasd/store/migrations`); a test checks that these models and the migrations agree.

Four layers:
- `articles`: one row per stored article, keyed by `article_key` (content hash of the text + URL), with the
  whole extracted record as JSON so nothing the pipeline produced is lost;
- `entities` (+ `entity_aliases`, `entity_mentions`): the cross-article registry of people, organisations,
  places and actors, by canonical id (knowledge-base / gazetteer id when known, else normalised name + type);
- `event_mentions`: one row per event as extracted from one article;
- `events`: canonical events, each the cluster of mentions that report the same happening (see dedup.py).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_key: Mapped[str] = mapped_column(String(200), unique=True)   # sha256(text) + "|" + url
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    source_id: Mapped[str] = mapped_column(String(500))                   # the input's own id
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    outlet: Mapped[str | None] = mapped_column(String(300), index=True)
    outlet_en: Mapped[str | None] = mapped_column(String(300))
    author: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class EntityRow(Base):
    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(500), primary_key=True)       # canonical id, see canonical.py
    type: Mapped[str] = mapped_column(String(20), index=True)            # PERSON ORG GPE LOC FAC PLACE ACTOR
    name: Mapped[str] = mapped_column(Text)                              # canonical Arabic name
    name_en: Mapped[str | None] = mapped_column(Text)
    kb_id: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(10))
    sector: Mapped[str | None] = mapped_column(String(50))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    admin1: Mapped[str | None] = mapped_column(String(300))
    feature: Mapped[str | None] = mapped_column(String(50))


class EntityAliasRow(Base):
    __tablename__ = "entity_aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias", name="uq_entity_alias"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    alias: Mapped[str] = mapped_column(String(500))


class EntityMentionRow(Base):
    __tablename__ = "entity_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))                        # entity | place | actor
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    """A canonical event: the fields are recomputed from its mentions (their tally) every time one joins."""
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_type_dates", "type", "date_lo", "date_hi"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str | None] = mapped_column(String(50))
    acled_type: Mapped[str | None] = mapped_column(String(100), index=True)
    acled_subtype: Mapped[str | None] = mapped_column(String(100))
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(10))
    date_lo: Mapped[dt.date | None] = mapped_column(Date)
    date_hi: Mapped[dt.date | None] = mapped_column(Date)
    place_id: Mapped[str | None] = mapped_column(String(500))
    place_text: Mapped[str | None] = mapped_column(Text)
    place_name_en: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(10), index=True)
    admin1: Mapped[str | None] = mapped_column(String(300))
    feature: Mapped[str | None] = mapped_column(String(50))
    actor1_id: Mapped[str | None] = mapped_column(String(500), index=True)
    actor1_name: Mapped[str | None] = mapped_column(Text)
    actor1_name_en: Mapped[str | None] = mapped_column(Text)
    actor2_id: Mapped[str | None] = mapped_column(String(500), index=True)
    actor2_name: Mapped[str | None] = mapped_column(Text)
    actor2_name_en: Mapped[str | None] = mapped_column(Text)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    fatalities_rule: Mapped[str | None] = mapped_column(Text)
    injuries: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str | None] = mapped_column(Text)                   # evidence sentence of the lead mention
    mention_count: Mapped[int] = mapped_column(Integer, default=1)
    source_count: Mapped[int] = mapped_column(Integer, default=1)        # distinct outlets (or articles if none)
    outlets: Mapped[list[str]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # what the fields above are computed from, so a joining mention updates them without reading the others
    # (rasd.store.tally, JSON text; none for an event of one mention). Deferred: only the store's writes read it.
    tally: Mapped[str | None] = mapped_column(Text, deferred=True)


class EventMentionRow(Base):
    """One event as extracted from one article, and why it joined its canonical event."""
    __tablename__ = "event_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    index_in_article: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str | None] = mapped_column(String(50))
    acled_type: Mapped[str | None] = mapped_column(String(100))
    acled_subtype: Mapped[str | None] = mapped_column(String(100))
    trigger: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    actor1_id: Mapped[str | None] = mapped_column(String(500))
    actor1_name: Mapped[str | None] = mapped_column(Text)
    actor2_id: Mapped[str | None] = mapped_column(String(500))
    actor2_name: Mapped[str | None] = mapped_column(Text)
    place_id: Mapped[str | None] = mapped_column(String(500))
    place_text: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(10))
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(10))
    date_lo: Mapped[dt.date | None] = mapped_column(Date)
    date_hi: Mapped[dt.date | None] = mapped_column(Date)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    injuries: Mapped[int | None] = mapped_column(Integer)
    casualties_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    modality: Mapped[str] = mapped_column(String(20))
    outlet: Mapped[str | None] = mapped_column(String(300))
    confidence: Mapped[float] = mapped_column(Float)
    merge_reason: Mapped[str] = mapped_column(Text)
    event: Mapped[dict[str, Any]] = mapped_column(JSON)                  # the full extracted Event


class EventKeyRow(Base):
    """Lookup keys of a canonical event, `TYPE|time bucket|geo cell` (see dedup_store.py): a new mention finds its
    candidate events by a few exact index lookups, so the cost stays flat as the store grows."""
    __tablename__ = "event_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    key: Mapped[str] = mapped_column(String(300), index=True)


class EventMergeRow(Base):
    """One canonical event joined into another (a re-merge), with the mentions it brought and why; undoable."""
    __tablename__ = "event_merges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    into_event_id: Mapped[int] = mapped_column(Integer, index=True)
    from_event_id: Mapped[int] = mapped_column(Integer)
    mention_ids: Mapped[list[int]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class EventApartRow(Base):
    """Two canonical events a person split apart: re-merging must not join them again."""
    __tablename__ = "event_apart"
    __table_args__ = (UniqueConstraint("event_a", "event_b", name="uq_event_apart"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_a: Mapped[int] = mapped_column(Integer, index=True)
    event_b: Mapped[int] = mapped_column(Integer, index=True)


# The API's read indexes (migration 0003): covering indexes, so that the page's lists, group-bys, map and
# facets read a narrow index and not the wide rows.
Index("ix_events_date_lo_id", EventRow.date_lo, EventRow.id, EventRow.date_hi)
Index("ix_events_agg", EventRow.type, EventRow.date_lo, EventRow.date_precision, EventRow.country, EventRow.admin1,
      EventRow.fatalities, EventRow.acled_type, EventRow.acled_subtype, EventRow.lat, EventRow.lon)
Index("ix_events_places", EventRow.country, EventRow.admin1, EventRow.fatalities, EventRow.lat)
Index("ix_events_acled", EventRow.acled_type, EventRow.acled_subtype)
Index("ix_events_acled_fatalities", EventRow.acled_type, EventRow.fatalities, EventRow.date_lo)
Index("ix_events_acled_subtype", EventRow.acled_subtype)
Index("ix_events_admin1", EventRow.admin1)
Index("ix_events_country_date", EventRow.country, EventRow.date_lo, EventRow.id)
Index("ix_events_country_type_date", EventRow.country, EventRow.type, EventRow.date_lo, EventRow.id)
Index("ix_events_points", EventRow.lat, EventRow.lon, EventRow.type, EventRow.fatalities)
Index("ix_articles_outlet_names", ArticleRow.outlet, ArticleRow.outlet_en)
Index("ix_event_mentions_article_event", EventMentionRow.article_id, EventMentionRow.event_id)
