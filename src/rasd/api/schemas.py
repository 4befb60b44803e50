"""Request and response models of the HTTP API.

The records and events are the Document model's own classes (`rasd.document.Record`, `Event`) and the store's
(`rasd.store.EventSummary`, `EntityDetail` ...), so the OpenAPI schema at /docs is the pipeline's schema.
The API adds only what a browser needs on top: paged lists, and the evidence highlights of each mention
with offsets relative to the evidence sentence.
"""
from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from rasd.document import Event, Record
from rasd.store import EntitySummary, EventSummary, MentionOut, Stats

T = TypeVar("T")


class ArticleIn(BaseModel):
    """One article in the input format (a line of articles.jsonl). Unknown keys are ignored, as in JSONL."""
    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [{
        "id": "example-1", "published": "2024-03-04", "outlet": "مثال",
        "text": "قتل ثلاثة أشخاص في غارة جوية على مدينة إدلب شمال غربي سوريا يوم الاثنين."}]})
    id: str | int | None = Field(None, description="optional here: without it the article is named by its text")
    text: str
    published: str | None = Field(None, description="YYYY-MM-DD")
    lang: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    title: str | None = None


class StoredArticle(BaseModel):
    """What POST /articles did: `added` (with the canonical events its mentions joined) or `duplicate`."""
    status: Literal["added", "duplicate"]
    article_db_id: int | None = None
    event_ids: list[int] = Field(default_factory=list)
    record: Record


class Page(BaseModel, Generic[T]):
    total: int = Field(description="how many match the filters, whatever the page")
    limit: int
    offset: int
    items: list[T]


class EventPage(Page[EventSummary]):
    pass


class EntityPage(Page[EntitySummary]):
    pass


HighlightKind = Literal["trigger", "actor1", "actor2", "place", "number"]


class Highlight(BaseModel):
    """A part of the evidence sentence to mark: offsets [start, end) into `MentionDetail.evidence`."""
    kind: HighlightKind
    start: int
    end: int
    text: str


class MentionDetail(MentionOut):
    event: Event | None = Field(None, description="the event as extracted from this article, spans in article offsets")
    highlights: list[Highlight] = Field(default_factory=list)


class EventDetailOut(EventSummary):
    mentions: list[MentionDetail] = Field(default_factory=list)


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    database: str
    stats: Stats


class Error(BaseModel):
    """Every 4xx answer: `detail` is one line saying what was wrong."""
    detail: str
    errors: list[dict] | None = None
