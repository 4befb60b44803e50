"""The local pool's workers (issue 16): forked from a forkserver that has loaded everything once
(rasd.ingest.warm), and, for `rasd extract`, sending each record as its JSON line."""
from __future__ import annotations

import gc
import json

from rasd.document import Article
from rasd.ingest.batch import RecordJSON, _LocalPool, extract_chunk, extract_in_order, make_executor
from rasd.ingest.warm import warm_article

TEXT = "قتل خمسة مدنيين في غارة جوية على سوق في مدينة إدلب يوم الاثنين، وفق ما قال الدفاع المدني."


def test_a_record_as_json_is_the_line_the_parent_would_have_written():
    article = Article(id="a1", text=TEXT, published="2024-03-04")
    (record,) = extract_chunk([article])
    (line,) = extract_chunk([article], None, True)
    assert isinstance(line, RecordJSON) and line == json.dumps(record, ensure_ascii=False)


def test_in_order_results_keep_json_records_apart_from_failures():
    articles = [Article(id=f"a{k}", text=TEXT, published="2024-03-04") for k in range(3)]
    out = list(extract_in_order(articles, make_executor(1, None, False, None), 2, None, chunk_size=2,
                                as_json=True))
    assert [a.id for a, _ in out] == ["a0", "a1", "a2"]
    assert all(isinstance(line, RecordJSON) and json.loads(line)["id"] == a.id for a, line in out)


def test_the_warm_up_article_reaches_the_event_stage():
    from rasd.pipeline import extract
    doc = extract(Article(**warm_article()))
    assert doc.events and doc.quotes


def test_pool_workers_are_forked_with_the_loaded_state_frozen():
    # the forkserver extracted the warm-up article and froze what it loaded before forking the worker
    pool = _LocalPool(1, None)
    try:
        assert pool.submit(gc.get_freeze_count).result(timeout=300) > 10_000
    finally:
        pool.close()
