"""What the store reads back while it stores (issue 16): the questions dedup asks read the columns they compare,
not the stored Event JSON of every mention."""
from __future__ import annotations

import re

from sqlalchemy import event

from rasd.store import dedup_store
from rasd_testkit.store import constructed_article

KHAN_SUBUL = ("خان السبل", 35.7553, 36.7560, "SY", "Idlib", "village")
MAASRAN = ("معصران", 35.7071, 36.8028, "SY", "Idlib", "village")


def test_two_events_of_one_article_are_kept_apart_without_decoding_their_mentions_events(repo):
    events = [dict(type="ASSAULT", trigger="قصف", place=KHAN_SUBUL, date="2018-02-03", fatalities=7),
              dict(type="ASSAULT", trigger="قصف", place=MAASRAN, date="2018-02-03")]
    article, record = constructed_article("c", "قصف خان السبل أدى لمقتل سبعة. وقصف معصران.", events, outlet="x")
    ids = repo.add_record(record, article).event_ids
    assert len(set(ids)) == 2
    statements: list[str] = []
    event.listen(repo.engine, "before_cursor_execute",
                 lambda conn, cursor, sql, params, context, many: statements.append(sql))
    with repo._sessions() as s:
        assert dedup_store.kept_apart_by_article(s, ids[0], ids[1])
    reads = [q for q in statements if q.lstrip().upper().startswith("SELECT") and "event_mentions" in q]
    assert reads and not any(re.search(r"event_mentions\.event\b(?!_)", q) for q in reads)
