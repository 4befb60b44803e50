"""The one exception type for bad input, caught at the CLI and API edges."""
from __future__ import annotations


class RasdInputError(ValueError):
    """Bad input: names the file and line (when known) and the reason, in one line."""

    def __init__(self, file: str | None, line: int | None, reason: str):
        self.file, self.line, self.reason = file, line, reason
        where = file or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {reason}")
