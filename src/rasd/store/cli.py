"""`rasd events list [--format table|csv|json] [--english] [filters]`, `rasd events show ID [--json]`, and the
merge log: `rasd events merges [ID]`, `rasd events undo-merge MERGE_ID`, `rasd events unmerge MENTION_ID...`.

The table fits an 80-column terminal without cutting words: short columns (id, date, type, deaths, sources)
never wrap, the others wrap between words; `--english` shows the English names of places and actors where
the knowledge base has them. Every stored string is shown with control characters escaped and rich markup
disabled, so an article cannot forge terminal lines or styling.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from rasd.errors import terminal_safe

LIST_FORMATS = ("table", "csv", "json")
CSV_COLUMNS = ("id", "type", "acled_type", "acled_subtype", "date", "date_precision", "country", "admin1",
               "place", "place_en", "lat", "lon", "actor1", "actor1_en", "actor2", "actor2_en", "fatalities",
               "injuries", "sources", "mentions", "outlets", "actor1_id", "actor2_id", "place_id")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe;
    numbers are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _row(e) -> dict[str, Any]:
    return {"id": e.id, "type": e.type, "acled_type": e.acled_type, "acled_subtype": e.acled_subtype,
            "date": e.date, "date_precision": e.date_precision, "country": e.country, "admin1": e.admin1,
            "place": e.place_text, "place_en": e.place_name_en, "lat": e.lat, "lon": e.lon,
            "actor1": e.actor1_name, "actor1_en": e.actor1_name_en, "actor2": e.actor2_name,
            "actor2_en": e.actor2_name_en, "fatalities": e.fatalities, "injuries": e.injuries,
            "sources": e.source_count, "mentions": e.mention_count, "outlets": "; ".join(e.outlets),
            "actor1_id": e.actor1_id, "actor2_id": e.actor2_id, "place_id": e.place_id}


def _text(value: Any) -> str:
    return "" if value is None else terminal_safe(" ".join(str(value).split()))


def _cell(value: Any):
    """A table cell shown literally (a stored «[bold]» or «[/]» is text, not rich markup)."""
    from rich.text import Text
    return Text(_text(value))


def events_table(items, total: int, english: bool = False):
    """The rich Table of `rasd events list`."""
    from rich.table import Table

    table = Table(title=f"{len(items)} of {total} event(s)", show_lines=False, expand=False)
    table.add_column("id", no_wrap=True, justify="right")
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("type", no_wrap=True)
    table.add_column("place", ratio=2, overflow="fold")
    table.add_column("actors", ratio=3, overflow="fold")
    table.add_column("deaths", no_wrap=True, justify="right")
    table.add_column("src", no_wrap=True, justify="right")
    for e in items:
        place = (e.place_name_en or e.place_text) if english else (e.place_text or e.place_name_en)
        if english:
            a1, a2 = e.actor1_name_en or e.actor1_name, e.actor2_name_en or e.actor2_name
        else:
            a1, a2 = e.actor1_name, e.actor2_name
        actors = " → ".join(_text(a) for a in (a1, a2) if a)
        table.add_row(str(e.id), _cell(e.date or "?"), _cell(e.type), _cell(place), _cell(actors),
                      "" if e.fatalities is None else str(e.fatalities), str(e.source_count))
    return table


def cmd_events_list(args: argparse.Namespace) -> int:
    from rasd.export.cli import filters_from_args
    from rasd.store import Repository

    with Repository.open(args.db) as repo:
        items, total = repo.list_events(filters_from_args(args), limit=args.limit, offset=args.offset)
    if args.format == "json":
        json.dump({"total": total, "offset": args.offset, "events": [e.model_dump(mode="json") for e in items]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for e in items:
            writer.writerow({k: "" if v is None else spreadsheet_safe(v) for k, v in _row(e).items()})
    else:
        from rich.console import Console
        Console(highlight=False).print(events_table(items, total, args.english))
    sys.stdout.flush()
    return 0


def cmd_events_show(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.markup import escape

    from rasd.store import Repository
    with Repository.open(args.db) as repo:
        event = repo.get_event(args.id)
    if event is None:
        print(f"rasd: no event {args.id}", file=sys.stderr)
        return 1
    if args.json:
        print(event.model_dump_json(indent=2))
        return 0

    def t(value: Any) -> str:   # stored text, shown literally: no markup, no control characters
        return escape(_text(value))

    console = Console(highlight=False)
    en = args.english
    place = t((event.place_name_en or event.place_text) if en else event.place_text) or "?"
    if event.lat is not None:
        place += f" ({event.lat:.4f}, {event.lon:.4f})"
    a1 = (event.actor1_name_en or event.actor1_name) if en else event.actor1_name
    a2 = (event.actor2_name_en or event.actor2_name) if en else event.actor2_name
    console.print(f"[bold]Event {event.id}[/] {t(event.type)}"
                  + (f" / {t(event.acled_type)}: {t(event.acled_subtype)}" if event.acled_type else ""))
    console.print(f"  date: {t(event.date) or '?'} ({t(event.date_precision) or '?'})   place: {place}")
    console.print(f"  actors: {t(a1) or '-'} → {t(a2) or '-'}")
    console.print(f"  fatalities: {event.fatalities if event.fatalities is not None else '-'}"
                  + (f"  [dim]({t(event.fatalities_rule)})[/]" if event.fatalities is not None else ""))
    console.print(f"  {event.mention_count} mention(s) from {event.source_count} source(s): "
                  f"{', '.join(t(o) for o in event.outlets) or '-'}")
    for m in event.mentions:
        console.print(f"\n  [bold]mention {m.id}[/] article {t(m.article_id)} · {t(m.outlet) or '?'} · "
                      f"{m.published or '?'}" + (f" · {t(m.url)}" if m.url else ""))
        console.print(f"    «{_text(m.evidence)}»", markup=False)
        console.print(f"    date {t(m.date) or '?'}, place {t(m.place_text) or '?'}, fatalities "
                      f"{m.fatalities if m.fatalities is not None else '-'}, {t(m.modality)}")
        console.print(f"    [dim]why: {t(m.merge_reason)}[/]")
    return 0


def cmd_events_merges(args: argparse.Namespace) -> int:
    from rasd.store import Repository
    from rasd.store.dedup_store import list_merges
    with Repository.open(args.db) as repo:
        merges = list_merges(repo, args.id)
    if args.json:
        print(json.dumps(merges, ensure_ascii=False, default=str, indent=1))
        return 0
    if not merges:
        print("no merges" + (f" into or from event {args.id}" if args.id else ""))
    for m in merges:
        state = f"undone {m['undone_at']:%Y-%m-%d %H:%M}" if m["undone_at"] else "active"
        print(terminal_safe(f"merge {m['id']}: event {m['from_event_id']} joined event {m['into_event_id']} "
                            f"(mentions {', '.join(map(str, m['mention_ids']))}; {state}): {m['reason']}"))
    return 0


def cmd_events_undo_merge(args: argparse.Namespace) -> int:
    from rasd.store import Repository
    from rasd.store.dedup_store import undo_merge
    with Repository.open(args.db) as repo:
        try:
            new_id = undo_merge(repo, args.merge_id)
        except ValueError as err:
            print(f"rasd: {err}", file=sys.stderr)
            return 1
    print(f"merge {args.merge_id} undone: its mentions are event {new_id} again, kept apart from now on")
    return 0


def cmd_events_unmerge(args: argparse.Namespace) -> int:
    from rasd.store import Repository
    from rasd.store.dedup_store import unmerge_mentions
    with Repository.open(args.db) as repo:
        try:
            new_id = unmerge_mentions(repo, args.mention_ids, reason=args.reason)
        except ValueError as err:
            print(f"rasd: {err}", file=sys.stderr)
            return 1
    print(f"mention(s) {', '.join(map(str, args.mention_ids))} split off into event {new_id}, kept apart from now on")
    return 0


def register(subparsers) -> None:
    from rasd.export.cli import add_filter_arguments

    p = subparsers.add_parser("events", help="list stored events, or show one with its merged mentions and why")
    sub = p.add_subparsers(dest="events_command", required=True, metavar="{list,show,merges,undo-merge,unmerge}")
    q = sub.add_parser("list", help="canonical events, newest first, as a table, CSV or JSON")
    q.add_argument("--format", choices=LIST_FORMATS, default="table",
                   help="table (default, fits the terminal), csv or json (for scripts)")
    q.add_argument("--english", "--en", action="store_true",
                   help="English names of places and actors where known (default: the Arabic as reported)")
    q.add_argument("--limit", type=_positive, default=50)
    q.add_argument("--offset", type=_non_negative, default=0)
    add_filter_arguments(q)
    q.set_defaults(func=cmd_events_list)
    q = sub.add_parser("show", help="one event: its canonical fields, each mention and why it was merged")
    q.add_argument("id", type=_event_id)
    q.add_argument("--json", action="store_true", help="print the event as JSON")
    q.add_argument("--english", "--en", action="store_true", help="English names of place and actors where known")
    q.add_argument("--db", help="database URL or SQLite path (default $RASD_DB or ./rasd.db)")
    q.set_defaults(func=cmd_events_show)
    db_help = "database URL or SQLite path (default $RASD_DB or ./rasd.db)"
    q = sub.add_parser("merges", help="the log of re-merges (two canonical events joined by a later report)")
    q.add_argument("id", type=_event_id, nargs="?", help="only merges into or from this event")
    q.add_argument("--json", action="store_true", help="print the log as JSON")
    q.add_argument("--db", help=db_help)
    q.set_defaults(func=cmd_events_merges)
    q = sub.add_parser("undo-merge", help="undo a logged re-merge: its mentions become an event of their own again")
    q.add_argument("merge_id", type=_event_id, metavar="MERGE_ID")
    q.add_argument("--db", help=db_help)
    q.set_defaults(func=cmd_events_undo_merge)
    q = sub.add_parser("unmerge", help="split mentions off their canonical event into a new one (kept apart)")
    q.add_argument("mention_ids", type=_event_id, nargs="+", metavar="MENTION_ID")
    q.add_argument("--reason", default="split off by hand", help="why, stored on each moved mention")
    q.add_argument("--db", help=db_help)
    q.set_defaults(func=cmd_events_unmerge)


def _int_in(value: str, low: int, high: int, what: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not low <= number <= high:
        raise argparse.ArgumentTypeError(f"{what} must be between {low:,} and {high:,}, got {number:,}")
    return number


def _positive(value: str) -> int:
    return _int_in(value, 1, 1_000_000, "--limit")


def _non_negative(value: str) -> int:
    return _int_in(value, 0, 2**62, "--offset")


def _event_id(value: str) -> int:
    return _int_in(value, 1, 2**62, "an event id")
