"""`rasd demo PATH...`: extract the sample articles, show what was found, store them, export a map layer.

What `make demo` runs (`rasd demo examples/`): a readable summary per article (entities, places, events with
type/place/date/fatalities, quotes), then the records go into the store (`rasd.db` unless --db) and the
canonical events out to `out/events.geojson` (open it in QGIS or geojson.io).
"""
from __future__ import annotations

import argparse
import sys


def _summarise(console, record: dict) -> None:
    from rich.markup import escape
    from rich.table import Table

    from rasd.errors import terminal_safe

    def t(value) -> str:   # article text shown literally: no rich markup, no control characters
        return escape(terminal_safe(str(value)))

    source = record.get("source") or {}
    console.rule(f"[bold]{t(record['id'])}[/] · {t(source.get('outlet') or '?')} · {record.get('published') or '?'}")
    entities = record.get("entities") or []
    if entities:
        names = sorted({f"{t(e.get('canonical') or e['text'])} ({e['type']})" for e in entities})
        console.print(f"[bold]Entities[/] ({len(entities)} mentions): " + "، ".join(names), markup=True)
    places = record.get("places") or []
    if places:
        shown = []
        for p in places:
            where = f" {p['lat']:.2f},{p['lon']:.2f}" if p.get("lat") is not None else " (not geocoded)"
            shown.append(f"{t(p['text'])}{where}")
        console.print("[bold]Places[/]: " + "، ".join(dict.fromkeys(shown)))
    events = record.get("events") or []
    if events:
        # fits 80 columns: short columns never break, the others wrap between words
        table = Table(show_header=True, header_style="bold", title=f"{len(events)} event(s)")
        table.add_column("type", no_wrap=True)
        table.add_column("date", no_wrap=True, min_width=10)
        table.add_column("place", ratio=2, overflow="fold")
        table.add_column("actors", ratio=3, overflow="fold")
        table.add_column("deaths", no_wrap=True, justify="right")
        table.add_column("trigger", ratio=2, overflow="fold")
        for e in events:
            actors = " → ".join(a for a in ((e.get("actor1") or {}).get("text"), (e.get("actor2") or {}).get("text"))
                                if a)
            table.add_row(*(t(cell) for cell in (
                e["type"], e.get("date") or "", (e.get("place") or {}).get("text", ""), actors,
                "" if e.get("fatalities") is None else str(e["fatalities"]), e["trigger"]["text"])))
        console.print(table)
    else:
        console.print("[dim]no events[/]")
    for q in record.get("quotes") or []:
        speaker = (q.get("speaker") or {}).get("text") or "?"
        console.print(f"[bold]Quote[/] {t(speaker)}: «{t(' '.join(q['text'].split())[:200])}»")


def cmd_demo(args: argparse.Namespace) -> int:
    from rich.console import Console

    from rasd.errors import RasdInputError, terminal_safe
    from rasd.export.formats import export_events
    from rasd.ingest.readers import read_inputs
    from rasd.ingest.validate import short_id
    from rasd.pipeline import extract
    from rasd.store import Repository

    console = Console()
    skipped = added = 0
    with Repository.open(args.db) as repo:
        for item in read_inputs(args.inputs):
            if isinstance(item, RasdInputError):
                print(f"rasd: skipped {item}", file=sys.stderr)
                skipped += item.count
                continue
            try:
                record = extract(item).to_record()
            except Exception as exc:   # one article's failure is one line, never the end of the demo
                print(terminal_safe(f"rasd: skipped article {short_id(item.id)}: extraction failed: "
                                    f"{type(exc).__name__}: {exc}"), file=sys.stderr)
                skipped += 1
                continue
            _summarise(console, record)
            added += repo.add_record(record, item).status == "added"
        report = export_events(repo, "geojson", args.geojson)
        stats = repo.stats()
    console.rule("[bold]store")
    console.print(f"{added} new article(s) stored in {args.db or 'rasd.db'}: {stats.articles} article(s), "
                  f"{stats.event_mentions} event mention(s) → {stats.events} canonical event(s) "
                  f"({stats.merged_events} reported more than once)")
    console.print(f"{report.written} geocoded event(s) written to {args.geojson}"
                  + (f" ({report.without_coordinates} not geocoded left out)" if report.without_coordinates else ""))
    console.print("next: [bold]rasd events list[/], [bold]rasd events show ID[/], "
                  "[bold]rasd export --format csv -o out/events.csv[/]")
    return 1 if skipped else 0


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="extract sample articles, print a summary, store them and export "
                                           "a GeoJSON map layer")
    p.add_argument("inputs", nargs="*", default=["examples"], metavar="PATH",
                   help="files or directories (default: examples)")
    p.add_argument("--db", help="database URL or SQLite path (default $RASD_DB or ./rasd.db)")
    p.add_argument("--geojson", default="out/events.geojson", help="GeoJSON output (default out/events.geojson)")
    p.set_defaults(func=cmd_demo)
