"""The `rasd` command: thin argument parsing over library functions."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from rasd.errors import RasdInputError
from rasd.ingest.validate import DEFAULT_MAX_BYTES


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


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
        for result in extract_in_order(items, executor, WINDOW_PER_WORKER * workers,
                                       tuple(stages) if stages else None):
            yield result if isinstance(result, RasdInputError) else result[1]
    finally:
        executor.close()


def cmd_extract(args: argparse.Namespace) -> int:
    from rasd.ingest.batch import default_workers
    from rasd.ingest.readers import read_inputs

    stages = args.stages.split(",") if args.stages else None
    if stages:
        from rasd.pipeline import build_pipeline
        try:
            build_pipeline(stages)      # a bad stage list is one error up front, not one per article
        except (ValueError, TypeError) as exc:
            _stderr(f"rasd: {exc}")
            return 2
    workers = args.workers or default_workers()
    out = open(args.output, "w", encoding="utf-8") if args.output != "-" else sys.stdout
    written = skipped = 0
    try:
        for item in _records(read_inputs(args.inputs, args.published, args.max_bytes), stages, workers):
            if isinstance(item, RasdInputError):
                _stderr(f"rasd: skipped {item}")
                skipped += 1
                continue
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
            written += 1
    finally:
        if out is not sys.stdout:
            out.close()
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
    p.add_argument("--published", type=_date, help="publication date for .txt inputs (YYYY-MM-DD)")
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
    "rasd.kb.cli", "rasd.ingest.cli", "rasd.export.cli", "rasd.api.cli", "rasd.demo")]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except RasdInputError as exc:
        _stderr(f"rasd: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
