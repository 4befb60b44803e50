"""An event's tally of its mentions: what its canonical fields are computed from, kept on the event.

A canonical event's fields (`Repository._set_fields`: the lead mention's type, mode and wording, the finest date,
the finest place, the best identified actors, the reconciled tolls, the outlets) are each a choice among its
mentions (the smallest by a sort key ending in the mention id), a union (outlets, sources) or a per-outlet
maximum (tolls). So they need not all the mentions but, for each choice, the mention chosen so far with its sort
key — and a choice over the old mentions plus new ones is the choice between the old pick and the new ones.
`EventTally` holds exactly that; `add` takes one more mention, `merge` another event's tally (a re-merge), and
`apply` sets the event's fields — the same fields a rebuild from every mention gives, in the same order of
preference (the store's tables stay identical, bench/ingest_store.py `--dump`).

Why: an event reported 100 times was rebuilt from its 100 mention rows each time one more joined — quadratic in
its mentions, a third of the store's time on the short set (issue 16). The tally is a few hundred bytes,
stored as JSON text in `events.tally` (migration 0004). An event of one mention has none (its fields are its
mention's); an event without one — one mention so far, a store made before 0004, or an event split by hand — is
rebuilt once from its mention rows, which writes its tally.

The finest place depends on each place's feature in the registry, which a later article may fill in (a row is
completed, never changed): the tally keeps the first mention of each (place id, geocoded or not) and asks the
registry for the features when it applies, as the rebuild does.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable

from rasd.store.dedup import count_toll, place_level, reconcile_tally

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}

# the lead mention supplies wording, type and mode (and place and date when no mention gives finer ones)
_LEAD_FIELDS = ("type", "mode", "acled_type", "acled_subtype", "evidence", "place_id", "place_text", "lat", "lon",
                "country", "date", "date_precision", "date_lo", "date_hi")
_DATE_FIELDS = ("date", "date_precision", "date_lo", "date_hi")
_PLACE_FIELDS = ("place_text", "lat", "lon", "country")
VERSION = 1


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def _values(m: Any, names: tuple[str, ...]) -> list:
    return [_iso(getattr(m, n)) if n in ("date_lo", "date_hi") else getattr(m, n) for n in names]


def _smaller(pick: list | None, candidate: list, width: int) -> list:
    """The pick with the smaller sort key (its first `width` items; the last of them is the mention id)."""
    return candidate if pick is None or candidate[:width] < pick[:width] else pick


class EventTally:
    """See the module docstring. Picks are lists: sort key items first (ending in the mention id), then fields."""

    def __init__(self) -> None:
        self.count = 0
        self.lead: list | None = None                  # [no point, precision rank, -confidence, id, *_LEAD_FIELDS]
        self.acled_type: list | None = None            # [id, value] of the first mention with one
        self.acled_subtype: list | None = None
        self.date: list | None = None                  # [days long, id, *_DATE_FIELDS] of the finest dated one
        self.places: dict[tuple[str | None, bool], list] = {}   # (place id, geocoded) -> [id, *_PLACE_FIELDS]
        self.actors: dict[str, list | None] = {"actor1": None, "actor2": None}   # [named only, id, actor id, name]
        self.tolls: dict[str, tuple[dict[str, int], dict[str, int]]] = {
            "fatalities": ({}, {}), "injuries": ({}, {})}   # per source: exact and vague figures (dedup)
        self.sources: set[str] = set()
        self.outlets: set[str] = set()

    # ---- building ---------------------------------------------------------------------------------------

    @classmethod
    def of(cls, rows: list[tuple[Any, str]]) -> "EventTally":
        """The tally of (mention, its article's source id) pairs: mention rows or `EventMentionRow` objects."""
        tally = cls()
        for mention, source_id in rows:
            tally.add(mention, source_id)
        return tally

    def add(self, m: Any, source_id: str) -> None:
        """One more mention (`m.id` its id: larger than any mention already in the tally, except in `of`)."""
        self.count += 1
        self.lead = _smaller(self.lead, [m.lat is None, PRECISION_RANK.get(m.date_precision, 4), -m.confidence,
                                         m.id, *_values(m, _LEAD_FIELDS)], 4)
        if m.acled_type:
            self.acled_type = _smaller(self.acled_type, [m.id, m.acled_type], 1)
        if m.acled_subtype:
            self.acled_subtype = _smaller(self.acled_subtype, [m.id, m.acled_subtype], 1)
        if m.date_lo is not None:
            self.date = _smaller(self.date, [(m.date_hi - m.date_lo).days, m.id, *_values(m, _DATE_FIELDS)], 2)
        if m.place_text:
            group = (m.place_id, m.lat is not None)
            self.places[group] = _smaller(self.places.get(group), [m.id, *_values(m, _PLACE_FIELDS)], 1)
        for slot in ("actor1", "actor2"):
            actor_id = getattr(m, f"{slot}_id")
            if actor_id:
                self.actors[slot] = _smaller(self.actors[slot], [actor_id.startswith("actor:"), m.id, actor_id,
                                                                 getattr(m, f"{slot}_name")], 2)
        source = m.outlet or f"article {source_id}"
        if m.fatalities is not None and m.modality != "historical":
            count_toll(*self.tolls["fatalities"], source, m.fatalities, m.casualties_approximate)
        if m.injuries is not None:
            count_toll(*self.tolls["injuries"], source, m.injuries, m.casualties_approximate)
        self.sources.add(source)
        if m.outlet:
            self.outlets.add(m.outlet)

    def merge(self, other: "EventTally") -> None:
        """Take in another event's mentions (a re-merge): each choice is the better of the two picks."""
        self.count += other.count
        if other.lead is not None:
            self.lead = _smaller(self.lead, other.lead, 4)
        for name, width in (("acled_type", 1), ("acled_subtype", 1), ("date", 2)):
            if getattr(other, name) is not None:
                setattr(self, name, _smaller(getattr(self, name), getattr(other, name), width))
        for group, pick in other.places.items():
            self.places[group] = _smaller(self.places.get(group), pick, 1)
        for slot, actor in other.actors.items():
            if actor is not None:
                self.actors[slot] = _smaller(self.actors[slot], actor, 2)
        for name, (exact, vague) in other.tolls.items():
            for mine, theirs in zip(self.tolls[name], (exact, vague)):
                for source, value in theirs.items():
                    mine[source] = max(value, mine.get(source, value))
        self.sources |= other.sources
        self.outlets |= other.outlets

    # ---- the event's fields -------------------------------------------------------------------------------

    def apply(self, event: Any, entity: Callable[[str], Any]) -> None:
        """Set the canonical fields of `event` (an EventRow); `entity(id)` is the registry row or None."""
        assert self.lead is not None, "an event has at least one mention"
        lead = dict(zip(_LEAD_FIELDS, self.lead[4:]))
        event.type, event.mode = lead["type"], lead["mode"]
        event.acled_type = lead["acled_type"] or (self.acled_type[1] if self.acled_type else None)
        event.acled_subtype = lead["acled_subtype"] or (self.acled_subtype[1] if self.acled_subtype else None)
        finest = dict(zip(_DATE_FIELDS, self.date[2:])) if self.date else lead
        event.date, event.date_precision = finest["date"], finest["date_precision"]
        event.date_lo, event.date_hi = _day(finest["date_lo"]), _day(finest["date_hi"])
        place_id, placed = self._finest_place(entity) or (lead["place_id"], lead)
        event.place_id, event.place_text = place_id, placed["place_text"]
        event.lat, event.lon, event.country = placed["lat"], placed["lon"], placed["country"]
        place_row = entity(place_id) if place_id else None
        event.place_name_en = place_row.name_en if place_row else None
        event.admin1 = place_row.admin1 if place_row else None
        event.feature = place_row.feature if place_row else None
        for slot, pick in self.actors.items():
            actor_row = entity(pick[2]) if pick else None
            setattr(event, f"{slot}_id", pick[2] if pick else None)
            setattr(event, f"{slot}_name", pick[3] if pick else None)
            setattr(event, f"{slot}_name_en", actor_row.name_en if actor_row else None)
        event.fatalities, event.fatalities_rule = reconcile_tally(*self.tolls["fatalities"])
        event.injuries, _rule = reconcile_tally(*self.tolls["injuries"])
        event.evidence = lead["evidence"]
        event.mention_count = self.count
        event.outlets = sorted(self.outlets)
        event.source_count = len(self.sources)

    def _finest_place(self, entity: Callable[[str], Any]) -> tuple[str | None, dict] | None:
        """The finest place any mention gives (by its registry feature), geocoded first, then the oldest."""
        if not self.places:
            return None

        def rank(item: tuple[tuple[str | None, bool], list]) -> tuple:
            (place_id, geocoded), pick = item
            row = entity(place_id) if place_id else None
            return -place_level(row.feature if row else None, geocoded), not geocoded, pick[0]
        (place_id, _geocoded), pick = min(self.places.items(), key=rank)
        return place_id, dict(zip(_PLACE_FIELDS, pick[1:]))

    # ---- stored form ----------------------------------------------------------------------------------------

    def dumps(self) -> str:
        return json.dumps({
            "v": VERSION, "count": self.count, "lead": self.lead, "acled_type": self.acled_type,
            "acled_subtype": self.acled_subtype, "date": self.date,
            # in a canonical order: the same mentions give the same text, whatever order they came in
            "places": [[place_id, geocoded, *pick] for (place_id, geocoded), pick in
                       sorted(self.places.items(), key=lambda item: (item[0][0] or "", item[0][1]))],
            "actors": self.actors, "tolls": {name: [dict(sorted(part.items())) for part in parts]
                                             for name, parts in self.tolls.items()},
            "sources": sorted(self.sources),
            "outlets": sorted(self.outlets)}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str | None) -> "EventTally | None":
        """The stored tally, or None when there is none (or of another version): then rebuild from the mentions."""
        if not text:
            return None
        data = json.loads(text)
        if data.get("v") != VERSION:
            return None
        tally = cls()
        tally.count, tally.lead = data["count"], data["lead"]
        tally.acled_type, tally.acled_subtype, tally.date = data["acled_type"], data["acled_subtype"], data["date"]
        tally.places = {(item[0], item[1]): item[2:] for item in data["places"]}
        tally.actors = data["actors"]
        tally.tolls = {name: (exact, vague) for name, (exact, vague) in data["tolls"].items()}
        tally.sources, tally.outlets = set(data["sources"]), set(data["outlets"])
        return tally
