"""Where `rasd ingest`'s time goes on real articles: extraction against the store, and the store's SQL per article.

    .venv/bin/python bench/ingest_store.py extract --articles 300 -o /tmp/records.jsonl   # once (costly)
    .venv/bin/python bench/ingest_store.py extract --short --articles 400 -o /tmp/short.jsonl   # the short set
    .venv/bin/python bench/ingest_store.py store /tmp/records.jsonl [--repeat 2] [--batch 32] [--dump /tmp/t.jsonl]

`extract` reads the first --articles of ../shared/data/news (RESEARCH licence: benchmarking only, nothing is
copied into the repository), extracts them on one core and writes (article, record) pairs plus the CPU seconds
extraction took. `store` stores those pairs (repeated --repeat times with new ids and URLs, so the store grows
and dedup has stored events to compare against) into a fresh SQLite file, one transaction per article with
`Repository.add_record` (--batch 1), or --batch articles per transaction with `Repository.add_records` as
`rasd ingest` does since session 12 (a stored-article lookup per batch too), and reports CPU and wall seconds,
SQL statements and session flushes per article; `--explain` prints SQLite's query plan of each distinct reading
statement (to stderr), marking those that scan a table without an index. `--dump` writes every stored table row for row (ordered by
primary key, without the wall-clock columns ingested_at / updated_at / created_at and the events' tally;
event_keys without its row ids, by event and key), so two versions of the store can be compared with `cmp` on
the same input.

Session 12 (branch speed19, load 4-9 on 2 cores), main eda16a0 (--batch 1) against speed19 (--batch 32),
figures in the README ("Session 12, ingest"). The short set is bench/ingest.py's: the four /work/main/examples
articles repeated with new ids (400), so each of their events collects ~100 mentions and an event's refresh
(re-reading its mentions) dominated the store.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

NEWS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "corpus.jsonl.gz"
CLOCK_COLUMNS = {"ingested_at", "updated_at", "created_at"}
# not dumped either: an event's tally (rasd.store.tally) is how its fields were computed, not what is stored
# about it; tests/store/test_tally.py checks that a tally is the one its mentions give
WORKING_COLUMNS = {"tally"}


def read_news(limit: int):
    from rasd.document import Article
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                return
            item = json.loads(line)
            yield Article.model_validate({k: v for k, v in item.items() if k != "lang"})


def read_short(count: int):
    """bench/ingest.py's short set: the /work/main/examples articles repeated with new ids and closing lines."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from dask_scaling import sample_articles
    yield from sample_articles(count)


def cmd_extract(args) -> None:
    from rasd.pipeline import extract
    n, cpu = 0, 0.0
    base: dict[str, dict] = {}   # the short set's copies share their article's record (with their own id)
    with open(args.output, "w", encoding="utf-8") as out:
        for article in (read_short(args.articles) if args.short else read_news(args.articles)):
            started = time.process_time()
            if args.short:
                root = article.id.rsplit("-copy", 1)[0]
                if root not in base:
                    base[root] = extract(article).to_record()
                record = {**base[root], "id": article.id}
            else:
                record = extract(article).to_record()
            cpu += time.process_time() - started
            out.write(json.dumps({"article": article.model_dump(mode="json"), "record": record},
                                 ensure_ascii=False) + "\n")
            n += 1
    print(json.dumps({"articles": n, "extract_cpu_seconds": round(cpu, 2),
                      "extract_articles_per_cpu_s": round(n / cpu, 1)}))


