"""Cross-article deduplication against the database: candidate lookup by indexed keys, re-merge and undo.

Candidate lookup. Every canonical event is filed under a few keys `TYPE|BUCKET|GEO` in `event_keys`:
- BUCKET: the days of its date interval (`d2024-03-01`) when it is at most a week long, else its months
  (`m2024-03`) when at most ~two months, else its years (`y2024`);
- GEO: its 1° cell (`g:35:36`, ~100 km) when geocoded, its place id (`p:...`), its country (`c:SY`), and
  — for country/admin-1/region-level events only — `k:SY`.
A mention looks up the buckets of its own days widened by the date slack (days, their months and years), and
the 3×3 cells around its point, its place id and `k:` of its country (a coarse mention: `c:` of its country).
These are exact lookups on one index, so the work per mention depends on how many events share its type, days
and neighbourhood — not on the size of the store (bench/dedup.py measures it at 10k and 100k events).

Re-merge. A mention is compared with every candidate; it joins the best one. Other candidates it was also
compatible with are then compared with the updated event: one that is now compatible (the new mention told what
was missing, e.g. a geocoded place for a name, a day for a month) is joined into it. Each such merge is logged
in `event_merges` with its reason and the mentions it moved, and can be undone (`undo_merge`); any mentions can
be split off by hand (`unmerge_mentions`). Events split apart are recorded in `event_apart` and not re-joined.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from typing import TYPE_CHECKING, Iterable

from sqlalchemy import bindparam, delete, insert, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from rasd.store import canonical
from rasd.store.db import lock_for_writing
from rasd.store.dedup import (COARSE_LEVEL, DATE_SLACK_DAYS, VIOLENT_TYPES, ActorKey, MentionKey, compatible,
                              joins_nothing, named_id, one_spot, undated)
from rasd.store.models import EntityRow, EventApartRow, EventKeyRow, EventMentionRow, EventMergeRow, EventRow

if TYPE_CHECKING:   # pragma: no cover
    from rasd.store.repository import Repository

DAY_BUCKET_MAX_DAYS = 7
MONTH_BUCKET_MAX_DAYS = 62


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


# ---- keys -------------------------------------------------------------------------------------------------

def _days(lo: dt.date, hi: dt.date) -> Iterable[dt.date]:
    for i in range((hi - lo).days + 1):
        yield lo + dt.timedelta(days=i)


def _months(lo: dt.date, hi: dt.date) -> list[str]:
    out, y, m = [], lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        out.append(f"m{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _own_buckets(lo: dt.date, hi: dt.date) -> list[str]:
    span = (hi - lo).days
    if span < DAY_BUCKET_MAX_DAYS:
        return [f"d{d.isoformat()}" for d in _days(lo, hi)]
    if span <= MONTH_BUCKET_MAX_DAYS:
        return _months(lo, hi)
    return [f"y{y:04d}" for y in range(lo.year, hi.year + 1)]


def _query_buckets(lo: dt.date, hi: dt.date) -> list[str]:
    lo, hi = lo - dt.timedelta(days=DATE_SLACK_DAYS), hi + dt.timedelta(days=DATE_SLACK_DAYS)
    out = [f"y{y:04d}" for y in range(lo.year, hi.year + 1)] + _months(lo, hi)
    if (hi - lo).days <= MONTH_BUCKET_MAX_DAYS:
        out += [f"d{d.isoformat()}" for d in _days(lo, hi)]
    return out


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat), math.floor(lon)


_PLACE_KEY_MAX = 120     # event_keys.key is 300 characters: a longer place id (a name the text gave) is hashed


def _place_part(place_id: str) -> str:
    if len(place_id) <= _PLACE_KEY_MAX:
        return f"p:{place_id}"
    return "p#" + hashlib.sha1(place_id.encode("utf-8", "surrogatepass")).hexdigest()


def _point_parts(key: MentionKey, around: bool) -> list[str]:
    """A settlement-or-finer place's cell (with the 8 around it when `around`) and place id: the keys of the
    undated lookups (`UNDATED_BUCKET`, `ALL_DAYS_BUCKET`). Areas and placeless events have none."""
    if key.level is None or key.level <= COARSE_LEVEL:
        return []
    parts = []
    if key.lat is not None and key.lon is not None:
        cy, cx = _cell(key.lat, key.lon)
        steps = (-1, 0, 1) if around else (0,)
        parts += [f"g:{cy + dy}:{cx + dx}" for dy in steps for dx in steps]
    if key.place_id:
        parts.append(_place_part(key.place_id))
    return parts


# A report with no date at all (no text date, no publication date; dedup.undated) may still join the one event
# it fits: an undated event is filed under UNDATED_BUCKET, which dated mentions look up too, and every dated event
# also under ALL_DAYS_BUCKET, which only undated mentions look up (two more keys per event).
UNDATED_BUCKET = "undated"
ALL_DAYS_BUCKET = "alldays"
UNDATED_MAX_CANDIDATES = 200   # an undated mention fitting more events than this is ambiguous anyway


def _who_parts(key: MentionKey, counterpart: bool = False) -> list[str]:
    """The named actor1 of a statement, a meeting … (dedup.placeless_corroborated): what a report without a
    place is looked up by (`NOPLACE_PART`); with `counterpart`, its named actor2 too (the lookups: a meeting
    told from the other side names the other's actor1 as its actor2, `dedup.named_doer_in_common`)."""
    if key.type in VIOLENT_TYPES:
        return []
    parts = []
    for actor in (key.actor1, key.actor2) if counterpart else (key.actor1,):
        ident = named_id(actor)
        if ident:
            parts.append("a:" + ident if len(ident) <= _PLACE_KEY_MAX
                         else "a#" + hashlib.sha1(ident.encode("utf-8", "surrogatepass")).hexdigest())
    return parts


# A statement, a meeting … reported without a place may still join the one event of its named actor on its days
# (dedup.placeless_corroborated): such an event is also filed under its named actor1 on its days, which only
# placeless mentions look up, and a placeless event under NOPLACE_PART, which placed mentions look up too.
NOPLACE_PART = "noplace"


def event_keys(key: MentionKey) -> list[str]:
    """The keys a canonical event is filed under."""
    if undated(key):
        return [f"{key.type}|{UNDATED_BUCKET}|{g}" for g in _point_parts(key, around=False) + _who_parts(key)]
    geo = []
    if key.lat is not None and key.lon is not None:
        geo.append("g:%d:%d" % _cell(key.lat, key.lon))
    if key.place_id:
        geo.append(_place_part(key.place_id))
    if key.country:
        geo.append(f"c:{key.country}")
        if key.level is not None and key.level <= COARSE_LEVEL:
            geo.append(f"k:{key.country}")
    if key.type not in VIOLENT_TYPES:
        geo += _who_parts(key) + ([NOPLACE_PART] if key.level is None else [])
    return [f"{key.type}|{b}|{g}" for b in _own_buckets(key.date_lo, key.date_hi) for g in geo] + \
        [f"{key.type}|{ALL_DAYS_BUCKET}|{g}" for g in _point_parts(key, around=False) + _who_parts(key)]


def query_keys(key: MentionKey) -> list[str]:
    """The keys under which the events a mention may join are filed."""
    points = _point_parts(key, around=True)
    who = _who_parts(key, counterpart=True)   # a meeting or statement by a named actor, whenever (undated_corroborated)
    undated_keys = [f"{key.type}|{UNDATED_BUCKET}|{g}" for g in points + who]
    if undated(key):
        return [f"{key.type}|{ALL_DAYS_BUCKET}|{g}" for g in points + who] + undated_keys
    geo = []
    coarse = key.level is not None and key.level <= COARSE_LEVEL
    if key.lat is not None and key.lon is not None:
        cy, cx = _cell(key.lat, key.lon)
        geo += [f"g:{cy + dy}:{cx + dx}" for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    if key.place_id:
        geo.append(_place_part(key.place_id))
    if key.country:
        geo.append(f"c:{key.country}" if coarse else f"k:{key.country}")
    if key.type not in VIOLENT_TYPES:
        geo += who if key.level is None else [NOPLACE_PART]
    return [f"{key.type}|{b}|{g}" for b in _query_buckets(key.date_lo, key.date_hi) for g in geo] + undated_keys


def write_keys(s: Session, event: EventRow, new: bool = False) -> None:
    """File `event` under its keys (replacing its old ones; a `new` event, just inserted, has none).

    An event that one more mention joined mostly keeps its keys (the same type, days and place): then they
    are left as they are, not deleted and inserted again (only the rows' ids would have changed, and nothing
    reads those)."""
    keys = list(dict.fromkeys(event_keys(event_key(s, event))))
    if not new:
        old = s.scalars(select(EventKeyRow.key).where(EventKeyRow.event_id == event.id)
                        .order_by(EventKeyRow.id)).all()
        if list(old) == keys:
            return
        s.execute(delete(EventKeyRow).where(EventKeyRow.event_id == event.id))
    if keys:   # one executemany (the ORM inserted them one statement per key)
        s.connection().execute(insert(EventKeyRow.__table__), [{"event_id": event.id, "key": k} for k in keys])


# Built once with an expanding parameter: built per call, a statement coerced each of its ~50 keys into a
# literal and computed its cache key again, more than SQLite took to answer it (issue 16).
_EVENTS_FILED_UNDER = select(EventKeyRow.event_id).where(EventKeyRow.key.in_(bindparam("keys", expanding=True)))
# ... but those no mention can join (`dedup.joinable_events`: a statement without any actor): such events pile up
# under the same keys (each report of one is an event of its own), and each was compared with every mention
_JOINABLE_EVENTS_FILED_UNDER = select(EventKeyRow.event_id).join(EventRow, EventRow.id == EventKeyRow.event_id).where(
    EventKeyRow.key.in_(bindparam("keys", expanding=True)),
    or_(EventRow.type.in_(sorted(VIOLENT_TYPES)), EventRow.actor1_id.is_not(None), EventRow.actor2_id.is_not(None),
        EventRow.actor1_name.is_not(None), EventRow.actor2_name.is_not(None)))
_FIRST_EVENTS_FILED_UNDER = select(EventKeyRow.event_id).where(
    EventKeyRow.key.in_(bindparam("keys", expanding=True)),
    EventKeyRow.event_id.not_in(bindparam("exclude", expanding=True))).distinct().order_by(
    EventKeyRow.event_id).limit(bindparam("first"))
_EVENTS_BY_ID = select(EventRow).where(EventRow.id.in_(bindparam("ids", expanding=True))).order_by(EventRow.id)


def candidates(s: Session, key: MentionKey, exclude: Iterable[int] = (),
               known: dict[int, MentionKey] | None = None) -> list[tuple[int, MentionKey]]:
    """The canonical events a mention may join: those filed under the keys it looks up (`query_keys`) but for
    the events no mention can join (see _JOINABLE_EVENTS_FILED_UNDER), by id, with their keys.

    One indexed lookup finds their ids; the events this write session holds already (`Repository` keeps the
    rows it loads for the transaction) are taken from it, the others read in one statement. `known`, when
    given, keeps each event's key for the caller: valid while the events and the registry do not change (the
    mentions of one article are looked up before any event they join is updated)."""
    keys = query_keys(key)
    if not keys or joins_nothing(key):
        return []
    ids: set[int] = set()
    for part in range(0, len(keys), 500):
        ids.update(s.scalars(_JOINABLE_EVENTS_FILED_UNDER, {"keys": keys[part:part + 500]}))
    ids.difference_update(exclude)
    if len(ids) > UNDATED_MAX_CANDIDATES and undated(key):
        return []       # an undated report fitting that many events fits none of them for sure
    return _with_keys(s, ids, known)


def first_candidates(s: Session, key: MentionKey, exclude: Iterable[int], first: int,
                     known: dict[int, MentionKey] | None = None) -> list[tuple[int, MentionKey]]:
    """The `first` events by id filed under the keys a mention looks up, joinable or not: the ones a mention
    that starts an event says it was not (`Repository._rejections`)."""
    keys = query_keys(key)
    if not keys:
        return []
    ids: set[int] = set()
    if len(keys) <= 500:
        ids.update(s.scalars(_FIRST_EVENTS_FILED_UNDER, {"keys": keys, "exclude": sorted(set(exclude)),
                                                         "first": first}))
    else:
        for part in range(0, len(keys), 500):
            ids.update(s.scalars(_EVENTS_FILED_UNDER, {"keys": keys[part:part + 500]}))
        ids = set(sorted(ids.difference(exclude))[:first])
    return _with_keys(s, ids, known)


def _with_keys(s: Session, ids: set[int], known: dict[int, MentionKey] | None) -> list[tuple[int, MentionKey]]:
    if not ids:
        return []
    held = {i: s.identity_map.get(identity_key(EventRow, i)) for i in ids}
    missing = sorted(i for i, row in held.items() if row is None)
    if missing:
        held.update((row.id, row) for row in s.scalars(_EVENTS_BY_ID, {"ids": missing}))
    known = {} if known is None else known
    out = []
    for event_id in sorted(held):
        if event_id not in known:
            known[event_id] = event_key(s, held[event_id])
        out.append((event_id, known[event_id]))
    return out


# The columns of `event_mentions` that clustering and an event's refresh read (all but the stored Event JSON and
# the merge log): read as rows of these columns, a mention costs a tuple, not an ORM object with its state and
# events (an event reported 100 times was refreshed from 100 objects for each new mention, issue 16). A row has
# the same attribute names as `EventMentionRow`, so `mention_key` and `EventTally.add` take either.
MENTION_FIELDS = tuple(c for c in EventMentionRow.__table__.columns if c.key not in ("event", "merge_reason"))


def article_events(s: Session, article_id: int) -> set[int]:
    """Canonical events that already hold a mention of this article."""
    s.flush()
    return set(s.scalars(select(EventMentionRow.event_id).where(EventMentionRow.article_id == article_id)))


# the articles both events hold mentions of (usually none), and one such article's mentions in the two
_SHARED_ARTICLES = select(EventMentionRow.article_id).where(EventMentionRow.event_id == bindparam("a")).intersect(
    select(EventMentionRow.article_id).where(EventMentionRow.event_id == bindparam("b"))).order_by("article_id")
_MENTIONS_OF_ARTICLE_IN = select(*MENTION_FIELDS).where(
    EventMentionRow.article_id == bindparam("article"),
    EventMentionRow.event_id.in_((bindparam("a"), bindparam("b")))).order_by(EventMentionRow.id)


def kept_apart_by_article(s: Session, a: int, b: int) -> bool:
    """Events a and b hold mentions of one article that are two events by the extractor's word: not all of that
    article's mentions in a are at one spot with its mentions in b (`one_spot`)."""
    # (the mentions' keys are compared, never the stored Event JSON: not decoded for each re-merge, issue 16;
    # read as plain rows, not ORM objects: see MENTION_FIELDS; and an article at a time, stopping at the first
    # that keeps them apart: all of both events' mentions were read for each re-merge, and two events that
    # every copy of a story reports apart were compared again for each copy, quadratic in their mentions)
    s.flush()
    for article_id in s.scalars(_SHARED_ARTICLES, {"a": a, "b": b}).all():
        in_a, in_b = [], []
        for m in s.execute(_MENTIONS_OF_ARTICLE_IN, {"article": article_id, "a": a, "b": b}):
            (in_a if m.event_id == a else in_b).append(m)
        if not all(one_spot(mention_key(s, x), mention_key(s, y))[0] for x in in_a for y in in_b):
            return True
    return False


# ---- keys of mentions and events ----------------------------------------------------------------------------

def _actor_key(s: Session, actor_id: str | None, name: str | None) -> ActorKey:
    row = s.get(EntityRow, actor_id) if actor_id else None
    return ActorKey(id=actor_id, name=canonical.normalised_name(name), sector=row.sector if row else None,
                    country=row.country if row else None, kb=row.kb_id if row else None)


def event_actor_key(actor, actor_id: str | None) -> ActorKey:
    """An extracted Actor as dedup sees it: the words' own KB id, sector and country."""
    if actor is None or not actor_id:
        return ActorKey(None, None)
    return ActorKey(id=actor_id, name=canonical.normalised_name(actor.text), sector=actor.sector,
                    country=actor.country, kb=actor.kb_id)


def _place_fields(s: Session, place_id: str | None) -> tuple[str | None, str | None]:
    row = s.get(EntityRow, place_id) if place_id else None
    return (row.feature, row.admin1) if row else (None, None)


def mention_key(s: Session, m: EventMentionRow, feature: str | None = None, admin1: str | None = None,
                actor1: ActorKey | None = None, actor2: ActorKey | None = None) -> MentionKey:
    if feature is None and admin1 is None:
        feature, admin1 = _place_fields(s, m.place_id)
    return MentionKey(type=m.type, date_lo=m.date_lo, date_hi=m.date_hi, lat=m.lat, lon=m.lon,
                      place=canonical.normalised_name(m.place_text), country=m.country,
                      actor1=actor1 or _actor_key(s, m.actor1_id, m.actor1_name),
                      actor2=actor2 or _actor_key(s, m.actor2_id, m.actor2_name), place_id=m.place_id,
                      feature=feature, admin1=admin1, fatalities=m.fatalities, mode=m.mode)


def event_key(s: Session, e: EventRow) -> MentionKey:
    return MentionKey(type=e.type, date_lo=e.date_lo, date_hi=e.date_hi, lat=e.lat, lon=e.lon,
                      place=canonical.normalised_name(e.place_text), country=e.country,
                      actor1=_actor_key(s, e.actor1_id, e.actor1_name),
                      actor2=_actor_key(s, e.actor2_id, e.actor2_name), place_id=e.place_id,
                      feature=e.feature, admin1=e.admin1, fatalities=e.fatalities, mode=e.mode)


def background_events(record) -> list:
    """The events an article tells as background («آخر تفجير ... في يناير 2018»: `non_events` with modality
    historical): each may join a stored canonical event of another article as one more mention, never start one
    (a record for «في يناير 2018» would duplicate the real event at month precision whenever the store lacks it),
    and its toll is not counted in the event's reconciled toll."""
    from rasd.document import Event
    fields = set(Event.model_fields)
    out = []
    for item in record.non_events:
        if isinstance(item, dict) and item.get("modality") == "historical" and item.get("type") and item.get("date"):
            try:
                out.append(Event.model_validate({k: v for k, v in item.items() if k in fields}))
            except ValueError:
                continue        # an older record's non-event without the event's fields: nothing to link
    return out


# ---- re-merge and undo ---------------------------------------------------------------------------------------

def _apart(s: Session, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    found = s.scalar(select(EventApartRow.id).where(EventApartRow.event_a == lo, EventApartRow.event_b == hi))
    return found is not None


def remerge(s: Session, event: EventRow, linked: Iterable[int], tally_of, apply) -> dict[int, int]:
    """Join with `event` every event in `linked` (others the same mention was compatible with) that is now
    compatible with it; the older event (lower id) survives. `tally_of(session, event)` is an event's tally
    (rasd.store.tally), `apply(session, event, tally)` sets its fields from one: the survivor's fields come from
    the two tallies taken together, without reading the mentions. Returns {joined event id: surviving id}."""
    moved: dict[int, int] = {}
    for other_id in sorted(set(linked) - {event.id}):
        other = s.get(EventRow, other_id)
        if other is None:
            continue
        key, other_key = event_key(s, event), event_key(s, other)
        if undated(key) or undated(other_key) or key.level is None or other_key.level is None:
            continue     # an event that tells no time or place joins only as the one event it fits (dedup.best_match)
        # compared first: most linked events are not compatible any more, and this reads no table
        ok, reasons = compatible(key, other_key)
        if not ok or _apart(s, event.id, other_id) or kept_apart_by_article(s, event.id, other_id):
            continue
        into, gone = (event, other) if event.id < other.id else (other, event)
        tally = tally_of(s, into)
        tally.merge(tally_of(s, gone))      # both read before the mentions move
        mention_ids = list(s.scalars(select(EventMentionRow.id).where(EventMentionRow.event_id == gone.id)
                                     .order_by(EventMentionRow.id)))
        why = f"re-merge: event {gone.id} joined event {into.id}, linked by a later mention: " + "; ".join(reasons)
        s.add(EventMergeRow(into_event_id=into.id, from_event_id=gone.id, mention_ids=mention_ids, reason=why,
                            created_at=_now(), undone_at=None))
        for m in s.scalars(select(EventMentionRow).where(EventMentionRow.id.in_(mention_ids))):
            m.event_id = into.id
            m.merge_reason = f"{m.merge_reason} | {why}"
        s.flush()
        s.execute(delete(EventKeyRow).where(EventKeyRow.event_id == gone.id))
        s.delete(gone)
        s.flush()
        moved.update({k: into.id for k, v in moved.items() if v == gone.id})
        moved[gone.id] = into.id
        apply(s, into, tally)
        event = into
    return moved


def unmerge_mentions(repo: "Repository", mention_ids: list[int], reason: str = "split off by hand") -> int:
    """Move the given mentions (all of one canonical event) into a new canonical event; the two are then kept
    apart. Returns the new event's id."""
    with repo._write_sessions() as s, s.begin():
        lock_for_writing(s.connection())   # serialised with ingests (see store/db.py)
        rows = s.scalars(select(EventMentionRow).where(EventMentionRow.id.in_(mention_ids))).all()
        if len(rows) != len(set(mention_ids)):
            raise ValueError(f"no mention(s) {sorted(set(mention_ids) - {m.id for m in rows})}")
        sources = {m.event_id for m in rows}
        if len(sources) != 1:
            raise ValueError("the mentions belong to different events")
        source = s.get(EventRow, sources.pop())
        if source.mention_count <= len(rows):
            raise ValueError(f"event {source.id} has no other mentions: nothing to split")
        new = EventRow(type=rows[0].type, outlets=[], updated_at=_now())
        s.add(new)
        s.flush()
        for m in rows:
            m.event_id = new.id
            m.merge_reason = f"{m.merge_reason} | unmerged from event {source.id} into event {new.id}: {reason}"
        s.flush()
        s.add(EventApartRow(event_a=min(source.id, new.id), event_b=max(source.id, new.id)))
        repo._refresh_event(s, source)
        repo._refresh_event(s, new)
        return new.id


def undo_merge(repo: "Repository", merge_id: int) -> int:
    """Undo one logged re-merge: its mentions go back into a canonical event of their own (kept apart)."""
    with repo._sessions() as s:
        merge = s.get(EventMergeRow, merge_id)
        if merge is None or merge.undone_at is not None:
            raise ValueError(f"no merge {merge_id} to undo")
        mention_ids = list(merge.mention_ids)
    new_id = unmerge_mentions(repo, mention_ids, reason=f"undo of merge {merge_id}")
    with repo._write_sessions() as s, s.begin():
        lock_for_writing(s.connection())
        s.execute(update(EventMergeRow).where(EventMergeRow.id == merge_id).values(undone_at=_now()))
    return new_id


def list_merges(repo: "Repository", event_id: int | None = None) -> list[dict]:
    """Logged re-merges (newest first), optionally those into or from one event."""
    with repo._sessions() as s:
        q = select(EventMergeRow).order_by(EventMergeRow.id.desc())
        if event_id is not None:
            q = q.where(or_(EventMergeRow.into_event_id == event_id, EventMergeRow.from_event_id == event_id))
        return [{"id": r.id, "into_event_id": r.into_event_id, "from_event_id": r.from_event_id,
                 "mention_ids": list(r.mention_ids), "reason": r.reason, "created_at": r.created_at,
                 "undone_at": r.undone_at} for r in s.scalars(q)]
