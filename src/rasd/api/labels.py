"""Place names for the map, from our own gazetteer (rasd kb build), by zoom level: offline, no tile server.

Countries at every zoom up to 6; cities by population as the map zooms in (capitals a little earlier),
at most `limit` names in the view, the most populous first. Each label has its Arabic and English name.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

# (zoom at least, smallest city population shown)
CITY_STEPS = ((4, 2_000_000), (5, 700_000), (6, 250_000), (7, 80_000), (8, 25_000), (9, 8_000), (10, 2_000))
COUNTRIES_UNTIL = 6


def _min_population(zoom: int) -> int | None:
    found = None
    for at, population in CITY_STEPS:
        if zoom >= at:
            found = population
    return found


class Labels:
    def __init__(self, directory: Path | None = None):
        from rasd.kb.build import BUILT, SQLITE_NAME
        self.path = (directory or BUILT) / SQLITE_NAME
        self._local = threading.local()

    def _db(self) -> sqlite3.Connection | None:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if not self.path.exists():
                return None
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def query(self, bbox: tuple[float, float, float, float], zoom: int, limit: int = 150) -> list[dict]:
        db = self._db()
        if db is None:
            return []
        min_lon, min_lat, max_lon, max_lat = bbox
        if max_lon - min_lon >= 360:
            min_lon, max_lon = -180.0, 180.0
        out = []
        where_box = "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
        box = (min_lat, max_lat, min_lon, max_lon)
        if zoom <= COUNTRIES_UNTIL:   # small countries only once there is room for them
            smallest = 10_000_000 if zoom <= 3 else 1_500_000 if zoom == 4 else 0
            rows = db.execute(f"SELECT id, name_ar, name_en, lat, lon, 'country', country, population FROM places "
                              f"WHERE feature = 'country' AND {where_box} AND population >= ? "
                              f"ORDER BY population DESC LIMIT ?", (*box, smallest, limit)).fetchall()
            out += rows
        floor = _min_population(zoom)
        if floor is not None:
            # a capital shows one step early
            rows = db.execute(f"SELECT id, name_ar, name_en, lat, lon, CASE WHEN capital = 1 THEN 'capital' "
                              f"ELSE 'city' END, country, population FROM places WHERE feature = 'city' AND "
                              f"{where_box} AND (population >= ? OR (capital = 1 AND population >= ?)) "
                              f"ORDER BY population DESC LIMIT ?",
                              (*box, floor, floor // 3, limit)).fetchall()
            out += rows
        return [{"id": i, "name_ar": ar, "name_en": en, "lat": lat, "lon": lon, "kind": kind, "country": cc,
                 "population": pop} for i, ar, en, lat, lon, kind, cc, pop in out[:limit]]
