"""Writing canonical events out: JSONL (full detail with mentions), ACLED-style CSV, GeoJSON, Parquet.

The CSV/GeoJSON/Parquet rows follow ACLED's column names and conventions so that tools made for ACLED
data read them: ISO `event_date` (for a month- or year-precision date, the first day of the period, with
`time_precision` 3), `time_precision` 1 = day / 2 = week / 3 = month or wider, `geo_precision` from the
place's feature class (data/acled_geo_precision.tsv), English country names, `fatalities` 0 when none was
reported, `source` the outlets joined by "; ", `notes` the evidence sentence. rasd's own columns follow.
"""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from rasd.store import EventFilters, EventSummary, Repository

DATA = Path(__file__).with_name("data")
FORMATS = ("jsonl", "csv", "geojson", "parquet")

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                 "actor1", "assoc_actor_1", "actor2", "country", "admin1", "location", "latitude", "longitude",
                 "geo_precision", "source", "notes", "fatalities")
RASD_COLUMNS = ("rasd_event_id", "plover_type", "plover_mode", "date_precision", "iso", "source_count",
                "mention_count", "actor1_id", "actor2_id", "fatalities_rule")
COLUMNS = ACLED_COLUMNS + RASD_COLUMNS
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def _read_tsv(name: str) -> dict[str, str]:
    rows: dict[str, str] = {}
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for line in lines[1:]:   # first non-comment line is the header
        key, value = line.split("\t")
        rows[key] = value
    return rows


@lru_cache(maxsize=1)
def acled_country_names() -> dict[str, str]:
    return _read_tsv("acled_country_names.tsv")


@lru_cache(maxsize=1)
def geo_precision_by_feature() -> dict[str, int]:
    return {k: int(v) for k, v in _read_tsv("acled_geo_precision.tsv").items()}


def country_name(iso2: str | None) -> str:
    if not iso2:
        return ""
    iso2 = iso2.upper()
    if iso2 in acled_country_names():
        return acled_country_names()[iso2]
    from babel import Locale
    return Locale("en").territories.get(iso2, iso2)


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


def acled_row(event: EventSummary) -> dict[str, Any]:
    """One event as an ACLED-style row (plus rasd's own columns)."""
    return {
        "event_id_cnty": f"RASD{event.id}",
        "event_date": _first_day(event),
        "year": int(event.date[:4]) if event.date else None,
        "time_precision": _TIME_PRECISION.get(event.date_precision or "", 3 if event.date else None),
        "event_type": event.acled_type or "",
        "sub_event_type": event.acled_subtype or "",
        "actor1": event.actor1_name_en or event.actor1_name or "",
        "assoc_actor_1": "",
        "actor2": event.actor2_name_en or event.actor2_name or "",
        "country": country_name(event.country),
        "admin1": event.admin1 or "",
        "location": event.place_name_en or event.place_text or "",
        "latitude": round(event.lat, 6) if event.lat is not None else None,
        "longitude": round(event.lon, 6) if event.lon is not None else None,
        "geo_precision": geo_precision(event),
        "source": "; ".join(event.outlets),
        "notes": " ".join((event.evidence or "").split()),
        "fatalities": event.fatalities or 0,
        "rasd_event_id": event.id,
        "plover_type": event.type,
        "plover_mode": event.mode or "",
        "date_precision": event.date_precision or "",
        "iso": event.country or "",
        "source_count": event.source_count,
        "mention_count": event.mention_count,
        "actor1_id": event.actor1_id or "",
        "actor2_id": event.actor2_id or "",
        "fatalities_rule": event.fatalities_rule or "",
    }


@dataclass
class ExportReport:
    written: int = 0
    without_coordinates: int = 0   # GeoJSON only: events left out because they are not geocoded


def _write_jsonl(repo: Repository, events: Iterator[EventSummary], out: IO[str], report: ExportReport) -> None:
    for event in events:
        detail = repo.get_event(event.id)
        out.write(json.dumps(detail.model_dump(mode="json"), ensure_ascii=False) + "\n")
        report.written += 1


def _write_csv(_repo, events: Iterator[EventSummary], out: IO[str], report: ExportReport) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({k: ("" if v is None else v) for k, v in acled_row(event).items()})
        report.written += 1


def _write_geojson(_repo, events: Iterator[EventSummary], out: IO[str], report: ExportReport) -> None:
    """RFC 7946 FeatureCollection of Points in WGS 84 [longitude, latitude]; non-geocoded events left out."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    first = True
    for event in events:
        if event.lat is None or event.lon is None:
            report.without_coordinates += 1
            continue
        row = acled_row(event)
        feature = {"type": "Feature", "id": event.id,
                   "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                   "properties": row}
        out.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
        first = False
        report.written += 1
    out.write("\n]}\n")


def _parquet_schema():
    import pyarrow as pa
    ints = {"year", "time_precision", "geo_precision", "fatalities", "rasd_event_id", "source_count",
            "mention_count"}
    floats = {"latitude", "longitude"}
    return pa.schema([(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string())
                      for c in COLUMNS])


def write_parquet(repo: Repository, events: Iterator[EventSummary], path: str, report: ExportReport,
                  batch: int = 10_000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema = _parquet_schema()
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict] = []
        for event in events:
            rows.append(acled_row(event))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                report.written += len(rows)
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        report.written += len(rows)


_TEXT_WRITERS: dict[str, Callable] = {"jsonl": _write_jsonl, "csv": _write_csv, "geojson": _write_geojson}


def export_events(repo: Repository, fmt: str, output: str, filters: EventFilters | None = None) -> ExportReport:
    """Write every canonical event matching `filters` to `output` ("-" = standard output, not for parquet)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; formats are {', '.join(FORMATS)}")
    report = ExportReport()
    events = repo.iter_events(filters)
    if fmt == "parquet":
        if output == "-":
            raise ValueError("parquet needs an output file (-o FILE)")
        write_parquet(repo, events, output, report)
        return report
    if output == "-":
        _TEXT_WRITERS[fmt](repo, events, sys.stdout, report)
        return report
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    # newline="" lets csv write its own line ends; utf-8 (no BOM) for every text format
    with open(output, "w", encoding="utf-8", newline="") as out:
        _TEXT_WRITERS[fmt](repo, events, out, report)
    return report
