"""The CLI as a user meets it (issue 15): no traceback anywhere, clear errors, tables that fit 80 columns,
machine-readable lists, a warning and an option for undated inputs, a progress bar only where it helps."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys

import pytest

from rasd.cli import main
from rasd.store import Repository
from rasd_testkit.store import constructed_article

IDLIB = ("إدلب", 35.9306, 36.6339, "SY", "Idlib", "city")
BEIRUT = ("بيروت", 33.8938, 35.5018, "LB", "Beirut", "city")
RASD = [sys.executable, "-c", "import sys; from rasd.cli import main; sys.exit(main())"]
FIRST_DAY = dt.date(2020, 1, 1)   # strikes five days apart: never one event, whatever the dedup rules
GOOD = "قال الجيش اللبناني إن مسلحين أطلقوا النار على دورية قرب مدينة طرابلس شمال لبنان أمس الأحد."


def run(*args: str, shell_tail: str = "") -> subprocess.CompletedProcess:
    if shell_tail:
        command = " ".join(subprocess.list2cmdline([a]) for a in [*RASD, *args]) + " " + shell_tail
        return subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], capture_output=True, text=True,
                              timeout=300)
    return subprocess.run([*RASD, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "80"})


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store of 600 constructed events (enough output to fill a pipe), built without the pipeline."""
    path = tmp_path_factory.mktemp("cli") / "rasd.db"
    with Repository.open(str(path)) as repo:
        for n in range(300):
            text = f"قتل {n} مدنيين في غارة للقوات الروسية على إدلب. وتظاهر المئات في بيروت رقم {n}."
            article, record = constructed_article(f"a{n}", text, [
                dict(type="ASSAULT", trigger="غارة", place=IDLIB, date=str(FIRST_DAY + dt.timedelta(days=5 * n)),
                     fatalities=n, actor1=("القوات الروسية", "org.ru.army", "Russian Armed Forces"),
                     acled=("Explosions/Remote violence", "Air/drone strike")),
                dict(type="PROTEST", trigger="تظاهر", place=BEIRUT, date="2023-05-01",
                     actor1=("=HYPERLINK(\"http://x\")" if n % 2 else "[/][bold]\x1b[2J", None))],
                outlet=f"outlet {n}")
            repo.add_record(record, article)
    return str(path)


def test_export_parquet_without_output_is_one_clear_line(store):
    result = run("export", "--format", "parquet", "--db", store)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "rasd: parquet is a binary format: give an output file with -o FILE.parquet\n"


@pytest.mark.parametrize("args", [["export", "--format", "csv"], ["export", "--format", "jsonl"],
                                  ["events", "list", "--format", "csv", "--limit", "1000"]])
def test_a_closed_pipe_ends_quietly(store, args):
    assert len(run(*args, "--db", store).stdout.encode()) > 65536     # more than a pipe holds: head closes it
    result = run(*args, "--db", store, shell_tail="| head -n 2")
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == "", result.stderr


