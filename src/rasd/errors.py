"""The exception types for bad input and unusable stores, caught at the CLI and API edges, and
`terminal_safe`, which every message echoed to a terminal goes through."""
from __future__ import annotations

import re

# C0 and C1 controls (newline, carriage return, ESC of ANSI sequences ...), DEL, the line/paragraph
# separators and the bidi embedding/override/isolate controls: any of them in a file name, an article id
# or a feed guid could forge or hide terminal lines ("rasd: ..."). Arabic's own marks (ALM, RLM, LRM) stay.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` on one line with every control, bidi-override and lone-surrogate character escaped (\\x1b ...)."""
    return _UNSAFE.sub(_escape, str(text))


class RasdInputError(ValueError):
    """Bad input: names the file and line (when known) and the reason, in one line.

    `count` > 1 when one error stands for several bad lines (a summary after the first few of a file)."""

    def __init__(self, file: str | None, line: int | None, reason: str, count: int = 1):
        self.file, self.line, self.reason, self.count = file, line, reason, count
        where = file or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(terminal_safe(f"{where}: {reason}"))


class RasdStoreError(RuntimeError):
    """The store cannot be opened or written (not a database, server unreachable, locked too long)."""

    def __init__(self, url: str, reason: str):
        self.url, self.reason = url, reason
        super().__init__(terminal_safe(f"{url}: {reason}"))
