"""The fault suite's own process bookkeeping: a process is known by its pid and start time."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from faultkit import alive, kill_after_progress, start_time


def test_a_process_is_known_by_its_pid_and_start_time():
    me, started = os.getpid(), start_time(os.getpid())
    assert started is not None and alive(me, started)
    assert not alive(me, started + 1)        # a later process given this number is another process


def test_what_outlives_a_kill_is_reported_and_killed(capsys):
    # a parent whose child ignores its death: the child is left over, reported, then killed
    child = subprocess.Popen([sys.executable, "-c", "import subprocess, sys, time; subprocess.Popen("
                              "[sys.executable, '-c', 'import time; time.sleep(60)']); time.sleep(60)"])
    calls = iter(range(1000))
    family, left = kill_after_progress(child, lambda: next(calls), wait=1.0, patience=30, settle=1.0)
    assert len(left) == 1 and set(left) <= family
    assert "outlived the kill by 1 s" in capsys.readouterr().out
    deadline = time.time() + 10
    while alive(left[0]) and time.time() < deadline:   # SIGKILL is delivered, then the process exits
        time.sleep(0.1)
    assert not alive(left[0])
