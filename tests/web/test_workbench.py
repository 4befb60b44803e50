"""The analyst's workbench (issue 15) in a real headless Chromium (Debian's `chromium`, driven by Playwright)
against `rasd serve`, at desktop (1440×900) and phone (390×844) sizes.

The store holds rasd_testkit.api.SAMPLE (8 dated events, 7 placed) plus UNDATED (one undated event in Tyre,
outlet «النهار» / Annahar). Screenshots for a reviewer go to tests/web/screenshots/ (gitignored).
"""
import csv
import io
import json
import os
from pathlib import Path

import pytest

from rasd_testkit.api import SAMPLE, fill_sample_store, running_server

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent / "screenshots"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ALL = len(SAMPLE) + 1
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"{CHROMIUM} not installed (Debian package `chromium`: make system-deps)")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('bench') / 'web.db'}"
    fill_sample_store(url, undated=True).close()
    with running_server(url) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def _page(browser, base_url, viewport, phone=False):
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone,
                                  device_scale_factor=2 if phone else 1, accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # offline: any request to another origin fails the test
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
               else (errors.append(f"external request {route.request.url}"), route.abort()))
    page.base = base_url
    return context, page, errors


@pytest.fixture
def page(browser, base_url):
    context, page, errors = _page(browser, base_url, DESKTOP)
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def phone(browser, base_url):
    context, page, errors = _page(browser, base_url, PHONE, phone=True)
    yield page
    context.close()
    assert errors == []


def open_page(page, query="lang=en"):
    page.goto(f"{page.base}/?{query}")
    page.wait_for_selector("body[data-loaded]")


def loaded(page) -> str:
    return page.evaluate("document.body.dataset.loaded")


def after(page, action):
    """Do `action` and wait until the page has loaded what it asked for."""
    before = loaded(page)
    action()
    page.wait_for_function(f"() => document.body.dataset.loaded !== '{before}'")
    page.wait_for_timeout(100)


def items(page) -> list[str]:
    return page.eval_on_selector_all(".event-item", "els => els.map(e => e.dataset.id)")


def url_params(page) -> dict:
    from urllib.parse import parse_qs, urlparse
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def label_names(page) -> list[str]:
    return page.eval_on_selector_all(".place-label span", "els => els.map(e => e.textContent)")


# ---- map: place names, re-fit, cluster colours --------------------------------------------------------------

def test_place_names_appear_as_the_map_zooms_in(page):
    open_page(page, "lang=en&at=4/34.5/38")
    page.wait_for_selector("body[data-labels-zoom='4']")
    far = label_names(page)
    cities_far = page.locator(".place-label.kind-city, .place-label.kind-capital").count()
    assert "Syria" in far and "Iraq" in far          # countries at low zoom
    assert "Aleppo" not in far and "Homs" not in far
    page.screenshot(path=str(SHOTS / "desktop-labels-zoom4.png"))
    for zoom in (5, 6, 7):
        page.click(".leaflet-control-zoom-in")
        page.wait_for_selector(f"body[data-labels-zoom='{zoom}']")
    near = label_names(page)
    assert {"Aleppo", "Homs", "Damascus"} <= set(near)   # cities once zoomed in
    assert page.locator(".place-label.kind-city, .place-label.kind-capital").count() > cities_far
    page.screenshot(path=str(SHOTS / "desktop-labels-zoom7.png"))
    page.click("#lang-toggle")                          # the same places, named in Arabic
    assert "حلب" in label_names(page)


def test_map_refits_on_filter_and_says_when_empty(page):
    open_page(page)
    after(page, lambda: page.select_option("#f-country", "SD"))
    page.wait_for_timeout(600)
    zoom, lat, lon = (float(x) for x in url_params(page)["at"].split("/"))
    assert abs(lat - 13.628) < 1 and abs(lon - 25.349) < 1 and zoom >= 6   # fitted on El Fasher
    assert page.locator("#map-empty").is_hidden()
    after(page, lambda: page.fill("#f-fat-min", "1000") or page.dispatch_event("#f-fat-min", "change"))
    assert page.locator("#map-empty").is_visible()
    assert page.locator("#status").text_content().startswith("0 events")
    assert items(page) == [] and page.locator(".event-item, .rasd-marker, .marker-cluster").count() == 0


