"""rasd._native: the compiled modules are used only when built from the sources beside them."""
from __future__ import annotations

import importlib.machinery
import shutil
import subprocess
import sys
from pathlib import Path

import rasd
from rasd import _native

SRC = Path(rasd.__file__).resolve().parent.parent


def _copy_sources(to: Path) -> None:
    for p in _native.COMPILED:
        (to / p).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SRC / p, to / p)


def test_the_stamp_matches_its_sources_and_no_edited_one(tmp_path):
    _copy_sources(tmp_path)
    assert not _native._stamp_matches(tmp_path)          # never built
    _native.write_stamp(tmp_path)
    assert _native._stamp_matches(tmp_path)
    edited = tmp_path / "rasd/extract/events.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# an edit after the build\n", encoding="utf-8")
    assert not _native._stamp_matches(tmp_path)
    _native.remove_stamp(tmp_path)
    assert not (tmp_path / _native.STAMP).exists()


def test_every_compiled_module_exists_and_is_imported_from_its_source_when_refused():
    assert all((SRC / p).is_file() for p in _native.COMPILED)
    code = ("import rasd, rasd._native as n, rasd.extract.events as e, rasd.text.tokens as t; "
            "print(n.running_compiled(), e.__file__.endswith('events.py'), t.__file__.endswith('tokens.py'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"RASD_NO_MYPYC": "1", "PATH": "/usr/bin:/bin"}).stdout.split()
    assert out == ["False", "True", "True"]


def test_make_native_skips_mypyc_only_when_stamp_and_every_extension_are_there(tmp_path):
    _copy_sources(tmp_path)
    _native.write_stamp(tmp_path)
    assert not _native.build_is_current(tmp_path)        # stamped, but no extension built
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    for p in _native.COMPILED:
        (tmp_path / p).with_suffix(suffix).write_bytes(b"")
    assert _native.build_is_current(tmp_path)
    (tmp_path / "rasd/text/tokens.py").with_suffix(suffix).unlink()
    assert not _native.build_is_current(tmp_path)        # one extension missing: rebuild
