"""HTML pages (trafilatura) and RSS/Atom feeds (feedparser) into Articles; bad inputs become one-line errors."""
import datetime as dt

from rasd.document import Article
from rasd.errors import RasdInputError
from rasd.ingest.readers import read_inputs

PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>غارة روسية على سوق في إدلب - عنب بلدي</title>
<meta property="og:site_name" content="عنب بلدي">
<meta property="og:title" content="غارة روسية على سوق في إدلب">
<meta property="article:published_time" content="2024-03-01T10:00:00+03:00">
<meta name="author" content="أحمد حاج بكري">
<link rel="canonical" href="https://www.enabbaladi.net/archives/700001">
</head><body><nav><a href="/">الرئيسية</a> | <a href="/sy">سوريا</a></nav>
<article><h1>غارة روسية على سوق في إدلب</h1>
<p>قتل خمسة مدنيين وأصيب آخرون في غارة جوية روسية استهدفت سوقا شعبيا وسط مدينة إدلب صباح الجمعة، بحسب ما أفاد الدفاع المدني السوري.</p>
<p>وقال مسؤول في المجلس المحلي إن الطائرات الحربية استهدفت السوق مرتين خلال ساعة واحدة، ما أعاق وصول فرق الإسعاف إلى المكان.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>الجزيرة نت</title><link>https://www.aljazeera.net</link>
<item><title>احتجاجات في بيروت</title><link>https://www.aljazeera.net/news/1</link><guid>aj-1</guid>
<pubDate>Fri, 01 Mar 2024 08:00:00 GMT</pubDate>
<description><![CDATA[<p>تظاهر مئات اللبنانيين أمام مقر الحكومة في بيروت احتجاجا على تدهور الأوضاع المعيشية.</p><p>ورفع المتظاهرون لافتات تطالب بمحاسبة المسؤولين.</p>]]></description></item>
<item><title>عنوان بلا نص</title><link>https://www.aljazeera.net/news/2</link><guid>aj-2</guid></item>
<item><title>English only</title><guid>aj-3</guid><description>Protesters gathered in Beirut on Friday to demand reforms.</description></item>
<item><title>قصف على غزة</title><guid>aj-4</guid><pubDate>Sat, 02 Mar 2024 09:00:00 GMT</pubDate>
<description>قصفت طائرات إسرائيلية منزلا في مدينة غزة فجر السبت.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>عنب بلدي</title>
<entry><id>tag:enab,2024:1</id><title>اشتباكات</title><updated>2024-03-03T12:00:00Z</updated>
<author><name>مراسل عنب بلدي</name></author>
<content type="html">&lt;p&gt;اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على محور سراقب شرقي إدلب.&lt;/p&gt;</content>
<summary>ملخص قصير.</summary></entry></feed>"""


def items(*paths):
    return list(read_inputs(paths))


def test_html_page_gives_main_text_and_metadata(tmp_path):
    path = tmp_path / "enab-700001.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = items(path)
    assert isinstance(article, Article)
    assert article.id == "enab-700001"
    assert "قتل خمسة مدنيين" in article.text and "استهدفت السوق مرتين" in article.text
    assert "جميع الحقوق محفوظة" not in article.text and "الرئيسية" not in article.text
    assert article.title == "غارة روسية على سوق في إدلب"
    assert article.outlet == "عنب بلدي"
    assert article.published == dt.date(2024, 3, 1)
    assert article.url == "https://www.enabbaladi.net/archives/700001"


def test_broken_html_is_one_error_line_naming_the_file(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"<html><body><div><p\x00\xff\xfe <<<")
    good = tmp_path / "good.htm"
    good.write_text(PAGE, encoding="utf-8")
    errors = [i for i in items(tmp_path) if isinstance(i, RasdInputError)]
    articles = [i for i in items(tmp_path) if isinstance(i, Article)]
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1 and str(errors[0]).startswith(str(broken))
    assert "\n" not in str(errors[0])


def test_rss_feed_keeps_good_entries_and_names_each_bad_one(tmp_path):
    path = tmp_path / "aljazeera.rss"
    path.write_text(FEED, encoding="utf-8")
    result = items(path)
    articles = [i for i in result if isinstance(i, Article)]
    errors = [str(i) for i in result if isinstance(i, RasdInputError)]
    assert [a.id for a in articles] == ["aj-1", "aj-4"]
    first = articles[0]
    assert first.outlet == "الجزيرة نت" and first.url == "https://www.aljazeera.net/news/1"
    assert first.published == dt.date(2024, 3, 1) and first.title == "احتجاجات في بيروت"
    assert first.text.splitlines() == ["تظاهر مئات اللبنانيين أمام مقر الحكومة في بيروت احتجاجا على تدهور "
                                       "الأوضاع المعيشية.", "ورفع المتظاهرون لافتات تطالب بمحاسبة المسؤولين."]
    assert len(errors) == 2
    assert errors[0].startswith(f"{path}: entry 2 (aj-2): no content or summary")
    assert errors[1].startswith(f"{path}: entry 3 (aj-3):") and "not Arabic" in errors[1]


def test_atom_entry_prefers_full_content_to_summary(tmp_path):
    path = tmp_path / "enab.atom"
    path.write_text(ATOM, encoding="utf-8")
    [article] = items(path)
    assert article.text.startswith("اندلعت اشتباكات عنيفة") and "ملخص" not in article.text
    assert article.author == "مراسل عنب بلدي" and article.published == dt.date(2024, 3, 3)


def test_xml_that_is_not_a_feed_is_an_error(tmp_path):
    path = tmp_path / "config.xml"
    path.write_text("<config><a>1</a></config>", encoding="utf-8")
    [error] = items(path)
    assert isinstance(error, RasdInputError) and "not an RSS/Atom feed" in str(error)
