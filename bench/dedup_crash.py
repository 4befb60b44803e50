"""Dedup survives a crash and a re-run (issue 13: "ingest stays idempotent and crash-safe"): the canonical events
of a real stream ingested with SIGKILLs at random moments, then finished, are those of one uninterrupted ingest;
ingesting the same input again changes none of them.

    .venv/bin/python bench/dedup_crash.py [--from 2015-08-07] [--to 2015-08-07] [--kills 4] [--seed 1]

The articles of ../shared/data/news published in the window (evaluation data: read where it lies and written
only to a temporary file, in published order) are ingested three ways, each `rasd ingest --workers 1` (one
worker stores the articles in input order, so the greedy clustering sees them in the same order every time):

1. reference: one uninterrupted run into a fresh store;
2. crashed: fresh `rasd ingest` processes into another store, each killed with SIGKILL a random 1-15 s after
   it stored its first article, then one run to the end;
3. re-run: the crashed store ingested once more (every article is already there).

Each store's canonical events (`rasd export --format jsonl`) are compared as clusters: an event is its type, its
mentions (article id and evidence offset) and its reconciled toll; the re-merge log (`event_merges`) is compared
too. Any difference is printed. The check passes when all three agree.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "faults"))
from faultkit import kill_after_progress  # noqa: E402  (shared with tests/faults and bench/ingest_kill.py)

CORPUS = ROOT.parent / "shared" / "data" / "news" / "corpus.jsonl.gz"
RASD = [sys.executable, "-c", "import sys; from rasd.cli import main; sys.exit(main())"]
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def window(lo: str, hi: str, out: Path) -> int:
    """Write the corpus articles published in [lo, hi] to `out`, in published order (then id)."""
    rows = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a.get("published") and lo <= a["published"] <= hi:
                rows.append(a)
    rows.sort(key=lambda a: (a["published"], str(a["id"])))
    out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in rows), encoding="utf-8")
    return len(rows)


def count(db: Path) -> int:
    import sqlite3
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def ingest(inp: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*RASD, "ingest", str(inp), "--db", str(db), "--workers", "1", "-q"],
                          capture_output=True, text=True, env=ENV)


def crashed(inp: Path, db: Path, kills: int, rng: random.Random) -> int:
    """Kill `kills` fresh ingests at random moments, then finish; the number of processes left alive."""
    orphans = 0
    for k in range(kills):
        child = subprocess.Popen([*RASD, "ingest", str(inp), "--db", str(db), "--workers", "1", "-q"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        wait = rng.uniform(1, 15)
        killed = kill_after_progress(child, lambda: count(db), wait, patience=900, settle=1)
        if killed is None:
            print(f"  round {k + 1}: the ingest finished before the kill")
            break
        orphans += len(killed[1])
        print(f"  round {k + 1}: killed {wait:.1f} s after its first article; {count(db)} articles stored so far")
    final = ingest(inp, db)
    print(f"  final run: exit {final.returncode}; {count(db)} articles stored")
    return orphans


def clusters(db: Path) -> tuple[set[tuple], int]:
    """The store's canonical events as (type, mentions, toll), and how many re-merges it logged."""
    import sqlite3
    out = subprocess.run([*RASD, "export", "--format", "jsonl", "--db", str(db), "-q"],
                         capture_output=True, text=True, env=ENV, check=True).stdout
    events = set()
    for line in out.splitlines():
        if line.strip():
            e = json.loads(line)
            mentions = tuple(sorted((str(m["article_id"]), m.get("evidence_start") or 0, m.get("trigger") or "")
                                    for m in e["mentions"]))
            events.add((e["type"], mentions, e.get("fatalities")))
    with sqlite3.connect(db) as conn:
        merges = conn.execute("SELECT count(*) FROM event_merges").fetchone()[0]
    return events, merges


def compare(name: str, ref: tuple[set[tuple], int], got: tuple[set[tuple], int]) -> bool:
    (a, ma), (b, mb) = ref, got
    same = a == b and ma == mb
    print(f"  {name}: {len(b)} canonical events, {sum(len(e[1]) > 1 for e in b)} with several mentions, "
          f"{mb} re-merges; {'the same as the reference' if same else 'DIFFERENT from the reference'}")
    for e in sorted(a - b, key=str)[:5]:
        print("    only in the reference:", e[0], e[1][:4], e[2])
    for e in sorted(b - a, key=str)[:5]:
        print(f"    only in {name}:", e[0], e[1][:4], e[2])
    return same


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="lo", default="2015-08-07")
    ap.add_argument("--to", dest="hi", default="2015-08-07")
    ap.add_argument("--kills", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} not found")
        return 2
    with tempfile.TemporaryDirectory(prefix="rasd-dedup-crash-") as tmp:
        inp = Path(tmp) / "window.jsonl"
        n = window(args.lo, args.hi, inp)
        print(f"{n} articles published {args.lo}..{args.hi}")
        started = time.perf_counter()
        ref_db = Path(tmp) / "reference.db"
        run = ingest(inp, ref_db)
        print(f"  reference: exit {run.returncode} in {time.perf_counter() - started:.0f} s; {count(ref_db)} articles")
        reference = clusters(ref_db)
        crash_db = Path(tmp) / "crashed.db"
        orphans = crashed(inp, crash_db, args.kills, random.Random(args.seed))
        ok = compare("crashed", reference, clusters(crash_db))
        again = ingest(inp, crash_db)
        ok &= compare("re-run", reference, clusters(crash_db)) and again.returncode in (0, 1)
        ok &= orphans == 0
        print(f"  {orphans} process(es) outlived a kill")
        print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
