"""Ingest at scale: read inputs, extract in parallel, write to the store from this (parent) process.

Extraction is CPU-bound pure Python, so it runs in worker PROCESSES: a local process pool over the
machine's cores (`workers`), or a Dask cluster — a `LocalCluster` of `workers` processes, or an existing
scheduler (`dask="tcp://scheduler:8786"`). Articles travel in chunks; results come back IN INPUT ORDER
(so event clustering, which depends on storage order, gives the same result however many workers ran),
and only a bounded window of chunks is in flight, so memory stays flat on archives of any size.

The parent stores the results in batches, one transaction per batch (`Repository.add_records`: the same rows
and clustering as one article at a time, without a lock, commit and session per article), and writes a batch
whenever the next result is not ready yet or BATCH_ARTICLES are waiting: the workers never wait for the store
(their window of chunks stays queued) and the store never waits with results in hand. A killed ingest loses
nothing it had committed (at most the batch being written, BATCH_ARTICLES articles), and re-running it skips
what is stored (checked a chunk at a time before extraction, so re-runs are cheap). An article the store
refuses sinks its batch's transaction; that batch is then written again one article at a time, so only the
article at fault is skipped.
"""
from __future__ import annotations

import collections
import json
import logging
import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from rasd.document import Article
from rasd.errors import RasdInputError

CHUNK_SIZE = 8             # articles per task: amortises pickling/scheduling without hurting balance
WINDOW_PER_WORKER = 4      # chunks in flight per worker

BATCH_ARTICLES = 32        # most articles per store transaction (fewer when the next result is not ready)
MAX_KEPT_ERRORS = 1000     # IngestReport.errors keeps the first ones (all are counted and reported)

# (article, its record: the dict, or with as_json its RecordJSON line) or an input error
Result = tuple[Article, Any] | RasdInputError


def _refused(exc: BaseException) -> bool:
    """True when the store refused this one record's values (the article is skipped, the run goes on);
    False for the store itself failing (gone, locked too long), which ends the run with one line."""
    from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError
    if isinstance(exc, (DataError, IntegrityError, UnicodeError, ValueError)):
        return True
    if isinstance(exc, DBAPIError):
        # pg8000 reports every server error as one class: read the SQLSTATE (22 data, 23 integrity)
        fields = getattr(exc.orig, "args", None)
        code = fields[0].get("C", "") if fields and isinstance(fields[0], dict) else ""
        return code[:2] in ("22", "23")
    return isinstance(exc, StatementError)


def _warm_up(stages: tuple[str, ...] | None, ingest_pid: int | None = None) -> None:
    """Load stage modules (and their lexicons) once per worker, not per article; die with the ingest."""
    if ingest_pid is not None:
        from rasd.ingest.lifeline import worker_init
        worker_init(ingest_pid)
    from rasd.pipeline import build_pipeline
    build_pipeline(stages)


class RecordJSON(str):
    """A record already written as its JSONL line (without the newline), by the worker that extracted it.

    `rasd extract` only writes its records: serialising them where they are made, rather than pickling the
    dict (~100 kB of JSON for an 870-word article) to the parent to be unpickled and serialised there, takes
    ~1.5 ms per article off the parent, which shares the cores with the workers (issue 16)."""
    __slots__ = ()


def extract_chunk(articles: list[Article], stages: tuple[str, ...] | None = None,
                  as_json: bool = False) -> list[dict | str]:
    """Worker task: a record per article (a RecordJSON line with `as_json`), or the one-line reason its
    extraction failed."""
    from rasd.pipeline import extract
    out: list[dict | str] = []
    for article in articles:
        try:
            record = extract(article, stages).to_record()
            out.append(RecordJSON(json.dumps(record, ensure_ascii=False)) if as_json else record)
        except Exception as exc:   # one bad article must not sink its chunk; the reason is reported
            out.append(f"extraction failed: {type(exc).__name__}: {exc}")
    return out


