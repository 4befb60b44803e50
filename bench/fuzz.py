"""Fuzzing `rasd ingest` (issue 18): 1,000 mixed, partly hostile files → 0 tracebacks, 0 lost articles.

    .venv/bin/python bench/fuzz.py [--files 1000] [--seed 1] [--workers 2] [--postgres]

The files come from tests/faults/fuzz.py (JSONL with bad and good lines, .txt, .html, RSS, binary and
unsupported files, in nested directories). One `rasd ingest` run over the directory, as a user would;
then the store is compared with the generator's list of good articles: each must be stored exactly once.
A second run must add nothing. Prints one summary line per run and exits 1 on any traceback or loss.

Measured 2026-12-06 (SQLite, seed 1, `--files 1000`, nice 10 on a loaded machine): 1,000 files, 1,276 good
articles: 1,276 stored, 0 lost, 0 duplicated, 0 unexpected, 1,925 skip lines, 0 tracebacks, 0 lines not
from rasd (585 s); the second run the same and nothing added (78.5 s). OK.
"""
from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "faults"))
sys.path.insert(0, str(ROOT / "tests" / "support"))   # rasd_testkit
from fuzz import generate  # noqa: E402

RASD = [sys.executable, "-c", "import sys; from rasd.cli import main; sys.exit(main())"]


def stored_ids(url: str) -> list[str]:
    if url.startswith("postgresql"):
        from sqlalchemy import create_engine, text
        engine = create_engine(url)
        with engine.connect() as conn:
            ids = [r[0] for r in conn.execute(text("SELECT source_id FROM articles"))]
        engine.dispose()
        return ids
    with sqlite3.connect(url) as conn:
        return [r[0] for r in conn.execute("SELECT source_id FROM articles")]


def run(folder: Path, url: str, workers: int) -> tuple[int, str, float]:
    started = time.perf_counter()
    result = subprocess.run([*RASD, "ingest", str(folder), "--db", url, "--workers", str(workers)],
                            capture_output=True, text=True)
    return result.returncode, result.stderr, time.perf_counter() - started


def check(label: str, code: int, err: str, seconds: float, expected: set[str], url: str) -> bool:
    ids = stored_ids(url)
    tracebacks = err.count("Traceback")
    foreign = [line for line in err.splitlines() if not line.startswith(("rasd: ", "kb build: "))]
    lost = expected - set(ids)
    duplicated = len(ids) - len(set(ids))
    unexpected = set(ids) - expected
    skipped = sum(1 for line in err.splitlines() if line.startswith("rasd: skipped"))
    print(f"{label}: exit {code}, {seconds:.1f} s, {len(expected)} good articles, {len(set(ids))} stored, "
          f"{len(lost)} lost, {duplicated} duplicated, {len(unexpected)} unexpected, {skipped} skip lines, "
          f"{tracebacks} tracebacks, {len(foreign)} lines not from rasd")
    for line in foreign[:5]:
        print("   ", repr(line[:200]))
    for article_id in sorted(lost)[:5]:
        print("    lost:", repr(article_id))
    return not (tracebacks or foreign or lost or duplicated or unexpected or code not in (0, 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--postgres", action="store_true", help="also into a throw-away PostgreSQL")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="rasd-fuzz-") as tmp:
        folder = Path(tmp) / "in"
        expected = generate(folder, args.files, args.seed)
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        print(f"{files} files, {len(expected)} good articles among them (seed {args.seed})")
        targets = [("sqlite", str(Path(tmp) / "rasd.db"))]
        server = None
        if args.postgres:
            from rasd_testkit.store import throwaway_postgres
            server = throwaway_postgres("fuzz")
            targets.append(("postgresql", server.__enter__()))
        try:
            for name, url in targets:
                code, err, seconds = run(folder, url, args.workers)
                ok &= check(f"{name} first run", code, err, seconds, expected, url)
                code, err, seconds = run(folder, url, args.workers)
                ok &= check(f"{name} second run", code, err, seconds, expected, url)
        finally:
            if server is not None:
                server.__exit__(None, None, None)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
