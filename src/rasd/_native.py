"""Which modules run compiled (mypyc C extensions, built by setup.py), and the check that they are current.

`pip install -e .` (and so `make demo` / `make test`) compiles the modules in COMPILED next to their .py files
(issue 16: the extraction ~1.5x faster). An extension is the code as it was at build time, and Python imports
it in preference to the .py beside it, so editing a compiled module would otherwise change nothing until the
next build. The build therefore writes a stamp (the SHA-256 of every compiled source); on `import rasd`,
`use_pure_python_if_stale()` compares it with the sources and, when any differs — or the stamp is missing,
or RASD_NO_MYPYC=1 — has every compiled module imported from its .py instead (all of them: compiled modules
call each other directly, so one edited module cannot run as Python beside compiled callers).

Stdlib only: setup.py imports this file before rasd is installed.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

# Paths under src/ of the modules compiled: the extraction stages' own code and the text and KB-matching
# helpers they call for every word (bench profile of `rasd extract` on the founding article, issue 16), and the
# Document's Token class (rasd/document_token.py: compiled callers read a token's fields from its C struct);
# text/numbers.py since session 14 (its float fields take float literals: mypyc refuses an int assigned to one).
COMPILED = (
    "rasd/document_token.py",
    "rasd/text/furniture.py", "rasd/text/lemma.py", "rasd/text/normalize.py", "rasd/text/sentences.py",
    "rasd/text/tokens.py", "rasd/text/wraps.py", "rasd/text/datafiles.py", "rasd/text/numbers.py",
    "rasd/kb/matcher.py",
    "rasd/extract/actor_codes.py", "rasd/extract/agencies.py", "rasd/extract/attribution.py",
    "rasd/extract/casualties.py", "rasd/extract/clauses.py", "rasd/extract/crf_scores.py", "rasd/extract/cues.py",
    "rasd/extract/dates.py", "rasd/extract/entities.py", "rasd/extract/event_actors.py",
    "rasd/extract/event_confidence.py", "rasd/extract/event_lexicon.py", "rasd/extract/event_merge.py",
    "rasd/extract/event_modality.py", "rasd/extract/event_place.py", "rasd/extract/events.py",
    "rasd/extract/marks.py", "rasd/extract/ner_model.py", "rasd/extract/place_list.py",
    "rasd/extract/places.py", "rasd/extract/quotes.py", "rasd/extract/relations.py", "rasd/extract/sources.py",
    "rasd/extract/spanindex.py", "rasd/extract/speakers.py", "rasd/extract/specificity.py",
    "rasd/extract/speech.py", "rasd/extract/transliterate.py", "rasd/extract/triggers.py",
)
STAMP = "rasd/_native_stamp.json"       # written by setup.py after a successful build (not in git)


def compiled_paths() -> tuple[str, ...]:
    return COMPILED


def _module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def _digests(src: Path) -> dict[str, str]:
    return {p: hashlib.sha256((src / p).read_bytes()).hexdigest() for p in COMPILED}


def write_stamp(src: Path) -> None:
    (src / STAMP).write_text(json.dumps(_digests(src), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def remove_stamp(src: Path) -> None:
    (src / STAMP).unlink(missing_ok=True)


def _stamp_matches(src: Path) -> bool:
    try:
        built = json.loads((src / STAMP).read_text(encoding="utf-8"))
        return bool(built == _digests(src))
    except (OSError, ValueError):
        return False


class _FromSource(importlib.abc.MetaPathFinder):
    """Import the compiled modules from their .py files (ahead of the path finder, which prefers the .so)."""

    def __init__(self, src: Path) -> None:
        self.paths = {_module_name(p): src / p for p in COMPILED}

    def find_spec(self, fullname, path=None, target=None):
        source = self.paths.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source is not None else None


_state = {"native": False}


def running_compiled() -> bool:
    """Whether the compiled extensions are in use in this process (bench/ prints it)."""
    return _state["native"]


def use_pure_python_if_stale() -> None:
    """Called once from rasd/__init__.py, before any compiled module is imported."""
    src = Path(__file__).resolve().parent.parent
    built = (src / STAMP).exists()
    if built and os.environ.get("RASD_NO_MYPYC") != "1" and _stamp_matches(src):
        _state["native"] = True
        return
    if not any(isinstance(f, _FromSource) for f in sys.meta_path):
        sys.meta_path.insert(0, _FromSource(src))


def build_is_current(src: Path) -> bool:
    """Whether the stamp matches the sources and every compiled module's extension is there (`make native`
    then skips mypyc, whose type check of the 39 modules takes minutes even when nothing changed)."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return _stamp_matches(src) and all(
        any((src / p).with_suffix(s).exists() for s in suffixes) for p in COMPILED)


if __name__ == "__main__":      # `python src/rasd/_native.py`: exit 0 when the compiled build is current
    sys.exit(0 if build_is_current(Path(__file__).resolve().parent.parent) else 1)
