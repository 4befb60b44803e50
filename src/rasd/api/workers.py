"""Extraction for the server in worker processes, with a work budget per request.

Extraction is CPU-bound Python and its time grows faster than linearly with the article, so `rasd serve`
never runs it in the process that answers requests and never holds a lock while it runs:

- each request's article goes to one of `workers` long-lived processes (spawned, so they share no locks
  with the server's threads; each loads the knowledge base once);
- an article over `max_words` words is refused before any work (413), so one request cannot ask for minutes;
- a job still running after `timeout` seconds is stopped by killing its process (a new one replaces it),
  and the request is answered 503: the other workers keep serving;
- a request that finds every worker busy for `queue_timeout` seconds is answered 503 with Retry-After;
- a long article (over `batch_words` words, default 1,000) is batch work measured in seconds: it runs at
  a lower CPU priority than the server (`nice`, default +10), in a thread of its own (Linux sets priority
  per thread, so the worker's next short article is back at the server's priority). When the CPUs are busy
  the server's reads, measured in milliseconds, and short extractions run first, and a long extraction
  takes the CPU they leave;
- the workers die with the server: they exit when the pipe to it closes (which the kernel does when the
  server is killed outright), and a watchdog thread in each exits as soon as the server is gone (the
  worker is re-parented) even in the middle of a long article. (PR_SET_PDEATHSIG is not used: it fires
  when the *thread* that started the worker ends, and the server starts workers from pool threads.)
"""
from __future__ import annotations

import json
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from typing import Any

DEFAULT_WORKERS = 2
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_WORDS = 20_000
DEFAULT_QUEUE_TIMEOUT = 30.0
DEFAULT_NICE = 10
DEFAULT_BATCH_WORDS = 1_000


class ExtractionRefused(Exception):
    """The request cannot be served within the budget: `status` (413 or 503) and a one-line reason."""

    def __init__(self, status: int, reason: str, retry_after: int | None = None):
        super().__init__(reason)
        self.status, self.reason, self.retry_after = status, reason, retry_after


def _watch_parent(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:   # the server is gone: we were re-parented
            os._exit(0)
        time.sleep(1.0)


def _lower_this_threads_priority(nice: int) -> bool:
    """Nice the calling thread alone by `nice` steps (Linux: a thread id is a PRIO_PROCESS target of its
    own); False where that is not possible (then nothing is changed)."""
    if not nice or not sys.platform.startswith("linux"):
        return False
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + nice))
        return True
    except OSError:
        return False


def _extract_at(nice: int, work):
    """work() at `nice` steps below this process's priority, in a thread of its own (ended with the job);
    in this thread when `nice` is 0."""
    if not nice:
        return work()
    out: list[Any] = []

    def run() -> None:
        _lower_this_threads_priority(nice)
        try:
            out.append(("ok", work()))
        except BaseException as exc:   # noqa: BLE001 — handed to the caller's thread
            out.append(("raised", exc))
    thread = threading.Thread(target=run, name="rasd-extract-batch")
    thread.start()
    thread.join()
    status, value = out[0]
    if status == "raised":
        raise value
    return value


def _worker_main(conn, parent_pid: int) -> None:   # runs in the worker process
    if os.getppid() != parent_pid:   # the server died before we got here
        return
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C reaches the server, which stops us
    from rasd.document import Article, Record
    from rasd.pipeline import extract
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        article, nice = message if isinstance(message, tuple) else (message, 0)
        try:
            record = _extract_at(nice, lambda: Record.from_document(extract(Article.model_validate(article)))
                                 .model_dump_json().encode())
            conn.send(("ok", record))   # the answer's JSON as made here: the server passes it on as it is
        except Exception as exc:   # noqa: BLE001 — reported to the request, the worker lives on
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.process: Any = None
        self.conn: Any = None

    def start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.process = self.ctx.Process(target=_worker_main, args=(child, os.getpid()), daemon=True,
                                        name="rasd-extract")
        self.process.start()
        child.close()
        self.conn = parent

    def run(self, article: dict[str, Any], timeout: float, nice: int = 0) -> tuple[str, Any] | None:
        """(status, payload), or None when the job ran over `timeout` (the process is then killed). With
        `nice`, the job runs that many steps below the worker's priority."""
        if self.process is None or not self.process.is_alive():
            self.start()
        try:
            self.conn.send((article, nice))
            if self.conn.poll(timeout):
                return self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self.stop()
            return ("died", "the extraction worker stopped unexpectedly")
        self.stop()
        return None

    def stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
        self.process = self.conn = None


