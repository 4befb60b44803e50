"""Aggregated reads of canonical events for the map page (added for the API; read-only).

The page must stay fast with 100k events in the store, so it never loads every event: it asks for
counts grouped by what it draws (type, day, country, admin-1, map grid cell) under the same filters as
`Repository.list_events`, and for single events only where few are in view.

    aggregates(repo, filters)          totals, per type / ACLED type / country / admin-1, per day and type
    map_cells(repo, filters, cell)     events per grid cell of `cell` degrees: count, dominant type, centre
    map_points(repo, filters, limit)   compact placed events (id, lat, lon, type, fatalities, date)
    facets(repo)                       what the filters can offer: types, countries, admin-1, outlets, actors
    page_events(repo, filters, ...)    like Repository.list_events, but sorts ids only, then reads the page
    version(repo)                      changes whenever an event or mention is added or merged (for caches)
    entity_ranking(repo)               every entity id, most mentioned first, with its count (cached by the API)
    entity_page(repo, ranking, ...)    like Repository.list_entities, without counting mentions per request

The indexes these reads need are part of the schema (models.py, migration 0003_read_indexes).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from functools import lru_cache, partial
from typing import Any, Callable

from pydantic import TypeAdapter
from sqlalchemy import Integer, cast, exists, func, or_, select

from rasd.store.models import ArticleRow, EntityMentionRow, EntityRow, EventMentionRow, EventRow
from rasd.store.repository import Repository, _entity_conditions, _entity_summary, _event_conditions, _spellings
from rasd.store.schemas import EntitySummary, EventFilters, EventSummary

DAY_PRECISIONS = ("day", "week")   # dates precise enough to stand on a day axis

def version(repo: Repository) -> tuple[int, int]:
    """(largest event id, largest mention id): every new article adds mentions, every merge too."""
    with repo._sessions() as s:
        return (s.scalar(select(func.max(EventRow.id))) or 0,
                s.scalar(select(func.max(EventMentionRow.id))) or 0)


def entity_version(repo: Repository) -> tuple[int, int]:
    """(largest entity mention id, number of entities): changes whenever the registry's counts can."""
    with repo._sessions() as s:
        return (s.scalar(select(func.max(EntityMentionRow.id))) or 0,
                s.scalar(select(func.count()).select_from(EntityRow)) or 0)


def entity_ranking(repo: Repository) -> tuple[list[str], dict[str, int]]:
    """Every entity id ordered as /entities lists them (most mentioned first, then by id), and the counts."""
    with repo._sessions() as s:
        counts = {i: n for i, n in s.execute(select(EntityMentionRow.entity_id, func.count())
                                               .group_by(EntityMentionRow.entity_id))}
        ids = s.scalars(select(EntityRow.id)).all()
    return sorted(ids, key=lambda i: (-counts.get(i, 0), i)), counts


def entity_page(repo: Repository, ranking: tuple[list[str], dict[str, int]], query: str | None, type: str | None,
                limit: int, offset: int) -> tuple[list[EntitySummary], int]:
    """Repository.list_entities' answer from a ranking made once (entity_ranking) instead of counting every
    entity's mentions for each request: only the matching ids and the page's rows are read."""
    ranked, counts = ranking
    conditions = _entity_conditions(query, type)
    with repo._sessions() as s:
        if conditions:
            matching = set(s.scalars(select(EntityRow.id).where(*conditions)))
            ordered = [i for i in ranked if i in matching]
            total = len(matching)
        else:
            ordered, total = ranked, len(ranked)
        page = ordered[offset:offset + limit]
        rows = {r.id: r for r in s.scalars(select(EntityRow).where(EntityRow.id.in_(page)))} if page else {}
    return [_entity_summary(rows[i], counts.get(i, 0)) for i in page if i in rows], total


WALK_LIMIT = 20_000   # events a date-ordered walk may read to fill a page of one outlet's events
Memo = Callable[[Any, Callable[[], Any]], Any]


def _no_memo(_key: Any, compute: Callable[[], Any]) -> Any:
    return compute()