class _InProcess:
    """workers=1: no pool at all (simplest to debug, no start-up cost)."""
    def submit(self, fn: Callable, *args) -> Future:
        future: Future = Future()
        future.set_result(fn(*args))
        return future

    def close(self) -> None:
        pass


class _LocalPool:
    def __init__(self, workers: int, stages):
        self.workers, self.stages = workers, stages
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # forkserver, not fork: the parent runs threads (progress bar, DB driver) that fork would copy mid-lock
        from rasd.ingest.lifeline import LIFELINE_ENV
        ctx = multiprocessing.get_context("forkserver")
        # the forkserver and the workers die with this process, even on SIGKILL (see lifeline.py)
        os.environ[LIFELINE_ENV] = str(os.getpid())
        # after a kill -9 the resource tracker frees the pool's semaphores; that is its job, not a warning
        os.environ.setdefault("PYTHONWARNINGS", "ignore::UserWarning:multiprocessing.resource_tracker")
        # the forkserver loads the stages, the KB and the lexicons once (rasd.ingest.warm) and forks every worker
        # with them in place, rather than each worker loading its own at its first article
        ctx.set_forkserver_preload(["rasd.ingest.lifeline", "rasd.ingest.warm"])
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_warm_up,
                                   initargs=(self.stages, os.getpid()))

    def submit(self, fn: Callable, *args) -> Future:
        try:
            return self.pool.submit(fn, *args)
        except BrokenProcessPool:   # a worker died (killed, out of memory): a fresh pool for what follows
            self.restart()
            return self.pool.submit(fn, *args)

    def restart(self) -> None:
        if getattr(self.pool, "_broken", False):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _Dask:
    def __init__(self, address: str | None, workers: int, stages):
        from distributed import Client, LocalCluster
        self.cluster = None
        if address:
            self.client = Client(address)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.CRITICAL)
            self.client = Client(self.cluster)
        self.client.run(_warm_up, stages)

    def submit(self, fn: Callable, *args):
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(workers: int, dask: str | None, use_dask: bool, stages):
    if dask or use_dask:
        return _Dask(dask, workers, stages)
    if workers <= 1:
        return _InProcess()
    return _LocalPool(workers, stages)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _chunks(items: Iterable[Article | RasdInputError], size: int) -> Iterator[list[Article | RasdInputError]]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chunk_results(executor, chunk: list, future, stages, as_json: bool = False) -> list[dict | str]:
    """The chunk's results; when its worker died, each article again on its own in a fresh pool, so that
    only an article that kills its worker every time is lost (reported), not the others of its chunk."""
    try:
        return future.result()
    except BrokenProcessPool:
        pass
    except Exception as exc:   # e.g. a Dask worker lost for good: one line per article, the run goes on
        return [f"extraction failed: {type(exc).__name__}: {exc}"] * sum(isinstance(a, Article) for a in chunk)
    out: list[dict | str] = []
    for article in (a for a in chunk if isinstance(a, Article)):
        try:
            out.extend(executor.submit(extract_chunk, [article], stages, as_json).result())
        except BrokenProcessPool:
            out.append("extraction failed: its worker process died (out of memory or killed)")
    return out


def extract_in_order(items: Iterable[Article | RasdInputError], executor, window: int,
                     stages: tuple[str, ...] | None = None, chunk_size: int = CHUNK_SIZE,
                     before_waiting: Callable[[], None] | None = None, as_json: bool = False) -> Iterator[Result]:
    """(article, record) for each article and the input errors, in input order, with `window` chunks in flight.

    `before_waiting` is called when the next result is not ready yet, before waiting for it (the ingest
    writes what it holds then). With `as_json` the records come as RecordJSON lines."""
    pending: collections.deque = collections.deque()

    def drain(block_until: int) -> Iterator[Result]:
        while len(pending) > block_until:
            if before_waiting is not None and pending[0][1] is not None and not pending[0][1].done():
                before_waiting()
            chunk, future = pending.popleft()
            results = (iter(_chunk_results(executor, chunk, future, stages, as_json)) if future is not None
                       else iter(()))
            for item in chunk:
                if isinstance(item, RasdInputError):
                    yield item
                    continue
                result = next(results)
                yield (RasdInputError(f"article {item.id}", None, result)
                       if isinstance(result, str) and not isinstance(result, RecordJSON) else (item, result))

    for chunk in _chunks(items, chunk_size):
        articles = [a for a in chunk if isinstance(a, Article)]
        pending.append((chunk, executor.submit(extract_chunk, articles, stages, as_json) if articles else None))
        yield from drain(window)
    yield from drain(0)


