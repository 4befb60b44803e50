"""`rasd serve` as a real uvicorn process on a free loopback port."""
import os
import signal
import time

import httpx

from rasd_testkit.api import ARTICLE_TEXT, running_server


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


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return found


def _server_pid(port: int) -> int:
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    args = f.read().split(b"\0")
            except OSError:
                continue
            if b"serve" in args and str(port).encode() in args:
                return int(entry)
    raise AssertionError(f"no rasd serve on port {port}")


def test_extraction_workers_die_with_a_killed_server(db_url):
    with running_server(db_url) as base:
        response = httpx.post(f"{base}/extract", json={"text": ARTICLE_TEXT}, timeout=120)
        assert response.status_code == 200, response.text
        time.sleep(12)   # longer than the server's idle pool threads live: the worker must outlive them
        assert httpx.post(f"{base}/extract", json={"text": ARTICLE_TEXT}, timeout=120).status_code == 200
        server = _server_pid(int(base.rsplit(":", 1)[1]))
        workers = _children(server)
        assert workers, "no extraction worker process"
        os.kill(server, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_running(w) for w in workers):
            time.sleep(0.2)
        alive = [w for w in workers if _running(w)]
        assert alive == [], f"orphaned extraction workers {alive}"


def _running(pid: int) -> bool:
    """Alive and not a zombie (a zombie is only waiting for its parent's exit status)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
