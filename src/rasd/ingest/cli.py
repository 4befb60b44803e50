"""`rasd ingest PATH... [--db URL] [--workers N] [--dask tcp://...]`: extract articles into the store."""
from __future__ import annotations

import argparse

from rasd.ingest.validate import DEFAULT_MAX_BYTES


def cmd_ingest(args: argparse.Namespace) -> int:
    from rasd.cli import _stderr
    from rasd.ingest.batch import ingest_articles
    from rasd.ingest.progress import RunProgress, input_bytes
    from rasd.ingest.readers import UndatedArticles, read_inputs
    from rasd.store import Repository

    if args.dask is not None:
        try:
            import distributed  # noqa: F401
        except ImportError as exc:   # the optional part is not installed
            _stderr(f"rasd: --dask needs the dask extra (pip install 'rasd[dask]'): {exc}")
            return 2
    # one plain line per skipped input or wait, never wrapped, whether or not the bar is shown
    repo = Repository.open(args.db, on_wait=lambda message: _stderr(f"rasd: {message}"))
    progress = RunProgress("ingest", input_bytes(args.inputs), enabled=not args.quiet)
    undated = UndatedArticles()

    def on_progress(report) -> None:
        progress.update(report.added, report.rate, report.duplicates, report.skipped)

    try:
        with progress:
            items = undated.watch(read_inputs(args.inputs, args.published, args.max_bytes, progress.advance_bytes))
            report = ingest_articles(items, repo, workers=args.workers,
                                     dask=None if args.dask == "local" else args.dask,
                                     use_dask=args.dask is not None,
                                     stages=args.stages.split(",") if args.stages else None,
                                     on_progress=on_progress,
                                     on_error=lambda message: _stderr(f"rasd: skipped {message}"))
    finally:
        repo.close()
    if undated.warning():
        _stderr(f"rasd: {undated.warning()}")
    if not args.quiet:
        _stderr(f"rasd: {report.added} article(s) stored in {repo.url} ({report.event_mentions} event mention(s)), "
                f"{report.duplicates} already stored, {report.skipped} skipped, {report.rate:.1f} articles/s")
    return 1 if report.skipped else 0


def register(subparsers) -> None:
    from rasd.cli import add_published_argument

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
    add_published_argument(p)
    p.add_argument("--stages", help="comma-separated prefix of the stages to run, for debugging")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"skip articles larger than this (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(func=cmd_ingest)