def test_clusters_take_the_colour_of_their_dominant_type(page):
    open_page(page, "lang=en&type=PROTEST&at=2/30/40")
    page.wait_for_timeout(800)
    cluster = page.locator(".rasd-cluster")
    assert cluster.count() == 1 and "type-PROTEST" in cluster.get_attribute("class")
    assert cluster.locator("div").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(231, 41, 138)"
    assert cluster.text_content() == "2"


# ---- every filter ------------------------------------------------------------------------------------------

FILTER_CASES = [
    ("#f-type", "ASSAULT", {"1", "2", "5"}, "type"),
    ("#f-acled", "Battles", {"2"}, "acled_type"),
    ("#f-subtype", "Air/drone strike", {"1", "5"}, "sub_event_type"),
    ("#f-country", "SY", {"1", "8"}, "country"),
    ("#f-admin1", "Idlib", {"1"}, "admin1"),
    ("#f-outlet", "النهار", {"9"}, "outlet"),
    ("#f-undated", "true", {"9"}, "undated"),
]


def event_ids(page, **query) -> set[str]:
    from urllib.parse import urlencode
    response = page.request.get(f"{page.base}/events?{urlencode(query)}")
    return {str(e["id"]) for e in response.json()["items"]}


@pytest.mark.parametrize("selector, value, _ids, param", FILTER_CASES)
def test_each_select_filter(page, selector, value, _ids, param):
    open_page(page)
    expected = event_ids(page, **{param: value})
    assert expected and len(expected) < ALL
    after(page, lambda: page.select_option(selector, value))
    assert set(items(page)) == expected
    assert url_params(page)[param] == value
    assert page.locator("#status").text_content().startswith(f"{len(expected)} event")
    legend = sum(int(c.split()[-1]) for c in page.eval_on_selector_all("#legend .chip", "els => els.map(e => e.textContent)"))
    assert legend == len(expected)                    # the legend counts follow the filter


def test_actor_filter_searches_names_in_both_languages(page):
    open_page(page)
    options = page.eval_on_selector_all("#actor-options option", "els => els.map(e => [e.value, e.label])")
    assert ["org.houthis", "Houthis · جماعة الحوثي (1)"] in options
    for typed in ("Houthis", "org.houthis", "جماعة الحوثي"):
        after(page, lambda: page.fill("#f-actor", typed) or page.dispatch_event("#f-actor", "change"))
        assert items(page) == ["5"], typed


def test_date_and_fatality_filters(page):
    open_page(page)
    after(page, lambda: page.fill("#f-from", "2024-03-03") or page.dispatch_event("#f-from", "change"))
    after(page, lambda: page.fill("#f-to", "2024-03-04") or page.dispatch_event("#f-to", "change"))
    assert set(items(page)) == event_ids(page, date_from="2024-03-03", date_to="2024-03-04") and len(items(page)) == 3
    assert page.locator("#brush-label").text_content() == "2024-03-03 – 2024-03-04"
    # bars outside the range are greyed, not dropped: the timeline keeps the whole span
    assert page.locator("#timeline rect.bar.out").count() > 0
    page.click("#brush-clear")
    page.wait_for_function(f"() => document.querySelectorAll('.event-item').length === {ALL}")
    after(page, lambda: page.fill("#f-fat-min", "1") or page.dispatch_event("#f-fat-min", "change"))
    after(page, lambda: page.fill("#f-fat-max", "5") or page.dispatch_event("#f-fat-max", "change"))
    assert items(page) == ["1"]
    assert url_params(page)["fatalities_min"] == "1" and url_params(page)["fatalities_max"] == "5"
    page.screenshot(path=str(SHOTS / "desktop-filters.png"))


