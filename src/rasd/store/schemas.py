"""What the Repository returns: plain Pydantic models, ready to be FastAPI response models."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class EventFilters(BaseModel):
    """Filters shared by `list_events`, `rasd export` and (later) the API. All optional, all combined with AND."""
    date_from: dt.date | None = None          # events whose date interval reaches this day or later
    date_to: dt.date | None = None
    country: str | None = None                # ISO 3166-1 alpha-2
    bbox: tuple[float, float, float, float] | None = None   # min_lon, min_lat, max_lon, max_lat
    plover_type: str | None = None
    acled_type: str | None = None
    actor_id: str | None = None               # as actor1 or actor2: its id, Arabic name or English name
    outlet: str | None = None                 # at least one mention from this outlet (Arabic or English name)
    place_id: str | None = None
    acled_subtype: str | None = None          # ACLED sub-event type, e.g. "Armed clash"
    admin1: str | None = None                 # first-level division, as stored (e.g. "Idlib")
    year: int | None = None                   # events whose date interval reaches into this year
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    undated: bool | None = None               # True: only events without a date; False: only dated ones


class EventSummary(_Out):
    id: int
    type: str
    mode: str | None = None
    acled_type: str | None = None
    acled_subtype: str | None = None
    date: str | None = None
    date_precision: str | None = None
    place_id: str | None = None
    place_text: str | None = None
    place_name_en: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    actor1_id: str | None = None
    actor1_name: str | None = None
    actor1_name_en: str | None = None
    actor2_id: str | None = None
    actor2_name: str | None = None
    actor2_name_en: str | None = None
    fatalities: int | None = None
    fatalities_rule: str | None = None
    injuries: int | None = None
    evidence: str | None = None
    mention_count: int = 1
    source_count: int = 1
    outlets: list[str] = Field(default_factory=list)


class MentionOut(_Out):
    """One article's report of the event, with the evidence sentence and why it was merged."""
    id: int
    article_id: str                          # the input's id
    article_db_id: int
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    trigger: str
    evidence: str
    evidence_start: int
    evidence_end: int
    place_text: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    date_precision: str | None = None
    actor1_name: str | None = None
    actor2_name: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    modality: str
    confidence: float
    merge_reason: str


class EventDetail(EventSummary):
    mentions: list[MentionOut] = Field(default_factory=list)


class EntitySummary(_Out):
    id: str
    type: str
    name: str
    name_en: str | None = None
    kb_id: str | None = None
    country: str | None = None
    sector: str | None = None
    lat: float | None = None
    lon: float | None = None
    mention_count: int = 0


class EntityDetail(EntitySummary):
    aliases: list[str] = Field(default_factory=list)
    article_count: int = 0
    events: list[EventSummary] = Field(default_factory=list)   # as actor or place, newest first (at most 200)


class Stats(_Out):
    articles: int
    event_mentions: int
    events: int
    merged_events: int                      # canonical events with more than one mention
    entities: int
    outlets: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    events_by_type: dict[str, int] = Field(default_factory=dict)


class AddResult(_Out):
    status: Literal["added", "duplicate"]
    article_db_id: int | None = None
    event_ids: list[int] = Field(default_factory=list)   # canonical events the article's mentions joined