def _settle_parent_gc() -> None:
    """The workers' garbage-collection policy (`rasd.pipeline.settle_gc`) for the parent, which never extracts:
    the records it unpickles and the rows it writes are many young objects, and the default first-generation
    threshold ran ~390 collections over 200 articles, ~0.27 s CPU of the parent's ~2.9 (issue 16; ~0.02 s after
    this). With workers=1 the parent extracts and settles after its first article, with the KB loaded."""
    from rasd import pipeline
    if not pipeline._gc_settled:     # (once per process: a second ingest in it finds the policy in place)
        pipeline.settle_gc()


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    event_mentions: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return (self.added + self.duplicates) / self.seconds if self.seconds else 0.0


def ingest_articles(items: Iterable[Article | RasdInputError], repo, workers: int | None = None,
                    dask: str | None = None, use_dask: bool = False, stages: Iterable[str] | None = None,
                    on_progress: Callable[[IngestReport], None] | None = None,
                    on_error: Callable[[str], None] | None = None,
                    batch_articles: int = BATCH_ARTICLES) -> IngestReport:
    """Extract and store every article; report counts. Articles already stored are not re-extracted."""
    workers = workers or default_workers()
    stage_tuple = tuple(stages) if stages else None
    report = IngestReport()
    started = time.perf_counter()
    batch: list[tuple[Article, dict[str, Any]]] = []

    def progressed() -> None:
        report.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(report)

    def not_yet_stored(stream):
        for chunk in _chunks(stream, CHUNK_SIZE):   # one indexed lookup per chunk
            articles = [item for item in chunk if isinstance(item, Article)]
            stored = iter(repo.stored_articles(articles) if articles else [])
            for item in chunk:
                if isinstance(item, Article) and next(stored):
                    report.duplicates += 1
                    progressed()
                    continue
                yield item

    def skipped(error: RasdInputError) -> None:
        report.skipped += error.count
        if len(report.errors) < MAX_KEPT_ERRORS:
            report.errors.append(str(error))
        if on_error:
            on_error(str(error))
        progressed()

    def stored(result) -> None:
        if result.status == "added":
            report.added += 1
            report.event_mentions += len(result.event_ids)
        else:
            report.duplicates += 1
        progressed()

    def write_batch() -> None:
        if not batch:
            return
        pairs = [(record, article) for article, record in batch]
        try:
            results = repo.add_records(pairs) if len(pairs) > 1 else [repo.add_record(*pairs[0])]
        except Exception as exc:
            if not _refused(exc):
                raise
            results = None   # one article was refused: the batch again, one transaction per article
        if results is not None:
            for result in results:
                stored(result)
        else:
            for record, article in pairs:
                try:
                    stored(repo.add_record(record, article))
                except Exception as exc:
                    if not _refused(exc):
                        raise
                    from rasd.store.db import describe_error
                    skipped(RasdInputError(f"article {article.id}", None, f"not stored: {describe_error(exc)}"))
        batch.clear()

    executor = make_executor(workers, dask, use_dask, stage_tuple)
    if not isinstance(executor, _InProcess):
        _settle_parent_gc()
    try:
        window = max(2, workers * WINDOW_PER_WORKER)
        for result in extract_in_order(not_yet_stored(items), executor, window, stage_tuple,
                                       before_waiting=write_batch):
            if isinstance(result, RasdInputError):
                write_batch()   # reported in input order
                skipped(result)
                continue
            batch.append(result)
            if len(batch) >= batch_articles:
                write_batch()
        write_batch()
    finally:
        executor.close()
    report.seconds = time.perf_counter() - started
    return report
