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


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first), or None when there is no such process."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def alive(pid: int, started: int | None = None) -> bool:
    """The process exists and is not a zombie; with `started` (its start_time()), it is still that process and
    not a later one given the same number (process ids are reused: pid_max can be as low as 32,768)."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z" and (started is None or int(fields[19]) == started)


def start_time(pid: int) -> int | None:
    """When process `pid` started (clock ticks after boot, /proc/PID/stat field 22): with the pid, its identity."""
    fields = _stat(pid)
    return int(fields[19]) if fields is not None else None


def describe(pid: int) -> str:
    """A process as a line for a report: pid, state, whether a SIGKILL is pending (it is dying), its command."""
    fields = _stat(pid)
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        pending = int(next(x for x in status.splitlines() if x.startswith("ShdPnd:")).split()[1], 16) | \
            int(next(x for x in status.splitlines() if x.startswith("SigPnd:")).split()[1], 16)
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120]
    except (OSError, StopIteration, ValueError):
        return f"{pid} (gone)"
    dying = " SIGKILL pending" if pending & (1 << (signal.SIGKILL - 1)) else ""
    return f"{pid} state {fields[0] if fields else '?'}{dying}: {command}"


def kill_after_progress(child: subprocess.Popen, progress, wait: float, patience: float,
                        settle: float) -> tuple[set[int], list[int]] | None:
    """SIGKILL `child` `wait` seconds after `progress()` (a count, e.g. articles stored) first rises, giving up
    after `patience` seconds; its descendants still alive `settle` seconds after the kill are killed too.
    None when the child finished before the kill; else its process family and those that outlived it.
    Each descendant is known by its pid and start time, so that a later process given a number of the family
    (pid reuse, frequent on a busy machine with pid_max 32,768) is not counted as left alive. What outlived
    the kill is printed (state, SIGKILL pending or not, command) before it is killed."""
    before = progress()
    deadline = time.time() + patience
    family: dict[int, int] = {}
    while time.time() < deadline and child.poll() is None:
        for pid in descendants(child.pid):
            if pid not in family and (started := start_time(pid)) is not None:
                family[pid] = started
        if deadline - time.time() > wait and progress() > before:
            deadline = time.time() + wait
        time.sleep(0.2)
    if child.poll() is not None:
        return None
    child.send_signal(signal.SIGKILL)
    child.wait()
    gone_by = time.time() + settle
    while time.time() < gone_by and any(alive(p, s) for p, s in family.items()):
        time.sleep(0.2)
    left = [p for p, s in family.items() if alive(p, s)]
    for p in left:
        print(f"    outlived the kill by {settle:g} s: {describe(p)}", flush=True)
        os.kill(p, signal.SIGKILL)
    return set(family), left
