"""The HTTP API on a store of constructed records (rasd_testkit.api.SAMPLE: 8 articles, 8 events, 7 placed)."""
import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from rasd_testkit.api import HOSTILE, SAMPLE

ARTICLE = {"id": "new-1", "published": "2024-03-06", "outlet": "الجزيرة",
           "text": "قتل ثلاثة أشخاص في غارة جوية على مدينة إدلب شمال غربي سوريا يوم الاثنين."}


def ids(response):
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


# ---- events ---------------------------------------------------------------------------------------------

def test_events_lists_every_event_newest_first(client):
    page = client.get("/events").json()
    assert page["total"] == len(SAMPLE) == len(page["items"])
    dates = [e["date"] for e in page["items"]]
    assert dates == sorted(dates, reverse=True)
    assert page["items"][0]["place_text"] == "رفح"


def test_events_paging_covers_every_event_once(client):
    seen = []
    for offset in (0, 3, 6):
        page = client.get(f"/events?limit=3&offset={offset}").json()
        assert page["total"] == 8 and page["limit"] == 3 and page["offset"] == offset
        seen += [e["id"] for e in page["items"]]
    assert len(seen) == len(set(seen)) == 8
    assert client.get("/events?limit=3&offset=8").json()["items"] == []


@pytest.mark.parametrize("query, places", [
    ("type=ASSAULT", {"سرمين", "الفاشر", "الحديدة"}),
    ("type=assault&country=SY", {"سرمين"}),
    ("country=sy", {"سرمين", "حمص"}),
    ("bbox=34,29,40,37", {"سرمين", "حمص", "عمّان", "رفح"}),          # the Levant
    ("date_from=2024-03-04", {"الفاشر", "رفح"}),
    ("date_from=2024-02-28&date_to=2024-03-01", {"الحديدة", "بغداد"}),
    ("acled_type=battles", {"الفاشر"}),
    ("actor=org.rapid_support_forces", {"الفاشر"}),
    ("outlet=سكاي نيوز عربية", {"عمّان", "رفح"}),
    ("type=PROTEST&outlet=الجزيرة", set()),
])
def test_event_filters(client, query, places):
    page = client.get(f"/events?{query}").json()
    assert {e["place_text"] for e in page["items"]} == places
    assert page["total"] == len(places)


@pytest.mark.parametrize("query, reason", [
    ("type=BOMBING", "unknown PLOVER type 'BOMBING'"),
    ("bbox=34,29,40", "bbox must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT"),
    ("bbox=40,29,34,37", "bbox must be"),
    ("date_from=2024-03-05&date_to=2024-03-01", "date_from 2024-03-05 is after date_to 2024-03-01"),
    ("date_from=5 March", "date_from"),
    ("limit=0", "limit"),
    ("limit=100000", "limit"),
    ("offset=-1", "offset"),
])
def test_bad_event_filters_are_422_with_one_line(client, query, reason):
    response = client.get(f"/events?{query}")
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert reason in detail and "\n" not in detail


def test_event_detail_has_mentions_and_evidence_highlights(client):
    event_id = client.get("/events?country=SY&type=ASSAULT").json()["items"][0]["id"]
    event = client.get(f"/events/{event_id}").json()
    assert event["fatalities"] == 5 and event["actor1_name_en"] == "Russian warplanes"
    [mention] = event["mentions"]
    assert mention["outlet"] == "الجزيرة" and mention["url"] == "https://example.org/idlib"
    evidence = mention["evidence"]
    marks = {(h["kind"], h["text"]) for h in mention["highlights"]}
    assert marks == {("trigger", "قصفت"), ("actor1", "طائرات حربية روسية"), ("actor2", "مدنيين"),
                     ("place", "سرمين"), ("number", "خمسة")}
    for h in mention["highlights"]:
        assert evidence[h["start"]:h["end"]] == h["text"]
    assert mention["event"]["trigger"]["text"] == "قصفت"


def test_merged_event_has_both_mentions(client):
    text = "أفادت مصادر محلية بأن طائرات حربية روسية قصفت بلدة سرمين بريف إدلب، وقتل خمسة مدنيين."
    from rasd.store import Repository
    from rasd_testkit.store import constructed_article
    article, record = constructed_article("s-idlib-2", text, [dict(
        type="ASSAULT", trigger="قصفت", date="2024-03-03", fatalities=6, actor1=("طائرات حربية روسية", None, "Russian warplanes"),
        place=("سرمين", 35.903, 36.725, "SY", "Idlib", "town"))], outlet="العربية")
    repo = client.app.state.repo
    assert isinstance(repo, Repository)
    [event_id] = repo.add_record(record, article).event_ids
    event = client.get(f"/events/{event_id}").json()
    assert [m["outlet"] for m in event["mentions"]] == ["الجزيرة", "العربية"]
    second = event["mentions"][1]
    assert {h["text"] for h in second["highlights"] if h["kind"] == "trigger"} == {"قصفت"}
    assert second["merge_reason"].startswith(f"merged into event {event_id}")


def test_unknown_event_is_404(client):
    response = client.get("/events/9999")
    assert response.status_code == 404 and response.json() == {"detail": "no event 9999"}
    assert client.get("/events/abc").status_code == 422


# ---- entities -------------------------------------------------------------------------------------------

