"""Outlet, author, dateline and agencies from URLs, bylines and datelines (texts written for these tests)."""
from __future__ import annotations

import re

from rasd.document import Article
from rasd.extract import sources
from rasd.extract.cues import read_tsv
from rasd.extract.agencies import find_agencies
from rasd.extract.sources import domain_label, outlet_from_url
from rasd.text import prepare

BODY = "أعلنت السلطات المحلية إغلاق الطريق الدولي بعد انهيار جسر بسبب السيول، وقالت إن فرق الإنقاذ تعمل في المكان."


def run(text: str, url: str | None = None, outlet: str | None = None, author: str | None = None):
    doc = prepare(Article(id="t", text=text, url=url, outlet=outlet, author=author))
    sources.run(doc)
    return doc.source


def test_outlet_from_known_domain_and_subdomain():
    src = run(BODY, url="https://www.aljazeera.net/news/2024/1/1/some-slug")
    assert (src.outlet, src.outlet_en) == ("الجزيرة", "Al Jazeera")
    assert outlet_from_url("https://arabic.cnn.com/middle-east/article/x") == ("سي إن إن بالعربية", "CNN Arabic")


def test_unknown_domain_falls_back_to_its_site_name():
    # the site's host name (its name word inside it), without www, mobile or language labels
    src = run(BODY, url="https://news.example-daily.co.uk/world/123")
    assert src.outlet == "news.example-daily.co.uk"
    assert run(BODY, url="https://m.al-ahrar.net/news12748.html").outlet == "al-ahrar.net"
    assert run(BODY, url="https://www.arabkhabar.com/a/3442444").outlet == "arabkhabar.com"
    assert domain_label("http://m.somepaper.com.sa/a") == "somepaper"


def test_input_outlet_field_wins():
    src = run(BODY, url="https://www.alarabiya.net/x", outlet="قناة العربية")
    assert src.outlet == "قناة العربية" and src.outlet_en == "Al Arabiya"


def test_byline_with_biqalam():
    src = run("بقلم: سامر الخطيب\n" + BODY)
    assert src.author == "سامر الخطيب"


def test_byline_with_kataba():
    src = run("كتبت - هالة منصور\n" + BODY)
    assert src.author == "هالة منصور"


def test_translated_byline_at_the_end():
    src = run(BODY + "\nمن -\nديفيد هيرست- الغارديان")
    assert src.author == "ديفيد هيرست"
    assert src.outlet == "الغارديان"


def test_agency_dateline():
    src = run("عمّان - (رويترز) - " + BODY)
    assert src.dateline == "عمّان"
    assert src.agencies == ["Reuters"]


def test_abbreviated_agency_dateline_with_colon():
    src = run("الرباط- (أ ف ب): " + BODY)
    assert src.dateline == "الرباط"
    assert src.agencies == ["AFP"]


def test_agencies_dateline():
    src = run("وكالات - الخرطوم:\n" + BODY)
    assert src.dateline == "الخرطوم"


def test_place_then_author_dateline():
    src = run("المنامة - ياسر الحداد - " + BODY)
    assert src.dateline == "المنامة"
    assert src.author == "ياسر الحداد"


def test_outlet_header_line():
    src = run("أخبار الساحل - نواكشوط\n" + BODY)
    assert src.outlet == "أخبار الساحل"
    assert src.dateline == "نواكشوط"


def test_author_line_above_date_line():
    src = run("فيضانات تجتاح شمال البلاد\nمنى العبيدي\n12 مارس 2024\n" + BODY)
    assert src.author == "منى العبيدي"


def test_trailing_agency_signature_and_agencies_anywhere():
    src = run(BODY + " وبحسب وكالة الأناضول فإن الأضرار كبيرة.\n— د ب أ")
    assert src.agencies == ["Anadolu", "dpa"]


def test_copyright_line_names_the_outlet_when_nothing_else_does():
    src = run(BODY + "\n© 2024 صحيفة الأيام")
    assert src.outlet == "صحيفة الأيام"


def test_short_agency_names_need_agency_context():
    """«سانا» alone is a word-like name; as «(سانا)» or «وكالة سانا» it is the agency."""
    assert find_agencies("زارت سانا المعرض") == []
    assert [a.name_en for a in find_agencies("دمشق (سانا) - افتتح")] == ["SANA"]
    assert [a.name_en for a in find_agencies("ذكرت وكالة سانا أن")] == ["SANA"]


def test_agency_with_attached_preposition_and_offsets():
    text = "وقال مسؤول لرويترز إن الاتفاق قريب"
    found = find_agencies(text)
    assert [(text[a.start:a.end], a.name_en) for a in found] == [("رويترز", "Reuters")]


def test_no_furniture_no_guess():
    src = run(BODY)
    assert src.outlet is None and src.author is None and src.dateline is None and src.agencies == []


