"""Build hook: compile rasd's extraction modules to C extensions with mypyc (issue 16: ~1.5x articles/s).

Everything else about the package is in pyproject.toml. The compiled modules are the ones holding most of
the extraction's time (src/rasd/compiled.txt, one path a line); each keeps its .py beside it, which is what
runs when the extensions are missing, stale or refused:
  - RASD_NO_MYPYC=1 at install time builds no extensions (pure Python);
  - mypy (mypyc) not installed, or mypyc or the C compiler failing: a warning, and pure Python;
  - at run time, rasd/_native.py checks that the compiled modules were built from the sources beside them
    (and RASD_NO_MYPYC=1 there too runs the pure Python).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src" / "rasd"))
import _native  # noqa: E402  (the list of compiled modules and the source stamp, shared with the run-time check)


def _warn(message: str) -> None:
    print(f"rasd setup.py: {message}; rasd runs as pure Python", file=sys.stderr, flush=True)


def _mypyc_extensions() -> list:
    if os.environ.get("RASD_NO_MYPYC") == "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc (part of mypy) is not installed")
        return []
    paths = [str(Path("src") / p) for p in _native.compiled_paths()]
    try:
        # separate=True: one C extension a module, so `build_ext -j` compiles them in parallel and a rebuild
        # recompiles only the modules whose C changed
        return mypycify(paths, opt_level=os.environ.get("MYPYC_OPT_LEVEL", "3"), separate=True)
    except (Exception, SystemExit) as exc:     # a type error mypyc refuses to compile around
        _warn(f"mypyc failed ({exc!r})")
        return []


class OptionalBuildExt(build_ext):
    """Build the mypyc extensions, or none at all: one failed module (no C compiler, no Python headers)
    removes those built, as the compiled modules call each other directly and cannot mix with .py ones."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            self._remove_built()
            _warn(f"compiling the extensions failed ({exc!r})")
            return
        if self.extensions:
            _native.write_stamp(ROOT / "src")

    def _remove_built(self) -> None:
        for ext in self.extensions:
            for path in (self.get_ext_fullpath(ext.name),
                         str(ROOT / "src" / self.get_ext_filename(ext.name))):
                if os.path.exists(path):
                    os.remove(path)
        _native.remove_stamp(ROOT / "src")


setup(ext_modules=_mypyc_extensions(), cmdclass={"build_ext": OptionalBuildExt})
