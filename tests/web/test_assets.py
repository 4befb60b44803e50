"""The vendored assets the page needs offline: present, pinned, and the basemap layers well formed."""
import json

import pytest

from rasd.web.build_assets import PACKAGES, VENDOR

STATIC = VENDOR.parent


def test_vendored_versions_match_the_build_script():
    assert json.loads((VENDOR / "VERSIONS.json").read_text()) == PACKAGES


@pytest.mark.parametrize("path", [
    "leaflet/leaflet.js", "leaflet/leaflet.css", "markercluster/leaflet.markercluster.js",
    "markercluster/MarkerCluster.css", "swagger-ui/swagger-ui-bundle.js", "swagger-ui/swagger-ui.css",
    "leaflet/LICENSE", "markercluster/LICENSE", "swagger-ui/LICENSE", "basemap/LICENSE-world-atlas",
])
def test_vendored_file_present(path):
    assert (VENDOR / path).stat().st_size > 0


@pytest.mark.parametrize("name, least", [("countries-110m.geojson", 170), ("countries-50m.geojson", 230)])
def test_country_layers(name, least):
    collection = json.loads((VENDOR / "basemap" / name).read_text())
    names = {f["properties"]["name"] for f in collection["features"]}
    assert len(collection["features"]) >= least and {"Syria", "Sudan", "Yemen", "Iraq"} <= names
    for feature in collection["features"]:
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_admin1_lines_cover_the_arab_world():
    [feature] = json.loads((VENDOR / "basemap" / "admin1-lines-10m.geojson").read_text())["features"]
    assert feature["geometry"]["type"] == "MultiLineString"
    points = [p for line in feature["geometry"]["coordinates"] for p in line]
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points)
    # internal province borders inside Syria (lon 36-42, lat 32.5-37) are drawn
    assert sum(36 < lon < 42 and 32.5 < lat < 37 for lon, lat in points) > 50


def test_page_loads_only_local_files():
    html = (STATIC / "index.html").read_text()
    for ref in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/markercluster/leaflet.markercluster.js",
                "/static/app.js", "/static/app.css"):
        assert ref in html
        assert (STATIC / ref.removeprefix("/static/")).exists()
    assert "//" not in html.replace("http://www.w3.org", "")


def test_interface_text_in_both_languages():
    strings = json.loads((STATIC / "i18n.json").read_text())
    assert set(strings["ar"]) == set(strings["en"]) and "_comment" in strings
    for lang in ("ar", "en"):
        assert len(strings[lang]["types"]) == 16
        assert set(strings[lang]["highlights"]) == {"trigger", "actor1", "actor2", "place", "number"}
    assert strings["ar"]["types"]["ASSAULT"] != strings["en"]["types"]["ASSAULT"]


def test_page_script_never_uses_html_sinks():
    code = "\n".join(line for line in (STATIC / "app.js").read_text().splitlines()
                     if not line.strip().startswith("//"))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "bindPopup("):
        assert sink not in code
