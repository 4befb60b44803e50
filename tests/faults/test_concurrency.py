"""Several writers at once on SQLite, a writer that must wait, and kill -9 with no orphan process left."""
from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time

from faultkit import (alive, assert_clean_stderr, descendants, rasd, skipped_lines, sqlite_ids, start_rasd,
                      write_good)

from rasd.store import db as store_db


def test_two_ingests_creating_the_same_sqlite_file_at_once_store_everything(tmp_path):
    a, b, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "new.db"
    good = write_good(a, range(0, 6)) | write_good(b, range(6, 12))
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    children = [start_rasd("ingest", str(src), "--db", str(db), "--workers", "1", log=log)
                for src, log in zip((a, b), logs)]
    codes = [child.wait(timeout=300) for child in children]
    errs = [log.read_text() for log in logs]
    assert codes == [0, 0], errs
    for err in errs:
        assert_clean_stderr(err)
    assert sorted(sqlite_ids(db)) == sorted(good)


def test_the_same_input_twice_at_once_stores_each_article_once(tmp_path):
    src, db = tmp_path / "a.jsonl", tmp_path / "rasd.db"
    good = write_good(src, range(10))
    logs = [tmp_path / "1.log", tmp_path / "2.log"]
    children = [start_rasd("ingest", str(src), "--db", str(db), "--workers", "1", log=log) for log in logs]
    codes = [child.wait(timeout=300) for child in children]
    errs = [log.read_text() for log in logs]
    assert codes == [0, 0], errs
    for err in errs:
        assert_clean_stderr(err)
    assert sorted(sqlite_ids(db)) == sorted(good)           # exactly once each
    with sqlite3.connect(db) as conn:                        # and no entity or event was made twice
        assert conn.execute("SELECT count(*) FROM entity_aliases").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM (SELECT DISTINCT entity_id, alias FROM entity_aliases)").fetchone()[0]


def _hold_write_lock(db, seconds: float, ready: threading.Event) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    ready.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_a_writer_that_must_wait_says_so_in_one_line_and_stores_everything(tmp_path, monkeypatch,
                                                                          ingest_in_process):
    src, db = tmp_path / "a.jsonl", tmp_path / "rasd.db"
    good = write_good(src, range(3))
    write_good(tmp_path / "first.jsonl", [99])
    ingest_in_process(str(tmp_path / "first.jsonl"), "--db", str(db))
    monkeypatch.setattr(store_db, "SQLITE_BUSY_MS", 200)
    ready = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db, 2.0, ready))
    holder.start()
    ready.wait()
    try:
        code, err = ingest_in_process(str(src), "--db", str(db))
    finally:
        holder.join()
    assert code == 0, err
    assert_clean_stderr(err)
    assert "is locked by another writer; waiting" in err and err.count("waiting") == 1
    assert sorted(sqlite_ids(db)) == sorted(good | {"good-99"})


def test_a_writer_locked_out_too_long_gives_up_with_one_line(tmp_path, monkeypatch, ingest_in_process):
    src, db = tmp_path / "a.jsonl", tmp_path / "rasd.db"
    write_good(src, range(2))
    write_good(tmp_path / "first.jsonl", [99])
    ingest_in_process(str(tmp_path / "first.jsonl"), "--db", str(db))
    monkeypatch.setattr(store_db, "SQLITE_BUSY_MS", 100)
    monkeypatch.setattr(store_db, "LOCK_GIVE_UP_SECONDS", 0.5)
    ready = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db, 2.0, ready))
    holder.start()
    ready.wait()
    try:
        code, err = ingest_in_process(str(src), "--db", str(db))
    finally:
        holder.join()
    assert code == 1
    assert_clean_stderr(err)
    assert "still locked by another writer after" in err
    assert sqlite_ids(db) == ["good-99"]                    # nothing half-written; a re-run stores the rest
    code, err = ingest_in_process(str(src), "--db", str(db))
    assert code == 0 and sorted(sqlite_ids(db)) == ["good-0", "good-1", "good-99"]