# ---- timeline and undated bin --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ar"])
def test_time_runs_left_to_right_with_ticks(page, lang):
    open_page(page, f"lang={lang}")
    bars = page.eval_on_selector_all("#timeline rect.bar", "els => els.map(e => [e.dataset.day, e.getBBox().x])")
    assert [x for _, x in sorted(bars)] == sorted(x for _, x in bars)          # later days further right
    ticks = page.eval_on_selector_all("#timeline text.tick", "els => els.map(e => [e.textContent, e.getBBox().x])")
    dated = [(text, x) for text, x in ticks if text[:4].isdigit()]
    assert len(dated) >= 3 and [t for t, _ in sorted(dated, key=lambda p: p[1])] == sorted(t for t, _ in dated)
    assert len({t for t, _ in dated}) == len(dated)                              # no label twice
    assert page.locator("#timeline .tickmark").count() == len(dated)


def test_undated_bin_shows_and_selects_undated_events(page):
    open_page(page)
    undated = page.locator("#undated-bin")
    assert undated.text_content() == "Undated: 1"
    after(page, lambda: undated.click())
    assert items(page) == ["9"] and undated.get_attribute("aria-pressed") == "true"
    assert url_params(page)["undated"] == "true"
    page.locator(".event-item").first.click()
    page.locator("#panel .evidence").wait_for()
    assert "صور" in page.locator("#panel .evidence").text_content()
    page.screenshot(path=str(SHOTS / "desktop-undated.png"))
    after(page, lambda: undated.click())
    assert len(items(page)) == ALL


# ---- table, charts, export ---------------------------------------------------------------------------------

def test_table_view_of_the_filtered_events(page):
    open_page(page)
    page.click("#tabs button[data-view=table]")
    page.wait_for_function(f"() => document.querySelectorAll('#event-table tbody tr').length === {ALL}")
    assert page.locator("#map").is_hidden()
    assert page.locator("#table-page").text_content() == f"1–{ALL} of {ALL}"
    after(page, lambda: page.select_option("#f-type", "ASSAULT"))
    page.wait_for_function("() => document.querySelectorAll('#event-table tbody tr').length === 3")
    row = page.locator("#event-table tbody tr", has_text="North Darfur")
    assert "Battles / Armed clash" in row.text_content() and "12" in row.text_content()
    row.click()
    page.locator("#panel .evidence").wait_for()
    assert "الفاشر" in page.locator("#panel .evidence").text_content()
    page.screenshot(path=str(SHOTS / "desktop-table.png"))


def test_charts(page):
    open_page(page)
    page.click("#tabs button[data-view=charts]")
    weekly = page.eval_on_selector_all("#chart-weekly .chart-bar", "els => els.map(e => [e.dataset.key, +e.dataset.n])")
    assert sum(n for _, n in weekly) == len(SAMPLE)                          # every dated event, once
    assert sum(n for key, n in weekly if key == "ASSAULT") == 3
    fatalities = page.eval_on_selector_all("#chart-fatalities .chart-bar", "els => els.map(e => +e.dataset.n)")
    assert sum(fatalities) == 17
    places = page.eval_on_selector_all("#chart-places .chart-bar", "els => els.map(e => [e.dataset.key, +e.dataset.n])")
    assert places[0] == ["SY", 2] and sum(n for _, n in places) == ALL
    page.screenshot(path=str(SHOTS / "desktop-charts.png"))
    page.click("#places-admin1")
    admin1 = page.eval_on_selector_all("#chart-places .chart-bar", "els => els.map(e => e.dataset.key)")
    assert "Idlib" in admin1 and "North Darfur" in admin1
    after(page, lambda: page.select_option("#f-country", "SY"))              # the charts follow the filters
    weekly = page.eval_on_selector_all("#chart-weekly .chart-bar", "els => +e.dataset.n" if False else
                                       "els => els.map(e => +e.dataset.n)")
    assert sum(weekly) == 2


def test_export_of_the_current_view(page):
    open_page(page)
    after(page, lambda: page.select_option("#f-type", "ASSAULT"))
    href = page.get_attribute("#export-csv", "href")
    assert "type=ASSAULT" in href and "format=csv" in href
    with page.expect_download() as download:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == 3
    with page.expect_download() as download:
        page.click("#export-geojson")
    geo = json.loads(Path(download.value.path()).read_text())
    assert len(geo["features"]) == 3


