"""The gazetteer: Arabic place names → ranked place candidates, read from the built artefact.

`candidates(name)` gives the places a name can mean, best first (feature class, population, MENA first:
see `build.FEATURE_SCORE` and `build.region_bonus`), each with `flags` telling the places stage how far to
trust a bare mention:
  common-word  the name is also a common Arabic word (stoplist «context»): require context;
  ambiguous    well-known places in different countries share it («عمان», «طرابلس»);
  low-pop      a village or small town (< 10,000 people or unknown): require context;
  minor        a sub-district or neighbourhood (WOF localadmin/neighbourhood): require context;
  capital      a national capital.
"""
from __future__ import annotations

import math
import pickle
import sqlite3
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from rasd.kb.build import BUILT, PICKLE_NAME, SQLITE_NAME, FORMAT_VERSION, CITY_POPULATION, MENA_CORE, MENA_NEAR
from rasd.kb.keys import name_key

SETTLEMENTS = ("city", "village", "neighbourhood", "camp")
MINOR = ("admin3", "neighbourhood")


# compass directions as (north, east) unit steps; "central" is the country's own point
_D = 0.7071
DIRECTIONS: dict[str, tuple[float, float]] = {
    "north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0),
    "northeast": (_D, _D), "northwest": (_D, -_D), "southeast": (-_D, _D), "southwest": (-_D, -_D),
    "central": (0.0, 0.0),
}


class KBNotBuilt(RuntimeError):
    """The gazetteer artefact is missing: run `rasd kb build`."""


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    id: str
    name_ar: str
    name_en: str
    lat: float
    lon: float
    feature: str
    country: str
    admin1: str
    admin1_ar: str
    admin1_en: str
    population: int
    score: float
    flags: frozenset[str] = frozenset()

    @property
    def is_capital(self) -> bool:
        return "capital" in self.flags


_COLUMNS = "id, name_ar, name_en, lat, lon, feature, country, admin1, admin1_ar, admin1_en, population, score, capital"



