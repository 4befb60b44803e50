"""`rasd serve` as a real uvicorn process on a free loopback port."""
import httpx

from rasd.api.testing import running_server


def test_rasd_serve_answers_over_http(db_url):
    with running_server(db_url) as base:
        assert base.startswith("http://127.0.0.1:")
        assert httpx.get(f"{base}/health").json()["stats"]["events"] == 8
        page = httpx.get(f"{base}/events", params={"type": "ASSAULT", "limit": 2}).json()
        assert page["total"] == 3 and len(page["items"]) == 2
        bad = httpx.post(f"{base}/extract", json={"id": "x", "text": "not Arabic at all"})
        assert bad.status_code == 422 and "not Arabic text" in bad.json()["detail"]
        too_big = httpx.post(f"{base}/articles", content=b"x" * 3_000_000,
                             headers={"content-type": "application/json"})
        assert too_big.status_code == 413
        assert httpx.get(f"{base}/").headers["content-type"].startswith("text/html")