def event_conditions(repo: Repository, f: EventFilters, memo: Memo = _no_memo, walk: bool = False) -> list[Any]:
    """Repository's event filter (same matches), with the case-insensitive ACLED spellings looked up once
    through `memo` (the API keeps them per store version) instead of in a subquery that reads every event's
    ACLED type; with `walk`, the outlet as a test per event (EXISTS), which is fast when events are read in
    date order and the outlet's events are not rare (page_events decides)."""
    update: dict[str, Any] = {"acled_type": None, "acled_subtype": None}
    if walk:
        update["outlet"] = None
    conditions = _event_conditions(f.model_copy(update=update))
    for column, value in ((EventRow.acled_type, f.acled_type), (EventRow.acled_subtype, f.acled_subtype)):
        if value:
            spelled = memo(("spellings", column.key, value), partial(_stored, repo, _spellings(column, value)))
            conditions.append(column.in_(spelled))
    if walk and f.outlet:
        name = f.outlet.strip()   # as Repository's outlet filter: Arabic or English name, any case
        spelled_outlets = select(ArticleRow.outlet).where(or_(
            ArticleRow.outlet == name, func.lower(ArticleRow.outlet) == name.lower(),
            func.lower(ArticleRow.outlet_en) == name.lower())).distinct()
        outlets = memo(("outlet spellings", name), lambda: _stored(repo, spelled_outlets))
        conditions.append(exists().where(EventMentionRow.event_id == EventRow.id,
                                         ArticleRow.id == EventMentionRow.article_id, ArticleRow.outlet.in_(outlets)))
    return conditions


def _stored(repo: Repository, query: Any) -> tuple[Any, ...]:
    with repo._sessions() as s:
        return tuple(s.scalars(query))


def page_events(repo: Repository, filters: EventFilters | None, limit: int, offset: int,
                total: int | None = None, memo: Memo = _no_memo, all_events: int | None = None
                ) -> tuple[list[EventSummary], int]:
    """Repository.list_events' answer (newest first, then by id), sorting only (date, id) pairs and then
    reading the `limit` rows of the page, so a deep offset costs an index walk, not a sort of whole rows.
    `total`, when the caller knows it (count_events, cached), is not counted again; with it and `all_events`
    (the store's number of events), an outlet's page is read by walking events in date order when that
    reads at most WALK_LIMIT events."""
    filters = filters or EventFilters()
    walk = bool(filters.outlet and total and all_events
                and (offset + limit) * all_events / total <= WALK_LIMIT)
    where = event_conditions(repo, filters, memo, walk)
    with repo._sessions() as s:
        if total is None:
            total = s.scalar(select(func.count()).select_from(EventRow).where(*where)) or 0
        ids = s.scalars(select(EventRow.id).where(*where).order_by(
            EventRow.date_lo.desc().nulls_last(), EventRow.id.desc()).limit(limit).offset(offset)).all()
        # plain rows (no ORM objects), validated in one call: half the time of loading and validating models
        rows = {r["id"]: r for r in s.execute(select(*_summary_columns()).where(EventRow.id.in_(ids))).mappings()
                } if ids else {}
        return _SUMMARIES.validate_python([rows[i] for i in ids if i in rows]), total


_SUMMARIES = TypeAdapter(list[EventSummary])


@lru_cache(maxsize=1)
def _summary_columns() -> tuple[Any, ...]:
    """The events columns an EventSummary is made of."""
    return tuple(EventRow.__table__.c[name] for name in EventSummary.model_fields if name in EventRow.__table__.c)


def count_events(repo: Repository, filters: EventFilters | None, memo: Memo = _no_memo) -> int:
    """How many events match `filters` (the `total` of /events)."""
    where = event_conditions(repo, filters or EventFilters(), memo)
    with repo._sessions() as s:
        return s.scalar(select(func.count()).select_from(EventRow).where(*where)) or 0


def _iso(day: Any) -> str | None:
    if day is None:
        return None
    return day.isoformat() if isinstance(day, (dt.date, dt.datetime)) else str(day)[:10]


