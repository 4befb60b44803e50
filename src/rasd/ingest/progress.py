"""The progress bar of `rasd extract` and `rasd ingest`: a rich bar on standard error, only when that is a
terminal and only once a run has lasted DELAY_SECONDS (short runs print nothing but their summary).

The bar measures input bytes read (known before the run from the files' sizes, so it works on streams of
unknown article counts); the counts of stored, duplicate and skipped articles and the rate ride along."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterable

DELAY_SECONDS = 2.0


def input_bytes(paths: Iterable[str | Path]) -> int:
    """Total size of the input files (directories walked as the readers walk them); unreadable ones count 0."""
    from rasd.ingest.readers import walk_files
    total = 0
    for raw in paths:
        path = Path(raw)
        try:
            files = walk_files(path)[0] if path.is_dir() else [path]
        except OSError:
            continue
        for file in files:
            try:
                total += os.stat(file).st_size
            except OSError:
                pass
    return total


class RunProgress:
    def __init__(self, label: str, total_bytes: int | None, enabled: bool = True, console=None,
                 delay: float = DELAY_SECONDS, clock=time.monotonic):
        from rich.console import Console
        from rich.progress import (BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)
        self.console = console or Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.clock, self.delay = clock, delay
        self.started_at = clock()
        self.shown = False
        self.progress = Progress(
            SpinnerColumn(), TextColumn(f"[bold]{label}[/]"), BarColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[done]} done"), TextColumn("{task.fields[rate]:.1f}/s"),
            TextColumn("{task.fields[dups]} already stored"), TextColumn("[red]{task.fields[skipped]} skipped[/]"),
            TimeElapsedColumn(), TimeRemainingColumn(), console=self.console, transient=True)
        self.task = self.progress.add_task(label, total=total_bytes or None, done=0, rate=0.0, dups=0, skipped=0)

    def advance_bytes(self, n: int) -> None:
        if self.enabled:
            self.progress.advance(self.task, n)

    def update(self, done: int, rate: float, dups: int = 0, skipped: int = 0) -> None:
        if not self.enabled:
            return
        if not self.shown and self.clock() - self.started_at >= self.delay:
            self.progress.start()
            self.shown = True
        self.progress.update(self.task, done=done, rate=rate, dups=dups, skipped=skipped)

    def stop(self) -> None:
        if self.shown:
            self.progress.stop()
            self.shown = False

    def __enter__(self) -> "RunProgress":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
