"""`rasd ingest` stores its results in batches, one transaction per batch (issue 16): `Repository.add_records`
must store exactly what `add_record` stores one article at a time (the same rows, ids and clustering,
re-merges included), a batch must be one transaction, and an article the store refuses must cost only itself."""
import sqlite3

from sqlalchemy import event

from rasd.document import Article
from rasd.ingest.batch import ingest_articles
from rasd.store import Repository
from rasd_testkit.store import constructed_article

TEXT = ("قتل خمسة مدنيين في غارة جوية على سوق في مدينة إدلب، وقال الدفاع المدني إن الطائرات الحربية قصفت "
        "ريف إدلب الجنوبي أيضا. واعتقلت قوات الأمن عشرة متظاهرين في حلب.")
IDLIB = ("إدلب", 35.93, 36.63, "SY", "Idlib", "city")
IDLIB_AREA = ("ريف إدلب الجنوبي", 35.7, 36.6, "SY", "Idlib", "adm1")
ALEPPO = ("حلب", 36.2, 37.15, "SY", "Aleppo", "city")
STRIKE = dict(type="ASSAULT", trigger="غارة", date="2024-03-01")
ARREST = dict(type="COERCE", trigger="واعتقلت", date="2024-03-01", place=ALEPPO)

# reports of one Idlib strike (a town, the area around it, no toll and a toll), an arrest in Aleppo, a report
# without a day, and one article telling the strike and the arrest: joins, new events and distinct events
REPORTS = [
    ("r1", [dict(STRIKE, place=IDLIB)], "عنب بلدي"),
    ("r2", [dict(STRIKE, place=IDLIB_AREA, fatalities=5)], "الجزيرة"),
    ("r3", [ARREST], "عنب بلدي"),
    ("r4", [dict(STRIKE, place=IDLIB, fatalities=6), ARREST], "العربية"),
    ("r5", [dict(STRIKE, place=IDLIB, date=None)], "سانا"),
    ("r6", [dict(STRIKE, place=ALEPPO)], "الجزيرة"),
]


def _pairs():
    pairs = []
    for n, (article_id, events, outlet) in enumerate(REPORTS):
        article, record = constructed_article(article_id, TEXT + " " * n, events, outlet=outlet)
        pairs.append((record, article))
    return pairs


def _tables(path) -> dict[str, list[tuple]]:
    """Every stored row but the wall-clock columns (and event_keys' row ids, which nothing reads)."""
    out = {}
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in sorted(t for t in tables if t != "alembic_version"):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                    if r[1] not in ("ingested_at", "updated_at", "created_at")
                    and not (table == "event_keys" and r[1] == "id")]
            out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
    return out


def test_a_batch_stores_what_one_article_at_a_time_stores(tmp_path):
    one, batched = tmp_path / "one.db", tmp_path / "batch.db"
    with Repository.open(str(one)) as repo:
        alone = [repo.add_record(record, article) for record, article in _pairs()]
    with Repository.open(str(batched)) as repo:
        begins = []
        event.listen(repo.engine, "begin", lambda conn: begins.append(conn))
        together = repo.add_records(_pairs())
        assert len(begins) == 1                                   # the whole batch is one transaction
    assert [r.model_dump() for r in together] == [r.model_dump() for r in alone]
    assert together[0].event_ids == together[3].event_ids[:1]    # the strike's reports joined one event
    assert _tables(batched) == _tables(one)


def test_an_article_twice_in_a_batch_or_already_stored_is_a_duplicate(repo):
    pairs = _pairs()
    assert repo.add_record(*pairs[0]).status == "added"
    results = repo.add_records([pairs[1], pairs[0], pairs[2], pairs[1]])
    assert [r.status for r in results] == ["added", "duplicate", "added", "duplicate"]
    assert repo.article_count() == 3
    assert repo.stored_articles([a for _r, a in pairs]) == [True, True, True, False, False, False]


class RefusingRepository(Repository):
    """A store that refuses one article's values (as a database refuses a value it cannot hold)."""
    def _insert_all(self, s, record, article, content, key):
        if article.id == "refused":
            raise ValueError("a value this store cannot hold")
        return super()._insert_all(s, record, article, content, key)


def test_a_refused_article_in_a_batch_costs_only_itself(tmp_path):
    texts = ["قتل خمسة مدنيين في غارة جوية استهدفت سوقا شعبيا في مدينة إدلب صباح الجمعة.",
             "تظاهر مئات اللبنانيين أمام مقر الحكومة في بيروت احتجاجا على تدهور الأوضاع المعيشية.",
             "اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على محور سراقب شرقي إدلب."]
    articles = [Article(id=i, text=t, published="2024-03-01") for i, t in zip(("a", "refused", "b"), texts)]
    repo = RefusingRepository.open(str(tmp_path / "rasd.db"))
    try:
        errors: list[str] = []
        report = ingest_articles(iter(articles), repo, workers=1, on_error=errors.append)
        assert (report.added, report.skipped) == (2, 1)
        assert errors == ["article refused: not stored: a value this store cannot hold"]
        assert repo.stored_articles(articles) == [True, False, True]
    finally:
        repo.close()