def aggregates(repo: Repository, filters: EventFilters | None = None) -> dict[str, Any]:
    """Counts for the legend, the charts, the timeline and the undated bin, all under `filters`."""
    where = _event_conditions(filters or EventFilters())
    n = func.count()
    fat: Any = func.coalesce(func.sum(EventRow.fatalities), 0)   # never NULL
    with repo._sessions() as s:
        by_type = {t: c for t, c in s.execute(select(EventRow.type, n).where(*where).group_by(EventRow.type))}
        total = sum(by_type.values())
        by_acled = [(a, b, c) for a, b, c in s.execute(
            select(EventRow.acled_type, EventRow.acled_subtype, n).where(*where)
            .group_by(EventRow.acled_type, EventRow.acled_subtype))]
        places = s.execute(select(EventRow.country, EventRow.admin1, n, fat, func.count(EventRow.lat))
                           .where(*where).group_by(EventRow.country, EventRow.admin1)).all()
        days = s.execute(select(EventRow.date_lo, EventRow.date_precision, EventRow.type, n, fat)
                         .where(*where).group_by(EventRow.date_lo, EventRow.date_precision, EventRow.type)).all()
    by_country: Counter[str] = Counter()
    fat_country: Counter[str] = Counter()
    admin1 = []
    placed = fatalities = 0
    for country, adm, count, dead, with_point in places:
        by_country[country or ""] += count
        fat_country[country or ""] += dead
        placed += with_point
        fatalities += dead
        if adm:
            admin1.append({"country": country, "admin1": adm, "n": count, "fatalities": dead})
    per_day: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    undated = imprecise = 0
    for day, precision, type_, count, dead in days:
        if day is None:
            undated += count
        elif precision not in DAY_PRECISIONS and precision is not None:
            imprecise += count
        else:
            cell = per_day[(_iso(day) or "", type_)]
            cell[0] += count
            cell[1] += dead
    return {
        "total": total, "placed": placed, "unplaced": total - placed, "undated": undated, "imprecise": imprecise,
        "fatalities": fatalities,
        "by_type": dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
        "by_acled": [{"acled_type": a, "acled_subtype": b, "n": c} for a, b, c in sorted(
            by_acled, key=lambda r: -r[2]) if a],
        "by_country": [{"country": c or None, "n": k, "fatalities": fat_country[c]}
                       for c, k in by_country.most_common()],
        "by_admin1": sorted(admin1, key=lambda r: -r["n"]),
        "by_day": [{"day": d, "type": t, "n": c, "fatalities": f} for (d, t), (c, f) in sorted(per_day.items())],
    }


def map_cells(repo: Repository, filters: EventFilters | None, cell: float) -> list[dict[str, Any]]:
    """Placed events grouped by a grid of `cell` degrees: count, fatalities, mean point, count per type."""
    where = _event_conditions(filters or EventFilters()) + [EventRow.lat.is_not(None), EventRow.lon.is_not(None)]
    gy: Any
    gx: Any
    if repo.engine.dialect.name == "sqlite":   # lat+90, lon+180 are never negative: truncation is floor
        gy, gx = cast((EventRow.lat + 90) / cell, Integer), cast((EventRow.lon + 180) / cell, Integer)
    else:
        gy, gx = func.floor((EventRow.lat + 90) / cell), func.floor((EventRow.lon + 180) / cell)
    query = (select(gy.label("gy"), gx.label("gx"), EventRow.type, func.count(), func.sum(EventRow.lat),
                    func.sum(EventRow.lon), func.coalesce(func.sum(EventRow.fatalities), 0))
             .where(*where).group_by(gy, gx, EventRow.type))
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    with repo._sessions() as s:
        for y, x, type_, count, slat, slon, dead in s.execute(query):
            c = cells.setdefault((int(y), int(x)), {"n": 0, "lat": 0.0, "lon": 0.0, "fatalities": 0, "types": {}})
            c["n"] += count
            c["lat"] += slat
            c["lon"] += slon
            c["fatalities"] += dead
            c["types"][type_] = c["types"].get(type_, 0) + count
    out = []
    for (y, x), c in cells.items():
        types = dict(sorted(c["types"].items(), key=lambda kv: (-kv[1], kv[0])))
        out.append({"lat": round(c["lat"] / c["n"], 5), "lon": round(c["lon"] / c["n"], 5), "n": c["n"],
                    "fatalities": int(c["fatalities"]), "type": next(iter(types)), "types": types,
                    "bounds": [y * cell - 90, x * cell - 180, (y + 1) * cell - 90, (x + 1) * cell - 180]})
    return sorted(out, key=lambda c: -c["n"])


