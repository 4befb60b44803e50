"""`rasd export --format ... [filters] -o FILE` and `rasd events list|show ID`."""
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
    return parts  # type: ignore[return-value]


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    from rasd.cli import _date
    g = p.add_argument_group("filters (combined with AND)")
    g.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help="events on or after")
    g.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help="events on or before")
    g.add_argument("--country", metavar="ISO2", help="ISO 3166-1 alpha-2 country code, e.g. SY")
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

    with Repository.open(args.db) as repo:
        report = export_events(repo, args.format, args.output, filters_from_args(args))
    if not args.quiet:
        extra = (f", {report.without_coordinates} without coordinates left out"
                 if report.without_coordinates else "")
        print(f"rasd: {report.written} event(s) written to {args.output} as {args.format}{extra}", file=sys.stderr)
    return 0


def cmd_events_list(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from rasd.store import Repository
    with Repository.open(args.db) as repo:
        items, total = repo.list_events(filters_from_args(args), limit=args.limit, offset=args.offset)
    table = Table(title=f"{len(items)} of {total} event(s)")
    for column in ("id", "type", "date", "place", "actor1", "actor2", "fatalities", "sources", "mentions"):
        table.add_column(column, overflow="fold")
    for e in items:
        table.add_row(str(e.id), e.type, e.date or "", e.place_text or "", e.actor1_name or "",
                      e.actor2_name or "", "" if e.fatalities is None else str(e.fatalities),
                      str(e.source_count), str(e.mention_count))
    Console().print(table)
    return 0


def cmd_events_show(args: argparse.Namespace) -> int:
    from rich.console import Console

    from rasd.store import Repository
    with Repository.open(args.db) as repo:
        event = repo.get_event(args.id)
    if event is None:
        print(f"rasd: no event {args.id}", file=sys.stderr)
        return 1
    if args.json:
        print(event.model_dump_json(indent=2))
        return 0
    console = Console(highlight=False)
    place = event.place_text or "?"
    if event.lat is not None:
        place += f" ({event.lat:.4f}, {event.lon:.4f})"
    console.print(f"[bold]Event {event.id}[/] {event.type}"
                  + (f" / {event.acled_type}: {event.acled_subtype}" if event.acled_type else ""))
    console.print(f"  date: {event.date or '?'} ({event.date_precision or '?'})   place: {place}")
    console.print(f"  actors: {event.actor1_name or '-'} → {event.actor2_name or '-'}")
    console.print(f"  fatalities: {event.fatalities if event.fatalities is not None else '-'}"
                  + (f"  [dim]({event.fatalities_rule})[/]" if event.fatalities is not None else ""))
    console.print(f"  {event.mention_count} mention(s) from {event.source_count} source(s): "
                  f"{', '.join(event.outlets) or '-'}")
    for m in event.mentions:
        console.print(f"\n  [bold]mention {m.id}[/] article {m.article_id} · {m.outlet or '?'} · "
                      f"{m.published or '?'}" + (f" · {m.url}" if m.url else ""))
        console.print(f"    «{' '.join(m.evidence.split())}»", markup=False)
        console.print(f"    date {m.date or '?'}, place {m.place_text or '?'}, fatalities "
                      f"{m.fatalities if m.fatalities is not None else '-'}, {m.modality}")
        console.print(f"    [dim]why: {m.merge_reason}[/]")
    return 0


def register(subparsers) -> None:
    from rasd.export.formats import FORMATS

    p = subparsers.add_parser("export", help="write the stored canonical events as JSONL, ACLED-style CSV, "
                                             "GeoJSON or Parquet")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output; not for parquet)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    add_filter_arguments(p)
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("events", help="list stored events, or show one with its merged mentions and why")
    sub = p.add_subparsers(dest="events_command", required=True, metavar="{list,show}")
    q = sub.add_parser("list", help="canonical events, newest first")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--offset", type=int, default=0)
    add_filter_arguments(q)
    q.set_defaults(func=cmd_events_list)
    q = sub.add_parser("show", help="one event: its canonical fields, each mention and why it was merged")
    q.add_argument("id", type=int)
    q.add_argument("--json", action="store_true", help="print the event as JSON")
    q.add_argument("--db", help="database URL or SQLite path (default $RASD_DB or ./rasd.db)")
    q.set_defaults(func=cmd_events_show)