# ---- the view in the URL -------------------------------------------------------------------------------------

def test_view_is_restored_from_the_url_on_reload(page):
    open_page(page)
    after(page, lambda: page.select_option("#f-country", "SY"))
    after(page, lambda: page.select_option("#f-type", "ASSAULT"))
    page.click("#tabs button[data-view=table]")
    page.locator("#event-table tbody tr").first.click()
    page.locator("#panel .evidence").wait_for()
    params = url_params(page)
    assert params["country"] == "SY" and params["type"] == "ASSAULT" and params["view"] == "table"
    assert params["event"] == "1"
    page.reload()
    page.wait_for_selector("body[data-loaded]")
    assert page.input_value("#f-country") == "SY" and page.input_value("#f-type") == "ASSAULT"
    page.wait_for_function("() => document.querySelectorAll('#event-table tbody tr').length === 1")
    assert page.locator("#map").is_hidden()
    page.locator("#panel .evidence").wait_for()
    assert "سرمين" in page.locator("#panel .evidence").text_content()
    # a shared link opens the same view in a fresh browser
    link = page.url
    fresh = page.context.new_page()
    fresh.goto(link)
    fresh.wait_for_selector("body[data-loaded]")
    assert fresh.input_value("#f-country") == "SY"
    fresh.close()


# ---- phone ---------------------------------------------------------------------------------------------------

def visible_box(page, selector):
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return box


def test_phone_gives_map_list_and_panel_the_screen_in_turn(phone):
    open_page(phone, "lang=ar")
    width = PHONE["width"]
    phone.wait_for_selector(".rasd-marker, .marker-cluster")
    assert phone.locator(".sidebar").is_hidden()
    assert visible_box(phone, "#map")["width"] == width and visible_box(phone, "#map")["height"] > 450
    tabs = visible_box(phone, "#tabs")
    assert tabs["y"] + tabs["height"] <= PHONE["height"] + 1   # the tab bar is on screen, at the bottom
    phone.screenshot(path=str(SHOTS / "phone-map.png"))

    phone.click("#tabs button[data-view=list]")
    assert phone.locator("#map").is_hidden() and phone.locator("#filters").is_hidden()
    assert phone.locator(".event-item").count() == ALL
    assert visible_box(phone, "#event-list")["width"] > width - 40
    phone.screenshot(path=str(SHOTS / "phone-list.png"))

    phone.locator(".event-item", has_text="سرمين").click()
    evidence = phone.locator("#panel .evidence")
    evidence.wait_for()
    panel = visible_box(phone, "#panel")
    assert panel["width"] == width and panel["height"] >= PHONE["height"] - 1   # the panel takes the screen
    box = evidence.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= width and box["y"] + box["height"] <= PHONE["height"]
    assert float(evidence.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 16
    assert evidence.text_content() == SAMPLE[0][1]
    phone.screenshot(path=str(SHOTS / "phone-panel.png"))
    phone.click("#panel-close")
    assert phone.locator("#panel").is_hidden() and phone.locator(".event-item").count() == ALL


def test_phone_filters_screen(phone):
    open_page(phone, "lang=en")
    phone.click("#tabs button[data-view=filters]")
    assert phone.locator("#filters").is_visible() and phone.locator("#map").is_hidden()
    assert visible_box(phone, "#f-type")["width"] > 300
    phone.screenshot(path=str(SHOTS / "phone-filters.png"))
    after(phone, lambda: phone.select_option("#f-type", "ASSAULT"))
    phone.click("#tabs button[data-view=map]")
    phone.wait_for_timeout(500)
    assert phone.locator("#map").is_visible()
    assert phone.locator("#status").text_content().startswith("3 events")
    phone.click("#tabs button[data-view=charts]")
    assert phone.locator("#chart-weekly .chart-bar").count() > 0
    assert visible_box(phone, "#chart-weekly")["width"] <= PHONE["width"]
    phone.screenshot(path=str(SHOTS / "phone-charts.png"))
