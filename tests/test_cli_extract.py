"""`rasd extract` on good and bad input: one clear line per bad item, every good article still written."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.cli import main

GOOD = "قال الجيش اللبناني إن مسلحين أطلقوا النار على دورية قرب مدينة طرابلس شمال لبنان أمس الأحد."


def line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.err.strip().splitlines()


def records(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def test_bad_jsonl_lines_are_reported_and_good_ones_kept(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        line(id="a1", text=GOOD, published="2024-12-01"),
        "{not json",
        line(id="a2", published="2024-12-01"),                     # missing text
        line(id="a3", text=GOOD, published="2024-13-45"),          # wrong date
        line(id="a4", text="   "),                                 # empty text
        line(id="a5", text="This article is written in English, not Arabic, so rasd cannot read it."),
        line(id="a6", text=GOOD, published=None),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, err = run(["extract", str(src), "-o", str(out)], capsys)
    assert code == 1
    assert [r["id"] for r in records(out)] == ["a1", "a6"]
    skipped = [e for e in err if e.startswith("rasd: skipped")]
    assert len(skipped) == 5
    for number, reason in [(2, "malformed JSON"), (3, "missing required field 'text'"),
                           (4, "not a valid date"), (5, "empty text"), (6, "not Arabic")]:
        assert any(f"{src}:{number}:" in e and reason in e for e in skipped), (number, skipped)
    assert all("Traceback" not in e for e in err)


def test_undecodable_and_oversized_inputs(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("خبر".encode("utf-8") + b"\xff\xfe\xfa")
    big = tmp_path / "big.jsonl"
    big.write_text(line(id="huge", text=GOOD * 50) + "\n" + line(id="ok", text=GOOD) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, err = run(["extract", str(bad), str(big), "-o", str(out), "--max-bytes", "2000"], capsys)
    assert code == 1
    assert [r["id"] for r in records(out)] == ["ok"]
    assert any(str(bad) in e and "not UTF-8" in e for e in err)
    assert any(f"{big}:1:" in e and "over the limit" in e for e in err)


def test_text_files_and_directories_with_a_publication_date(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "beirut.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, err = run(["extract", str(folder), "-o", str(out), "--published", "2024-12-02"], capsys)
    assert code == 0
    (record,) = records(out)
    assert record["id"] == "beirut" and record["published"] == "2024-12-02"
    assert any(e["type"] == "ASSAULT" and e["date"] == "2024-12-01" for e in record["events"])


def test_record_is_a_superset_of_the_evaluation_contract(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(line(id="c", text=GOOD, published="2024-12-02") + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["extract", str(src), "-o", str(out)], capsys)[0] == 0
    (record,) = records(out)
    assert {"id", "source", "entities", "places", "events", "quotes"} <= set(record)
    place = next(p for p in record["places"] if p["text"] == "طرابلس")
    assert place["country"] == "LB" and place["feature"] in ("city", "village")
    for span_holder in record["entities"] + record["places"]:
        assert GOOD[span_holder["span"]["start"]:span_holder["span"]["end"]] == span_holder["span"]["text"]


def test_schema_command_prints_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "events" in schema["properties"] and "$defs" in schema


def test_missing_input_file_is_one_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "rasd.cli", "extract", str(tmp_path / "nope.jsonl"), "-o",
                           str(tmp_path / "o.jsonl")], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[0].endswith("no such file or directory")


@pytest.mark.parametrize("workers", [2])
def test_parallel_extraction_gives_the_same_records(tmp_path, capsys, workers):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(line(id=f"p{k}", text=GOOD, published="2024-12-02") + "\n" for k in range(3)),
                   encoding="utf-8")
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    assert run(["extract", str(src), "-o", str(one)], capsys)[0] == 0
    assert run(["extract", str(src), "-o", str(many), "--workers", str(workers)], capsys)[0] == 0
    assert records(one) == records(many)


def test_a_failing_article_is_one_line_and_the_others_are_written(tmp_path, capsys, monkeypatch):
    import rasd.extract.events as events

    def explode(doc):
        if doc.article.id == "bad":
            raise RuntimeError("boom")
    monkeypatch.setattr(events, "run", explode)
    src = tmp_path / "in.jsonl"
    src.write_text(line(id="ok1", text=GOOD) + "\n" + line(id="bad", text=GOOD) + "\n" + line(id="ok2", text=GOOD) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, err = run(["extract", str(src), "-o", str(out)], capsys)
    assert code == 1
    assert [r["id"] for r in records(out)] == ["ok1", "ok2"]
    assert any("article bad" in e and "RuntimeError: boom" in e for e in err)