def test_entities_list_query_and_paging(client):
    page = client.get("/entities?limit=2").json()
    assert len(page["items"]) == 2 and page["total"] > 2
    second = client.get("/entities?limit=2&offset=2").json()["items"]
    assert not {e["id"] for e in page["items"]} & {e["id"] for e in second}
    found = client.get("/entities", params={"q": "الدعم السريع"}).json()["items"]
    assert [e["id"] for e in found] == ["org.rapid_support_forces"]
    assert client.get("/entities?type=PLACE").json()["total"] == 7


def test_entity_detail_has_aliases_english_name_and_events(client):
    entity = client.get("/entities/org.rapid_support_forces").json()
    assert entity["name_en"] == "Rapid Support Forces"
    assert entity["aliases"] == ["قوات الدعم السريع"]
    assert [e["place_text"] for e in entity["events"]] == ["الفاشر"]


def test_entity_ids_with_colons_and_arabic(client):
    place = client.get("/entities", params={"type": "PLACE", "q": "بغداد"}).json()["items"][0]
    assert place["id"].startswith("place:IQ:")
    detail = client.get(f"/entities/{place['id']}").json()
    assert detail["events"][0]["type"] == "PROTEST"
    assert client.get("/entities/no.such.entity").status_code == 404


# ---- export ---------------------------------------------------------------------------------------------

def test_export_jsonl_and_csv(client):
    response = client.get("/export?format=jsonl")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 8 and all("mentions" in e for e in lines)
    response = client.get("/export?format=csv&type=ASSAULT")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["location_text"] for r in rows} == {"سرمين", "الفاشر", "الحديدة"}   # location is English


def test_export_geojson_leaves_out_unplaced_events(client):
    collection = client.get("/export?format=geojson").json()
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 7
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_export_parquet(client):
    response = client.get("/export?format=parquet&country=SY")
    table = pq.read_table(io.BytesIO(response.content))
    assert table.num_rows == 2 and "event_date" in table.column_names


def test_export_bad_format_is_422(client):
    response = client.get("/export?format=xlsx")
    assert response.status_code == 422 and "format" in response.json()["detail"]


# ---- extraction -----------------------------------------------------------------------------------------

def test_extract_returns_the_record_without_storing(client):
    before = client.get("/health").json()["stats"]["articles"]
    response = client.post("/extract", json=ARTICLE)
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["id"] == "new-1" and record["published"] == "2024-03-06"
    for entity in record["entities"] + record["places"]:
        assert ARTICLE["text"][entity["span"]["start"]:entity["span"]["end"]] == entity["span"]["text"]
    assert client.get("/health").json()["stats"]["articles"] == before


def test_articles_stores_once(client):
    response = client.post("/articles", json=ARTICLE)
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["status"] == "added" and stored["record"]["id"] == "new-1"
    assert len(stored["event_ids"]) == len(stored["record"]["events"])
    assert client.get("/health").json()["stats"]["articles"] == len(SAMPLE) + 1
    again = client.post("/articles", json=ARTICLE)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"


@pytest.mark.parametrize("body, reason", [
    ({"id": "x", "text": "Three people were killed in an air strike."}, "article 'x' is not Arabic text"),
    ({"id": "x", "text": "   "}, "article 'x' has empty text"),
    ({"id": "x", "text": ARTICLE["text"], "published": "06/03/2024"}, "'published' is not a valid date"),
    ({"id": "x"}, "text: Field required"),
    ({"id": "x", "text": 5}, "text: Input should be a valid string"),
])
def test_bad_articles_are_422_with_the_reason(client, body, reason):
    for path in ("/extract", "/articles"):
        response = client.post(path, json=body)
        assert response.status_code == 422, response.text
        assert reason in response.json()["detail"]


def test_malformed_json_is_422(client):
    response = client.post("/extract", content=b'{"id": "x", "text": ', headers={"content-type": "application/json"})
    assert response.status_code == 422 and "JSON" in response.json()["detail"]
    response = client.post("/extract", json=["not", "an", "object"])
    assert response.status_code == 422


def test_oversized_body_is_413(client):
    big = {"id": "big", "text": "خبر " * 600_000}   # about 4.8 MB of UTF-8
    response = client.post("/extract", json=big)
    assert response.status_code == 413 and "over the limit of 2,097,152 bytes" in response.json()["detail"]

    def chunks():   # no Content-Length: the limit is enforced while reading
        for _ in range(300):
            yield b"x" * 10_000
    response = client.post("/articles", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert client.get("/health").json()["stats"]["articles"] == len(SAMPLE)


# ---- meta -----------------------------------------------------------------------------------------------

def test_health(client, db_url):
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["database"] == db_url
    assert health["stats"]["events_by_type"]["ASSAULT"] == 3


def test_docs_are_served_offline(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert client.get(f"/static/vendor/swagger-ui/{asset}").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {"/extract", "/articles", "/events", "/events/{event_id}", "/entities", "/export", "/health"} <= set(
        schema["paths"])
    assert "Record" in schema["components"]["schemas"]


def test_page_is_served_with_a_strict_script_policy(client):
    response = client.get("/")
    assert response.status_code == 200 and '<div id="map"' in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "http" not in response.text.replace('href="/docs"', "")   # nothing from another origin
    assert client.get("/static/app.js").status_code == 200


def test_hostile_text_is_returned_as_data(client):
    event = client.get("/events?type=ACCUSE").json()["items"][0]
    detail = client.get(f"/events/{event['id']}").json()
    assert HOSTILE in detail["mentions"][0]["evidence"]
    assert detail["outlets"] == [f"وكالة {HOSTILE}"]
