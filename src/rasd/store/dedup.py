"""Cross-article event clustering: which event mentions report the same happening.

Two mentions are the same event when ALL of these hold (each test returns its reason, so every merge
can be explained by `rasd events show ID`):

1. same PLOVER type;
2. dates compatible: each date is widened to the interval its precision allows (a day is itself, a week the
   seven days from the given day, a month every day of it, a year every day of it), and the two intervals,
   each widened by ±1 day, overlap. A mention without a date takes its article's publication date at day
   precision, since news reports events of the day or the day before; with neither it is never merged;
3. places compatible: both geocoded and ≤ 25 km apart, or — when one of them lacks coordinates — the same
   normalised place name (and not different countries). Two mentions without any place are never merged:
   "an air strike" on the same day could be anywhere;
4. actors compatible, for actor1 and actor2 separately: one of them missing, or the same knowledge-base id,
   or the same normalised name.

A new mention joins the most similar compatible canonical event (nearest, then oldest id): the result
depends only on the order articles are stored in, which ingest keeps equal to the input order.
Canonical events are not merged with each other afterwards.

Fatalities: every report is kept on its mention. The canonical value is the LOW MEDIAN of the outlets'
reports (each outlet counted once, with the highest figure it gave): robust to one inflated claim and,
with two reports, the lower one — the conservative practice of ACLED. The rule and the reports used are
stored in `events.fatalities_rule`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass

MAX_DISTANCE_KM = 25.0
DATE_SLACK_DAYS = 1
FATALITIES_RULE = "low median of per-outlet reports (each outlet's highest figure)"


@dataclass(frozen=True)
class ActorKey:
    id: str | None
    name: str | None          # normalised name, for matching


@dataclass(frozen=True)
class MentionKey:
    """What clustering looks at in one event mention (or in a canonical event's representative)."""
    type: str
    date_lo: dt.date | None
    date_hi: dt.date | None
    lat: float | None
    lon: float | None
    place: str | None         # normalised place name
    country: str | None
    actor1: ActorKey
    actor2: ActorKey


def date_interval(value: str | None, precision: str | None,
                  fallback: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
    """The days a date can mean: «2024-03» → (2024-03-01, 2024-03-31). Unparseable or absent → the fallback day."""
    parsed = _parse_partial_date(value) if value else None
    if parsed is None:
        return (fallback, fallback) if fallback else (None, None)
    year, month, day = parsed
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None or precision in ("month", "year"):
        if precision == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day_date = dt.date(year, month, day)
    if precision == "week":
        return day_date, day_date + dt.timedelta(days=6)
    return day_date, day_date


def _parse_partial_date(value: str) -> tuple[int, int | None, int | None] | None:
    parts = value.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
        if not numbers or not 1 <= len(numbers) <= 3:
            return None
        year = numbers[0]
        month = numbers[1] if len(numbers) > 1 else None
        day = numbers[2] if len(numbers) > 2 else None
        dt.date(year, month or 1, day or 1)   # validates
        return year, month, day
    except ValueError:
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(min(1.0, a)))


def dates_compatible(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    if a.date_lo is None or b.date_lo is None:
        return False, "no date"
    slack = dt.timedelta(days=DATE_SLACK_DAYS)
    ok = a.date_lo <= b.date_hi + slack and b.date_lo <= a.date_hi + slack
    return ok, f"dates {_fmt_interval(a)} and {_fmt_interval(b)} {'within' if ok else 'beyond'} ±{DATE_SLACK_DAYS} day"


def _fmt_interval(k: MentionKey) -> str:
    return str(k.date_lo) if k.date_lo == k.date_hi else f"{k.date_lo}..{k.date_hi}"


def place_distance(a: MentionKey, b: MentionKey) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def places_compatible(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    distance = place_distance(a, b)
    if distance is not None:
        ok = distance <= MAX_DISTANCE_KM
        return ok, f"places {distance:.1f} km apart ({'≤' if ok else '>'} {MAX_DISTANCE_KM:g} km)"
    if a.country and b.country and a.country != b.country:
        return False, f"places in different countries ({a.country}, {b.country})"
    if a.place and b.place and a.place == b.place:
        return True, f"same place name «{a.place}» (not both geocoded)"
    if not a.place and not b.place:
        return False, "no place in either"
    return False, "places not comparable (not both geocoded, names differ)"


def _actor_compatible(slot: str, a: ActorKey, b: ActorKey) -> tuple[bool, str]:
    if not (a.id or a.name) or not (b.id or b.name):
        return True, f"{slot} missing in one"
    if a.id and b.id and a.id == b.id and not a.id.startswith("actor:"):
        return True, f"{slot} same id {a.id}"
    if a.name and b.name and a.name == b.name:
        return True, f"{slot} same name «{a.name}»"
    return False, f"{slot} differs («{a.name or a.id}» vs «{b.name or b.id}»)"


def compatible(a: MentionKey, b: MentionKey) -> tuple[bool, list[str]]:
    """Whether two mentions are the same event, with the reason for each test (the first failing one last)."""
    if a.type != b.type:
        return False, [f"types differ ({a.type}, {b.type})"]
    reasons = [f"same type {a.type}"]
    for test in (dates_compatible, places_compatible):
        ok, why = test(a, b)
        reasons.append(why)
        if not ok:
            return False, reasons
    for slot, x, y in (("actor1", a.actor1, b.actor1), ("actor2", a.actor2, b.actor2)):
        ok, why = _actor_compatible(slot, x, y)
        reasons.append(why)
        if not ok:
            return False, reasons
    return True, reasons


def best_match(new: MentionKey, candidates: list[tuple[int, MentionKey]]) -> tuple[int | None, list[str]]:
    """The id of the canonical event `new` joins (nearest compatible, then lowest id), and why."""
    matches = []
    for event_id, key in candidates:
        ok, reasons = compatible(new, key)
        if ok:
            distance = place_distance(new, key)
            matches.append((distance if distance is not None else MAX_DISTANCE_KM, event_id, reasons))
    if not matches:
        return None, []
    _distance, event_id, reasons = min(matches, key=lambda m: (m[0], m[1]))
    return event_id, reasons


def reconcile_fatalities(reports: list[tuple[str, int]]) -> tuple[int | None, str]:
    """`reports` = (outlet or article key, fatalities) per mention → canonical value and the rule, spelled out."""
    per_source: dict[str, int] = {}
    for source, value in reports:
        per_source[source] = max(value, per_source.get(source, value))
    if not per_source:
        return None, f"{FATALITIES_RULE}: no reports"
    values = sorted(per_source.values())
    canonical = values[(len(values) - 1) // 2]
    shown = ", ".join(f"{src}={n}" for src, n in sorted(per_source.items()))
    return canonical, f"{FATALITIES_RULE}: {canonical} from [{shown}]"
