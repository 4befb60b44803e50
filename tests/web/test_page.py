"""The map page in a real headless Chromium (Debian's `chromium`, driven by Playwright) against `rasd serve`.

The store holds constructed records (rasd_testkit.api.SAMPLE), so what is checked is the page, not the
extraction. Screenshots of both languages go to tests/artifacts/.
"""
import os
from pathlib import Path

import pytest

from rasd_testkit.api import HOSTILE, SAMPLE, fill_sample_store, running_server

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PLACED = sum(1 for *_, events in SAMPLE for e in events if e.get("place"))

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"{CHROMIUM} not installed (Debian package `chromium`: make system-deps)")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    fill_sample_store(url).close()
    with running_server(url) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1400, "height": 850})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # the page must work offline: any request to another origin fails the test
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
               else (errors.append(f"external request {route.request.url}"), route.abort()))
    page.base = base_url
    yield page
    context.close()
    assert errors == []


def open_page(page, lang="ar"):
    page.goto(f"{page.base}/?lang={lang}")
    page.wait_for_selector("body[data-loaded]")
    page.wait_for_function("() => document.querySelectorAll('.rasd-marker, .marker-cluster').length > 0")


def markers_on_map(page) -> int:
    """Events on the map: single markers plus the counts written on cluster icons."""
    return page.evaluate("""() => document.querySelectorAll('.rasd-marker').length +
        [...document.querySelectorAll('.marker-cluster')].reduce((n, c) => n + Number(c.textContent), 0)""")


def test_markers_for_every_placed_event(page):
    open_page(page)
    assert markers_on_map(page) == PLACED
    assert page.locator(".event-item").count() == len(SAMPLE)
    assert page.evaluate("getComputedStyle(document.querySelector('.rasd-marker.type-ASSAULT')).fill") \
        == "rgb(215, 25, 28)"


def test_filter_by_type(page):
    open_page(page)
    page.select_option("#f-type", "ASSAULT")
    page.wait_for_function("() => document.querySelectorAll('.event-item').length === 3")
    assert set(page.eval_on_selector_all(".event-item", "els => els.map(e => e.dataset.type)")) == {"ASSAULT"}
    assert markers_on_map(page) == 3
    assert page.locator(".rasd-marker:not(.type-ASSAULT)").count() == 0
    page.click("#f-reset")
    page.wait_for_function(f"() => document.querySelectorAll('.event-item').length === {len(SAMPLE)}")


def test_open_event_shows_highlighted_arabic_evidence(page):
    open_page(page, "en")
    page.locator(".event-item", has_text="سرمين").click()
    evidence = page.locator("#panel .evidence")
    evidence.wait_for()
    assert evidence.get_attribute("dir") == "rtl" and evidence.get_attribute("lang") == "ar"
    assert evidence.text_content() == SAMPLE[0][1]
    marks = dict(zip(page.eval_on_selector_all("#panel .evidence mark", "els => els.map(e => e.dataset.kind)"),
                     page.eval_on_selector_all("#panel .evidence mark", "els => els.map(e => e.textContent)")))
    assert marks == {"trigger": "قصفت", "actor1": "طائرات حربية روسية", "actor2": "مدنيين", "place": "سرمين",
                     "number": "خمسة"}
    panel = page.locator("#panel").text_content()
    assert "Russian warplanes" in panel and "Fatalities" in panel
    page.screenshot(path=str(ARTIFACTS / "page-en.png"))


def test_open_event_from_its_marker(page):
    open_page(page)
    page.select_option("#f-type", "PROTEST")
    page.wait_for_function("() => document.querySelectorAll('.event-item').length === 1")
    # the map redraws its markers after the filter: click the marker of the filtered view, once it is alone
    page.wait_for_function("() => document.querySelectorAll('.rasd-marker').length === 1")
    page.locator(".rasd-marker.type-PROTEST").click()
    page.locator("#panel .evidence").wait_for()
    assert page.locator("#panel .evidence mark[data-kind=trigger]").text_content() == "تظاهر"


def test_article_html_is_shown_as_text(page):
    open_page(page)
    page.locator(".event-item", has_text="حمص").click()
    page.locator("#panel .evidence").wait_for()
    assert HOSTILE in page.locator("#panel .evidence").text_content()
    assert HOSTILE in page.locator("#panel").text_content()          # the outlet name too
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#panel script, #panel img, #event-list script").count() == 0
    assert page.locator("#panel a[href^='javascript']").count() == 0  # a javascript: URL is not linked
    page.screenshot(path=str(ARTIFACTS / "page-ar.png"))


def test_brushing_the_timeline_filters_map_and_list(page):
    open_page(page, "en")
    box = page.locator("#timeline").bounding_box()
    bars = page.eval_on_selector_all("#timeline rect.bar", "els => els.map(e => [e.dataset.day, e.getBBox().x])")
    first_x = min(x for day, x in bars if day == "2024-03-03")
    last_x = max(x for day, x in bars if day == "2024-03-05")
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + first_x + 1, y)
    page.mouse.down()
    page.mouse.move(box["x"] + last_x + 3, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => document.querySelectorAll('.event-item').length === 4")
    days = page.eval_on_selector_all(".event-item .muted", "els => els.map(e => e.textContent)")
    assert sorted(days) == ["2024-03-03", "2024-03-03", "2024-03-04", "2024-03-05"]
    assert markers_on_map(page) == 3   # the threat from 2024-03-03 has no place
    assert page.locator("#brush-label").text_content() == "2024-03-03 – 2024-03-05"
    page.click("#brush-clear")
    page.wait_for_function(f"() => document.querySelectorAll('.event-item').length === {len(SAMPLE)}")


def test_language_toggle_mirrors_the_layout(page):
    open_page(page, "en")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
    sidebar_left = page.locator(".sidebar").bounding_box()["x"]
    page.click("#lang-toggle")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert page.locator("label:has(#f-type) span").text_content() == "نوع الحدث"
    assert page.locator(".sidebar").bounding_box()["x"] > sidebar_left + 500   # the sidebar moved to the right
    assert page.locator(".leaflet-top.leaflet-right .leaflet-control-zoom").count() == 1
    page.locator(".event-item").first.click()
    page.locator("#panel .evidence").wait_for()
    panel, map_box = page.locator("#panel").bounding_box(), page.locator("#map").bounding_box()
    assert panel["x"] < map_box["x"]                                         # the panel opens on the left
    page.screenshot(path=str(ARTIFACTS / "page-ar-panel.png"))
    page.click("#lang-toggle")                                              # back to English, remembered
    page.goto(f"{page.base}/")
    page.wait_for_selector("body[data-loaded]")
    assert page.evaluate("document.documentElement.dir") == "ltr"
