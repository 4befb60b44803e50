"""Helpers for tests of the API and the page: a store filled with constructed records, and `rasd serve` running.

The records are built by hand (rasd_testkit.store.constructed_article) so that the map, filters and panel
can be tested without depending on what the extraction stages find. One article carries HTML in its text
and outlet, to check that the page shows it as text.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import subprocess
import sys
import time
from typing import Iterator

import httpx

from rasd.store import Repository
from rasd_testkit.store import constructed_article

HOSTILE = "<script>window.__pwned=1</script>"

# (id, text, outlet, published, url, events) — real sentences of the kinds of news rasd reads
SAMPLE = [
    ("s-idlib", "قصفت طائرات حربية روسية بلدة سرمين في ريف إدلب الشرقي صباح الأحد، ما أسفر عن مقتل خمسة مدنيين.",
     "الجزيرة", dt.date(2024, 3, 3), "https://example.org/idlib", [dict(
         type="ASSAULT", trigger="قصفت", date="2024-03-03", fatalities=5,
         actor1=("طائرات حربية روسية", None, "Russian warplanes"), actor2=("مدنيين", None, "civilians"),
         place=("سرمين", 35.903, 36.725, "SY", "Idlib", "town"),
         acled=("Explosions/Remote violence", "Air/drone strike"))]),
    ("s-fasher", "اشتبكت قوات الدعم السريع مع الجيش السوداني في مدينة الفاشر، ما أدى إلى مقتل 12 شخصاً.",
     "الجزيرة", dt.date(2024, 3, 4), None, [dict(
         type="ASSAULT", trigger="اشتبكت", date="2024-03-04", fatalities=12,
         actor1=("قوات الدعم السريع", "org.rapid_support_forces", "Rapid Support Forces"),
         actor2=("الجيش السوداني", "org.sudanese_armed_forces", "Sudanese Armed Forces"),
         place=("الفاشر", 13.628, 25.349, "SD", "North Darfur", "city"), acled=("Battles", "Armed clash"))]),
    ("s-baghdad", "تظاهر مئات المحتجين في ساحة التحرير وسط بغداد للمطالبة بتحسين الخدمات.",
     "العربية", dt.date(2024, 3, 1), None, [dict(
         type="PROTEST", trigger="تظاهر", date="2024-03-01", actor1=("المحتجين", None, "protesters"),
         place=("بغداد", 33.341, 44.401, "IQ", "Baghdad", "city"), acled=("Protests", "Peaceful protest"))]),
    ("s-amman", "التقى وزير الخارجية المصري نظيره الأردني في عمّان لبحث التطورات في غزة.",
     "سكاي نيوز عربية", dt.date(2024, 2, 27), None, [dict(
         type="CONSULT", trigger="التقى", date="2024-02-27",
         actor1=("وزير الخارجية المصري", None, "Egyptian Foreign Minister"),
         actor2=("نظيره الأردني", None, "Jordanian Foreign Minister"),
         place=("عمّان", 31.955, 35.945, "JO", "Amman", "city"))]),
    ("s-hodeidah", "شنت جماعة الحوثي هجوماً بطائرة مسيرة على سفينة تجارية قبالة سواحل الحديدة.",
     "العربية", dt.date(2024, 2, 28), None, [dict(
         type="ASSAULT", trigger="هجوماً", date="2024-02-28", actor1=("جماعة الحوثي", "org.houthis", "Houthis"),
         place=("الحديدة", 14.798, 42.954, "YE", "Al Hudaydah", "city"),
         acled=("Explosions/Remote violence", "Air/drone strike"))]),
    ("s-rafah", "أعلنت الأمم المتحدة إرسال مساعدات غذائية إلى مدينة رفح جنوبي قطاع غزة.",
     "سكاي نيوز عربية", dt.date(2024, 3, 5), None, [dict(
         type="AID", trigger="مساعدات", date="2024-03-05", actor1=("الأمم المتحدة", "org.un", "United Nations"),
         place=("رفح", 31.297, 34.245, "PS", "Rafah", "city"))]),
    ("s-threat", "هددت إيران بالرد على أي هجوم يستهدف أراضيها.",
     "العربية", dt.date(2024, 3, 3), None, [dict(
         type="THREATEN", trigger="هددت", date="2024-03-03", actor1=("إيران", "gpe.IR", "Iran"))]),
    ("s-hostile", f"اتهمت الحكومة {HOSTILE} المعارضة بإشعال الحرائق في مدينة حمص <img src=x onerror=\"window.__pwned=2\">.",
     f"وكالة {HOSTILE}", dt.date(2024, 3, 2), "javascript:window.__pwned=3", [dict(
         type="ACCUSE", trigger="اتهمت", date="2024-03-02", actor1=("الحكومة", None, "the government"),
         actor2=("المعارضة", None, "the opposition"), place=("حمص", 34.731, 36.709, "SY", "Homs", "city"))]),
]


# English names of the sample outlets, as rasd.extract.sources would give them
OUTLETS_EN = {"الجزيرة": "Al Jazeera", "العربية": "Al Arabiya", "سكاي نيوز عربية": "Sky News Arabia"}

# an article without a publication date whose event has no date: it belongs in the page's undated bin
UNDATED = ("s-undated", "أحرق محتجون إطارات في مدينة صور جنوب لبنان احتجاجاً على انقطاع الكهرباء.",
           "النهار", None, None, [dict(
               type="PROTEST", trigger="أحرق", actor1=("محتجون", None, "protesters"),
               place=("صور", 33.273, 35.194, "LB", "South Governorate", "city"),
               acled=("Riots", "Violent demonstration"))])


def fill_sample_store(url: str, undated: bool = False) -> Repository:
    """Open the store at `url` and add the sample articles (a second call adds nothing); with `undated`,
    also the UNDATED article (outlet «النهار», English name Annahar)."""
    repo = Repository.open(url)
    for article_id, text, outlet, published, link, events in SAMPLE + ([UNDATED] if undated else []):
        article, record = constructed_article(article_id, text, events, published=published, outlet=outlet, url=link)
        record.source.outlet_en = OUTLETS_EN.get(outlet) or ("Annahar" if outlet == "النهار" else None)
        repo.add_record(record, article)
    return repo


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(db_url: str, timeout: float = 60.0, log: str | None = None,
                   args: tuple[str, ...] = ()) -> Iterator[str]:
    """Run `rasd serve --db URL [args]` on a free loopback port; yield its base URL; stop it on exit.
    With `log`, the server's output goes to that file (else to a pipe read only if it fails to start)."""
    port = free_port()
    cmd = [sys.executable, "-m", "rasd.cli", "serve", "--db", db_url, "--port", str(port), "--log-level", "warning",
           *args]
    out = open(log, "w") if log else subprocess.PIPE
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                said = proc.stdout.read() if proc.stdout else open(log).read()
                raise RuntimeError(f"rasd serve exited with {proc.returncode}: {said}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"rasd serve did not answer on {base} within {timeout:.0f}s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()
        if log:
            out.close()


# a short news sentence for extraction tests (a made-up report, not from any evaluation set)
ARTICLE_TEXT = "قتل ثلاثة أشخاص في غارة جوية على مدينة إدلب شمال غربي سوريا يوم الاثنين."
