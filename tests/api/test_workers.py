"""Extraction priority: long articles are batch work run below the server's CPU priority, short ones not."""
import os
import sys
import threading

import pytest

from rasd.api.workers import ExtractionPool, _extract_at

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priority is Linux's")


def _priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@linux_only
def test_a_batch_job_runs_niced_in_its_own_thread_and_the_caller_keeps_its_priority():
    before = _priority()
    assert _extract_at(10, _priority) == min(19, before + 10)
    assert _priority() == before                      # the worker's next job is back at its priority
    assert _extract_at(0, _priority) == before        # a short job: not niced, run in the caller's thread
    assert _extract_at(0, threading.get_ident) == threading.get_ident()


def test_a_batch_jobs_error_reaches_the_caller():
    with pytest.raises(ZeroDivisionError):
        _extract_at(10, lambda: 1 / 0)


def test_only_articles_over_batch_words_are_niced(monkeypatch):
    pool = ExtractionPool(workers=1, nice=7, batch_words=5)
    sent = []
    monkeypatch.setattr(type(pool._all[0]), "run", lambda self, article, timeout, nice=0: (
        sent.append((len(article["text"].split()), nice)) or ("ok", b"{}")))
    for words in (1, 5, 6, 40):
        pool.extract({"id": "x", "text": " ".join(["كلمة"] * words)})
    assert sent == [(1, 0), (5, 0), (6, 7), (40, 7)]
    pool.close()
