"""Dedup cost per article as the store grows: ingest the same articles into stores holding 10k and 100k events.

    .venv/bin/python bench/dedup.py [--sizes 10000 100000] [--articles 300] [--seed 13]

For each size a fresh SQLite store is filled with synthetic canonical events (and their dedup keys) spread like
a conflict stream that grows with time: `--per-day` events a day (ACLED records ~100 a day for the Middle East),
so 10k events cover ~110 days and 100k ~3 years; 6 PLOVER types, points over the Middle East in 5 countries,
day precision (10% month precision). Then `--articles` constructed articles, one event each, drawn
from the same distribution, are stored with Repository.add_record — extraction is not timed, only storing and
deduplicating. Printed: mean and median milliseconds per article, and the mean number of candidate events the
key lookup returned per mention (the work dedup does). Near-constant cost means the figures barely move
between sizes. Keep it short on shared machines: the 100k fill takes ~1 minute.

Measured (session 4, 2026-12-05, after the bulk writes; `nice -n 19` on the shared 2-core machine, load ~9):

    stored events  days  fill s  ms/article mean  median     p90  candidates/mention
           10,000   111     1.5            11.77   10.51   20.48               12.80
          100,000  1111    28.8            10.87    8.74   17.98               14.81

(session 2, before the bulk writes: 23.5 ms at 10k, 18.5 ms at 100k.)
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from rasd.store import Repository, dedup_store
from rasd.store.dedup import ActorKey, MentionKey
from rasd.store.models import EventKeyRow, EventRow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))
from rasd_testkit.store import constructed_article  # noqa: E402

TYPES = ["ASSAULT", "COERCE", "PROTEST", "CONSULT", "ACCUSE", "MOBILIZE"]
COUNTRIES = [("SY", 33.0, 37.5, 35.0, 42.0), ("IQ", 29.5, 37.0, 39.0, 48.0), ("LB", 33.1, 34.6, 35.1, 36.6),
             ("JO", 29.2, 33.3, 35.0, 39.0), ("YE", 12.6, 18.9, 42.6, 53.0)]
START = dt.date(2022, 1, 1)


def _draw(rng: random.Random, days: int) -> dict:
    cc, lat0, lat1, lon0, lon1 = rng.choice(COUNTRIES)
    lat, lon = round(rng.uniform(lat0, lat1), 4), round(rng.uniform(lon0, lon1), 4)
    day = START + dt.timedelta(days=rng.randrange(days))
    month = rng.random() < 0.1
    return dict(type=rng.choice(TYPES), country=cc, lat=lat, lon=lon, day=day, month=month,
                name=f"مكان {rng.randrange(50_000)}", fatalities=rng.choice([None, 1, 2, 5, 12]))


def fill(repo: Repository, n: int, days: int, rng: random.Random, batch: int = 5000) -> None:
    now = dt.datetime(2026, 1, 1)
    next_id = 1
    with repo.engine.begin() as conn:
        while next_id <= n:
            events, keys = [], []
            for event_id in range(next_id, min(n, next_id + batch - 1) + 1):
                e = _draw(rng, days)
                lo = e["day"].replace(day=1) if e["month"] else e["day"]
                hi = (lo + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1) if e["month"] else lo
                date = lo.isoformat()[:7] if e["month"] else lo.isoformat()
                place_id = f"place:{e['country']}:{e['name']}"
                events.append(dict(id=event_id, type=e["type"], date=date, date_precision="month" if e["month"]
                                   else "day", date_lo=lo, date_hi=hi, place_id=place_id, place_text=e["name"],
                                   lat=e["lat"], lon=e["lon"], country=e["country"], feature="village",
                                   fatalities=e["fatalities"], mention_count=1, source_count=1, outlets=[],
                                   updated_at=now))
                key = MentionKey(e["type"], lo, hi, e["lat"], e["lon"], e["name"], e["country"],
                                 ActorKey(None, None), ActorKey(None, None), place_id=place_id, feature="village")
                keys += [dict(event_id=event_id, key=k) for k in dedup_store.event_keys(key)]
            conn.execute(insert(EventRow), events)
            conn.execute(insert(EventKeyRow), keys)
            next_id += batch


def measure(repo: Repository, articles: int, days: int, rng: random.Random, warmup: int = 20
            ) -> tuple[list[float], list[float], float]:
    seen = []
    real_candidates = dedup_store.candidates

    def counting(s, key, *args, **kwargs):
        found = real_candidates(s, key, *args, **kwargs)
        seen.append(len(found))
        return found

    dedup_store.candidates = counting
    times: list[float] = []
    cpu: list[float] = []
    try:
        for i in range(warmup + articles):
            e = _draw(rng, days)
            date = e["day"].isoformat()[:7] if e["month"] else e["day"].isoformat()
            text = f"حدث في {e['name']} رقم {i} {rng.random()}"
            article, record = constructed_article(
                f"bench-{i}", text, [dict(type=e["type"], trigger="حدث", date=date,
                                          precision="month" if e["month"] else "day",
                                          place=(e["name"], e["lat"], e["lon"], e["country"], None, "village"),
                                          fatalities=e["fatalities"])],
                published=e["day"], outlet=f"outlet {i % 7}")
            if i == warmup:
                seen.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            repo.add_record(record, article)
            if i >= warmup:
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
    finally:
        dedup_store.candidates = real_candidates
    return times, cpu, statistics.mean(seen) if seen else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per-day", type=int, default=90, help="synthetic events per day of the stream")
    args = ap.parse_args()
    print(f"{'stored events':>14} {'days':>5} {'fill s':>7} {'ms/article mean':>16} {'median':>7} {'p90':>7} "
          f"{'candidates/mention':>19} {'CPU ms/article':>15}")
    for size in args.sizes:
        days = max(1, size // args.per_day)
        with tempfile.TemporaryDirectory() as tmp:
            with Repository.open(f"sqlite:///{Path(tmp) / 'bench.db'}") as repo:
                t0 = time.perf_counter()
                fill(repo, size, days, random.Random(args.seed))
                filled = time.perf_counter() - t0
                times, cpu, cands = measure(repo, args.articles, days, random.Random(args.seed + 1))
                times.sort()
                print(f"{size:>14,} {days:>5} {filled:>7.1f} {statistics.mean(times):>16.2f} "
                      f"{statistics.median(times):>7.2f} "
                      f"{times[int(len(times) * 0.9)]:>7.2f} {cands:>19.2f} {statistics.mean(cpu):>15.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
