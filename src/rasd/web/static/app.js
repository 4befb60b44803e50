// rasd map page: an analyst's view of the store — map with place names, filters, timeline with an undated
// bin, list, table, charts, export of the view, and the view's state in the URL.
//
// It never loads every event: counts come from /events/aggregate, the map from /events/map (single events
// when few are in view, grid cells coloured by their dominant type when many), the list and the table page
// through /events. So the page stays fast with 100k events in the store.
//
// Safety rule: text that comes from articles (evidence, names, places, outlets, URLs) is only ever put in
// the page as DOM text nodes (`el()` / textContent), never as HTML; Leaflet tooltips and icons get DOM
// nodes too, since Leaflet would put a string in with innerHTML.
"use strict";

(function () {
  // PLOVER types: cooperation in greens and blues, verbal conflict in oranges, material conflict in reds.
  const TYPE_COLORS = {
    AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#2c7fb8", CONCEDE: "#41b6c4",
    COOPERATE: "#238b45", AID: "#0868ac", RETREAT: "#8c96c6", REQUEST: "#6a51a3",
    ACCUSE: "#fdae61", REJECT: "#f46d43", THREATEN: "#d95f02", PROTEST: "#e7298a",
    SANCTION: "#8c510a", MOBILIZE: "#bf812d", COERCE: "#7f0000", ASSAULT: "#d7191c",
  };
  const TYPES = Object.keys(TYPE_COLORS);
  // the filters, by their API parameter names (also the names kept in the page's URL)
  const FILTERS = ["type", "acled_type", "sub_event_type", "country", "admin1", "actor", "outlet", "date_from",
    "date_to", "fatalities_min", "fatalities_max", "undated"];
  const VIEWS = ["filters", "map", "list", "table", "charts"];
  const LIST_PAGE = 100;        // list rows fetched at once
  const TABLE_PAGE = 50;
  const MAX_POINTS = 3000;      // single markers up to this many in view; grid cells beyond
  const DAY = 86400000;
  const SPLIT_ZOOM = 9;         // deepest zoom used to split a cluster; beyond it the cluster is spread out

  const state = {
    lang: "ar", strings: null, view: "map", facets: null, agg: null, timelineAgg: null, mapData: null,
    mapGlobal: false, list: [], listTotal: 0, tableOffset: 0, tableTotal: 0, selected: null, detail: null,
    seq: 0, mapSeq: 0, labelSeq: 0, labels: [], placesBy: "country", chartsDirty: true, tableDirty: true,
  };
  const $ = (id) => document.getElementById(id);

  // ---- DOM helpers: text only ------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "className") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function t(key, vars) {
    let s = (state.strings[state.lang] || {})[key];
    if (s === undefined) s = key;
    for (const [k, v] of Object.entries(vars || {})) s = s.split("{" + k + "}").join(String(v));
    return s;
  }

  const typeName = (type) => (state.strings[state.lang].types || {})[type] || type;
  const isArabic = () => state.lang === "ar";
  // the name to show in the interface language, the other one as a hint
  const localName = (ar, en) => (isArabic() ? ar || en : en || ar) || t("unknown");
  // ISO dates keep their digit order inside Arabic text (the bidi algorithm would reverse the parts)
  const dateNode = (date) => el("bdi", { dir: "ltr" }, date || t("unknown"));
  const safeUrl = (url) => (typeof url === "string" && /^https?:\/\//i.test(url) ? url : null);
  const fmt = (n) => Number(n).toLocaleString(isArabic() ? "ar-EG" : "en-US");
  function countryName(code) {
    if (!code) return t("unknown");
    try { return new Intl.DisplayNames([state.lang], { type: "region" }).of(code) || code; } catch (e) { return code; }
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || response.statusText);
    return body;
  }

  // ---- dates -----------------------------------------------------------------------------------------

  const dayOf = (iso) => Math.floor(Date.parse(iso + "T00:00:00Z") / DAY);
  const dayString = (day) => new Date(day * DAY).toISOString().slice(0, 10);
  const weekOf = (day) => day - ((day + 3) % 7);   // the Monday on or before (day 0 was a Thursday)

  // ---- filters and the URL ---------------------------------------------------------------------------

  const field = (name) => $("filters").elements.namedItem(name);

  function filterParams() {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = (field(name).value || "").trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  function setField(name, value) {
    const node = field(name);
    if (node.tagName === "SELECT" && value && ![...node.options].some((o) => o.value === value)) {
      node.appendChild(el("option", { value }, value));   // a value from a link, not (yet) in the store
    }
    node.value = value || "";
  }

  // the whole view in the URL: filters, view, map position, open event, language
  function syncUrl() {
    const params = filterParams();
    if (state.view !== "map") params.set("view", state.view);
    if (map && state.mapReady) {
      const c = map.getCenter();
      params.set("at", `${map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`);
    }
    if (state.selected !== null) params.set("event", state.selected);
    params.set("lang", state.lang);
    const url = `${location.pathname}?${params}`;
    if (url !== location.pathname + location.search) history.replaceState(null, "", url);
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    const asked = {};
    for (const name of FILTERS) asked[name] = params.get(name) || "";
    const at = (params.get("at") || "").split("/").map(Number);
    return {
      filters: asked, view: VIEWS.includes(params.get("view")) ? params.get("view") : null,
      at: at.length === 3 && at.every((x) => Number.isFinite(x)) ? at : null,
      event: /^\d+$/.test(params.get("event") || "") ? Number(params.get("event")) : null,
      lang: params.get("lang"),
    };
  }

  function fillSelect(select, options) {
    const keep = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const [value, label] of options) select.appendChild(el("option", { value }, label));
    if (keep && !options.some(([v]) => v === keep)) select.appendChild(el("option", { value: keep }, keep));
    select.value = keep;
  }

  function renderFilterOptions() {
    fillSelect($("f-type"), TYPES.map((type) => [type, typeName(type)]));
    const f = state.facets;
    if (!f) return;
    const acledTypes = [...new Set(f.acled.map((a) => a.acled_type))];
    fillSelect($("f-acled"), acledTypes.map((a) => [a, a]));
    const chosenAcled = $("f-acled").value;
    const subtypes = [...new Set(f.acled.filter((a) => a.acled_subtype && (!chosenAcled || a.acled_type === chosenAcled))
      .map((a) => a.acled_subtype))].sort();
    fillSelect($("f-subtype"), subtypes.map((s) => [s, s]));
    fillSelect($("f-country"), f.countries.map((c) => [c.country, `${countryName(c.country)} (${c.country}) · ${fmt(c.n)}`])
      .sort((a, b) => a[1].localeCompare(b[1], state.lang)));
    const chosenCountry = $("f-country").value;
    fillSelect($("f-admin1"), f.admin1.filter((a) => !chosenCountry || a.country === chosenCountry)
      .map((a) => [a.admin1, `${a.admin1} (${a.country}) · ${fmt(a.n)}`])
      .sort((a, b) => a[1].localeCompare(b[1], state.lang)));
    fillSelect($("f-outlet"), f.outlets.map((o) => [o.outlet, o.outlet_en ? `${o.outlet} · ${o.outlet_en}` : o.outlet]));
    const list = $("actor-options");
    clear(list);
    for (const a of f.actors) {
      const label = [a.name_en, a.name].filter(Boolean).join(" · ") + ` (${a.n})`;
      list.appendChild(el("option", { value: a.id, label }));
    }
  }

  function updateExportLinks(params) {
    for (const format of ["csv", "geojson"]) {
      const q = new URLSearchParams(params);
      q.set("format", format);
      $(`export-${format}`).href = `/export?${q}`;
    }
  }

  // ---- map -------------------------------------------------------------------------------------------

  let map, zoomControl, clusters, cells, labelLayer;
  const markers = new Map();   // event id -> circle marker

  function initMap() {
    map = L.map("map", { zoomControl: false, worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([29, 35], 4);
    // panes from the bottom: basemap (canvas), place names, events (SVG, clickable and testable), clusters
    map.createPane("basemap").style.zIndex = 250;
    map.createPane("labels").style.zIndex = 350;
    const canvas = L.canvas({ padding: 0.5, pane: "basemap" });
    const countryStyle = { renderer: canvas, interactive: false, style: {
      color: "#8a8a8a", weight: 0.8, fillColor: "#f3f0e8", fillOpacity: 1 } };
    let basemap110, basemap50, admin1;
    getJSON("/static/vendor/basemap/countries-110m.geojson").then((gj) => {
      basemap110 = L.geoJSON(gj, countryStyle);
      updateBasemap();
    });
    const loadDetail = () => {
      if (basemap50 !== undefined) return;
      basemap50 = null;
      getJSON("/static/vendor/basemap/countries-50m.geojson").then((gj) => {
        basemap50 = L.geoJSON(gj, countryStyle);
        updateBasemap();
      });
      getJSON("/static/vendor/basemap/admin1-lines-10m.geojson").then((gj) => {
        admin1 = L.geoJSON(gj, { renderer: canvas, interactive: false,
          style: { color: "#a9a9a9", weight: 0.6, dashArray: "3 3" } });
        updateBasemap();
      });
    };
    function updateBasemap() {
      const z = map.getZoom();
      if (z >= 4) loadDetail();
      const fine = z >= 4 && basemap50;
      toggle(basemap110, !fine);
      toggle(basemap50, !!fine);
      toggle(admin1, z >= 5);
      if (basemap110) basemap110.bringToBack();
    }
    function toggle(layer, on) {
      if (!layer) return;
      if (on && !map.hasLayer(layer)) layer.addTo(map);
      if (!on && map.hasLayer(layer)) map.removeLayer(layer);
    }
    map.on("zoomend", updateBasemap);
    map.attributionControl.addAttribution("Natural Earth · GeoNames");
    labelLayer = L.layerGroup().addTo(map);
    clusters = L.markerClusterGroup({ maxClusterRadius: 35, showCoverageOnHover: false, chunkedLoading: true,
      spiderfyOnMaxZoom: true, iconCreateFunction: clusterIcon });
    map.addLayer(clusters);
    cells = L.layerGroup().addTo(map);
    map.on("moveend", () => {
      loadLabels();
      if (!state.mapGlobal && state.mapData) loadMap(false);
      syncUrl();
    });
  }

  // a cluster takes the colour of the type most of its events have (the legend's colours)
  function dominantType(counts) {
    let best = null;
    for (const [type, n] of Object.entries(counts)) if (best === null || n > counts[best]) best = type;
    return best;
  }

  function clusterNode(n, type, extraClass) {
    const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
    const inner = el("div", { style: `background:${TYPE_COLORS[type] || "#555"};opacity:0.9` }, el("span", {}, String(n)));
    return L.divIcon({ html: inner, className: `marker-cluster rasd-cluster type-${type} ${extraClass || ""}`,
      iconSize: L.point(size, size) });
  }

  function clusterIcon(cluster) {
    const counts = {};
    for (const m of cluster.getAllChildMarkers()) counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
    return clusterNode(cluster.getChildCount(), dominantType(counts));
  }

  function placeZoomControl() {
    if (zoomControl) map.removeControl(zoomControl);
    // the zoom buttons sit at the start of the reading direction
    zoomControl = L.control.zoom({ position: isArabic() ? "topright" : "topleft",
      zoomInTitle: "+", zoomOutTitle: "-" }).addTo(map);
  }

  const radius = (fatalities) => Math.min(22, 5 + 2.5 * Math.sqrt(fatalities || 0));

  function viewBbox() {
    const b = map.getBounds().pad(0.2);
    const west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
    if (b.getEast() - b.getWest() >= 360 || west >= east) return "-180,-85,180,85";
    return [west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())].map((x) => x.toFixed(3)).join(",");
  }

  // `refit`: a new filter — ask for the whole extent and fit the map to it; else only the view
  async function loadMap(refit) {
    const seq = ++state.mapSeq;
    const params = filterParams();
    params.set("zoom", map.getZoom());
    params.set("max_points", MAX_POINTS);
    if (!refit) params.set("bbox", viewBbox());
    let data;
    try {
      data = await getJSON(`/events/map?${params}`);
    } catch (err) {
      setStatus(t("load_error", { error: err.message }));
      return;
    }
    if (seq !== state.mapSeq) return;
    if (refit) state.mapGlobal = data.points !== null;
    state.mapData = data;
    drawMap(data);
    if (refit) $("map-empty").hidden = data.placed > 0;
    if (refit && $("map").offsetWidth) fitMap(data);
    else if (refit) state.pendingFit = true;   // the map is hidden (table, charts, phone list): fit when shown
    document.body.dataset.mapLoaded = String(seq);
  }

  function drawMap(data) {
    clusters.clearLayers();
    cells.clearLayers();
    markers.clear();
    if (data.points) {
      const layers = [];
      for (const [id, lat, lon, type, fatalities, date] of data.points) {
        const marker = L.circleMarker([lat, lon], {
          radius: radius(fatalities), color: "#222", weight: 1, fillColor: TYPE_COLORS[type] || "#555",
          fillOpacity: 0.85, className: `rasd-marker type-${type}`, eventType: type,
        });
        marker.bindTooltip(() => el("div", { className: "tip" }, el("b", {}, typeName(type)), " · ", dateNode(date),
          fatalities ? el("span", {}, " · ", t("fatalities"), ": ", fatalities) : null), { direction: "top" });
        marker.on("click", () => openEvent(id));
        markers.set(id, marker);
        layers.push(marker);
      }
      clusters.addLayers(layers);
      highlightSelected();
    } else {
      for (const c of data.cells) {
        const marker = L.marker([c.lat, c.lon], { icon: clusterNode(c.n, c.type, "rasd-cell"), keyboard: false });
        marker.bindTooltip(() => el("div", { className: "tip" }, Object.entries(c.types).slice(0, 4)
          .map(([type, n]) => el("div", {}, `${typeName(type)}: ${fmt(n)}`))), { direction: "top" });
        marker.on("click", () => {
          const [s, w, n, e] = c.bounds;
          map.fitBounds([[s, w], [n, e]], { maxZoom: map.getZoom() + 3 });
        });
        cells.addLayer(marker);
      }
    }
  }

  function fitMap(data) {
    const points = data.points ? data.points.map((p) => [p[1], p[2]]) : (data.cells || []).map((c) => [c.lat, c.lon]);
    if (!points.length) return;
    const bounds = L.latLngBounds(points);
    if (points.length === 1 || bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(points[0], 7);
    else map.fitBounds(bounds.pad(0.2), { maxZoom: 8 });
  }

  function highlightSelected() {
    for (const [id, marker] of markers) {
      marker.setStyle(id === state.selected ? { color: "#000", weight: 3 } : { color: "#222", weight: 1 });
    }
  }

  // markercluster's zoomToShowLayer expects icon markers and misbehaves with circle markers: zoom into the
  // cluster holding the marker ourselves, and spread it out when its events share one place
  function showMarker(marker) {
    const parent = clusters.getVisibleParent(marker);
    if (!parent || parent === marker) {
      map.panTo(marker.getLatLng());
      return;
    }
    if (map.getBoundsZoom(parent.getBounds()) > SPLIT_ZOOM) {
      parent.spiderfy();
      return;
    }
    map.once("zoomend", () => setTimeout(() => {
      const still = clusters.getVisibleParent(marker);
      if (still && still !== marker && still.spiderfy) still.spiderfy();
    }, 350));
    map.fitBounds(parent.getBounds(), { padding: [60, 60], maxZoom: SPLIT_ZOOM });
  }

  // ---- place names from the gazetteer ------------------------------------------------------------------

  async function loadLabels() {
    const seq = ++state.labelSeq;
    let data;
    try {
      data = await getJSON(`/labels?bbox=${viewBbox()}&zoom=${map.getZoom()}`);
    } catch (err) {
      return;
    }
    if (seq !== state.labelSeq) return;
    state.labels = data.labels;
    drawLabels();
  }

  // labels arrive most important first (countries, then cities by population); one that would overlap an
  // earlier one is left out, so names stay readable at every zoom
  function drawLabels() {
    labelLayer.clearLayers();
    const taken = [];
    for (const p of state.labels) {
      const name = localName(p.name_ar, p.name_en);
      const at = map.latLngToContainerPoint([p.lat, p.lon]);
      const w = name.length * (p.kind === "country" ? 8.5 : 7) + 6, h = 16;
      const box = [at.x - w / 2, at.y - h / 2, at.x + w / 2, at.y + h / 2];
      if (taken.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
      taken.push(box);
      const node = el("span", { lang: state.lang }, name);
      labelLayer.addLayer(L.marker([p.lat, p.lon], { pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ html: node, className: `place-label kind-${p.kind}`, iconSize: null }) }));
    }
    document.body.dataset.labelsZoom = String(map.getZoom());
  }

  // ---- legend, list, status ----------------------------------------------------------------------------

  function renderLegend() {
    const legend = $("legend");
    clear(legend);
    const byType = (state.agg && state.agg.by_type) || {};
    for (const type of TYPES.filter((x) => byType[x])) {
      legend.appendChild(el("button", { type: "button", className: "chip", dataset: { type },
        "aria-pressed": field("type").value === type ? "true" : "false", title: type,
        onclick: () => { setField("type", field("type").value === type ? "" : type); filtersChanged(); } },
      el("i", { style: `background:${TYPE_COLORS[type]}` }), `${typeName(type)} ${fmt(byType[type])}`));
    }
  }

  function listItem(e) {
    return el("li", { className: "event-item" + (e.id === state.selected ? " selected" : ""),
      dataset: { id: e.id, type: e.type }, tabindex: "0",
      onclick: () => openEvent(e.id, true),
      onkeydown: (ev) => { if (ev.key === "Enter") openEvent(e.id, true); } },
    el("i", { className: "dot", style: `background:${TYPE_COLORS[e.type] || "#555"}` }),
    el("div", {},
      el("div", { className: "item-head" }, el("b", {}, typeName(e.type)), " ",
        el("span", { className: "muted" }, dateNode(e.date))),
      el("div", { dir: "auto" }, localName(e.place_text, e.place_name_en),
        e.fatalities ? el("span", { className: "fatal" }, ` · ${t("fatalities")} ${e.fatalities}`) : null)));
  }

  function renderList() {
    const list = $("event-list");
    clear(list);
    if (!state.list.length) list.appendChild(el("li", { className: "empty" }, t("no_events")));
    for (const e of state.list) list.appendChild(listItem(e));
    $("list-more").hidden = state.list.length >= state.listTotal;
    $("list-count").textContent = t("list_count", { shown: fmt(state.list.length), total: fmt(state.listTotal) });
  }

  async function moreList() {
    const params = filterParams();
    params.set("limit", LIST_PAGE);
    params.set("offset", state.list.length);
    const seq = state.seq;
    const page = await getJSON(`/events?${params}`);
    if (seq !== state.seq) return;
    state.list = state.list.concat(page.items);
    renderList();
  }

  function renderStatus() {
    const a = state.agg;
    if (!a) return;
    setStatus(t("status", { n: fmt(a.total) }) + (a.unplaced ? t("status_unplaced", { n: fmt(a.unplaced) }) : "") +
      (a.undated ? t("status_undated", { n: fmt(a.undated) }) : ""));
  }

  function setStatus(text) {
    $("status").textContent = text;
  }

  // ---- SVG helpers and time axis ----------------------------------------------------------------------

  const SVGNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clearSvg(box) {
    for (const node of [...box.childNodes]) if (node.nodeName !== "title") box.removeChild(node);
  }

  // ticks for a day range [first, last]: the step that gives at most `most` ticks, labelled to its precision
  function timeTicks(first, last, most, minStep) {
    const span = Math.max(1, last - first);
    const steps = [[1, "day"], [2, "day"], [7, "week"], [14, "week"], [30, "month"], [91, "quarter"],
      [182, "half"], [365, "year"], [730, "year2"], [1826, "year5"]];
    let [step, kind] = steps[steps.length - 1];
    for (const [s, k] of steps) if (s >= (minStep || 1) && span / s <= most) { step = s; kind = k; break; }
    const ticks = [];
    if (step < 30) {
      let d = kind === "week" ? weekOf(first) : first;
      if (d < first) d += 7;
      for (; d <= last; d += step) ticks.push([d, dayString(d)]);
    } else {
      const months = { month: 1, quarter: 3, half: 6, year: 12, year2: 24, year5: 60 }[kind];
      const start = new Date(first * DAY);
      let y = start.getUTCFullYear(), m = start.getUTCMonth();
      m = Math.ceil(m / months) * months;
      if (start.getUTCDate() > 1 && m === start.getUTCMonth()) m += months;
      for (;;) {
        const d = Math.floor(Date.UTC(y, m, 1) / DAY);
        if (d > last) break;
        const date = new Date(d * DAY);
        if (d >= first) ticks.push([d, months >= 12 ? String(date.getUTCFullYear()) : date.toISOString().slice(0, 7)]);
        m += months;
      }
    }
    return ticks;
  }

  // a left-to-right time axis with tick marks and labels; returns nothing, draws into `box`
  function drawTimeAxis(box, x, first, last, y, width, minStep) {
    box.appendChild(svg("line", { x1: x(first), x2: x(last + 1), y1: y, y2: y, class: "axis" }));
    const most = Math.max(2, Math.floor(width / 90));
    for (const [day, label] of timeTicks(first, last, most, minStep)) {
      const at = x(day);
      box.appendChild(svg("line", { x1: at, x2: at, y1: y, y2: y + 4, class: "tickmark" }));
      // labels at the ends stay inside the box
      const anchor = at - x(first) < 30 ? "start" : x(last + 1) - at < 30 ? "end" : "middle";
      box.appendChild(svg("text", { x: at, y: y + 14, class: "tick", "text-anchor": anchor }, label));
    }
  }

  // ---- timeline and the undated bin --------------------------------------------------------------------

  let timelineScale = null;   // {first, last, bin, x(day), day(x)} of the drawn histogram

  function renderTimeline() {
    const box = $("timeline");
    clearSvg(box);
    $("timeline-title").textContent = t("timeline");
    const agg = state.timelineAgg;
    renderUndatedBin();
    const rows = agg ? agg.by_day : [];
    const width = box.clientWidth || 600, height = box.clientHeight || 96, pad = 16, axis = 20;
    if (!rows.length) { timelineScale = null; return; }
    const days = rows.map((r) => dayOf(r.day));
    let first = Math.min(...days), last = Math.max(...days);
    // days when the range is short, weeks (from Monday) when it is long
    const bin = last - first > 150 ? 7 : 1;
    if (bin === 7) { first = weekOf(first); last = weekOf(last) + 6; }
    first -= bin; last += bin;
    const n = Math.floor((last - first) / bin) + 1;
    const counts = new Array(n).fill(0);
    for (const r of rows) counts[Math.floor((dayOf(r.day) - first) / bin)] += r.n;
    const top = Math.max(...counts);
    const span = last + 1 - first;
    const x = (day) => pad + ((day - first) / span) * (width - 2 * pad);
    const dayAt = (px) => Math.max(first, Math.min(last, first + Math.floor(((px - pad) / (width - 2 * pad)) * span)));
    timelineScale = { first, last, bin, x, dayAt };
    const barH = height - axis - 4;
    const from = field("date_from").value ? dayOf(field("date_from").value) : null;
    const to = field("date_to").value ? dayOf(field("date_to").value) : null;
    const step = (width - 2 * pad) * bin / span;
    counts.forEach((c, i) => {
      if (!c) return;
      const d = first + i * bin;
      const h = Math.max(2, (barH * c) / top);
      const inRange = (from === null || d + bin - 1 >= from) && (to === null || d <= to);
      const bar = svg("rect", { x: x(d), y: barH - h + 2, width: Math.max(1, step - 1), height: h,
        class: "bar" + (inRange ? "" : " out"), "data-day": dayString(d), "data-count": c });
      bar.appendChild(svg("title", {}, `${bin === 7 ? t("week_of", { day: dayString(d) }) : dayString(d)}: ${c}`));
      box.appendChild(bar);
    });
    box.appendChild(svg("text", { x: pad, y: 10, class: "tick", "text-anchor": "start" }, t("max_count", { n: top })));
    drawTimeAxis(box, x, first, last, barH + 2, width);
    if (from !== null || to !== null) {
      const x0 = x(from === null ? first : Math.max(first, from)), x1 = x((to === null ? last : Math.min(last, to)) + 1);
      box.appendChild(svg("rect", { x: x0, y: 0, width: Math.max(2, x1 - x0), height: barH + 2, class: "brush" }));
    }
  }

  function renderUndatedBin() {
    const agg = state.timelineAgg;
    const bin = $("undated-bin");
    const n = agg ? agg.undated : 0, m = agg ? agg.imprecise : 0;
    bin.textContent = t("undated_bin", { n: fmt(n) });
    bin.title = t("undated_title", { n: fmt(n), m: fmt(m) });
    bin.dataset.count = String(n);
    bin.setAttribute("aria-pressed", field("undated").value === "true" ? "true" : "false");
  }

  function initBrush() {
    const box = $("timeline");
    let start = null, preview = null;
    const xAt = (ev) => ev.clientX - box.getBoundingClientRect().left;
    box.addEventListener("pointerdown", (ev) => {
      if (!timelineScale) return;
      start = xAt(ev);
      box.setPointerCapture(ev.pointerId);
      preview = svg("rect", { x: start, y: 0, width: 1, height: box.clientHeight, class: "brush" });
      box.appendChild(preview);
    });
    box.addEventListener("pointermove", (ev) => {
      if (start === null) return;
      const x = xAt(ev);
      preview.setAttribute("x", Math.min(start, x));
      preview.setAttribute("width", Math.max(1, Math.abs(x - start)));
    });
    box.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const s = timelineScale;
      let a = s.dayAt(Math.min(start, xAt(ev))), b = s.dayAt(Math.max(start, xAt(ev)));
      if (s.bin === 7) { a = weekOf(a); b = weekOf(b) + 6; }
      start = null;
      setField("date_from", dayString(a));
      setField("date_to", dayString(b));
      filtersChanged({ timeline: false });
    });
    $("brush-clear").addEventListener("click", () => {
      setField("date_from", "");
      setField("date_to", "");
      filtersChanged({ timeline: false });
    });
    $("undated-bin").addEventListener("click", () => {
      setField("undated", field("undated").value === "true" ? "" : "true");
      if (field("undated").value === "true") { setField("date_from", ""); setField("date_to", ""); }
      filtersChanged({ timeline: false });
    });
  }

  function renderBrushLabel() {
    const from = field("date_from").value, to = field("date_to").value;
    $("brush-clear").hidden = !(from || to);
    $("brush-label").textContent = from || to ? t("range", { from: from || "…", to: to || "…" }) : "";
  }

  // ---- table -------------------------------------------------------------------------------------------

  async function loadTable(offset) {
    const params = filterParams();
    params.set("limit", TABLE_PAGE);
    params.set("offset", offset);
    const seq = state.seq;
    const page = await getJSON(`/events?${params}`);
    if (seq !== state.seq) return;
    state.tableOffset = offset;
    state.tableTotal = page.total;
    state.tableRows = page.items;
    state.tableDirty = false;
    renderTable();
  }

  function renderTable() {
    const body = $("event-table").tBodies[0];
    clear(body);
    for (const e of state.tableRows || []) {
      const acled = e.acled_type ? `${e.acled_type}${e.acled_subtype ? " / " + e.acled_subtype : ""}` : "";
      body.appendChild(el("tr", { dataset: { id: e.id, type: e.type }, onclick: () => openEvent(e.id) },
        el("td", {}, String(e.id)), el("td", {}, dateNode(e.date)),
        el("td", {}, el("i", { className: "dot", style: `background:${TYPE_COLORS[e.type] || "#555"}` }), " ", typeName(e.type)),
        el("td", { dir: "ltr" }, acled), el("td", { dir: "auto" }, localName(e.place_text, e.place_name_en)),
        el("td", { dir: "auto" }, e.admin1 || ""), el("td", {}, e.country ? countryName(e.country) : ""),
        el("td", { dir: "auto" }, e.actor1_name ? localName(e.actor1_name, e.actor1_name_en) : ""),
        el("td", { dir: "auto" }, e.actor2_name ? localName(e.actor2_name, e.actor2_name_en) : ""),
        el("td", { className: e.fatalities ? "fatal" : "" }, e.fatalities === null || e.fatalities === undefined ? "" : String(e.fatalities)),
        el("td", { dir: "auto" }, (e.outlets || []).join("، "))));
    }
    const from = state.tableTotal ? state.tableOffset + 1 : 0;
    const to = Math.min(state.tableTotal, state.tableOffset + TABLE_PAGE);
    $("table-page").textContent = t("table_page", { from: fmt(from), to: fmt(to), total: fmt(state.tableTotal) });
    $("table-prev").disabled = state.tableOffset === 0;
    $("table-next").disabled = to >= state.tableTotal;
  }

  // ---- charts ------------------------------------------------------------------------------------------

  function weekly(rows) {
    const weeks = new Map();
    for (const r of rows) {
      const w = weekOf(dayOf(r.day));
      const entry = weeks.get(w) || { n: 0, fatalities: 0, types: {} };
      entry.n += r.n;
      entry.fatalities += r.fatalities;
      entry.types[r.type] = (entry.types[r.type] || 0) + r.n;
      weeks.set(w, entry);
    }
    return weeks;
  }

  function chartFrame(box) {
    clearSvg(box);
    const width = box.clientWidth || 600, height = box.clientHeight || 200;
    box.setAttribute("viewBox", `0 0 ${width} ${height}`);
    return { width, height, left: 40, right: 12, top: 12, bottom: 24 };
  }

  function yAxis(box, f, top) {
    for (const v of [0, top / 2, top]) {
      const y = f.height - f.bottom - (v / top) * (f.height - f.bottom - f.top);
      box.appendChild(svg("line", { x1: f.left - 3, x2: f.width - f.right, y1: y, y2: y, class: "axis", "stroke-opacity": v ? 0.25 : 1 }));
      box.appendChild(svg("text", { x: f.left - 5, y: y + 3, class: "tick", "text-anchor": "end" }, fmt(Math.round(v))));
    }
  }

  function weekChart(box, weeks, value, colorOf) {
    const f = chartFrame(box);
    if (!weeks.size) {
      box.appendChild(svg("text", { x: f.width / 2, y: f.height / 2, class: "tick", "text-anchor": "middle" }, t("chart_empty")));
      return;
    }
    const keys = [...weeks.keys()];
    const first = Math.min(...keys), last = Math.max(...keys) + 6;
    const span = last + 1 - first;
    const x = (day) => f.left + ((day - first) / span) * (f.width - f.left - f.right);
    const top = Math.max(1, ...[...weeks.values()].map(value));
    const h = (v) => (v / top) * (f.height - f.bottom - f.top);
    const barW = Math.max(2, x(first + 7) - x(first) - 2);
    for (const [w, entry] of [...weeks.entries()].sort((a, b) => a[0] - b[0])) {
      let y = f.height - f.bottom;
      for (const [key, v, color] of colorOf(entry)) {
        if (!v) continue;
        const height = h(v);
        y -= height;
        const rect = svg("rect", { x: x(w) + 1, y, width: barW, height, fill: color, class: "chart-bar",
          "data-week": dayString(w), "data-key": key, "data-n": v });
        rect.appendChild(svg("title", {}, `${t("week_of", { day: dayString(w) })} · ${key === "fatalities" ? t("fatalities") : typeName(key)}: ${fmt(v)}`));
        box.appendChild(rect);
      }
    }
    yAxis(box, f, top);
    drawTimeAxis(box, x, first, last, f.height - f.bottom, f.width - f.left, 7);
  }

  function placesChart(box) {
    const f = chartFrame(box);
    const a = state.agg;
    const rows = state.placesBy === "country"
      ? a.by_country.map((c) => [c.country || "", c.country ? countryName(c.country) : t("unknown"), c.n])
      : a.by_admin1.map((c) => [c.admin1, `${c.admin1} (${c.country})`, c.n]);
    const shown = rows.slice(0, 10);
    if (!shown.length) {
      box.appendChild(svg("text", { x: f.width / 2, y: f.height / 2, class: "tick", "text-anchor": "middle" }, t("no_events")));
      return;
    }
    const labelW = Math.min(180, f.width * 0.35), rowH = (f.height - 8) / shown.length;
    const top = Math.max(...shown.map((r) => r[2]));
    shown.forEach(([key, label, n], i) => {
      const y = 4 + i * rowH;
      const w = ((f.width - labelW - 60) * n) / top;
      box.appendChild(svg("text", { x: labelW - 6, y: y + rowH * 0.65, class: "tick", "text-anchor": "end" }, label));
      const rect = svg("rect", { x: labelW, y: y + 2, width: Math.max(1, w), height: Math.max(2, rowH - 4), fill: "#17324d",
        class: "chart-bar", "data-key": key, "data-n": n });
      rect.appendChild(svg("title", {}, `${label}: ${fmt(n)}`));
      box.appendChild(rect);
      box.appendChild(svg("text", { x: labelW + w + 4, y: y + rowH * 0.65, class: "value" }, fmt(n)));
    });
  }

  function renderCharts() {
    if (!state.agg) return;
    state.chartsDirty = false;
    const weeks = weekly(state.agg.by_day);
    weekChart($("chart-weekly"), weeks, (e) => e.n,
      (e) => TYPES.filter((ty) => e.types[ty]).map((ty) => [ty, e.types[ty], TYPE_COLORS[ty]]));
    weekChart($("chart-fatalities"), weeks, (e) => e.fatalities, (e) => [["fatalities", e.fatalities, "#b00020"]]);
    placesChart($("chart-places"));
    $("places-country").setAttribute("aria-pressed", String(state.placesBy === "country"));
    $("places-admin1").setAttribute("aria-pressed", String(state.placesBy === "admin1"));
  }

  // ---- views (desktop: map/table/charts beside the sidebar; phone: one screen each) --------------------

  function setView(view) {
    state.view = VIEWS.includes(view) ? view : "map";
    document.body.dataset.view = state.view;
    for (const b of document.querySelectorAll("#tabs button")) {
      const on = b.dataset.view === state.view ||
        (!isPhone() && ["filters", "list"].includes(state.view) && b.dataset.view === "map");
      b.setAttribute("aria-selected", on ? "true" : "false");
    }
    if (state.view === "table" && state.tableDirty) loadTable(0);
    if (state.view === "charts") renderCharts();
    if (["map", "filters", "list"].includes(state.view) && map) {
      setTimeout(() => {
        map.invalidateSize();
        renderTimeline();
        if (state.pendingFit && $("map").offsetWidth && state.mapData) {
          state.pendingFit = false;
          fitMap(state.mapData);
        }
      }, 0);
    }
    syncUrl();
  }

  const isPhone = () => window.matchMedia("(max-width: 800px)").matches;

  // ---- event panel -----------------------------------------------------------------------------------

  function detailField(label, ...value) {
    return el("div", { className: "field" }, el("dt", {}, label), el("dd", {}, ...value));
  }

  function bilingual(ar, en) {
    return [el("span", { lang: "ar", dir: "rtl" }, ar || t("unknown")),
      en ? el("span", { lang: "en", dir: "ltr", className: "en" }, en) : null];
  }

  function actorField(slot, event) {
    const id = event[slot + "_id"], name = event[slot + "_name"];
    if (!name) return null;
    const filter = id ? el("button", { type: "button", className: "link", title: t("filter_by_actor"),
      onclick: () => { setField("actor", id); filtersChanged(); } }, "⌕") : null;
    return detailField(t(slot), ...bilingual(name, event[slot + "_name_en"]), filter);
  }

  // the evidence sentence with its highlights as <mark> elements around text nodes
  function evidenceNode(mention) {
    const p = el("p", { className: "evidence", dir: "rtl", lang: "ar" });
    const text = mention.evidence;
    let at = 0;
    for (const h of mention.highlights || []) {
      if (h.start < at || h.end > text.length) continue;
      if (h.start > at) p.appendChild(document.createTextNode(text.slice(at, h.start)));
      p.appendChild(el("mark", { className: `hl hl-${h.kind}`, title: (state.strings[state.lang].highlights || {})[h.kind] || h.kind,
        dataset: { kind: h.kind } }, text.slice(h.start, h.end)));
      at = h.end;
    }
    if (at < text.length) p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }

  function mentionNode(m) {
    const url = safeUrl(m.url);
    return el("li", { className: "mention" },
      el("div", { className: "mention-head" },
        el("b", { dir: "auto" }, m.outlet || t("unknown")), " · ", t("published"), " ", dateNode(m.published),
        url ? [" · ", el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, t("open_article"))] : null),
      m.title ? el("div", { className: "mention-title", dir: "auto" }, m.title) : null,
      evidenceNode(m),
      el("div", { className: "muted small" }, `${t("modality")}: ${m.modality}`),
      el("details", {}, el("summary", {}, t("why_merged")), el("div", { className: "small", dir: "auto" }, m.merge_reason)));
  }

  function highlightLegend() {
    const names = state.strings[state.lang].highlights || {};
    return el("div", { className: "hl-legend" },
      ["trigger", "actor1", "actor2", "place", "number"].map((k) => el("mark", { className: `hl hl-${k}` }, names[k] || k)));
  }

  function renderPanel() {
    const e = state.detail, body = $("panel-body");
    clear(body);
    if (!e) return;
    const acled = e.acled_type ? `${e.acled_type}${e.acled_subtype ? " / " + e.acled_subtype : ""}` : null;
    body.appendChild(el("h2", {}, el("i", { className: "dot", style: `background:${TYPE_COLORS[e.type] || "#555"}` }),
      `${typeName(e.type)}`, el("span", { className: "muted small" }, ` ${e.type}${e.mode ? " · " + e.mode : ""} · #${e.id}`)));
    body.appendChild(el("dl", { className: "fields" },
      detailField(t("date"), dateNode(e.date), e.date_precision && e.date_precision !== "day" ? `(${e.date_precision})` : null),
      e.place_text ? detailField(t("place"), ...bilingual(e.place_text, e.place_name_en),
        e.admin1 ? el("span", { className: "muted", dir: "auto" }, e.admin1) : null,
        e.country ? el("span", { className: "muted" }, e.country) : null) : null,
      actorField("actor1", e), actorField("actor2", e),
      e.fatalities !== null && e.fatalities !== undefined ? detailField(t("fatalities"), String(e.fatalities)) : null,
      e.injuries !== null && e.injuries !== undefined ? detailField(t("injuries"), String(e.injuries)) : null,
      acled ? detailField(t("acled"), el("span", { dir: "ltr" }, acled)) : null,
      detailField(t("sources"), el("span", { dir: "auto" }, (e.outlets || []).join("، ") || t("unknown")))));
    body.appendChild(el("h3", {}, t("mentions", { n: e.mentions.length })));
    body.appendChild(highlightLegend());
    body.appendChild(el("ol", { className: "mentions" }, e.mentions.map(mentionNode)));
  }

  async function openEvent(id, pan) {
    state.selected = id;
    highlightSelected();
    for (const item of document.querySelectorAll(".event-item")) item.classList.toggle("selected", Number(item.dataset.id) === id);
    const marker = markers.get(id);
    if (pan && marker && !isPhone()) showMarker(marker);
    try {
      state.detail = await getJSON(`/events/${encodeURIComponent(id)}`);
    } catch (err) {
      state.detail = null;
      state.selected = null;
      setStatus(t("load_error", { error: err.message }));
      return;
    }
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
    renderPanel();
    syncUrl();
    if (!isPhone()) setTimeout(() => map.invalidateSize(), 0);
  }

  function closePanel() {
    $("panel").hidden = true;
    state.selected = null;
    state.detail = null;
    highlightSelected();
    syncUrl();
  }

  // ---- loading ---------------------------------------------------------------------------------------

  // a filter changed: counts, map (re-fitted), list, and the timeline unless only the dates changed
  async function filtersChanged(opts) {
    const { timeline = true, refit = true } = opts || {};
    const seq = ++state.seq;
    const params = filterParams();
    updateExportLinks(params);
    renderBrushLabel();
    renderFilterOptions();
    syncUrl();
    setStatus(t("loading"));
    state.tableDirty = true;
    state.chartsDirty = true;
    const listParams = new URLSearchParams(params);
    listParams.set("limit", LIST_PAGE);
    const timelineParams = new URLSearchParams(params);
    for (const name of ["date_from", "date_to", "undated"]) timelineParams.delete(name);
    let agg, page, tagg;
    try {
      [agg, page, tagg] = await Promise.all([
        getJSON(`/events/aggregate?${params}`), getJSON(`/events?${listParams}`),
        timeline || !state.timelineAgg ? getJSON(`/events/aggregate?${timelineParams}`) : Promise.resolve(null),
        loadMap(refit)]);
    } catch (err) {
      if (seq === state.seq) setStatus(t("load_error", { error: err.message }));
      return;
    }
    if (seq !== state.seq) return;   // a newer request is on its way
    state.agg = agg;
    if (tagg) state.timelineAgg = tagg;
    state.list = page.items;
    state.listTotal = page.total;
    renderAll();
    if (state.view === "table") await loadTable(0);
    document.body.dataset.loaded = String(seq);
  }

  function renderAll() {
    renderLegend();
    renderList();
    renderTimeline();
    renderBrushLabel();
    renderStatus();
    if (state.view === "charts") renderCharts();
    if (state.view === "table" && state.tableRows) renderTable();
  }

  // ---- language --------------------------------------------------------------------------------------

  function applyLanguage() {
    const html = document.documentElement;
    html.lang = state.lang;
    html.dir = isArabic() ? "rtl" : "ltr";
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-title]")) node.title = t(node.dataset.i18nTitle);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
    $("lang-toggle").textContent = t("lang_toggle");
    document.title = isArabic() ? "رصد · خريطة الأحداث" : "rasd · event map";
    placeZoomControl();
    renderFilterOptions();
    if (state.agg) renderAll();
    if (state.labels.length) drawLabels();
    renderPanel();
  }

  function setLanguage(lang) {
    state.lang = lang === "en" ? "en" : "ar";
    try { localStorage.setItem("rasd.lang", state.lang); } catch (e) { /* private mode */ }
    applyLanguage();
    syncUrl();
  }

  async function main() {
    const asked = readUrl();
    const [strings, facets] = await Promise.all([getJSON("/static/i18n.json"), getJSON("/facets")]);
    state.strings = strings;
    state.facets = facets;
    let saved = null;
    try { saved = localStorage.getItem("rasd.lang"); } catch (e) { /* private mode */ }
    state.lang = (asked.lang === "en" || asked.lang === "ar" ? asked.lang : null) || saved || "ar";
    initMap();
    initBrush();
    renderFilterOptions();
    for (const name of FILTERS) setField(name, asked.filters[name]);
    $("lang-toggle").addEventListener("click", () => setLanguage(isArabic() ? "en" : "ar"));
    $("filters").addEventListener("change", (ev) => {
      if (ev.target === field("acled_type")) setField("sub_event_type", "");
      if (ev.target === field("country")) setField("admin1", "");
      const dates = ev.target === field("date_from") || ev.target === field("date_to");
      filtersChanged({ timeline: !dates });
    });
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); filtersChanged(); });
    $("filters").addEventListener("reset", () => setTimeout(() => filtersChanged(), 0));
    $("list-more").addEventListener("click", moreList);
    $("table-prev").addEventListener("click", () => loadTable(Math.max(0, state.tableOffset - TABLE_PAGE)));
    $("table-next").addEventListener("click", () => loadTable(state.tableOffset + TABLE_PAGE));
    $("places-country").addEventListener("click", () => { state.placesBy = "country"; renderCharts(); });
    $("places-admin1").addEventListener("click", () => { state.placesBy = "admin1"; renderCharts(); });
    for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => setView(b.dataset.view));
    $("panel-close").addEventListener("click", closePanel);
    // the panel opening or the window resizing changes the map's and the timeline's size
    new ResizeObserver(() => { map.invalidateSize(); renderTimeline(); }).observe($("timeline"));
    applyLanguage();
    if (asked.at) map.setView([asked.at[1], asked.at[2]], asked.at[0], { animate: false });
    setView(asked.view || "map");
    await filtersChanged({ refit: !asked.at });
    state.mapReady = true;
    loadLabels();
    syncUrl();
    if (asked.event !== null) openEvent(asked.event);
  }

  main().catch((err) => setStatus(String(err)));
})();