class ExtractionPool:
    def __init__(self, workers: int = DEFAULT_WORKERS, timeout: float = DEFAULT_TIMEOUT,
                 max_words: int = DEFAULT_MAX_WORDS, queue_timeout: float = DEFAULT_QUEUE_TIMEOUT,
                 nice: int = DEFAULT_NICE, batch_words: int = DEFAULT_BATCH_WORDS):
        self.timeout, self.max_words, self.queue_timeout = timeout, max_words, queue_timeout
        self.nice, self.batch_words = nice, batch_words
        self._ctx = multiprocessing.get_context("spawn")
        self._all = [_Worker(self._ctx) for _ in range(max(1, workers))]
        self._free: queue.Queue[_Worker] = queue.Queue()
        for worker in self._all:
            self._free.put(worker)
        self._closed = threading.Event()

    def check_budget(self, text: str) -> int:
        """The article's number of words; raises ExtractionRefused (413) over the budget."""
        words = len(text.split())
        if self.max_words and words > self.max_words:
            raise ExtractionRefused(413, f"the article has {words:,} words, over this server's budget of "
                                         f"{self.max_words:,} words per request (rasd serve --max-words)")
        return words

    def extract(self, article: dict[str, Any]) -> dict[str, Any]:
        """The record (as JSON data) of one article; raises ExtractionRefused or RuntimeError."""
        return json.loads(self.extract_json(article))

    def extract_json(self, article: dict[str, Any]) -> bytes:
        """The record of one article as JSON text (Record.model_dump_json, made in the worker: the server
        neither decodes nor validates it to pass it on); raises ExtractionRefused or RuntimeError."""
        words = self.check_budget(article.get("text", ""))
        nice = self.nice if words > self.batch_words else 0
        try:
            worker = self._free.get(timeout=self.queue_timeout)
        except queue.Empty:
            raise ExtractionRefused(503, f"all {len(self._all)} extraction workers are busy; try again later",
                                    retry_after=max(1, int(self.timeout))) from None
        try:
            if self._closed.is_set():
                raise ExtractionRefused(503, "the server is shutting down")
            result = worker.run(article, self.timeout, nice)
            if result is not None and result[0] == "died":   # once more on a fresh worker
                result = worker.run(article, self.timeout, nice)
        finally:
            self._free.put(worker)
        if result is None:
            raise ExtractionRefused(503, f"extraction stopped after {self.timeout:g} s, this server's budget per "
                                         "request (rasd serve --extract-timeout); split the article")
        status, payload = result
        if status == "died":
            raise ExtractionRefused(503, f"{payload}; try again")
        if status != "ok":
            raise RuntimeError(payload)
        return payload

    def warm(self, article: dict[str, Any] | None = None) -> None:
        """Start every worker and have it extract one short article, so that no request waits for a worker
        to start and load the knowledge base (seconds). Takes each worker as a request would (a request
        arriving meanwhile waits for it or takes a free one); returns when all are ready."""
        article = article or {"id": "warm-up", "text": "قتل ثلاثة أشخاص في غارة جوية على مدينة إدلب."}

        def one() -> None:
            try:
                worker = self._free.get(timeout=self.queue_timeout)
            except queue.Empty:
                return
            try:
                if not self._closed.is_set():
                    worker.run(article, max(self.timeout, 120.0))
            finally:
                self._free.put(worker)
        threads = [threading.Thread(target=one, daemon=True) for _ in self._all]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def close(self) -> None:
        self._closed.set()
        for worker in self._all:
            worker.stop()
