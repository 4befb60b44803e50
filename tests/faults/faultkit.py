"""Helpers of the fault-injection suite: good articles, the store's contents, a rasd subprocess, clean stderr."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

BASE = [
    "قتل خمسة مدنيين في غارة جوية استهدفت سوقا شعبيا في مدينة إدلب صباح الجمعة، بحسب الدفاع المدني السوري.",
    "تظاهر مئات اللبنانيين أمام مقر الحكومة في بيروت احتجاجا على تدهور الأوضاع المعيشية.",
    "اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على محور سراقب شرقي إدلب.",
    "أعلن وزير الخارجية الأردني أن بلاده ستستضيف اجتماعا لبحث عودة اللاجئين السوريين.",
]


def good_text(n: int) -> str:
    """A distinct good article text (its number is in it, so no two are one article to the store)."""
    return f"{BASE[n % len(BASE)]}\nوأضاف المصدر في التقرير رقم {n} أن التحقيقات مستمرة."


def good_line(n: int, **extra) -> str:
    return json.dumps({"id": f"good-{n}", "text": good_text(n), "published": "2024-03-01", **extra},
                      ensure_ascii=False)


def write_good(path: Path, numbers) -> set[str]:
    path.write_text("".join(good_line(n) + "\n" for n in numbers), encoding="utf-8")
    return {f"good-{n}" for n in numbers}


def sqlite_ids(db: Path) -> list[str]:
    """Every stored article's input id, one entry per stored row (so duplicates show)."""
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT source_id FROM articles")]


def skipped_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("rasd: skipped")]


RASD = [sys.executable, "-c", "import sys; from rasd.cli import main; sys.exit(main())"]


def rasd(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`rasd ARGS` in a fresh interpreter (what a user runs), output captured as text."""
    return subprocess.run([*RASD, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "80"})


def start_rasd(*args: str, log: Path) -> subprocess.Popen:
    out = open(log, "w")
    return subprocess.Popen([*RASD, *args], stdout=out, stderr=out)


def assert_clean_stderr(err: str) -> None:
    """No traceback, and every line is rasd's own: nothing in the input forged or hid a line."""
    assert "Traceback" not in err, err[-3000:]
    assert "\x1b" not in err and "\r" not in err
    for line in err.splitlines():   # ("kb build:" when the gazetteer is rebuilt on first use after an update)
        assert line.startswith(("rasd: ", "kb build: ")), repr(line)


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (children, their children ...), read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, stack = set(), [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def alive(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def kill_after_progress(child: subprocess.Popen, progress, wait: float, patience: float,
                        settle: float) -> tuple[set[int], list[int]] | None:
    """SIGKILL `child` `wait` seconds after `progress()` (a count, e.g. articles stored) first rises, giving up
    after `patience` seconds; its descendants still alive `settle` seconds after the kill are killed too.
    None when the child finished before the kill; else its process family and those that outlived it."""
    before = progress()
    deadline = time.time() + patience
    family: set[int] = set()
    while time.time() < deadline and child.poll() is None:
        family |= descendants(child.pid)
        if deadline - time.time() > wait and progress() > before:
            deadline = time.time() + wait
        time.sleep(0.2)
    if child.poll() is not None:
        return None
    child.send_signal(signal.SIGKILL)
    child.wait()
    gone_by = time.time() + settle
    while time.time() < gone_by and any(alive(p) for p in family):
        time.sleep(0.2)
    left = [p for p in family if alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    return family, left
