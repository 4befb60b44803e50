"""Exports read the store as they go: a batch of events per mentions query, and nothing more once the
consumer (GET /export's client) stops taking pieces."""
from __future__ import annotations

import csv
import io
import json

from sqlalchemy import event

from rasd.export import formats
from rasd.store import Repository


def _count_selects(repo: Repository) -> dict[str, int]:
    counts = {"events": 0, "event_mentions": 0}

    def before(_conn, _cursor, statement, _params, _context, _many):
        head = statement.split("WHERE")[0]
        for table in counts:
            if f"FROM {table}" in head:
                counts[table] += 1
    event.listen(repo.engine, "before_cursor_execute", before)
    return counts


def test_jsonl_export_reads_mentions_once_per_batch_not_per_event(db_url, monkeypatch):
    monkeypatch.setattr(formats, "BATCH", 3)
    with Repository.open(db_url) as repo:
        counts = _count_selects(repo)
        lines = b"".join(formats.export_pieces(repo, "jsonl")).decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 8 and all(r["mentions"] and r["acled"]["rasd_event_id"] == r["id"] for r in records)
    assert counts["event_mentions"] == 3          # 8 events in batches of 3, one query each


def test_an_export_whose_consumer_stops_reads_no_further(db_url, monkeypatch):
    monkeypatch.setattr(formats, "BATCH", 2)
    monkeypatch.setattr(formats, "PIECE_BYTES", 1)    # a piece per event
    with Repository.open(db_url) as repo:
        pulled = []
        real = repo.iter_events

        def counting(filters=None):
            for e in real(filters):
                pulled.append(e.id)
                yield e
        monkeypatch.setattr(repo, "iter_events", counting)
        pieces = formats.export_pieces(repo, "csv")
        header, first = next(pieces), next(pieces)
        pieces.close()                                # the client has gone
    assert header.startswith(b"event_id_cnty,") and first.count(b"\n") == 1
    assert len(pulled) == 2                           # one batch read, not the 8 events


def test_get_export_streams_what_the_cli_writes(client, db_url, tmp_path):
    response = client.get("/export?format=csv")
    assert response.status_code == 200 and 'filename="rasd-events.csv"' in response.headers["content-disposition"]
    with Repository.open(db_url) as repo:
        formats.export_events(repo, "csv", str(tmp_path / "out.csv"))

    def rows(text: str) -> list[dict]:
        return [{k: v for k, v in row.items() if k != "timestamp"} for row in csv.DictReader(io.StringIO(text))]
    got, want = rows(response.text), rows((tmp_path / "out.csv").read_text(encoding="utf-8"))
    assert len(got) == 8 and got == want