def map_points(repo: Repository, filters: EventFilters | None, limit: int) -> tuple[list[list[Any]], int]:
    """Placed events as [id, lat, lon, type, fatalities, date], newest first, and how many are placed."""
    where = _event_conditions(filters or EventFilters()) + [EventRow.lat.is_not(None), EventRow.lon.is_not(None)]
    with repo._sessions() as s:
        placed = s.scalar(select(func.count()).select_from(EventRow).where(*where)) or 0
        rows = s.execute(select(EventRow.id, EventRow.lat, EventRow.lon, EventRow.type, EventRow.fatalities,
                                EventRow.date).where(*where)
                         .order_by(EventRow.date_lo.desc().nulls_last(), EventRow.id.desc()).limit(limit)).all()
    return [list(r) for r in rows], placed


def facets(repo: Repository, actors: int = 2000) -> dict[str, Any]:
    """Every value a filter can take in this store, with counts (the `actors` most frequent actors)."""
    n = func.count()
    with repo._sessions() as s:
        types = dict(s.execute(select(EventRow.type, n).group_by(EventRow.type)).all())
        acled = s.execute(select(EventRow.acled_type, EventRow.acled_subtype, n).where(
            EventRow.acled_type.is_not(None)).group_by(EventRow.acled_type, EventRow.acled_subtype)).all()
        countries = s.execute(select(EventRow.country, n).where(EventRow.country.is_not(None))
                              .group_by(EventRow.country)).all()
        admin1 = s.execute(select(EventRow.country, EventRow.admin1, n).where(EventRow.admin1.is_not(None))
                           .group_by(EventRow.country, EventRow.admin1)).all()
        outlets = s.execute(select(ArticleRow.outlet, func.max(ArticleRow.outlet_en), n)
                            .where(ArticleRow.outlet.is_not(None)).group_by(ArticleRow.outlet)).all()
        first = s.scalar(select(func.min(EventRow.date_lo)))
        last = s.scalar(select(func.max(EventRow.date_lo)))
        # counts per actor id from the two id indexes; names from the registry for the most frequent only
        counts: Counter[str] = Counter()
        for column in (EventRow.actor1_id, EventRow.actor2_id):
            counts.update({i: c for i, c in s.execute(select(column, n).where(column.is_not(None)).group_by(column))
                           if i is not None})
        top = [actor_id for actor_id, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:actors]]
        names: dict[str, tuple[str, str | None]] = {}
        for part in range(0, len(top), 500):
            names.update((i, (a, b)) for i, a, b in s.execute(select(EntityRow.id, EntityRow.name, EntityRow.name_en)
                                                              .where(EntityRow.id.in_(top[part:part + 500]))))
    return {
        "types": dict(sorted(types.items(), key=lambda kv: -kv[1])),
        "acled": [{"acled_type": a, "acled_subtype": b, "n": c} for a, b, c in sorted(acled, key=lambda r: (r[0], r[1] or ""))],
        "countries": [{"country": c, "n": k} for c, k in sorted(countries, key=lambda r: -r[1])],
        "admin1": [{"country": c, "admin1": a, "n": k} for c, a, k in sorted(admin1, key=lambda r: -r[2])],
        "outlets": [{"outlet": o, "outlet_en": en, "n": k} for o, en, k in sorted(outlets, key=lambda r: -r[2])],
        "actors": [{"id": i, "name": names.get(i, (i, None))[0], "name_en": names.get(i, (i, None))[1], "n": counts[i]}
                   for i in top],
        "first_date": _iso(first), "last_date": _iso(last),
    }
