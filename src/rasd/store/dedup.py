"""Cross-article event identity: which event mentions report the same happening (pure functions, no database).

Two mentions are the same event when ALL of these hold (each test returns its reason, so every merge can be
explained by `rasd events show ID`):

1. same PLOVER type;
2. dates compatible: each date is widened to the days its precision allows (a day is itself, a week the seven
   days from the given day, a month every day of it, a year every day of it) and the two intervals, each widened
   by ±1 day, overlap. A mention the text does not date (the extractor fell back on the publication date, or
   gave none) takes the publication date as an UPPER bound: the days [published − 2, published]. With neither a
   date nor a publication date the time is unknown: such a report is not refused, but needs a settlement or finer
   place on both sides and one more thing in common (`undated_corroborated`), and joins only the one event it
   fits (`best_match`);
3. places compatible, compared at the finest level both give (`place_level`: country < admin1/region < admin2 <
   city < village/town < neighbourhood/facility):
   - different countries never;
   - two settlements (city, town, village, or a street or square placed on its city's point) are one place only
     within `SAME_PLACE_KM` of each other: a village is not the town 5 km away, nor the governorate centre;
   - a neighbourhood or facility lies inside a city within `CITY_RADIUS_KM` of the city's point; such a match by
     containment (a city on one side, a differently named site inside it on the other) needs the same days, without
     the ±1 day slack, or the same toll (`site_in_city_same_days`): the city holds every site's events;
   - a country-, admin1- or region-level place contains a finer place of the same country and admin-1 (when both
     name one) within `AREA_RADIUS_KM`; two coarse places are one when they name the same admin-1 or lie within
     `AREA_RADIUS_KM`;
   - without coordinates: the same normalised name only;
   - a dated mention without a place: a statement, meeting … joins the one event of its days whose named actor1
     is the same (`placeless_corroborated`, `best_match`); an attack or arrest without a place never merges;
4. attackers compatible: actor1 blocks a merge only when both mentions name an identified armed actor
   (`actor_side`: a state's forces by country, an armed group by its id) and the two differ. Generic agents
   («مسلحون», «انتحاري»), unidentified names and the victims (actor2: «النازحين» vs «الأطفال») never block.

5. a match at area level (a country, governorate or region on either side, rule 3) needs one more thing in
   common: the same actor (identity, class for violent types, or name) or the same toll (`area_corroborated`);
6. events other than attacks and arrests (meetings, statements, accusations, agreements …) are identified by
   who acted: they need the same actor on both sides, or the same counterpart when the doers do not conflict
   (`statement_actors`).

A new mention joins the best compatible canonical event (`rank`: same place first, then the nearest date, the
same attacker, the same toll, the oldest id); a mention naming only an area that contains several compatible
events joins none (`best_match`). Tolls: see `reconcile_fatalities`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

SAME_PLACE_KM = 2.0        # two settlement points this close are one place (gazetteers disagree by a little)
NEAR_PLACE_KM = 40.0       # two settlements this close are one place when both report one large toll (and a time)
CITY_RADIUS_KM = 12.0      # a neighbourhood/facility this close to a city's point is inside the city
AREA_RADIUS_KM = 150.0     # a governorate/region/country-level place contains finer places this close
DATE_SLACK_DAYS = 1
UNDATED_RANK_DAYS = 10_000  # `rank`: an undated event comes after every dated one
CLOSE_TOLL_RATIO = 1.5     # two outlets' tolls of one event: the larger at most this times the smaller …
CLOSE_TOLL_MIN = 10        # … when both are at least this (smaller tolls must be equal)
UNDATED_LOOKBACK_DAYS = 2  # an undated report is about the day it was published or the two days before
MAX_DISTANCE_KM = CITY_RADIUS_KM   # kept for callers of the first version
FATALITIES_RULE = ("most conservative credible figure (the lowest outlet figure, each outlet's latest; with 3+ "
                   "outlets a figure below half their median is not credible; «عشرات» only without a number)")

# what the number reader gives «بضعة», «عشرات», «مئات», «آلاف» … (text/data/vague_quantities.tsv)
VAGUE_READINGS = frozenset({3, 10, 100, 1000, 10000, 100000})

DATA = Path(__file__).with_name("data")


def _read_tsv(name: str) -> list[tuple[str, str]]:
    """Rows of a two-column data file (comment lines start with #, the first other line is the header)."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ValueError(f"{DATA / name}: data line {number}: expected two tab-separated columns: {line!r}")
        rows.append((parts[0].strip(), parts[1].strip()))
    return rows


PLACE_LEVELS = {feature: int(level) for feature, level in _read_tsv("place_levels.tsv")}
COARSE_LEVEL = 2           # this level and below are areas, not points
_ACTOR_CLASSES = dict(_read_tsv("actor_classes.tsv"))
STATE_SECTORS = frozenset(s for s, c in _ACTOR_CLASSES.items() if c == "state")
NONSTATE_SECTORS = frozenset(s for s, c in _ACTOR_CLASSES.items() if c == "nonstate")
ARMED_SECTORS = STATE_SECTORS | NONSTATE_SECTORS


def place_level(feature: str | None, has_point: bool = True) -> int:
    """How fine a place is: 0 country … 5 neighbourhood/facility; an unknown feature with a point is a settlement."""
    if feature and feature.lower() in PLACE_LEVELS:
        return PLACE_LEVELS[feature.lower()]
    return 3 if has_point else 1


@dataclass(frozen=True)
class ActorKey:
    id: str | None            # the store's actor id: the analysts' actor («acled:military_forces_of_syria»), KB id
    name: str | None          # normalised name, for matching
    sector: str | None = None
    country: str | None = None
    kb: str | None = None     # the knowledge-base id of the words the text used («cc:RU», «agent.air_force»)


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
    place_id: str | None = None
    feature: str | None = None
    admin1: str | None = None
    fatalities: int | None = None
    mode: str | None = None   # PLOVER mode («explosives», «aerial» …): only one_spot reads it

    @property
    def level(self) -> int | None:
        if not self.place and self.lat is None:
            return None
        return place_level(self.feature, self.lat is not None)


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


def undated_interval(published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """An undated report: the publication day is the latest the event can be, a couple of days before the earliest."""
    if published is None:
        return None, None
    return published - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), published


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


def undated(k: MentionKey) -> bool:
    """No date at all: the text gives none and the article has no publication date to bound it."""
    return k.date_lo is None or k.date_hi is None


def dates_compatible(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    if undated(a) or undated(b):
        # an article without a publication date (a third of a real stream) tells no time: its reports are not
        # refused for it, but must be corroborated and unambiguous (`undated_corroborated`, `best_match`)
        return True, "no date in one of them (no text date, no publication date): the time is unknown"
    ok = _days_overlap(a, b, dt.timedelta(days=DATE_SLACK_DAYS))
    return ok, f"dates {_fmt_interval(a)} and {_fmt_interval(b)} {'within' if ok else 'beyond'} ±{DATE_SLACK_DAYS} day"


def _fmt_interval(k: MentionKey) -> str:
    return str(k.date_lo) if k.date_lo == k.date_hi else f"{k.date_lo}..{k.date_hi}"


def place_distance(a: MentionKey, b: MentionKey) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def _same_name(a: MentionKey, b: MentionKey) -> bool:
    return bool((a.place_id and a.place_id == b.place_id) or (a.place and a.place == b.place))


def places_compatible(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    if a.country and b.country and a.country != b.country:
        return False, f"places in different countries ({a.country}, {b.country})"
    if a.level is None or b.level is None:
        if (undated(a) or undated(b)) and not named_pair_in_common(a, b):
            return False, "no place in one of them, and no date"
        return True, "no place in " + ("either" if a.level is None and b.level is None else "one of them")
    distance = place_distance(a, b)
    if distance is None:
        if _same_name(a, b):
            return True, f"same place «{a.place}» (not both geocoded)"
        return False, "places not comparable (not both geocoded, names differ)"
    fine, coarse = (a, b) if a.level >= b.level else (b, a)
    where = f"«{fine.place}» and «{coarse.place}» {distance:.1f} km apart"
    if coarse.level <= COARSE_LEVEL:
        if fine.level <= COARSE_LEVEL:       # two areas
            ok = (fine.admin1 and fine.admin1 == coarse.admin1) or distance <= AREA_RADIUS_KM or _same_name(a, b)
            return bool(ok), f"areas {where} ({'one area' if ok else 'different areas'})"
        if fine.admin1 and coarse.admin1 and coarse.level >= 1 and fine.admin1 != coarse.admin1:
            return False, f"{where}: «{fine.place}» is in {fine.admin1}, not {coarse.admin1}"
        ok = coarse.level == 0 or distance <= AREA_RADIUS_KM
        return ok, f"{where}: the {'area contains' if ok else 'area is too far from'} the finer place"
    if distance <= SAME_PLACE_KM or (_same_name(a, b) and distance <= CITY_RADIUS_KM):
        return True, f"same place: {where} (≤ {SAME_PLACE_KM:g} km)"
    if _city_and_site(fine, coarse) and distance <= CITY_RADIUS_KM:
        return True, f"{where}: «{fine.place}» lies inside the city «{coarse.place}» (≤ {CITY_RADIUS_KM:g} km)"
    if distance <= NEAR_PLACE_KM and _one_large_toll(a, b) and not (undated(a) and undated(b)) \
            and not (a.admin1 and b.admin1 and a.admin1 != b.admin1) and "state" not in (
                actor_identity(a.actor1, a.type)[0], actor_identity(b.actor1, b.type)[0]):
        # outlets place a massacre at its village or at the district town that locates it (al-Rawda and Bir
        # al-Abd, 32 km apart): two bombings or massacres of that size a few villages apart within days are rare.
        # Not when neither report tells a time (in a war, whenever, there are many: Douma and Damascus, 2012),
        # nor when a state's forces are the attackers (its battles and strikes kill that many at many places a
        # week: Taiz and Saina, Lahj and Karish)
        return True, (f"near places with one large toll: {where} (≤ {NEAR_PLACE_KM:g} km; tolls {a.fatalities} "
                      f"and {b.fatalities})")
    return False, f"distinct places: {where} (> {SAME_PLACE_KM:g} km)"


def _one_large_toll(a: MentionKey, b: MentionKey) -> bool:
    """Both report a toll of at least `CLOSE_TOLL_MIN`, of one size (`tolls_close`)."""
    return tolls_close(a.fatalities, b.fatalities) and min(a.fatalities or 0, b.fatalities or 0) >= CLOSE_TOLL_MIN


def _days_overlap(a: MentionKey, b: MentionKey, slack: dt.timedelta) -> bool:
    """The two mentions' day intervals overlap, each widened by `slack` (both dated: the callers ask)."""
    return a.date_lo <= b.date_hi + slack and b.date_lo <= a.date_hi + slack


def _city_and_site(fine: MentionKey, coarse: MentionKey) -> bool:
    """A city (level 3) and a neighbourhood or facility (level 5 and finer) that may lie inside it."""
    return coarse.level == 3 and fine.level is not None and fine.level >= 5


def site_in_city_same_days(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    """A mention naming only a city and one naming a site inside it (an airport, a facility, a neighbourhood
    under another name) match by containment, not as one place: the city holds every site's events. Such a
    match needs the same days — the ±1 day slack is for two reports of one place — or the same toll: a rocket on
    the city's airport one day is not a rocket on a house of the city the day before."""
    if a.level is None or b.level is None or _same_name(a, b):
        return True, ""
    fine, coarse = (a, b) if a.level >= b.level else (b, a)
    if not _city_and_site(fine, coarse):
        return True, ""
    if a.fatalities is not None and a.fatalities == b.fatalities:
        return True, f"a site in the city, the same toll ({a.fatalities})"
    if undated(a) or undated(b):
        return True, ""
    if _days_overlap(a, b, dt.timedelta(0)):
        return True, "a site in the city, the same days"
    return False, (f"«{fine.place}» is a site in the city «{coarse.place}»: a match by containment needs the "
                   f"same days ({_fmt_interval(fine)}, {_fmt_interval(coarse)}) or the same toll")


VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})


_NOBODY_CODES = ("acled:unidentified_", "acled:civilians_", "acled:protesters_", "acled:rioters_")


def actor_identity(a: ActorKey, type: str = "ASSAULT") -> tuple[str | None, str | None]:
    """(class, identity) of an actor as a perpetrator, each None when unknown.

    For violent types the class is "state" (a state, its forces, police, intelligence) or "nonstate" (armed
    groups, rebels, militias); the identity is the state («روسيا», «القوات الروسية», «الطيران الحربي الروسي» are
    all state:RU) or the armed group's KB id. A generic agent («انتحاري», «الفصائل المعارضة») has a class but no
    identity; an unidentified armed group, civilians, places read as actors («بغداد» for its forces), officials
    and media have neither. Only what the text's words identify counts (the KB id and sector of the mention),
    not a code inferred for it: an unknown name's sector is a guess. For other types (who met, accused, agreed)
    any identified actor is its own identity, a state's officials being the state."""
    ident = a.kb or a.id
    if (a.id or "").startswith(_NOBODY_CODES) and (a.kb or "").startswith("agent.") and type in VIOLENT_TYPES \
            and (a.sector or "").lower() in NONSTATE_SECTORS:
        # «الانتحاري», «الإرهابي»: the words name a generic armed agent (coded as an unidentified armed group):
        # a class, no identity — unlike «مسلحون مجهولون» filled in for an attack that names no attacker
        return "nonstate", None
    if not ident or (a.id or "").startswith(_NOBODY_CODES) or ident.startswith(("gn:", "place:", "wof:", "actor:")):
        return None, None
    if ident.startswith("acled:"):       # a code without the words' KB id: trust it only for a named force
        if (a.sector or "").lower() not in STATE_SECTORS:
            return None, None
        ident = "agent.code"
    if ident.startswith("cc:"):
        return "state", "state:" + ident[3:].upper()
    sector = (a.sector or "").lower()
    state = "state:" + a.country.upper() if a.country else None
    if type not in VIOLENT_TYPES:
        if sector in STATE_SECTORS | {"government"} and state:
            return None, state
        return None, None if ident.startswith("agent.") else ident
    if sector in STATE_SECTORS:
        return "state", state
    if sector in NONSTATE_SECTORS:
        return "nonstate", None if ident.startswith("agent.") else ident
    return None, None


def actor_side(a: ActorKey, type: str = "ASSAULT") -> str | None:
    """The identified attacker an actor stands for (see actor_identity), or None."""
    return actor_identity(a, type)[1]


def _conflict(x: ActorKey, y: ActorKey, type_x: str, type_y: str) -> bool:
    (cx, ix), (cy, iy) = actor_identity(x, type_x), actor_identity(y, type_y)
    return bool((cx and cy and cx != cy) or (ix and iy and ix != iy))


# the modes of a fight two sides wage on each other (or a mode not told): only such a clash can be told from
# either side. An air strike, a shelling, a bombing, an abduction … is done by one side to the other: told
# with the sides swapped, it is the other side's act — the downing of a Russian jet by rebels and Russia's
# strike on the rebels in the same countryside that day are two events, not one clash told the other way round.
TWO_SIDED_MODES = frozenset({None, "firearms"})


def actors_compatible(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    """Attackers block a merge when both are known and differ (in class or identity). Victims never block; a
    report that swaps the two sides of a clash (actor1 of one is actor2 of the other) is the same clash — when
    both tell a clash (`TWO_SIDED_MODES`), not when either tells a one-sided act such as an air strike."""
    if _conflict(a.actor1, b.actor1, a.type, b.type):
        swapped = (not _conflict(a.actor1, b.actor2, a.type, b.type) and actor_side(b.actor2, b.type)
                   and not _conflict(a.actor2, b.actor1, a.type, b.type) and actor_side(a.actor2, a.type))
        if swapped and a.type in VIOLENT_TYPES and not {a.mode, b.mode} <= TWO_SIDED_MODES:
            ia, ib = actor_identity(a.actor1, a.type), actor_identity(b.actor1, b.type)
            return False, (f"the two sides swapped, but a one-sided act ({a.mode or 'unknown'}, "
                           f"{b.mode or 'unknown'}) is no clash told the other way round: attackers "
                           f"{ia[1] or ia[0]} «{a.actor1.name}» vs {ib[1] or ib[0]} «{b.actor1.name}»")
        if not swapped:
            ia, ib = actor_identity(a.actor1, a.type), actor_identity(b.actor1, b.type)
            who = "attackers" if a.type in VIOLENT_TYPES else "actors"
            return False, (f"different {who} ({ia[1] or ia[0]} «{a.actor1.name}» vs "
                           f"{ib[1] or ib[0]} «{b.actor1.name}»)")
        return True, "the same two sides, told the other way round"
    sa = actor_side(a.actor1, a.type)
    if sa and sa == actor_side(b.actor1, b.type):
        return True, f"same attacker {sa}"
    return True, "attackers not in conflict (victims and unidentified actors do not count)"


def compatible(a: MentionKey, b: MentionKey) -> tuple[bool, list[str]]:
    """Whether two mentions are the same event, with the reason for each test (the first failing one last)."""
    if a.type != b.type:
        return False, [f"types differ ({a.type}, {b.type})"]
    reasons = [f"same type {a.type}"]
    for test in (dates_compatible, places_compatible, site_in_city_same_days, actors_compatible, area_corroborated,
                 statement_actors, undated_corroborated, placeless_corroborated):
        ok, why = test(a, b)
        if why:
            reasons.append(why)
        if not ok:
            return False, reasons
    return True, reasons


def _same_actor(x: ActorKey, y: ActorKey, type_x: str, type_y: str, someone: bool = False) -> str | None:
    """The same identity on both sides, or the same name (with `someone`, a name that is no place or generic
    agent: `_names_someone`)."""
    ix, iy = actor_identity(x, type_x)[1], actor_identity(y, type_y)[1]
    if ix and ix == iy:
        return ix
    if (_names_someone(x) if someone else _named(x)) and x.name == y.name:
        return f"«{x.name}»"
    return None


def _same_target(x: ActorKey, y: ActorKey, type_x: str, type_y: str) -> str | None:
    """The same actor2 on both sides: the same identity, or the same name that is no place or generic agent."""
    return _same_actor(x, y, type_x, type_y, someone=True)


def _named(x: ActorKey) -> bool:
    """An actor whose name can identify it: not a code standing for nobody in particular («مسلحون مجهولون» filled
    in for an attack without an attacker, civilians, protesters)."""
    return bool(x.name) and not (x.id or "").startswith(_NOBODY_CODES)


def placeless_corroborated(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    """A dated report that names no place fits every event of its type on its days. A statement, a meeting, a
    demand … is identified by who acted (rule 6), so it may still join: when both name the very same actor1 — the
    person, organisation or group the words name (its knowledge-base id), not a state standing for all its
    officials nor a generic agent. An attack or arrest is identified by its place: a named force («طيران
    التحالف العربي», an army) strikes many places a day, and two attacks of a day may both kill 13. `best_match`
    also requires it to be the only such event."""
    if a.level is not None and b.level is not None:
        return True, ""
    if a.type in VIOLENT_TYPES:
        return False, "an attack or arrest without a place is not identified"
    doer = named_doer_in_common(a, b)
    if doer:
        return True, f"without a place, the same actor {doer}"
    return False, "without a place, no named actor in common"


def named_doer_in_common(a: MentionKey, b: MentionKey) -> str | None:
    """The named actor (`named_id`) a statement, meeting … names on both sides — as actor1, or one's actor1 as the
    other's actor2 (the two sides of a meeting told the other way round) — or None; always None for attacks and
    arrests (a named force strikes many places a day)."""
    if a.type in VIOLENT_TYPES:
        return None
    a1, b1 = named_id(a.actor1), named_id(b.actor1)
    for x, y in ((a1, b1), (a1, named_id(b.actor2)), (named_id(a.actor2), b1)):
        if x and x == y:
            return x
    return None


def named_pair_in_common(a: MentionKey, b: MentionKey) -> str | None:
    """The two named sides (`named_id` of actor1 and actor2, either way round) of a meeting, a call, an agreement
    … when both reports name the same two, or None; always None for attacks and arrests."""
    if a.type in VIOLENT_TYPES:
        return None
    pa = {named_id(a.actor1), named_id(a.actor2)}
    if None in pa or len(pa) < 2 or pa != {named_id(b.actor1), named_id(b.actor2)}:
        return None
    return " and ".join(sorted(x for x in pa if x))


def named_id(x: ActorKey) -> str | None:
    """The knowledge-base id of a named actor (a person, an organisation, an armed group, a state's named force):
    not a country, a generic agent or a code standing for nobody in particular."""
    ident = x.kb or ""
    if not ident or ident.startswith(("cc:", "agent.", "gn:", "place:", "wof:", "actor:", "acled:")):
        return None
    return ident


def statement_actors(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    """A meeting, statement, accusation, agreement … is identified by who did it more than by where (often only a
    dateline city): two such mentions are one event only when they name the same actor (as actor1, or one's
    actor1 is the other's actor2 — the two sides of a meeting told the other way round), or, when the doers do not
    conflict (one names nobody identified: «متظاهرون», «مصدر»), the same counterpart (actor2)."""
    if a.type in VIOLENT_TYPES:
        return True, ""
    same = (_same_actor(a.actor1, b.actor1, a.type, b.type) or _same_actor(a.actor1, b.actor2, a.type, b.type)
            or _same_actor(a.actor2, b.actor1, a.type, b.type))
    if same:
        return True, f"the same actor {same}"
    target = _same_target(a.actor2, b.actor2, a.type, b.type)
    if target:
        # the doers do not conflict (`actors_compatible` ran first): one report names none we can identify
        # («المتظاهرون», «مصدر»), and the one the event was aimed at or done with identifies it
        return True, f"the same counterpart {target}, the doers not in conflict"
    return False, (f"a {a.type.lower()} event needs the same actor, and these name «{a.actor1.name}» and "
                   f"«{b.actor1.name}»")


def tolls_close(x: int | None, y: int | None) -> bool:
    """Two outlets' figures of one toll: equal, or of one size (the larger at most `CLOSE_TOLL_RATIO` times the
    smaller, both at least `CLOSE_TOLL_MIN`): counts differ between outlets and grow, but 3 and 40 are two events."""
    if x is None or y is None:
        return False
    return x == y or (min(x, y) >= CLOSE_TOLL_MIN and max(x, y) <= CLOSE_TOLL_RATIO * min(x, y))


def undated_corroborated(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    """A report with no date at all (no text date, no publication date) fits every event at its place, whenever.
    It needs a settlement or finer place on both sides (an area, or no place, is not enough) and one more thing in
    common: the same actor (identity, for an attack or arrest also the attackers' class, or the same name) or a
    toll of one size (`tolls_close`); a statement or meeting with another identified counterpart is another one
    (its actor speaks every day). `best_match` also requires it to be the only such event. (Session 15 tried
    tighter corroboration — no state in common, armed groups only with tolls of one order, a small toll only
    finer than a city: undated joins on the 2015 stream 616 → 294, a 20-join hand sample 8 → 14 right, but the
    blind cross-outlet sets fell, dedup_heldout2 0.571 → 0.519 and dedup_heldout3 0.375 → 0.267: not kept.)"""
    if not (undated(a) or undated(b)):
        return True, ""
    ca, cb = actor_identity(a.actor1, a.type), actor_identity(b.actor1, b.type)
    if a.type not in VIOLENT_TYPES:
        # a statement or meeting with another counterpart is another one (an actor speaks every day)
        ta, tb = actor_identity(a.actor2, a.type)[1], actor_identity(b.actor2, b.type)[1]
        if ta and tb and ta != tb and ta != cb[1] and tb != ca[1]:
            return False, f"an undated {a.type.lower()} with another counterpart ({ta}, {tb})"
        pair = named_pair_in_common(a, b)
        if pair and (a.level is None or b.level is None or min(a.level, b.level) <= COARSE_LEVEL):
            # a meeting is identified by who met, not by the dateline (often none, or a capital): the same two
            # named persons or organisations (either way round) corroborate it at any place level. One named
            # actor alone does not, without a time: a king receives, an organisation delivers aid, every week
            # (on the 2015 stream 3 of 5 such joins were wrong)
            return True, f"undated, the same named sides {pair}, no place to compare"
    if a.level is None or b.level is None or min(a.level, b.level) <= COARSE_LEVEL:
        return False, "an undated report needs a settlement or finer place on both sides"
    if ca[1] and ca[1] == cb[1]:
        return True, f"undated, the same actor {ca[1]}"
    if a.type in VIOLENT_TYPES and ca[0] and ca[0] == cb[0]:
        return True, f"undated, attackers of one class ({ca[0]})"
    if _named(a.actor1) and a.actor1.name == b.actor1.name:
        return True, f"undated, the same actor «{a.actor1.name}»"
    if tolls_close(a.fatalities, b.fatalities):
        return True, f"undated, tolls of one size ({a.fatalities}, {b.fatalities})"
    spot = _one_small_place(a, b)
    if spot:
        # a village, a town or a site (a market, a mosque, a hotel) sees few events of one type: an undated report
        # there whose attackers do not conflict is the one event there (`best_match`: only when it fits one),
        # unlike a city, where one type happens every week. Not even two tolls apart tell it from the other:
        # outlets' counts of one attack differ and grow many-fold (the first count against the final one), and
        # requiring them of one order lost most of the blind cross-outlet set's joins (session 15, xdedup25)
        return True, f"undated, at one small place {spot}"
    return False, "an undated report with nothing else in common (actor or toll)"


SMALL_PLACE_LEVEL = 4      # a village or town (4), a neighbourhood or facility (5): finer than a city


def _one_small_place(a: MentionKey, b: MentionKey) -> str | None:
    """The very same village, town or site on both sides (the same place id or name, or within `SAME_PLACE_KM`;
    both finer than a city — not a city's point, not a site inside a city by containment), or None."""
    if a.level is None or b.level is None or min(a.level, b.level) < SMALL_PLACE_LEVEL:
        return None
    distance = place_distance(a, b)
    if _same_name(a, b) or (distance is not None and distance <= SAME_PLACE_KM):
        return f"«{a.place}»" if a.place == b.place else f"«{a.place}» and «{b.place}»"
    return None


def _names_someone(x: ActorKey) -> bool:
    """A name that identifies an actor when nothing else does: not a code standing for nobody in particular
    (`_named`), not a place read as the actor («طهران», «بغداد»), a state or a generic agent («النظام»)."""
    return _named(x) and not (x.kb or "").startswith(("cc:", "agent.", "gn:", "place:", "wof:"))


def joins_nothing(new: MentionKey) -> bool:
    """A mention no event can be compatible with (`compatible(new, ...)` is false for all): a statement, meeting
    … (not an attack or arrest) that names no actor — neither identified nor named — fails `statement_actors`
    against any event. So does any mention against such an event (of no actor: no identity, no name), and
    such events pile up under one city and day, each report of one an event of its own: the store leaves
    both out of the comparisons (dedup_store.candidates), which were its cost growing with the store."""
    return new.type not in VIOLENT_TYPES and not any(
        actor_identity(x, new.type)[1] or _named(x) for x in (new.actor1, new.actor2))


def area_corroborated(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    """A match at area level — a country, governorate or region on either side, even the same one — is weak:
    every event of the day in that area matches. It needs one more thing in common: the same actor (identity,
    or for violent types the same class, or the same name) or the same toll."""
    if a.level is None or b.level is None or min(a.level, b.level) > COARSE_LEVEL:
        return True, ""
    ca, cb = actor_identity(a.actor1, a.type), actor_identity(b.actor1, b.type)
    if ca[1] and ca[1] == cb[1]:
        return True, f"at area level, the same actor {ca[1]}"
    if ca[0] and ca[0] == cb[0]:
        return True, f"at area level, attackers of one class ({ca[0]})"
    if _named(a.actor1) and a.actor1.name == b.actor1.name:
        return True, f"at area level, the same actor «{a.actor1.name}»"
    if a.fatalities is not None and a.fatalities == b.fatalities:
        return True, f"at area level, the same toll ({a.fatalities})"
    return False, "an area-level match with nothing else in common (actor or toll)"


_MODE_FAMILY = {"suicide-attack": "explosives"}     # a suicide bombing is a bombing (as extract/event_merge.py)


def one_spot(a: MentionKey, b: MentionKey) -> tuple[bool, str]:
    """Two mentions of ONE article that are still one event: the extractor keeps an article's events apart, and
    the store takes its word, except for mentions told at one spot — the same type, the same settlement or finer
    place (the same place id or within `SAME_PLACE_KM`; not an area), overlapping days, no two different tolls,
    the same mode (or none on both) — that are compatible by the cross-article rules (attackers, statements): «وكان
    الانتحاري ... دخل مسجد مقر قوات الطوارئ في أبها» and «أعلنت أن انتحاريا فجر نفسه ... في مدينة أبها» with its
    toll. Left apart, every later outlet's report joins one copy or the other, and the one bombing stays two
    records. Distinct events of one article at one spot differ in toll, day, mode or attacker (a barrel bombing
    of a village and the downing of a jet over it by the other side)."""
    if a.type != b.type:
        return False, "types differ"
    if a.level is None or b.level is None or min(a.level, b.level) <= COARSE_LEVEL:
        return False, "not both at a settlement or finer place"
    distance = place_distance(a, b)
    if not ((a.place_id and a.place_id == b.place_id) or (distance is not None and distance <= SAME_PLACE_KM)):
        return False, "not one place"
    if None in (a.date_lo, a.date_hi, b.date_lo, b.date_hi) or a.date_lo > b.date_hi or b.date_lo > a.date_hi:
        return False, "not the same days"
    if a.fatalities is not None and b.fatalities is not None and a.fatalities != b.fatalities:
        return False, f"two tolls ({a.fatalities}, {b.fatalities})"
    if _MODE_FAMILY.get(a.mode, a.mode) != _MODE_FAMILY.get(b.mode, b.mode):
        # an unknown mode matches only an unknown mode: «قتل 11 شخصا في مواجهات» and «استهدف طيران التحالف
        # المجمع الحكومي» in one city are two acts, a casualty word beside a strike told by its means
        return False, f"two modes ({a.mode or 'unknown'}, {b.mode or 'unknown'})"
    ok, reasons = compatible(a, b)
    if not ok:
        return False, reasons[-1]
    where = f"«{a.place}»" if a.place == b.place else f"«{a.place}» and «{b.place}»"
    return True, f"one spot: {where}, {_fmt_interval(a)}"


def rank(new: MentionKey, key: MentionKey, event_id: int) -> tuple:
    """Sort key among compatible events (smallest first): same place, nearest date, same attacker, same toll,
    nearest point, oldest id."""
    distance = place_distance(new, key)
    place = 0 if _same_name(new, key) else (1 if distance is not None and distance <= SAME_PLACE_KM else 2)
    days = 0
    if new.date_lo and key.date_lo and new.date_hi and key.date_hi:
        days = abs((new.date_hi - key.date_hi).days + (new.date_lo - key.date_lo).days)
    elif undated(key) and not undated(new):
        days = UNDATED_RANK_DAYS     # a dated event before one that tells no time
    sa = actor_side(new.actor1, new.type)
    same_attacker = 0 if sa and sa == actor_side(key.actor1, key.type) else 1
    same_toll = 0 if new.fatalities is not None and new.fatalities == key.fatalities else 1
    return place, days, same_attacker, same_toll, distance if distance is not None else 0.0, event_id


def _contains(new: MentionKey, key: MentionKey) -> bool:
    """`new` names an area (or a city) that contains `key`'s finer place, rather than the same place."""
    if _same_name(new, key) or new.level is None or key.level is None or new.level >= key.level:
        return False
    distance = place_distance(new, key)
    return distance is None or distance > SAME_PLACE_KM


def best_match(new: MentionKey, candidates: list[tuple[int, MentionKey]]) -> tuple[int | None, list[str]]:
    """The id of the canonical event `new` joins (see `rank`), and why.

    A mention that names only an area containing several compatible events at distinct finer places
    («ريف إدلب» on a day with strikes on two villages there) is ambiguous: it joins none of them."""
    matches = []
    for event_id, key in candidates:
        ok, reasons = compatible(new, key)
        if ok:
            matches.append((rank(new, key, event_id), event_id, reasons, key))
    if not matches:
        return None, []
    _rank, event_id, reasons, key = min(matches, key=lambda m: m[0])
    if len(matches) > 1 and (undated(new) or undated(key)):
        return None, [f"ambiguous: an undated report fits {len(matches)} events"]
    if len(matches) > 1 and (new.level is None or key.level is None):
        return None, [f"ambiguous: a report without a place fits {len(matches)} events"]
    if _contains(new, key):
        places = {(m[3].place_id or m[3].place, m[3].lat, m[3].lon) for m in matches if _contains(new, m[3])}
        if len(places) > 1:
            return None, [f"ambiguous: «{new.place}» contains {len(places)} events at distinct places"]
    return event_id, reasons


def compatible_ids(new: MentionKey, candidates: list[tuple[int, MentionKey]]) -> list[int]:
    return [event_id for event_id, key in candidates if compatible(new, key)[0]]


def reconcile_fatalities(reports: list[tuple]) -> tuple[int | None, str]:
    """`reports` = (outlet or article key, figure[, approximate]) per mention → canonical figure and the rule.

    Each outlet counts once, with its highest figure (an outlet's running total replaces its first count); the
    canonical figure is the lowest of the outlets' credible figures — ACLED's most conservative credible figure
    (see `_credible`). Vague figures («عشرات» read as 10) are used only when no outlet gives a number. The result
    always lies within the range the outlets report."""
    exact: dict[str, int] = {}
    vague: dict[str, int] = {}
    for report in reports:
        if report[1] is not None:
            count_toll(exact, vague, report[0], report[1], report[2] if len(report) > 2 else False)
    return reconcile_tally(exact, vague)


def count_toll(exact: dict[str, int], vague: dict[str, int], source: str, value: int, approximate) -> None:
    """One report's figure into the per-source figures `reconcile_tally` reconciles (each source's highest)."""
    # «عشرات/مئات/آلاف» are read as 10/100/1000 and flagged approximate; «21 على الأقل» is flagged too but
    # is a figure: only the round vague readings are set aside
    target = vague if approximate and value in VAGUE_READINGS else exact
    target[source] = max(value, target.get(source, value))


def reconcile_tally(exact: dict[str, int], vague: dict[str, int]) -> tuple[int | None, str]:
    """The canonical figure and its rule from each source's highest exact and vague figure (`count_toll`)."""
    per_source = exact or vague
    if not per_source:
        return None, f"{FATALITIES_RULE}: no reports"
    credible, outliers = _credible(per_source)
    canonical = min(credible.values())
    shown = ", ".join(f"{src}={n}" for src, n in sorted(per_source.items()))
    notes = ""
    if outliers:
        notes += "; not credible (below half the outlets' median): " + ", ".join(
            f"{src}={n}" for src, n in sorted(outliers.items()))
    if exact and vague:
        notes += "; vague figures set aside: " + ", ".join(f"{src}={n}" for src, n in sorted(vague.items()))
    return canonical, f"{FATALITIES_RULE}: {canonical} from reports {shown}{notes}"


def _credible(per_source: dict[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """With three outlets or more, a figure below half the outlets' median is not credible: an early count
    («مقتل 4» before «35») or a misread number, not a conservative estimate. With fewer, every figure counts."""
    if len(per_source) < 3:
        return per_source, {}
    values = sorted(per_source.values())
    median = (values[(len(values) - 1) // 2] + values[len(values) // 2]) / 2
    credible, outliers = {}, {}
    for src, n in per_source.items():
        (outliers if n < median / 2 else credible)[src] = n
    return (credible, outliers) if credible else (per_source, {})
