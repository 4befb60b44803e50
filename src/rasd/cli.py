"""The `rasd` command: thin argument parsing over library functions."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys

from rasd.errors import RasdInputError, RasdStoreError, terminal_safe
from rasd.ingest.validate import DEFAULT_MAX_BYTES

PUBLISHED_HELP = ("publication date (YYYY-MM-DD) for every article that has none of its own: .txt files, "
                  "JSONL lines without \"published\", pages and feed entries without a date")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code (any case) or an English country name → the upper-case code."""
    from babel import Locale
    territories = Locale("en").territories
    code = value.strip().upper()
    if len(code) == 2 and code.isalpha() and code in territories and code not in _NOT_COUNTRIES:
        return code
    by_name = {name.casefold(): c for c, name in territories.items() if len(c) == 2 and c not in _NOT_COUNTRIES}
    if value.strip().casefold() in by_name:
        return by_name[value.strip().casefold()]
    raise argparse.ArgumentTypeError(f"unknown country {value!r}: give an ISO 3166-1 alpha-2 code such as "
                                     "SY, LB, IQ, YE or PS")


_NOT_COUNTRIES = {"ZZ", "EU", "EZ", "UN", "QO"}


def _stderr(message: str) -> None:
    print(terminal_safe(message), file=sys.stderr, flush=True)


def add_published_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", "--default-date", dest="published", type=_date, metavar="YYYY-MM-DD",
                   help=PUBLISHED_HELP)


def open_output(path: str):
    """Standard output for "-", else the file opened for writing, or one clear line (RasdInputError)."""
    if path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise RasdInputError(path, None, f"cannot write: {exc.strerror or exc}") from None


def _records(items, stages, workers: int):
    """(record or RasdInputError) for each input item, in input order; extraction in `workers` processes."""
    if workers == 1:
        from rasd.ingest.batch import extract_chunk
        for item in items:
            if isinstance(item, RasdInputError):
                yield item
                continue
            (result,) = extract_chunk([item], tuple(stages) if stages else None)
            # a failure inside one article is reported in one line and never costs the articles around it
            yield RasdInputError(f"article {item.id}", None, result) if isinstance(result, str) else result
        return
    from rasd.ingest.batch import WINDOW_PER_WORKER, extract_in_order, make_executor
    executor = make_executor(workers, None, False, tuple(stages) if stages else None)
    try:
        # the workers send each record as its JSON line (RecordJSON), which is all the parent writes
        for ordered in extract_in_order(items, executor, WINDOW_PER_WORKER * workers,
                                        tuple(stages) if stages else None, as_json=True):
            yield ordered if isinstance(ordered, RasdInputError) else ordered[1]
    finally:
        executor.close()


def cmd_extract(args: argparse.Namespace) -> int:
    import time

    from rasd.ingest.batch import default_workers
    from rasd.ingest.progress import RunProgress, input_bytes
    from rasd.ingest.readers import UndatedArticles, read_inputs

    stages = args.stages.split(",") if args.stages else None
    if stages:
        from rasd.pipeline import build_pipeline
        try:
            build_pipeline(stages)      # a bad stage list is one error up front, not one per article
        except (ValueError, TypeError) as exc:
            _stderr(f"rasd: {exc}")
            return 2
    workers = args.workers or default_workers()
    out = open_output(args.output)
    written = skipped = 0
    undated = UndatedArticles()
    started = time.monotonic()
    progress = RunProgress("extract", input_bytes(args.inputs), enabled=not args.quiet)
    try:
        with progress:
            items = undated.watch(read_inputs(args.inputs, args.published, args.max_bytes, progress.advance_bytes))
            for item in _records(items, stages, workers):
                if isinstance(item, RasdInputError):
                    _stderr(f"rasd: skipped {item}")
                    skipped += item.count
                else:
                    out.write((item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)) + "\n")
                    written += 1
                progress.update(written, written / max(time.monotonic() - started, 1e-9), skipped=skipped)
    finally:
        if out is not sys.stdout:
            out.close()
    if undated.warning():
        _stderr(f"rasd: {undated.warning()}")
    if not args.quiet:
        _stderr(f"rasd: {written} article(s) written to {args.output}, {skipped} skipped")
    return 1 if skipped else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from rasd.document import Record
    print(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasd",
        description="rasd (رصد): read Arabic news articles and extract geocoded, sourced PLOVER events, "
                    "entities, places, quotes and relations.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="extract records from articles (JSONL, .txt, .html, feeds, directories) "
                                       "into a JSONL file, one record per article, without a database")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories to read")
    p.add_argument("-o", "--output", default="-", help="output JSONL file (default: standard output)")
    add_published_argument(p)
    p.add_argument("--stages", help="comma-separated prefix of the stages to run, for debugging")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"skip articles larger than this (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("-w", "--workers", type=int, default=1,
                   help="extraction processes (default 1; 0 = one per core, worth it from a few dozen articles)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("schema", help="print the JSON Schema of an output record")
    p.set_defaults(func=cmd_schema)

    for register in _EXTENSIONS:
        register(sub)
    return parser


def _register_optional(module: str):
    def register(sub):
        import importlib
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:   # a missing dependency inside the module is a real error
                raise
            return
        mod.register(sub)
    return register


# Sub-commands that live beside their library code (kb, ingest, export, serve, demo ...).
_EXTENSIONS = [_register_optional(m) for m in (
    "rasd.kb.cli", "rasd.ingest.cli", "rasd.export.cli", "rasd.store.cli", "rasd.api.cli", "rasd.demo")]


def _silence_stdout() -> None:
    """After a closed pipe (`rasd ... | head`): point stdout at /dev/null so the final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):   # stdout replaced (tests) or already closed
        pass


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure ends in one line on standard error, never a traceback
    (RASD_DEBUG=1 shows the traceback of an unexpected error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except RasdInputError as exc:
        _stderr(f"rasd: {exc}")
        return 2
    except RasdStoreError as exc:
        _stderr(f"rasd: {exc}")
        return 1
    except BrokenPipeError:
        _silence_stdout()
        return 141   # as a command killed by SIGPIPE
    except KeyboardInterrupt:
        _stderr("rasd: interrupted")
        return 130
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _stderr(f"rasd: {where}{exc.strerror or exc}")
        return 1
    except Exception as exc:
        if os.environ.get("RASD_DEBUG"):
            raise
        _stderr(f"rasd: internal error: {type(exc).__name__}: {str(exc)[:300]} "
                "(run again with RASD_DEBUG=1 to see where)")
        return 3


if __name__ == "__main__":
    sys.exit(main())
