"""`rasd ingest PATH... [--db URL] [--workers N] [--dask tcp://...]`: extract articles into the store."""
from __future__ import annotations

import argparse
import sys

from rasd.ingest.validate import DEFAULT_MAX_BYTES


def _progress_bar():
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    return Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"),
                    TextColumn("{task.fields[stored]} articles stored"),
                    TextColumn("{task.fields[rate]:.1f} articles/s"),
                    TextColumn("{task.fields[dups]} already stored"),
                    TextColumn("[red]{task.fields[skipped]} skipped[/]"),
                    TimeElapsedColumn(), console=console, transient=False,
                    disable=not console.is_terminal)


def cmd_ingest(args: argparse.Namespace) -> int:
    from rasd.ingest.batch import ingest_articles
    from rasd.ingest.readers import read_inputs
    from rasd.store import Repository

    repo = Repository.open(args.db)
    progress = _progress_bar()
    task = progress.add_task("ingest", total=None, stored=0, rate=0.0, dups=0, skipped=0)

    def on_progress(report) -> None:
        progress.update(task, stored=report.added, rate=report.rate, dups=report.duplicates,
                        skipped=report.skipped)

    def on_error(message: str) -> None:
        # one plain line per skipped input, never wrapped, whether or not the bar is shown
        print(f"rasd: skipped {message}", file=sys.stderr, flush=True)

    try:
        with progress:
            report = ingest_articles(read_inputs(args.inputs, args.published, args.max_bytes), repo,
                                     workers=args.workers,
                                     dask=None if args.dask == "local" else args.dask,
                                     use_dask=args.dask is not None,
                                     stages=args.stages.split(",") if args.stages else None,
                                     on_progress=on_progress, on_error=on_error)
    finally:
        repo.close()
    if not args.quiet:
        print(f"rasd: {report.added} article(s) stored in {repo.url} ({report.event_mentions} event mention(s)), "
              f"{report.duplicates} already stored, {report.skipped} skipped, "
              f"{report.rate:.1f} articles/s", file=sys.stderr)
    return 1 if report.skipped else 0


def register(subparsers) -> None:
    from rasd.cli import _date

    p = subparsers.add_parser(
        "ingest", help="extract articles (JSONL, .txt, .html, RSS/Atom, directories) into the store; "
                       "re-running on the same input adds nothing")
    p.add_argument("inputs", nargs="+", metavar="PATH", help="files or directories to read")
    p.add_argument("--db", help="database URL or SQLite path (default $RASD_DB or ./rasd.db); "
                                "PostgreSQL: postgresql+pg8000://user@host/db")
    p.add_argument("--workers", type=int, help="extraction processes (default: all cores; 1 = in-process); "
                                               "with --dask=local, the number of Dask workers")
    p.add_argument("--dask", metavar="tcp://HOST:8786", nargs="?", const="local",
                   help="run extraction on Dask: on this scheduler's workers (rasd must be installed on them), "
                        "or, given alone or as --dask=local, on a LocalCluster of --workers processes")
    p.add_argument("--published", type=_date, help="publication date for .txt inputs (YYYY-MM-DD)")
    p.add_argument("--stages", help="comma-separated prefix of the stages to run, for debugging")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"skip articles larger than this (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(func=cmd_ingest)
