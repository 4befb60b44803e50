"""`rasd ingest` end to end with the real pipeline: idempotence, bad inputs, parallel workers, crash safety."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time


from rasd.cli import main
from rasd.store import Repository

BASE_TEXTS = [
    "قتل خمسة مدنيين في غارة جوية استهدفت سوقا شعبيا في مدينة إدلب صباح الجمعة، بحسب الدفاع المدني السوري.",
    "تظاهر مئات اللبنانيين أمام مقر الحكومة في بيروت احتجاجا على تدهور الأوضاع المعيشية.",
    "اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على محور سراقب شرقي إدلب.",
    "أعلن وزير الخارجية الأردني أن بلاده ستستضيف اجتماعا لبحث عودة اللاجئين السوريين.",
]


def write_articles(path, count, outlet="عنب بلدي"):
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            text = f"{BASE_TEXTS[i % len(BASE_TEXTS)]}\nوأضاف المصدر في التقرير رقم {i} أن التحقيقات مستمرة."
            out.write(json.dumps({"id": f"art-{i}", "text": text, "published": "2024-03-01",
                                  "outlet": outlet}, ensure_ascii=False) + "\n")


def db_counts(db):
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "event_mentions", "events", "entity_mentions", "entities")}


def test_reingesting_the_same_input_adds_nothing(tmp_path, capsys):
    src, db = tmp_path / "a.jsonl", tmp_path / "rasd.db"
    write_articles(src, 6)
    assert main(["ingest", str(src), "--db", str(db), "--workers", "1"]) == 0
    first = db_counts(db)
    assert first["articles"] == 6
    assert main(["ingest", str(src), "--db", str(db), "--workers", "1"]) == 0
    assert db_counts(db) == first
    assert "0 article(s) stored" in capsys.readouterr().err


def test_same_text_at_another_url_is_another_article_but_same_url_is_not(tmp_path):
    from rasd.document import Article
    from rasd.pipeline import extract
    with Repository.open(str(tmp_path / "rasd.db")) as repo:
        a = Article(id="x", text=BASE_TEXTS[1], url="https://a.example/1")
        b = Article(id="y", text=BASE_TEXTS[1], url="https://b.example/9")
        assert repo.add_record(extract(a).to_record(), a).status == "added"
        assert repo.add_record(extract(a).to_record(), a).status == "duplicate"
        assert repo.add_record(extract(b).to_record(), b).status == "added"
        assert repo.article_count() == 2


def test_bad_inputs_are_one_line_each_and_everything_good_is_kept(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_articles(inputs / "good.jsonl", 3)
    (inputs / "bad.jsonl").write_text('{"id": "ok-1", "text": "%s"}\n{"id": "broken"\n' % BASE_TEXTS[3],
                                      encoding="utf-8")
    (inputs / "broken.html").write_bytes(b"<html><body><div><p\x00\xff\xfe <<<")
    (inputs / "binary.txt").write_bytes(b"\xff\xfe\x00\x81 not text")
    (inputs / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>نشرة</title>'
        f'<item><guid>f-1</guid><description>{BASE_TEXTS[2]}</description></item>'
        '<item><guid>f-2</guid><title>بلا نص</title></item></channel></rss>', encoding="utf-8")
    locked = inputs / "locked.txt"
    locked.write_text(BASE_TEXTS[0], encoding="utf-8")
    locked.chmod(0)
    readable_anyway = os.access(locked, os.R_OK)   # root reads anything
    db = tmp_path / "rasd.db"
    status = main(["ingest", str(inputs), str(tmp_path / "missing.jsonl"), "--db", str(db), "--workers", "1"])
    err_lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("rasd: skipped")]
    assert status == 1
    expected = [f"{inputs / 'bad.jsonl'}:2: malformed JSON", f"{inputs / 'binary.txt'}: not UTF-8",
                f"{inputs / 'broken.html'}: ", f"{inputs / 'feed.rss'}: entry 2 (f-2): no content or summary",
                f"{tmp_path / 'missing.jsonl'}: no such file"]
    if not readable_anyway:
        expected.insert(3, f"{locked}: cannot read file")
    assert len(err_lines) == len(expected)
    for line, start in zip(err_lines, expected):
        assert line.startswith(f"rasd: skipped {start}"), line
    stored = 3 + 1 + 1 + (1 if readable_anyway else 0)   # good.jsonl, ok-1, f-1 (+ locked.txt as root)
    assert db_counts(db)["articles"] == stored


def test_parallel_workers_store_the_same_as_one_process(tmp_path):
    src = tmp_path / "a.jsonl"
    write_articles(src, 20)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert main(["ingest", str(src), "--db", str(one), "--workers", "1", "-q"]) == 0
    assert main(["ingest", str(src), "--db", str(two), "--workers", "2", "-q"]) == 0
    with Repository.open(str(one)) as r1, Repository.open(str(two)) as r2:
        e1, e2 = r1.list_events(limit=1000)[0], r2.list_events(limit=1000)[0]
        assert r1.stats() == r2.stats()
        assert [(e.id, e.type, e.mention_count) for e in e1] == [(e.id, e.type, e.mention_count) for e in e2]


# The child stalls INSIDE each article's transaction, so the kill lands mid-article.
CRASH_DRIVER = """
import sys, time
from rasd.store.repository import Repository
original = Repository._register_entities
def slow(self, s, article_id, record):
    original(self, s, article_id, record)
    time.sleep(0.15)
Repository._register_entities = slow
from rasd.cli import main
sys.exit(main(["ingest", sys.argv[1], "--db", sys.argv[2], "--workers", "1", "-q"]))
"""


def test_killed_mid_batch_loses_nothing_committed_and_leaves_no_half_article(tmp_path):
    src, db = tmp_path / "a.jsonl", tmp_path / "rasd.db"
    write_articles(src, 40)
    driver = tmp_path / "driver.py"
    driver.write_text(CRASH_DRIVER, encoding="utf-8")
    log = open(tmp_path / "child.log", "w")
    child = subprocess.Popen([sys.executable, str(driver), str(src), str(db)], stdout=log, stderr=log)
    deadline = time.time() + 120
    while time.time() < deadline and child.poll() is None:
        if db.exists():
            try:
                if db_counts(db)["articles"] >= 5:
                    break
            except sqlite3.OperationalError:   # schema not created yet
                pass
        time.sleep(0.05)
    time.sleep(0.07)                                    # land inside the next article's transaction
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL, (tmp_path / "child.log").read_text()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT id, record FROM articles").fetchall()
        assert 5 <= len(stored) < 40
        for article_id, record in stored:            # every stored article is complete
            events = len(json.loads(record)["events"])
            n = conn.execute("SELECT count(*) FROM event_mentions WHERE article_id=?", (article_id,)).fetchone()
            assert n[0] == events
        assert conn.execute("SELECT count(*) FROM event_mentions WHERE article_id NOT IN "
                            "(SELECT id FROM articles)").fetchone()[0] == 0
    assert main(["ingest", str(src), "--db", str(db), "--workers", "1", "-q"]) == 0
    after = db_counts(db)
    assert after["articles"] == 40
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT source_id) FROM articles").fetchone()[0] == 40