def test_kill_9_of_a_parallel_ingest_leaves_no_orphan_and_loses_nothing(tmp_path):
    src, db = tmp_path / "a.jsonl", tmp_path / "rasd.db"
    good = write_good(src, range(400))
    child = start_rasd("ingest", str(src), "--db", str(db), "--workers", "2", "-q", log=tmp_path / "log")
    deadline = time.time() + 120
    workers: set[int] = set()
    while time.time() < deadline and child.poll() is None:
        workers = descendants(child.pid)
        stored = 0
        if db.exists():
            try:
                stored = len(sqlite_ids(db))
            except sqlite3.Error:
                pass
        if len(workers) >= 3 and stored >= 5:     # forkserver + 2 workers (+ resource tracker), storing
            break
        time.sleep(0.1)
    assert child.poll() is None, "the ingest finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.time() + 15
    while time.time() < deadline and any(alive(p) for p in workers):
        time.sleep(0.2)
    assert not [p for p in workers if alive(p)], "worker processes outlived the killed ingest"
    result = rasd("ingest", str(src), "--db", str(db), "--workers", "2", "-q")
    assert result.returncode == 0 and not skipped_lines(result.stderr)
    assert sorted(sqlite_ids(db)) == sorted(good)


POISON = '''
import os, signal
import rasd.pipeline as pipeline
_extract = pipeline.extract
def extract(article, stages=None):
    if article.id == "poison" and os.environ.get("RASD_LIFELINE_PID") not in (None, str(os.getpid())):
        os.kill(os.getpid(), signal.SIGKILL)      # this worker dies, as under the out-of-memory killer
    return _extract(article, stages)
pipeline.extract = extract
'''


def test_a_worker_that_dies_costs_only_its_own_article(tmp_path):
    import json
    import subprocess

    from faultkit import RASD, good_line, good_text
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(POISON)       # loaded by every interpreter, workers included
    src, db = tmp_path / "a.jsonl", tmp_path / "rasd.db"
    lines = [good_line(n) for n in range(30)]
    lines.insert(10, json.dumps({"id": "poison", "text": good_text(99)}, ensure_ascii=False))
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{hooks}:{os.environ.get('PYTHONPATH', '')}"}
    result = subprocess.run([*RASD, "ingest", str(src), "--db", str(db), "--workers", "2"], capture_output=True,
                            text=True, env=env, timeout=600)
    assert result.returncode == 1, result.stderr
    assert_clean_stderr(result.stderr)
    assert skipped_lines(result.stderr) == [
        "rasd: skipped article poison: extraction failed: its worker process died (out of memory or killed)"]
    assert sorted(sqlite_ids(db)) == sorted(f"good-{n}" for n in range(30))


def test_kill_9_of_a_dask_ingest_leaves_no_worker_behind(tmp_path):
    """`--dask` (a LocalCluster of this ingest's own): its worker processes die with the killed ingest."""
    src, db = tmp_path / "a.jsonl", tmp_path / "rasd.db"
    write_good(src, range(400))
    child = start_rasd("ingest", str(src), "--db", str(db), "--dask", "--workers", "2", "-q", log=tmp_path / "log")
    deadline = time.time() + 180
    workers: set[int] = set()
    stored = 0
    while time.time() < deadline and child.poll() is None:
        workers = descendants(child.pid)
        if db.exists():
            try:
                stored = len(sqlite_ids(db))
            except sqlite3.Error:
                pass
        if len(workers) >= 2 and stored >= 3:     # two Dask workers at least, and storing
            break
        time.sleep(0.2)
    assert child.poll() is None, f"the ingest ended before it could be killed: {(tmp_path / 'log').read_text()}"
    assert len(workers) >= 2 and stored >= 3
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.time() + 15
    while time.time() < deadline and any(alive(p) for p in workers):
        time.sleep(0.2)
    assert not [p for p in workers if alive(p)], "Dask worker processes outlived the killed ingest"