def dump_tables(url: str, path: str) -> None:
    from sqlalchemy import create_engine, inspect, text
    engine = create_engine(url)
    with engine.connect() as conn, open(path, "w", encoding="utf-8") as out:
        for table in sorted(inspect(engine).get_table_names()):
            if table == "alembic_version":
                continue
            cols = [c["name"] for c in inspect(engine).get_columns(table) if c["name"] not in CLOCK_COLUMNS | WORKING_COLUMNS]
            if table == "event_keys":   # which keys each event is filed under; the rows' ids are not read
                cols, order = [c for c in cols if c != "id"], "event_id, key"
            else:
                order = "1"
            for row in conn.execute(text(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}")):
                out.write(json.dumps([table, *[str(v) if v is not None else None for v in row]],
                                     ensure_ascii=False) + "\n")
    engine.dispose()


def explain(url: str, examples: dict[str, tuple]) -> None:
    """SQLite's plan for each distinct reading statement the store ran (to stderr): every table it reads should
    be searched by an index (SEARCH ... USING INDEX), not scanned (SCAN), or the store's cost grows with it."""
    import sqlite3
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for shape, (statement, parameters) in examples.items():
        if not statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
            continue
        plan = [row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
        scans = [step for step in plan if step.startswith("SCAN ") and step.split()[1] in tables
                 and " USING " not in step]
        print(("TABLE SCAN " if scans else "indexed    ") + " ".join(shape.split())[:160], file=sys.stderr)
        for step in plan:
            print("          " + step, file=sys.stderr)
    conn.close()


def cmd_store(args) -> None:
    from sqlalchemy import event
    from sqlalchemy.orm import Session
    from rasd.document import Article
    from rasd.store import Repository
    pairs = []
    with open(args.records, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            pairs.append((Article.model_validate(item["article"]), item["record"]))
    work = []
    for r in range(args.repeat):
        for article, record in pairs:
            if r:   # a new id, URL and closing line: a distinct article that reports the same events
                article = article.model_copy(update={"id": f"{article.id}-r{r}", "url": f"{article.url or ''}#r{r}",
                                                     "text": article.text + f"\nنسخة {r}."})
                record = {**record, "id": article.id}
            work.append((article, record))
    statements: Counter = Counter()
    examples: dict[str, tuple] = {}   # each distinct statement once, with its parameters (--explain)
    flushes = [0]
    with tempfile.TemporaryDirectory(prefix="rasd-store-") as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        with Repository.open(url) as repo:
            @event.listens_for(repo.engine, "before_cursor_execute")
            def _count(_conn, _cursor, statement, parameters, _context, executemany):
                statements[" ".join(statement.split()[:3]).upper()] += 1
                if not executemany:   # (IN lists of any length are one statement)
                    examples.setdefault(re.sub(r"\?(, \?)+", "?, …", statement), (statement, parameters))
            event.listen(Session, "after_flush", lambda *_a: flushes.__setitem__(0, flushes[0] + 1))
            started, cpu = time.perf_counter(), time.process_time()
            if args.batch > 1:   # as `rasd ingest` stores: a lookup per batch, one transaction per batch
                for part in range(0, len(work), args.batch):
                    batch = work[part:part + args.batch]
                    stored = repo.stored_articles([article for article, _record in batch])
                    repo.add_records([(record, article) for (article, record), done in zip(batch, stored)
                                      if not done])
            else:
                for article, record in work:
                    if not repo.has_article(article):
                        repo.add_record(record, article)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            stats = repo.stats()
        if args.dump:
            dump_tables(url, args.dump)
        if args.explain:
            explain(url, examples)
    n = len(work)
    print(json.dumps({
        "articles": n, "cpu_seconds": round(cpu, 2), "wall_seconds": round(seconds, 2),
        "articles_per_cpu_s": round(n / cpu, 1), "articles_per_s": round(n / seconds, 1),
        "sql_statements_per_article": round(sum(statements.values()) / n, 1),
        "by_verb_per_article": {k: round(v / n, 1) for k, v in statements.most_common()},
        "flushes_per_article": round(flushes[0] / n, 1),
        "event_mentions": stats.event_mentions, "events": stats.events, "entities": stats.entities,
        "load_avg_1m": round(os.getloadavg()[0], 2)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract")
    p.add_argument("--articles", type=int, default=300)
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--short", action="store_true",
                   help="the examples articles repeated (bench/ingest.py's short set) instead of the news")
    p = sub.add_parser("store")
    p.add_argument("records")
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--dump")
    p.add_argument("--batch", type=int, default=1, help="articles per transaction (Repository.add_records)")
    p.add_argument("--explain", action="store_true", help="print the query plan of each reading statement")
    args = parser.parse_args()
    cmd_extract(args) if args.cmd == "extract" else cmd_store(args)


if __name__ == "__main__":
    sys.exit(main())
