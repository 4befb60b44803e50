"""Hostile inputs (issue 18): each bad item is one line naming file, line and reason, and every good article
before and after it is stored. SQLite here; the same inputs on PostgreSQL are in test_postgres_faults.py."""
from __future__ import annotations

import json
import os
import random

import pytest
from faultkit import (assert_clean_stderr, good_line, good_text, rasd, skipped_lines, sqlite_ids,
                      write_good)

from rasd.cli import main

TEXT = good_text(0).replace("\n", " ")   # raw inside the hand-written JSON lines below

# (bad JSONL line, what its error line must say)
HOSTILE = [
    ("[" * 5000 + "]" * 5000, "nested too deeply"),
    ('{"id": "s1", "text": "%s \\ud800"}' % TEXT, "lone surrogate"),
    ('{"id": "\\ud800abc", "text": "%s"}' % TEXT, "lone surrogate"),
    (json.dumps({"id": "L" * 501, "text": TEXT}), "'id' is 501 characters, over the limit of 500"),
    (json.dumps({"id": "o", "text": TEXT, "outlet": "و" * 301}, ensure_ascii=False), "'outlet' is 301 characters"),
    (json.dumps({"id": "a", "text": TEXT, "author": "x" * 400}), "'author' is 400 characters"),
    ('{"id": "n", "text": "x", "n": %s}' % ("9" * 5000), "malformed JSON"),
    (json.dumps({"id": ["x"], "text": TEXT}), "'id' must be a string or an integer"),
]


def hostile_file(path):
    """good-0, then each hostile line followed by a good one; one good article with NUL characters."""
    lines, good = [good_line(0)], {"good-0"}
    for n, (bad, _reason) in enumerate(HOSTILE, start=1):
        lines += [bad, good_line(n)]
        good.add(f"good-{n}")
    nul = json.dumps({"id": "nul\u0000-id", "text": TEXT.replace(" ", " \u0000", 3) + " رقم 99",
                      "outlet": "عنب\u0000 بلدي"}, ensure_ascii=False)
    lines.append(nul)
    good.add("nul-id")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return good


def check_errors(err: str, path) -> None:
    skipped = skipped_lines(err)
    assert len(skipped) == len(HOSTILE), skipped
    for n, (_bad, reason) in enumerate(HOSTILE):
        line_number = 2 * n + 2
        assert any(f"{path}:{line_number}:" in s and reason in s for s in skipped), (line_number, reason, skipped)


def test_hostile_jsonl_lines_cost_nothing_good_on_ingest(tmp_path, ingest_in_process):
    src, db = tmp_path / "in.jsonl", tmp_path / "rasd.db"
    good = hostile_file(src)
    code, err = ingest_in_process(str(src), "--db", str(db))
    assert code == 1
    check_errors(err, src)
    assert_clean_stderr(err)
    ids = sqlite_ids(db)
    assert sorted(ids) == sorted(good)                        # every good article, once; NUL removed from the id
    import sqlite3
    with sqlite3.connect(db) as conn:
        text, outlet = conn.execute("SELECT text, outlet FROM articles WHERE source_id='nul-id'").fetchone()
    assert "\x00" not in text and outlet == "عنب بلدي"


