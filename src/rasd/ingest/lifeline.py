"""Worker processes die with the ingest that started them, even when it is killed with SIGKILL.

A local pool's processes are forked by multiprocessing's forkserver, itself a child of the ingest:
- the forkserver imports this module first (forkserver preload); when LIFELINE_ENV names its parent, it
  asks the kernel for SIGKILL when that parent dies (Linux PR_SET_PDEATHSIG);
- each worker, in its initializer, asks for SIGKILL when the forkserver dies and also watches the ingest
  itself (a pidfd, or a once-a-second check where there is none), exiting as soon as it is gone.
Elsewhere (no prctl) the watch thread alone does the job.
"""
from __future__ import annotations

import ctypes
import os
import select
import signal
import threading
import time

LIFELINE_ENV = "RASD_LIFELINE_PID"
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> bool:
    """SIGKILL this process when its parent exits (Linux only); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _wait_for_exit(pid: int) -> None:
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        while not poller.poll(None):
            pass
        return
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        except PermissionError:
            pass
        time.sleep(1.0)


def watch(pid: int) -> None:
    """Exit this process at once (no clean-up: the parent owns every resource) when process `pid` exits."""
    def run() -> None:
        _wait_for_exit(pid)
        os._exit(1)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        os._exit(1)
    except PermissionError:
        pass
    threading.Thread(target=run, name="rasd-lifeline", daemon=True).start()


def worker_init(ingest_pid: int) -> None:
    """Pool initializer: die with the forkserver that forked us and with the ingest that owns the pool."""
    die_with_parent()
    if ingest_pid != os.getpid():
        watch(ingest_pid)


# Imported as the forkserver's preload: only a process whose parent is the ingest named in the
# environment (the forkserver) arms the signal; importing this module anywhere else does nothing.
if os.environ.get(LIFELINE_ENV) == str(os.getppid()):
    die_with_parent()
    if os.environ.get(LIFELINE_ENV) != str(os.getppid()):   # the ingest died before the signal was armed
        os._exit(1)