def _mean_of_furthest_third(points: list[tuple[float, float]], centre: tuple[float, float],
                            vector: tuple[float, float]) -> tuple[float, float] | None:
    """The mean of the points lying furthest from `centre` along the compass `vector` (the top third of them by
    projection, only those ahead of the centre); None when none lies that way."""
    coslat = math.cos(math.radians(centre[0]))
    dn, de = vector
    ahead = [(p, (p[0] - centre[0]) * dn + (p[1] - centre[1]) * coslat * de) for p in points]
    ahead.sort(key=lambda item: -item[1])
    chosen = [p for p, proj in ahead[:max(1, len(points) // 3)] if proj > 0]
    if not chosen:
        return None
    return (sum(p[0] for p in chosen) / len(chosen), sum(p[1] for p in chosen) / len(chosen))

class Gazetteer:
    def __init__(self, directory: Path = BUILT):
        sqlite_path, pickle_path = directory / SQLITE_NAME, directory / PICKLE_NAME
        if not sqlite_path.exists() or not pickle_path.exists():
            raise KBNotBuilt(f"no gazetteer in {directory}: run `rasd kb build`")
        with open(pickle_path, "rb") as fh:
            data = pickle.load(fh)
        if data.get("format") != FORMAT_VERSION:
            raise KBNotBuilt(f"gazetteer in {directory} has an old format: run `rasd kb build`")
        self.directory = directory
        self.names: dict[str, tuple[str, ...]] = data["names"]
        self.prefixes: set[str] = data["prefixes"]
        self.weak: set[str] = data["weak"]          # names only villages/neighbourhoods bear
        self._con = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True, check_same_thread=False)
        self.stoplist: dict[str, str] = dict(self._con.execute("SELECT key, action FROM stoplist"))
        self._place = lru_cache(maxsize=50_000)(self._fetch)
        self._admin1_settlements: dict[str, list[tuple[float, float]]] = {}
        self._candidates = lru_cache(maxsize=20_000)(self._rank)
        # no index serves the capital and admin-1 queries: each is a scan of the whole places table (~14 ms
        # CPU), so both are read for every country in one scan, on first use (~200 and ~2,000 rows)
        self._capital_ids: dict[str, str] | None = None
        self._admin1_by_country: dict[str, list[tuple[float, float]]] | None = None

    # -- lookups

    def candidates(self, name: str) -> list[PlaceCandidate]:
        """Places named `name` (any spelling; normalised here), best first, with flags."""
        return list(self._candidates(name_key(name)))

    def place(self, place_id: str) -> PlaceCandidate | None:
        return self._place(place_id)

    def by_english(self, name: str, limit: int = 10) -> list[PlaceCandidate]:
        """Places whose English name is `name` (case and diacritics ignored: "khan yunis", "Khān Yūnis"),
        best score first."""
        from rasd.kb.english import plain
        ids = [r[0] for r in self._con.execute(
            "SELECT id FROM places WHERE name_en = ? COLLATE NOCASE ORDER BY score DESC LIMIT ?",
            (plain(name), limit))]
        return [c for c in (self._place(i) for i in ids) if c is not None]

    def country(self, iso2: str) -> PlaceCandidate | None:
        return self._place(f"cc:{iso2.upper()}")

    def capital(self, iso2: str) -> PlaceCandidate | None:
        """The national capital of a country (the most populous place flagged capital), or None."""
        if self._capital_ids is None:
            self._capital_ids = self._fetch_capital_ids()
        place_id = self._capital_ids.get(iso2.upper())
        return self._place(place_id) if place_id is not None else None

    def admin1_points(self, iso2: str) -> list[tuple[float, float]]:
        """The points of a country's admin-1 areas (for the part of a country a direction names)."""
        if self._admin1_by_country is None:
            self._admin1_by_country = self._fetch_admin1_points()
        return list(self._admin1_by_country.get(iso2.upper(), ()))

    def direction_point(self, iso2: str, direction: str) -> tuple[float, float] | None:
        """A point for «غرب مالي», «جنوب شرق ليبيا»: the mean of the admin-1 points lying furthest in that
        direction from the country's point (the top third of them by projection on the direction). None
        when the country has too few admin-1 areas to tell, or the direction is not a compass one."""
        vector = DIRECTIONS.get(direction)
        country = self.country(iso2)
        points = self.admin1_points(iso2)
        if country is None or len(points) < 3:
            return None
        if vector == (0.0, 0.0):
            return country.lat, country.lon
        if vector is None:
            return None
        return _mean_of_furthest_third(points, (country.lat, country.lon), vector)

    def admin1_direction_point(self, admin1: str, direction: str) -> tuple[float, float] | None:
        """A point for «شرق محافظة صلاح الدين»: the mean of the province's settlements lying furthest in that
        direction from their own mean (the top third by projection on the direction). None when the
        gazetteer holds too few of them to tell, or the direction is not a compass one."""
        vector = DIRECTIONS.get(direction)
        if not admin1 or vector is None or vector == (0.0, 0.0):
            return None
        if admin1 not in self._admin1_settlements:
            self._admin1_settlements[admin1] = [(lat, lon) for lat, lon in self._con.execute(
                "SELECT lat, lon FROM places WHERE admin1 = ? AND feature IN ('city', 'village', 'admin2')",
                (admin1,))]
        points = self._admin1_settlements[admin1]
        if len(points) < 6:
            return None
        centre = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
        return _mean_of_furthest_third(points, centre, vector)

    def meta(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT key, value FROM meta"))

    def stats(self) -> list[tuple[str, str, int]]:
        """(country, feature, count) of matchable places."""
        return list(self._con.execute(
            "SELECT country, feature, COUNT(*) FROM places GROUP BY country, feature ORDER BY country, feature"))

    # -- internals

    def _fetch(self, place_id: str) -> PlaceCandidate | None:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,)).fetchone()
        if row is None:
            return None
        flags = set()
        if row[12]:
            flags.add("capital")
        if row[5] in SETTLEMENTS and row[10] < CITY_POPULATION:
            flags.add("low-pop")
        if row[5] in MINOR:
            flags.add("minor")
        return PlaceCandidate(*row[:12], flags=frozenset(flags))  # type: ignore[misc]  # 12 fields, then flags

    def _fetch_capital_ids(self) -> dict[str, str]:
        """country -> the id of its most populous place flagged capital (a city)."""
        best: dict[str, tuple[int, str]] = {}
        tied: set[str] = set()
        for country, place_id, population in self._con.execute(
                "SELECT country, id, population FROM places WHERE capital = 1 AND feature = 'city'"):
            held = best.get(country)
            if held is None or population > held[0]:
                best[country] = (population, place_id)
                tied.discard(country)
            elif population == held[0]:
                tied.add(country)
        ids = {country: place_id for country, (_pop, place_id) in best.items()}
        for country in tied:      # equal populations: let SQLite's ordering choose, as a query per country did
            row = self._con.execute("SELECT id FROM places WHERE country = ? AND capital = 1 AND feature = 'city' "
                                    "ORDER BY population DESC LIMIT 1", (country,)).fetchone()
            ids[country] = row[0]
        return ids

    def _fetch_admin1_points(self) -> dict[str, list[tuple[float, float]]]:
        """country -> the points of its admin-1 areas, in id order."""
        points: dict[str, list[tuple[float, float]]] = {}
        for country, lat, lon in self._con.execute(
                "SELECT country, lat, lon FROM places WHERE feature = 'admin1' ORDER BY country, id"):
            points.setdefault(country, []).append((lat, lon))
        return points

    def _rank(self, key: str) -> tuple[PlaceCandidate, ...]:
        ids = self.names.get(key, ())
        cands = [c for c in (self._place(i) for i in ids) if c is not None]
        shared = set()
        action = self.stoplist.get(key)
        if action == "context":
            shared.add("common-word")
        if action == "ambiguous" or _rivals_abroad(cands):
            shared.add("ambiguous")
        if not shared:
            return tuple(cands)
        return tuple(replace(c, flags=c.flags | shared) for c in cands)


def _rivals_abroad(cands: list[PlaceCandidate], margin: float = 1.5) -> bool:
    """True when a place in another country ranks within `margin` of the best one."""
    if len(cands) < 2:
        return False
    best = cands[0]
    return any(c.country != best.country and best.score - c.score <= margin for c in cands[1:])


def prefer_region(cands: list[PlaceCandidate], countries) -> list[PlaceCandidate]:
    """Candidates in `countries` (ISO2, most preferred first) before the others; rank kept within groups.

    The places stage passes the countries already resolved in the article, so «الحسكة» next to «القامشلي»
    stays Syrian and «طرابلس» in a Lebanese story is Tripoli, Lebanon.
    """
    order = {cc: i for i, cc in enumerate(dict.fromkeys(c.upper() for c in countries))}
    return sorted(cands, key=lambda c: order.get(c.country, len(order)))


def is_mena(country: str) -> bool:
    return country in MENA_CORE or country in MENA_NEAR