def test_output_into_a_missing_directory_is_one_line(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    result = run("extract", str(src), "-o", str(tmp_path / "no" / "such" / "out.jsonl"))
    assert result.returncode == 2
    assert result.stderr == f"rasd: {tmp_path / 'no' / 'such' / 'out.jsonl'}: cannot write: No such file or directory\n"


@pytest.mark.parametrize("command", [["events", "list"], ["export", "--format", "csv"], ["ingest", "IN"]])
def test_db_on_a_file_that_is_not_a_database_is_one_line_and_leaves_it_alone(tmp_path, command):
    notdb = tmp_path / "notes.txt"
    notdb.write_text("my notes, not a database\n" * 50)
    before = notdb.read_bytes()
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    result = run(*[str(src) if c == "IN" else c for c in command], "--db", str(notdb))
    assert result.returncode == 1
    assert result.stderr == f"rasd: sqlite:///{notdb}: cannot open the store: file is not a database\n"
    assert notdb.read_bytes() == before


def test_db_on_an_unreachable_postgres_is_one_line():
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run("events", "list", "--db", f"postgresql://someone:secret@127.0.0.1:{port}/rasd")
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert "cannot open the store" in result.stderr and "secret" not in result.stderr


def test_unknown_country_is_an_error_and_names_are_accepted(store, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["events", "list", "--country", "XX", "--db", store])
    assert exit_.value.code == 2
    assert "unknown country 'XX'" in capsys.readouterr().err
    for country in ("sy", "Syria", "SY"):
        assert main(["events", "list", "--country", country, "--format", "json", "--db", store]) == 0
        listing = json.loads(capsys.readouterr().out)
        assert listing["total"] >= 300 and {e["country"] for e in listing["events"]} == {"SY"}


def test_events_list_as_json_and_csv(store, capsys):
    assert main(["events", "list", "--format", "json", "--limit", "5", "--db", store]) == 0
    listing = json.loads(capsys.readouterr().out)
    with Repository.open(store) as repo:
        events = repo.stats().events
    assert listing["total"] == events > 300 and len(listing["events"]) == 5
    assert main(["events", "list", "--format", "csv", "--limit", "1000", "--db", store]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == events
    formulas = [r["actor1"] for r in rows if "HYPERLINK" in r["actor1"]]
    assert formulas and all(a.startswith("'=HYPERLINK") for a in formulas)   # formula cells are neutralised
    strike = next(r for r in rows if r["type"] == "ASSAULT")
    assert strike["actor1_en"] == "Russian Armed Forces" and strike["place"] == "إدلب"


def test_stored_markup_and_escapes_are_shown_literally(store, capsys):
    from rich.console import Console

    from rasd.store.cli import events_table
    with Repository.open(store) as repo:
        protests = [e for e in repo.list_events(limit=1000)[0] if e.type == "PROTEST"]
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(events_table(protests, len(protests)))
    assert "[/][bold]\\x1b[2J" in console.export_text()
    for event in protests:
        assert main(["events", "show", str(event.id), "--db", store]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and ("[/][bold]\\x1b[2J" in out or "=HYPERLINK" in out)
    listed = run("events", "list", "--limit", "1000", "--db", store)
    assert listed.returncode == 0 and listed.stderr == "" and "\x1b" not in listed.stdout


def test_events_table_fits_80_columns_without_cutting_words(store):
    from rich.console import Console

    from rasd.store.cli import events_table
    with Repository.open(store) as repo:
        items, total = repo.list_events(limit=20)
    for english in (False, True):
        console = Console(width=80, record=True, file=io.StringIO())
        console.print(events_table(items, total, english))
        lines = console.export_text().splitlines()
        assert max(len(line) for line in lines) <= 80
        cells = " ".join(lines)
        words = {"Russian", "Armed", "Forces", "إدلب"} if english else {"القوات", "الروسية", "إدلب"}
        for word in words:                       # each word whole on some line, never split across two
            assert word in cells, (english, word)
        for e in items:
            assert e.date in cells                # dates are never wrapped


def test_undated_input_gets_a_warning_and_published_dates_it(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "u1", "text": GOOD}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "rasd.db"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "rasd: warning: 1 article(s) without a publication date ('u1')" in err and "--published" in err
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--default-date", "2024-11-30"]) == 0
    assert "without a publication date" not in capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8"))["published"] == "2024-11-30"


def test_progress_bar_appears_only_on_a_terminal_after_the_delay():
    from rich.console import Console

    from rasd.ingest.progress import RunProgress
    now = [0.0]
    terminal = Console(file=io.StringIO(), force_terminal=True, width=120)
    progress = RunProgress("ingest", 1000, console=terminal, clock=lambda: now[0])
    progress.update(1, 1.0)
    assert not progress.shown                                   # a short run prints no bar
    now[0] = 2.5
    progress.advance_bytes(500)
    progress.update(5, 2.0, dups=1, skipped=2)
    assert progress.shown
    progress.stop()
    assert "50%" in terminal.file.getvalue() and "2 skipped" in terminal.file.getvalue()
    piped = RunProgress("ingest", 1000, console=Console(file=io.StringIO()), clock=lambda: now[0] + 10)
    piped.update(5, 1.0)
    assert not piped.shown and not piped.enabled                # never in a pipe or a log file
