// rasd map page: events on a Leaflet map, a day histogram that filters by brushing, filters, an event panel.
//
// Safety rule: text that comes from articles (evidence, names, places, outlets, URLs) is only ever put in
// the page as DOM text nodes (`el()` / textContent), never as HTML; Leaflet tooltips get DOM nodes too,
// since Leaflet would put a string in with innerHTML.
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
  const PAGE = 5000;            // events fetched for one view (the API's largest page)
  const LIST_MAX = 400;         // list rows drawn at once
  const DAY = 86400000;
  const SPLIT_ZOOM = 9;         // deepest zoom used to split a cluster; beyond it the cluster is spread out

  const state = {
    lang: "ar", strings: null, events: [], total: 0, brush: null, selected: null,
    facets: null, detail: null, loadSeq: 0,
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

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || response.statusText);
    return body;
  }

  // ---- dates -----------------------------------------------------------------------------------------

  // an event's day on the timeline; month- and year-precision dates have none (they would stretch a
  // histogram of days over years), so they stay out of the timeline and out of a brushed range
  function eventDay(event) {
    const d = event.date;
    if (!d || d.length !== 10 || (event.date_precision && !["day", "week"].includes(event.date_precision))) return null;
    const ms = Date.parse(d + "T00:00:00Z");
    return Number.isNaN(ms) ? null : Math.floor(ms / DAY);
  }
  const dayString = (day) => new Date(day * DAY).toISOString().slice(0, 10);

  const inBrush = (event) => {
    if (!state.brush) return true;
    const day = eventDay(event);
    return day !== null && day >= state.brush[0] && day <= state.brush[1];
  };

  // ---- map -------------------------------------------------------------------------------------------

  let map, zoomControl, clusters, basemap110, basemap50, admin1;
  const markers = new Map();   // event id -> circle marker

  function initMap() {
    map = L.map("map", { zoomControl: false, worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([29, 35], 4);
    const canvas = L.canvas({ padding: 0.5 });   // basemap on canvas; markers stay SVG (clickable, testable)
    const countryStyle = { renderer: canvas, interactive: false, style: {
      color: "#8a8a8a", weight: 0.8, fillColor: "#f3f0e8", fillOpacity: 1 } };
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
    map.attributionControl.addAttribution("Natural Earth");
    clusters = L.markerClusterGroup({ maxClusterRadius: 35, showCoverageOnHover: false, chunkedLoading: true,
      spiderfyOnMaxZoom: true });
    map.addLayer(clusters);
  }

  function placeZoomControl() {
    if (zoomControl) map.removeControl(zoomControl);
    // the zoom buttons sit at the start of the reading direction
    zoomControl = L.control.zoom({ position: isArabic() ? "topright" : "topleft",
      zoomInTitle: "+", zoomOutTitle: "-" }).addTo(map);
  }

  const radius = (event) => Math.min(22, 5 + 2.5 * Math.sqrt(event.fatalities || 0));

  function markerTooltip(event) {
    return el("div", { className: "tip" },
      el("b", {}, typeName(event.type)), " · ", dateNode(event.date), el("br"),
      el("span", { dir: "auto" }, localName(event.place_text, event.place_name_en)),
      event.fatalities ? el("span", {}, " · ", t("fatalities"), ": ", event.fatalities) : null);
  }

  function renderMarkers(events) {
    clusters.clearLayers();
    markers.clear();
    const layers = [];
    for (const event of events) {
      if (event.lat === null || event.lon === null || event.lat === undefined) continue;
      const color = TYPE_COLORS[event.type] || "#555";
      const marker = L.circleMarker([event.lat, event.lon], {
        radius: radius(event), color: "#222", weight: 1, fillColor: color, fillOpacity: 0.85,
        className: `rasd-marker type-${event.type}`,
      });
      marker.bindTooltip(markerTooltip(event), { direction: "top" });
      marker.on("click", () => openEvent(event.id));
      markers.set(event.id, marker);
      layers.push(marker);
    }
    clusters.addLayers(layers);
    highlightSelected();
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
    // events in one town would need street-level zoom over an empty basemap to split: spread them here
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

  function fitToEvents(events) {
    const points = events.filter((e) => e.lat !== null && e.lon !== null).map((e) => [e.lat, e.lon]);
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 7 });
  }

  // ---- filters ---------------------------------------------------------------------------------------

  function filterParams() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData($("filters"))) if (value) params.set(name, value);
    return params;
  }

  function fillSelect(select, options) {
    const keep = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const [value, label] of options) select.appendChild(el("option", { value }, label));
    select.value = options.some(([v]) => v === keep) ? keep : "";
  }

  // options come from the whole store's first (unfiltered) page, so a filter never hides the others
  function buildFacets(events) {
    const countries = new Map(), actors = new Map(), outlets = new Set();
    for (const e of events) {
      if (e.country) countries.set(e.country, (countries.get(e.country) || 0) + 1);
      for (const slot of ["actor1", "actor2"]) {
        const id = e[slot + "_id"];
        if (id && !actors.has(id)) actors.set(id, [e[slot + "_name"], e[slot + "_name_en"]]);
      }
      for (const o of e.outlets || []) outlets.add(o);
    }
    return { countries, actors, outlets: [...outlets].sort() };
  }

  function renderFilterOptions() {
    const f = state.facets;
    fillSelect($("f-type"), TYPES.map((type) => [type, typeName(type)]));
    if (!f) return;
    const countryName = (code) => {
      try { return new Intl.DisplayNames([state.lang], { type: "region" }).of(code) || code; } catch (e) { return code; }
    };
    fillSelect($("f-country"), [...f.countries.keys()].map((c) => [c, `${countryName(c)} (${c})`])
      .sort((a, b) => a[1].localeCompare(b[1], state.lang)));
    fillSelect($("f-actor"), [...f.actors.entries()].map(([id, [ar, en]]) => [id, localName(ar, en)])
      .sort((a, b) => a[1].localeCompare(b[1], state.lang)));
    fillSelect($("f-outlet"), f.outlets.map((o) => [o, o]));
  }

  function renderLegend() {
    const present = new Map();
    for (const e of state.events) present.set(e.type, (present.get(e.type) || 0) + 1);
    const legend = $("legend");
    clear(legend);
    for (const type of TYPES.filter((x) => present.has(x))) {
      legend.appendChild(el("button", { type: "button", className: "chip", dataset: { type },
        title: type, onclick: () => { $("f-type").value = type; loadEvents(); } },
      el("i", { style: `background:${TYPE_COLORS[type]}` }), `${typeName(type)} ${present.get(type)}`));
    }
  }

  // ---- list ------------------------------------------------------------------------------------------

  function renderList(events) {
    const list = $("event-list");
    clear(list);
    if (!events.length) {
      list.appendChild(el("li", { className: "empty" }, t("no_events")));
      return;
    }
    for (const e of events.slice(0, LIST_MAX)) {
      const item = el("li", { className: "event-item" + (e.id === state.selected ? " selected" : ""),
        dataset: { id: e.id, type: e.type }, tabindex: "0",
        onclick: () => openEvent(e.id, true),
        onkeydown: (ev) => { if (ev.key === "Enter") openEvent(e.id, true); } },
      el("i", { className: "dot", style: `background:${TYPE_COLORS[e.type] || "#555"}` }),
      el("div", {},
        el("div", { className: "item-head" }, el("b", {}, typeName(e.type)), " ", el("span", { className: "muted" }, dateNode(e.date))),
        el("div", { dir: "auto" }, localName(e.place_text, e.place_name_en),
          e.fatalities ? el("span", { className: "fatal" }, ` · ${t("fatalities")} ${e.fatalities}`) : null)));
      list.appendChild(item);
    }
    if (events.length > LIST_MAX) list.appendChild(el("li", { className: "muted" }, `… ${events.length - LIST_MAX}`));
  }

  // ---- timeline --------------------------------------------------------------------------------------

  const SVGNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  let timelineScale = null;   // {first, days, width, pad} of the drawn histogram

  function renderTimeline() {
    const box = $("timeline");
    for (const node of [...box.childNodes]) if (node.nodeName !== "title") box.removeChild(node);
    $("timeline-title").textContent = t("timeline");
    const days = state.events.map(eventDay).filter((d) => d !== null);
    const width = box.clientWidth || 600, height = box.clientHeight || 90, pad = 14, axis = 16;
    if (!days.length) { timelineScale = null; return; }
    const first = Math.min(...days) - 1, last = Math.max(...days) + 1, n = last - first + 1;
    const counts = new Array(n).fill(0);
    for (const d of days) counts[d - first] += 1;
    const top = Math.max(...counts);
    const step = (width - 2 * pad) / n;
    timelineScale = { first, n, width, pad, step };
    const barH = height - axis - 4;
    counts.forEach((c, i) => {
      if (!c) return;
      const h = Math.max(2, (barH * c) / top);
      const inRange = !state.brush || (first + i >= state.brush[0] && first + i <= state.brush[1]);
      const bar = svg("rect", { x: xOfDay(first + i), y: barH - h + 2, width: Math.max(1, step - 1), height: h,
        class: "bar" + (inRange ? "" : " out"), "data-day": dayString(first + i), "data-count": c });
      bar.appendChild(svg("title", {}, `${dayString(first + i)}: ${c}`));
      box.appendChild(bar);
    });
    box.appendChild(svg("line", { x1: pad, x2: width - pad, y1: barH + 2, y2: barH + 2, class: "axis" }));
    const label = (day, anchorStart) => box.appendChild(svg("text", {
      x: xOfDay(day) + step / 2, y: height - 3, class: "tick",
      "text-anchor": anchorStart ? "start" : "end", direction: "ltr" }, dayString(day)));
    // the earliest day sits at the reading start: left in English, right in Arabic
    label(first + 1, !isArabic());
    label(last - 1, isArabic());
    if (state.brush) {
      const x0 = xOfDay(state.brush[isArabic() ? 1 : 0]), x1 = xOfDay(state.brush[isArabic() ? 0 : 1]) + step;
      box.appendChild(svg("rect", { x: x0, y: 0, width: Math.max(2, x1 - x0), height: barH + 2, class: "brush" }));
    }
  }

  // time runs in the reading direction: right to left in Arabic
  function xOfDay(day) {
    const s = timelineScale, i = day - s.first;
    return isArabic() ? s.width - s.pad - (i + 1) * s.step : s.pad + i * s.step;
  }
  function dayOfX(x) {
    const s = timelineScale;
    const i = isArabic() ? Math.floor((s.width - s.pad - x) / s.step) : Math.floor((x - s.pad) / s.step);
    return s.first + Math.max(0, Math.min(s.n - 1, i));
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
      const a = dayOfX(start), b = dayOfX(xAt(ev));
      start = null;
      setBrush([Math.min(a, b), Math.max(a, b)]);
    });
    $("brush-clear").addEventListener("click", () => setBrush(null));
  }

  function setBrush(range) {
    state.brush = range;
    $("brush-clear").hidden = !range;
    $("brush-label").textContent = range ? t("range", { from: dayString(range[0]), to: dayString(range[1]) }) : "";
    render();
  }

  // ---- event panel -----------------------------------------------------------------------------------

  function field(label, ...value) {
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
      onclick: () => { $("f-actor").value = id; loadEvents(); } }, "⌕") : null;
    return field(t(slot), ...bilingual(name, event[slot + "_name_en"]), filter);
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
      field(t("date"), dateNode(e.date), e.date_precision && e.date_precision !== "day" ? `(${e.date_precision})` : null),
      e.place_text ? field(t("place"), ...bilingual(e.place_text, e.place_name_en),
        e.country ? el("span", { className: "muted" }, e.country) : null) : null,
      actorField("actor1", e), actorField("actor2", e),
      e.fatalities !== null && e.fatalities !== undefined ? field(t("fatalities"), String(e.fatalities)) : null,
      e.injuries !== null && e.injuries !== undefined ? field(t("injuries"), String(e.injuries)) : null,
      acled ? field(t("acled"), el("span", { dir: "ltr" }, acled)) : null,
      field(t("sources"), el("span", { dir: "auto" }, (e.outlets || []).join("، ") || t("unknown")))));
    body.appendChild(el("h3", {}, t("mentions", { n: e.mentions.length })));
    body.appendChild(highlightLegend());
    body.appendChild(el("ol", { className: "mentions" }, e.mentions.map(mentionNode)));
  }

  async function openEvent(id, pan) {
    state.selected = id;
    highlightSelected();
    for (const item of document.querySelectorAll(".event-item")) item.classList.toggle("selected", Number(item.dataset.id) === id);
    const marker = markers.get(id);
    if (pan && marker) showMarker(marker);
    try {
      state.detail = await getJSON(`/events/${encodeURIComponent(id)}`);
    } catch (err) {
      state.detail = null;
      setStatus(t("load_error", { error: err.message }));
      return;
    }
    $("panel").hidden = false;
    renderPanel();
  }

  // ---- loading and drawing ---------------------------------------------------------------------------

  function setStatus(text) {
    $("status").textContent = text;
  }

  function render() {
    const visible = state.events.filter(inBrush);
    renderMarkers(visible);
    renderList(visible);
    renderTimeline();
    renderLegend();
    const unplaced = visible.filter((e) => e.lat === null || e.lon === null).length;
    setStatus(t("status", { shown: visible.length, total: state.total }) +
      (unplaced ? t("status_unplaced", { n: unplaced }) : ""));
  }

  async function loadEvents(fit) {
    const seq = ++state.loadSeq;
    const params = filterParams();
    params.set("limit", PAGE);
    setStatus(t("loading"));
    let page;
    try {
      page = await getJSON(`/events?${params}`);
    } catch (err) {
      setStatus(t("load_error", { error: err.message }));
      return;
    }
    if (seq !== state.loadSeq) return;   // a newer request is on its way
    state.events = page.items;
    state.total = page.total;
    if (!state.facets) {
      state.facets = buildFacets(page.items);
      renderFilterOptions();
    }
    document.body.dataset.loaded = String(seq);
    render();
    if (fit) fitToEvents(state.events);
  }

  // ---- language --------------------------------------------------------------------------------------

  function applyLanguage() {
    const html = document.documentElement;
    html.lang = state.lang;
    html.dir = isArabic() ? "rtl" : "ltr";
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-title]")) node.title = t(node.dataset.i18nTitle);
    $("lang-toggle").textContent = t("lang_toggle");
    document.title = isArabic() ? "رصد · خريطة الأحداث" : "rasd · event map";
    placeZoomControl();
    renderFilterOptions();
    if (state.brush) setBrush(state.brush);
    render();
    renderPanel();
  }

  function setLanguage(lang) {
    state.lang = lang === "en" ? "en" : "ar";
    try { localStorage.setItem("rasd.lang", state.lang); } catch (e) { /* private mode */ }
    applyLanguage();
  }

  async function main() {
    state.strings = await getJSON("/static/i18n.json");
    const asked = new URLSearchParams(location.search).get("lang");
    let saved = null;
    try { saved = localStorage.getItem("rasd.lang"); } catch (e) { /* private mode */ }
    state.lang = asked || saved || "ar";
    initMap();
    initBrush();
    $("lang-toggle").addEventListener("click", () => setLanguage(isArabic() ? "en" : "ar"));
    $("filters").addEventListener("change", () => loadEvents());
    $("filters").addEventListener("reset", () => setTimeout(() => { setBrush(null); loadEvents(); }, 0));
    $("panel-close").addEventListener("click", () => {
      $("panel").hidden = true;
      state.selected = null;
      state.detail = null;
      highlightSelected();
    });
    // the panel opening or the window resizing changes the map's and the timeline's size
    new ResizeObserver(() => { map.invalidateSize(); renderTimeline(); }).observe($("timeline"));
    applyLanguage();
    await loadEvents(true);
  }

  main().catch((err) => setStatus(String(err)));
})();