def test_agencies_data_invariants():
    rows = read_tsv("agencies.tsv")
    names = [r["name_en"] for r in rows]
    assert len(names) == len(set(names)) and len(rows) >= 30
    assert all(r["kind"] in ("agency", "monitor", "broadcaster") for r in rows)
    assert all(alias.strip() for r in rows for alias in r["aliases_ar"].split("|"))


def test_outlets_data_invariants():
    rows = read_tsv("outlets.tsv")
    domains = [r["domain"] for r in rows]
    assert len(domains) == len(set(domains)) and len(rows) >= 50
    for r in rows:
        assert re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", r["domain"]), r
        assert r["name_ar"] and r["name_en"], r


def test_author_from_a_name_slug_in_the_url_path():
    from rasd.extract.sources import author_from_url
    url = "https://example.com/index.php/%D8%B9%D9%86%D9%88%D8%A7%D9%86-%D8%B7%D9%88%D9%8A%D9%84-%D9%84%D9%84%D8%AE%D8%A8%D8%B1-%D8%A7%D9%84%D9%8A%D9%88%D9%85/%D9%85%D8%B9%D8%A7%D8%B0-%D8%A5%D8%AF%D8%B1%D9%8A%D8%B3/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1"
    assert author_from_url(url) == "معاذ إدريس"
    assert author_from_url("https://example.com/news/2024/05/قصف-على-حلب") is None


def test_gulf_agency_dateline_with_slashes():
    src = run("عنوان الخبر\n\nأبوظبي في 15 يناير/ وام/ " + BODY)
    assert src.dateline == "أبوظبي"
    assert src.agencies == ["WAM"]


def test_source_cues_data_invariants():
    from rasd.extract.cues import read_tsv
    rows = read_tsv("source_cues.tsv")
    kinds = {"author_cue", "agencies_word", "source_cue", "copyright_cue", "second_level", "url_author_dir"}
    assert {r["kind"] for r in rows} == kinds
    assert all(r["cue"] and r["cue"] == r["cue"].strip() for r in rows)
    assert all(r["cue"].isascii() and r["cue"].islower() for r in rows if r["kind"] in ("second_level", "url_author_dir"))


def test_footer_and_byline_cues_read_from_data():
    doc = run("إعداد: سامر خليل\nقال الوزير إن الاجتماع كان مثمرا.\nالمصدر: صحيفة الأيام")
    assert doc.author == "سامر خليل"
    assert doc.outlet == "صحيفة الأيام"


def test_agency_prefilter_lets_every_alias_through():
    """find_agencies runs its big pattern only on texts holding one of the prefilter's literals (issue 16):
    every alias of agencies.tsv, bare, with clitics, in context and with «لل» for «ال», must pass it."""
    from rasd.extract.agencies import _agency_matcher, _may_hold_agency
    from rasd.extract.cues import read_tsv
    from rasd.text.normalize import normalize_with_offsets
    pattern, _groups = _agency_matcher()
    checked = 0
    for row in read_tsv("agencies.tsv"):
        for alias in row["aliases_ar"].split("|"):
            forms = [alias, "و" + alias, "ول" + alias, f"(وكالة {alias})", f"- {alias}"]
            if alias.startswith("ال"):
                forms.append("لل" + alias[2:])
            for text in forms:
                norm = normalize_with_offsets(text)[0]
                if any(m.lastgroup for m in pattern.finditer(norm)):
                    assert _may_hold_agency(norm), text
                    checked += 1
    assert checked > 100
    assert not _may_hold_agency(normalize_with_offsets("قتل خمسة مدنيين في غارة على إدلب")[0])


def test_agency_pattern_over_the_aliases_present_finds_what_the_full_pattern_finds():
    """_find_agencies runs the pattern over only the aliases whose literal the text holds (issue 16): on every
    alias form, and on texts naming several, it finds the same matches with the same groups as all aliases."""
    from rasd.extract.agencies import _agency_matcher, _aliases_present, _pattern_of
    from rasd.extract.cues import read_tsv
    from rasd.text.normalize import normalize_with_offsets
    full, _groups = _agency_matcher()
    aliases = [a for row in read_tsv("agencies.tsv") for a in row["aliases_ar"].split("|") if a]
    texts = [f"{lead}{alias}" for alias in aliases for lead in ("", "و", "ول", "(وكالة ", "- ")]
    texts += [" ".join(aliases[i:i + 5]) + " - أ ف ب" for i in range(0, len(aliases), 3)]
    compared = 0
    for text in texts:
        norm = normalize_with_offsets(text)[0]
        want = [(m.start(), m.lastgroup, m.span(m.lastgroup)) for m in full.finditer(norm) if m.lastgroup]
        present = _aliases_present(norm)
        got = [(m.start(), m.lastgroup, m.span(m.lastgroup)) for m in _pattern_of(present).finditer(norm)
               if m.lastgroup] if present else []
        assert got == want, text
        compared += bool(want)
    assert compared > 100