def test_hostile_jsonl_lines_cost_nothing_good_on_extract(tmp_path, capsys):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    good = hostile_file(src)
    assert main(["extract", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    check_errors(err, src)
    assert_clean_stderr(err)
    written = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(written) == sorted(good)


def test_binary_jsonl_gives_capped_messages_and_keeps_its_good_lines(tmp_path, capsys):
    rng = random.Random(7)
    src, out = tmp_path / "mixed.jsonl", tmp_path / "out.jsonl"
    junk = bytes(rng.randrange(256) for _ in range(60_000))
    assert junk.count(b"\n") > 100
    src.write_bytes(good_line(1).encode() + b"\n" + junk + b"\n" + good_line(2).encode() + b"\n")
    assert main(["extract", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    skipped = skipped_lines(err)
    assert len(skipped) == 21                                   # 20 lines, then one summary
    bad_lines = sum(1 for segment in junk.split(b"\n") if segment.strip())
    assert f": {bad_lines - 20:,} more bad line(s) not shown" in skipped[-1]
    assert_clean_stderr(err)
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["good-1", "good-2"]


def test_an_over_long_line_is_skipped_and_the_next_line_kept(tmp_path, capsys):
    src, out = tmp_path / "long.jsonl", tmp_path / "out.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        f.write(good_line(1) + "\n")
        f.write('{"id": "huge", "text": "' + "ب" * 600_000 + '"}\n')   # 1.2 MB line, limit 4*100k+64k
        f.write(good_line(2) + "\n")
    assert main(["extract", str(src), "-o", str(out), "--max-bytes", "100000"]) == 1
    skipped = skipped_lines(capsys.readouterr().err)
    assert len(skipped) == 1 and f"{src}:2: line is 1,200,0" in skipped[0] and "over the limit" in skipped[0]
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["good-1", "good-2"]


def test_unreadable_directory_is_an_error_line_and_exit_1(tmp_path, ingest_in_process, monkeypatch):
    inputs = tmp_path / "in"
    (inputs / "locked").mkdir(parents=True)
    good = write_good(inputs / "a.jsonl", [1, 2]) | write_good(inputs / "z.jsonl", [3])
    write_good(inputs / "locked" / "hidden.jsonl", [4])
    locked = inputs / "locked"
    if os.geteuid() == 0:                       # root reads any directory: make this one fail as it would
        real_scandir = os.scandir

        def scandir(path):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real_scandir(path)
        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        code, err = ingest_in_process(str(inputs), "--db", str(tmp_path / "rasd.db"))
    finally:
        locked.chmod(0o755)
    assert code == 1
    assert skipped_lines(err) == [f"rasd: skipped {locked}: cannot read directory: Permission denied"]
    assert sorted(sqlite_ids(tmp_path / "rasd.db")) == sorted(good)


def test_forged_terminal_lines_are_escaped(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    forged = "x\x1b[2K\rrasd: 999 article(s) written to /etc/passwd, 0 skipped\n\x1b[31m"
    (inputs / "a.jsonl").write_text(
        "\n".join([good_line(1), json.dumps({"id": forged, "text": "short English"}), good_line(2)]) + "\n",
        encoding="utf-8")
    (inputs / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>نشرة</title>'
        "<item><guid>g-1\nrasd: everything is fine</guid><title>بلا نص</title></item>"
        f"<item><guid>g-2</guid><description>{good_text(3)}</description></item></channel></rss>",
        encoding="utf-8")
    (inputs / f"bad{chr(27)}[2Kname.txt").write_bytes(b"\xff\xfe")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inputs), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert_clean_stderr(err)
    assert len(skipped_lines(err)) == 3
    assert "\\x1b[2K\\rrasd: 999" in err and "g-1\\x0arasd: everything is fine" in err
    assert sorted(json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()) == \
        ["g-2", "good-1", "good-2"]


@pytest.mark.parametrize("payload, reason", [
    (b"\xed\xa0\x80", "not UTF-8"),                       # a surrogate encoded as bytes is not UTF-8
    (b"\x00\x00", "empty text"),                          # NUL only: nothing left
])
def test_text_files_with_surrogate_bytes_or_only_nul_are_one_line(tmp_path, capsys, payload, reason):
    (tmp_path / "bad.txt").write_bytes(payload)
    (tmp_path / "good.txt").write_bytes(good_text(1).replace(" ", "\x00 ", 2).encode())
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"), "-o", str(out)]) == 1
    skipped = skipped_lines(capsys.readouterr().err)
    assert len(skipped) == 1 and reason in skipped[0] and "bad.txt" in skipped[0]
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == "good"


def test_a_subprocess_run_on_hostile_input_prints_no_traceback(tmp_path):
    src = tmp_path / "in.jsonl"
    good = hostile_file(src)
    result = rasd("extract", str(src), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1
    assert_clean_stderr(result.stderr)
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == len(good)


def test_gzipped_jsonl_streams_and_a_truncated_one_keeps_what_came_before(tmp_path, capsys):
    import gzip
    whole, cut = tmp_path / "whole.jsonl.gz", tmp_path / "cut.jsonl.gz"
    data = "".join(good_line(n) + "\n" for n in range(3)).encode()
    whole.write_bytes(gzip.compress(data))
    cut.write_bytes(gzip.compress(data + b"x" * 200_000 + b"\n")[:-30])   # the end of the stream is missing
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(whole), str(cut), "-o", str(out)]) == 1
    skipped = skipped_lines(capsys.readouterr().err)
    assert len(skipped) == 1 and str(cut) in skipped[0] and "cannot read file" in skipped[0]
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["good-0", "good-1", "good-2"] * 2
