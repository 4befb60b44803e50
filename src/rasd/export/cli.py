"""`rasd export --format ... [filters] -o FILE` (`rasd events list|show` live in rasd.store.cli)."""
from __future__ import annotations

import argparse
import sys


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (parts[0] <= parts[2] and parts[1] <= parts[3]):
        raise argparse.ArgumentTypeError(f"not MIN_LON,MIN_LAT,MAX_LON,MAX_LAT: {value!r}")
    return parts


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    from rasd.cli import _date, country_code
    g = p.add_argument_group("filters (combined with AND)")
    g.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help="events on or after")
    g.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help="events on or before")
    g.add_argument("--country", metavar="ISO2", type=country_code,
                   help="ISO 3166-1 alpha-2 country code, e.g. SY (or its English name)")
    g.add_argument("--bbox", type=_bbox, metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
    g.add_argument("--type", dest="plover_type", metavar="PLOVER", help="PLOVER event type, e.g. ASSAULT")
    g.add_argument("--acled-type", metavar="TYPE", help='ACLED event type, e.g. "Battles"')
    g.add_argument("--actor", dest="actor_id", metavar="ID", help="actor id (as actor1 or actor2)")
    g.add_argument("--outlet", help="events reported by this outlet")
    p.add_argument("--db", help="database URL or SQLite path (default $RASD_DB or ./rasd.db)")


def filters_from_args(args: argparse.Namespace):
    from rasd.store import EventFilters
    return EventFilters(date_from=args.date_from, date_to=args.date_to, country=args.country, bbox=args.bbox,
                        plover_type=args.plover_type, acled_type=args.acled_type, actor_id=args.actor_id,
                        outlet=args.outlet)


def cmd_export(args: argparse.Namespace) -> int:
    from rasd.export.formats import export_events
    from rasd.store import Repository

    if args.format == "parquet" and args.output == "-":
        print("rasd: parquet is a binary format: give an output file with -o FILE.parquet", file=sys.stderr)
        return 2
    with Repository.open(args.db) as repo:
        report = export_events(repo, args.format, args.output, filters_from_args(args))
    if not args.quiet:
        extra = (f", {report.without_coordinates} without coordinates left out"
                 if report.without_coordinates else "")
        print(f"rasd: {report.written} event(s) written to {args.output} as {args.format}{extra}", file=sys.stderr)
    return 0


def register(subparsers) -> None:
    from rasd.export import FORMATS

    p = subparsers.add_parser("export", help="write the stored canonical events as JSONL, ACLED-style CSV, "
                                             "GeoJSON or Parquet")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output; not for parquet)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    add_filter_arguments(p)
    p.set_defaults(func=cmd_export)
