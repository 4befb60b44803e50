"""The store on a real PostgreSQL server: a throw-away cluster in a temp dir, started and stopped here."""
import datetime as dt

import pytest

from rasd.store import EventFilters, Repository
from rasd_testkit.store import constructed_article, postgres_unavailable, throwaway_postgres

pytestmark = pytest.mark.skipif(postgres_unavailable() is not None, reason=str(postgres_unavailable()))

IDLIB = ("إدلب", 35.9306, 36.6339, "SY", "Idlib", "city")
SARAQIB = ("سراقب", 35.8646, 36.8006, "SY", "Idlib", "city")
JISR = ("جسر الشغور", 35.8117, 36.3186, "SY", "Idlib", "city")


@pytest.fixture(scope="module")
def pg_url():
    with throwaway_postgres() as url:
        yield url


def test_postgres_store_migrates_dedups_and_is_idempotent(pg_url):
    with Repository.open(pg_url) as repo:
        assert repo.engine.dialect.name == "postgresql"
        pairs = [
            constructed_article("p1", "قتل خمسة مدنيين في غارة على إدلب.", [dict(
                type="ASSAULT", trigger="غارة", place=IDLIB, date="2024-03-01", fatalities=5,
                actor1=("القوات الروسية", "org.ru.army"))], outlet="عنب بلدي"),
            constructed_article("p2", "غارة روسية تقتل سبعة في إدلب.", [dict(
                type="ASSAULT", trigger="غارة", place=IDLIB, date="2024-03-02", fatalities=7,
                actor1=("الطيران الروسي", "org.ru.army"))], outlet="الجزيرة"),
            constructed_article("p3", "قصف مدفعي على جسر الشغور.", [dict(
                type="ASSAULT", trigger="قصف", place=JISR, date="2024-03-01")], outlet="الجزيرة"),
        ]
        results = [repo.add_record(record, article) for article, record in pairs]
        assert [r.status for r in results] == ["added"] * 3
        assert results[0].event_ids == results[1].event_ids != results[2].event_ids
        assert [repo.add_record(record, article).status for article, record in pairs] == ["duplicate"] * 3
        stats = repo.stats()
        assert (stats.articles, stats.events, stats.merged_events) == (3, 2, 1)
        event = repo.get_event(results[0].event_ids[0])
        assert event.fatalities == 5 and event.outlets == ["الجزيرة", "عنب بلدي"]
        items, total = repo.list_events(EventFilters(outlet="الجزيرة", date_from=dt.date(2024, 3, 1)))
        assert total == 2 and {e.place_text for e in items} == {"إدلب", "جسر الشغور"}
        entity = repo.get_entity("org.ru.army")
        assert set(entity.aliases) == {"القوات الروسية", "الطيران الروسي"} and len(entity.events) == 1


def test_postgres_ingest_cli_with_real_pipeline(pg_url, tmp_path):
    from rasd.cli import main
    src = tmp_path / "a.txt"
    src.write_text("تظاهر مئات اللبنانيين أمام مقر الحكومة في بيروت احتجاجا على تدهور الأوضاع المعيشية.",
                   encoding="utf-8")
    args = ["ingest", str(src), "--db", pg_url, "--workers", "1", "-q", "--published", "2024-03-01"]
    assert main(args) == 0
    with Repository.open(pg_url) as repo:
        before = repo.stats()
    assert main(args) == 0
    with Repository.open(pg_url) as repo:
        assert repo.stats() == before
