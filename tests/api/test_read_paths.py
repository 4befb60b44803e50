"""The API's fast read paths answer exactly what the Repository's plain queries answer."""
from __future__ import annotations

import pytest

from rasd.store import EventFilters, Repository, aggregate


@pytest.mark.parametrize("query,type,limit,offset", [
    (None, None, 50, 0), (None, None, 3, 2), (None, "PLACE", 50, 0), (None, "actor", 2, 1), ("حلب", None, 50, 0),
    ("idlib", None, 50, 0), ("%", None, 50, 0), (None, None, 5, 1000)])
def test_entity_page_is_list_entities(db_url, query, type, limit, offset):
    with Repository.open(db_url) as repo:
        want = repo.list_entities(query=query, type=type, limit=limit, offset=offset)
        got = aggregate.entity_page(repo, aggregate.entity_ranking(repo), query, type, limit, offset)
    assert got == want
    if query is None and type is None and offset == 0:
        assert want[1] > 3 and [e.mention_count for e in got[0]] == sorted((e.mention_count for e in got[0]),
                                                                            reverse=True)


@pytest.mark.parametrize("query,type,limit,offset", [
    (None, None, 50, 0), (None, None, 3, 2), (None, "PLACE", 50, 0), (None, "actor", 2, 1), ("حلب", None, 50, 0),
    ("idlib", None, 50, 0), ("IDLIB", "place", 50, 0), ("%", None, 50, 0), ("_", None, 50, 0), ("/", None, 50, 0),
    ("  ", None, 50, 0), ("", "PLACE", 50, 0), ("place:", None, 4, 1), ("الجيش السوداني", None, 50, 0),
    ("Rapid Support", None, 50, 0), ("org.houthis", None, 50, 0), (None, None, 5, 1000), ("ا", "ORG", 2, 0)])
def test_entity_pages_read_directly_are_entity_page(db_url, query, type, limit, offset):
    from rasd.api.reads import EntityPages
    with Repository.open(db_url) as repo:
        ranking = aggregate.entity_ranking(repo)
        want = aggregate.entity_page(repo, ranking, query, type, limit, offset)
        pages = EntityPages(repo)
        assert pages.usable
        got = pages.page(ranking, query, type, limit, offset)
        pages.close()
    assert got == want


def test_events_total_is_counted_once_and_right(client, db_url):
    with Repository.open(db_url) as repo:
        for filters in (EventFilters(), EventFilters(plover_type="ASSAULT"), EventFilters(country="SY")):
            assert aggregate.count_events(repo, filters) == repo.list_events(filters, limit=1)[1]
    assert client.get("/events?type=ASSAULT").json()["total"] == client.get("/events?type=ASSAULT&limit=1").json()["total"] == 3


def test_a_stored_article_shows_at_once_in_lists(client):
    from rasd_testkit.api import ARTICLE_TEXT
    before = client.get("/events").json()["total"]
    entities = client.get("/entities").json()["total"]
    response = client.post("/articles", json={"id": "fresh-1", "text": ARTICLE_TEXT, "published": "2024-03-09"})
    assert response.status_code == 201 and response.json()["event_ids"]
    assert client.get("/events").json()["total"] > before             # no stale cached count
    assert client.get("/entities").json()["total"] >= entities


@pytest.mark.parametrize("filters", [
    EventFilters(outlet="الجزيرة"), EventFilters(outlet="al jazeera"), EventFilters(outlet="nobody"),
    EventFilters(acled_type="battles"), EventFilters(acled_type="Explosions/Remote violence", country="SY"),
    EventFilters(acled_subtype="air/drone strike"), EventFilters(acled_type="none such"),
    EventFilters(outlet="العربية", acled_type="explosions/remote violence")])
def test_events_page_with_looked_up_spellings_and_outlet_walk_is_list_events(db_url, filters):
    with Repository.open(db_url) as repo:
        want, total = repo.list_events(filters, limit=2, offset=1)
        memo_hits: dict = {}

        def memo(key, compute):
            if key not in memo_hits:
                memo_hits[key] = compute()
            return memo_hits[key]
        assert aggregate.count_events(repo, filters, memo) == total
        everything = repo.list_events(EventFilters(), limit=1)[1]
        for walk_total in (total, None):   # with the count known (the walk may be taken) and without
            got = aggregate.page_events(repo, filters, limit=2, offset=1, total=walk_total, memo=memo,
                                        all_events=everything)
            assert got == (want, total)
    if filters.outlet == "الجزيرة":
        assert total >= 2        # the case is not vacuous
