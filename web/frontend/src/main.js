// The eventcoder web map: filters, a Leaflet map over a bundled Natural Earth basemap, a timeline,
// an event list and an event panel that highlights the evidence in the source text. Review
// controls appear once a token is given (kept in this browser's localStorage). Talks only to the
// app that served it (relative URLs), so it works offline and behind a path prefix.
import L from "leaflet";
import { feature } from "topojson-client";

// ACLED's six event types, one colour each (colour-blind-safe where it matters most: violence
// types are warm, demonstrations green, strategic developments blue).
const COLORS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2ca02c",
  "Riots": "#c9a100",
  "Strategic developments": "#1f77b4",
};
// Events the map and list fetch at once; the API's own limit is 10,000.
const MAP_LIMIT = 5000;
const LIST_ROWS = 300;
const TOKEN_KEY = "eventcoder.token";

const $ = (sel, root = document) => root.querySelector(sel);
const state = { token: localStorage.getItem(TOKEN_KEY) || "", who: "", facets: null, selected: null, fitted: false };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function say(message, isError = false) {
  const box = $("#status");
  box.textContent = message;
  box.className = "show" + (isError ? " error" : "");
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { box.className = ""; }, isError ? 6000 : 2500);
}

async function api(path, options = {}) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  if (state.token && options.auth) headers.Authorization = `Bearer ${state.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, {
    method: options.method || "GET",
    headers,
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const data = await res.json().catch(() => ({ error: res.statusText, code: "", status: res.status }));
  if (!res.ok) throw new Error(`${data.error} (${data.code}, ${data.status})`);
  return data;
}

// --- filters --------------------------------------------------------------------------------

function filterParams() {
  const form = $("#filters");
  const params = new URLSearchParams();
  for (const name of ["start", "end", "country", "admin1", "event_type", "sub_event_type", "actor", "q", "reviewed"]) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  if (form.elements.inview.checked) {
    const b = map.getBounds();
    const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
    params.set("bbox", [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((x) => x.toFixed(4)).join(","));
  }
  return params;
}

function fillFacets(facets) {
  const form = $("#filters");
  for (const c of facets.countries) form.elements.country.append(el("option", { value: c.country }, `${c.country} (${c.events})`));
  for (const type of Object.keys(facets.event_types)) form.elements.event_type.append(el("option", { value: type }, type));
  fillSubTypes("");
  form.elements.event_type.addEventListener("change", (e) => fillSubTypes(e.target.value));
  const legend = $("#legend");
  for (const [type, color] of Object.entries(COLORS)) legend.append(el("span", {}, el("span", { class: "dot", style: `background:${color}` }), type));
}

function fillSubTypes(type) {
  const select = $("#filters").elements.sub_event_type;
  select.replaceChildren(el("option", { value: "" }, "any"));
  for (const [t, subs] of Object.entries(state.facets.event_types)) {
    if (type && t !== type) continue;
    for (const s of subs) select.append(el("option", { value: s }, s));
  }
}

// --- map ------------------------------------------------------------------------------------

const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 }).setView([20, 20], 2);
map.attributionControl.addAttribution("Basemap: Natural Earth");
const markers = L.layerGroup().addTo(map);
const markerOf = new Map(); // event id -> its circle, to show which one the panel is about

async function loadBasemap() {
  const topo = await fetch("static/countries-110m.json").then((r) => r.json());
  L.geoJSON(feature(topo, topo.objects.countries), {
    interactive: false,
    style: { color: "#8d8d8d", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map);
  markers.remove();
  markers.addTo(map); // keep the events above the countries
}

function radius(fatalities) {
  // Area grows with fatalities (sqrt), capped so a mass-casualty event does not hide its neighbours.
  return Math.min(4 + 2.2 * Math.sqrt(fatalities || 0), 28);
}

function drawMarkers(events) {
  markers.clearLayers();
  markerOf.clear();
  for (const e of events) {
    if (e.latitude === null || e.longitude === null) continue;
    const color = COLORS[e.event_type] || "#555";
    const circle = L.circleMarker([e.latitude, e.longitude], {
      radius: radius(e.fatalities), color: "#333", weight: 0.8, fillColor: color, fillOpacity: 0.75,
      className: "event-marker",
    })
      .bindTooltip(`${e.event_date || "undated"} · ${e.sub_event_type} · ${e.location || e.country} · ${e.fatalities} killed`)
      .on("click", () => openEvent(e.event_id_cnty))
      .addTo(markers);
    markerOf.set(e.event_id_cnty, circle);
  }
}

// --- timeline -------------------------------------------------------------------------------

function drawTimeline(stats, interval) {
  const bars = $("#bars");
  const axis = $("#axis");
  bars.replaceChildren();
  axis.replaceChildren();
  const rows = stats.series;
  if (!rows.length) { axis.append(el("span", {}, "No dated events.")); return; }
  const byPeriod = new Map();
  for (const r of rows) {
    if (!byPeriod.has(r.period)) byPeriod.set(r.period, []);
    byPeriod.get(r.period).push(r);
  }
  const periods = [...byPeriod.keys()].sort();
  const day = 86400000;
  const step = (interval === "week" ? 7 : 1) * day;
  const t0 = Date.parse(periods[0]);
  const t1 = Date.parse(periods[periods.length - 1]) + step;
  const max = Math.max(...periods.map((p) => byPeriod.get(p).reduce((s, r) => s + r.events, 0)));
  const W = 1000, H = 100;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none" });
  const x = (t) => ((t - t0) / (t1 - t0)) * W;
  // At least 3 units wide, so a lone week in a five-year span can still be seen and clicked.
  const width = Math.max(x(t0 + step) - x(t0), 3);
  for (const p of periods) {
    let y = H;
    for (const r of byPeriod.get(p)) {
      const h = (r.events / max) * (H - 4);
      y -= h;
      const bar = svg("rect", { x: Math.min(x(Date.parse(p)), W - width), y, width, height: h, fill: COLORS[r.key] || "#555", class: "bar" });
      const title = svg("title");
      title.textContent = `${interval} of ${p}: ${r.events} ${r.key}, ${r.fatalities} killed`;
      bar.append(title);
      bar.addEventListener("click", () => {
        const form = $("#filters");
        form.elements.start.value = p;
        form.elements.end.value = new Date(Date.parse(p) + step - day).toISOString().slice(0, 10);
        refresh();
      });
      root.append(bar);
    }
  }
  bars.append(root);
  axis.append(el("span", {}, periods[0]),
    el("span", {}, `events per ${interval} (most: ${max}); click a bar to filter`),
    el("span", {}, periods[periods.length - 1]));
}

// --- list -----------------------------------------------------------------------------------

function drawList(events) {
  const body = $("#list tbody");
  body.replaceChildren();
  for (const e of events.slice(0, LIST_ROWS)) {
    body.append(el("tr", { class: "event-row", "data-id": e.event_id_cnty, onclick: () => openEvent(e.event_id_cnty) },
      el("td", {}, e.event_date || "—"),
      el("td", {}, el("span", { class: "dot", style: `background:${COLORS[e.event_type] || "#555"}` }), e.sub_event_type,
        e.reviewed ? el("span", { class: "reviewed-mark", title: "reviewed" }, " ✓") : null),
      el("td", {}, [e.location, e.country].filter(Boolean).join(", ")),
      el("td", { class: "num" }, String(e.fatalities))));
  }
  markSelected();
}

function markSelected() {
  for (const tr of document.querySelectorAll("#list tr.event-row")) {
    tr.classList.toggle("selected", tr.dataset.id === state.selected);
  }
  for (const [id, circle] of markerOf) {
    const chosen = id === state.selected;
    circle.setStyle(chosen ? { color: "#000", weight: 3 } : { color: "#333", weight: 0.8 });
    if (chosen) circle.bringToFront();
  }
}

// --- the event panel ------------------------------------------------------------------------

// The article text cut at every evidence boundary; each piece is marked with the fields whose
// spans cover it, so overlapping evidence stays visible.
function highlighted(text, evidence) {
  const cuts = new Set([0, text.length]);
  for (const e of evidence) { cuts.add(e.start); cuts.add(e.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const fields = evidence.filter((e) => e.start <= a && e.end >= b).map((e) => e.field);
    const piece = text.slice(a, b);
    out.push(fields.length
      ? el("mark", { class: "evidence", "data-fields": [...new Set(fields)].join(" "), title: `evidence for ${[...new Set(fields)].join(", ")}` }, piece)
      : piece);
  }
  return out;
}

const SHOWN = ["event_date", "event_type", "sub_event_type", "disorder_type", "actor1", "assoc_actor_1", "actor2",
  "assoc_actor_2", "interaction", "civilian_targeting", "location", "admin1", "admin2", "country", "latitude",
  "longitude", "geo_precision", "fatalities", "wounded", "source", "confidence", "event_id_cnty"];
const EDITS = ["fatalities", "wounded", "event_date", "sub_event_type", "actor1", "actor2", "location", "admin1", "country"];

async function openEvent(id) {
  state.selected = id;
  markSelected();
  let d;
  try { d = await api(`events/${encodeURIComponent(id)}`); } catch (err) { say(err.message, true); return; }
  const panel = $("#panel");
  panel.hidden = false;
  const evidence = d.evidence.filter((e) => !d.sources.length || e.article_id === d.sources[0].id);
  panel.replaceChildren(...[
    el("button", { class: "close", onclick: () => { panel.hidden = true; state.selected = null; markSelected(); map.invalidateSize({ animate: false }); } }, "×"),
    el("h2", {}, el("span", { class: "dot", style: `background:${COLORS[d.event_type] || "#555"}` }), d.sub_event_type),
    el("div", {}, `${d.event_date || "undated"} · ${[d.location, d.admin1, d.country].filter(Boolean).join(", ")}`,
      d.reviewed ? el("span", { class: "reviewed-mark", id: "reviewed-flag" }, " ✓ reviewed") : null),
    el("div", { class: "fields" }, SHOWN.flatMap((f) => [
      el("span", { class: d.corrected.includes(f) ? "k corrected" : "k", title: d.corrected.includes(f) ? "corrected by a reviewer" : null }, f),
      el("span", { class: "v", "data-field": f }, d[f] === null || d[f] === "" ? "—" : String(d[f]))])),
    ...d.sources.map((s) => el("div", {},
      el("h3", {}, s.title || s.id, " ", s.url ? el("a", { href: s.url, target: "_blank", rel: "noopener" }, "↗") : null),
      el("div", {}, [s.source, s.published].filter(Boolean).join(" · ")),
      el("div", { class: "source-text" }, highlighted(s.text, d.evidence.filter((e) => e.article_id === s.id))))),
    el("details", {}, el("summary", {}, `Evidence (${evidence.length} spans)`),
      el("ul", { class: "evidence-list" }, evidence.map((e) => el("li", {}, el("b", {}, e.field), ` “${e.text}” (${e.stage} v${e.version})`,
        e.corrected ? el("span", { class: "corrected" }, " — corrected since") : null)))),
    reviewControls(d),
    d.audit.length ? el("h3", {}, "Audit log") : null,
    d.audit.length ? el("ul", { class: "audit" }, d.audit.map((a) => el("li", {},
      `${new Date(a.at * 1000).toISOString().slice(0, 16).replace("T", " ")} ${a.by}: ${a.action}`,
      a.field ? ` ${a.field} ${JSON.stringify(a.old_value)} → ${JSON.stringify(a.new_value)}` : ""))) : null,
  ].filter(Boolean));
  map.invalidateSize({ animate: false });
  const circle = markerOf.get(id);
  if (circle && !map.getBounds().contains(circle.getLatLng())) map.panTo(circle.getLatLng(), { animate: false });
}

function reviewControls(d) {
  if (!state.token) return el("p", {}, el("i", {}, "Enter a review token above to correct this event."));
  const inputs = {};
  const subTypes = Object.entries(state.facets.event_types).flatMap(([t, subs]) => subs.map((s) => [t, s]));
  for (const f of EDITS) {
    if (f === "sub_event_type") {
      inputs[f] = el("select", { name: f }, subTypes.map(([t, s]) => el("option", { value: s, selected: s === d[f] }, `${t}: ${s}`)));
    } else {
      const type = f === "fatalities" || f === "wounded" ? "number" : f === "event_date" ? "date" : "text";
      inputs[f] = el("input", { name: f, type, min: type === "number" ? "0" : null, value: d[f] === null ? "" : String(d[f]) });
    }
  }
  const save = async (ev) => {
    ev.preventDefault();
    const body = {};
    for (const [f, input] of Object.entries(inputs)) {
      const raw = input.value.trim();
      let value = raw;
      if (f === "fatalities" || f === "wounded") value = raw === "" ? null : Number(raw);
      if (f === "event_date" && raw === "") value = null;
      const old = d[f] === undefined ? null : d[f];
      if (value !== old && !(value === "" && old === null)) body[f] = value;
    }
    await send(d.event_id_cnty, "PATCH", body, Object.keys(body).length ? `saved ${Object.keys(body).join(", ")}` : "marked reviewed");
  };
  return el("form", { class: "review", id: "review-form", onsubmit: save },
    el("b", {}, `Review as ${state.who || "token holder"}`),
    el("div", { class: "review-grid" }, EDITS.map((f) => el("label", {}, f, inputs[f]))),
    el("div", { class: "row" },
      el("button", { type: "submit", id: "save" }, "Save (marks reviewed)"),
      el("button", { type: "button", id: "delete", onclick: async () => {
        if (confirm(`Delete event ${d.event_id_cnty}? It stays deleted when its article is coded again.`)) {
          await send(d.event_id_cnty, "DELETE", undefined, "deleted");
        }
      } }, "Delete")));
}

async function send(id, method, body, done) {
  try {
    await api(`events/${encodeURIComponent(id)}`, { method, body, auth: true });
    say(done);
    await refresh();
    if (method === "DELETE") { $("#panel").hidden = true; state.selected = null; } else await openEvent(id);
  } catch (err) {
    say(err.message, true);
  }
}

// --- token ----------------------------------------------------------------------------------

async function checkToken() {
  $("#who").textContent = "";
  state.who = "";
  if (!state.token) return;
  try {
    state.who = (await api("me", { auth: true })).name;
    $("#who").textContent = `reviewing as ${state.who}`;
  } catch (err) {
    say(`token refused: ${err.message}`, true);
    state.token = "";
    localStorage.removeItem(TOKEN_KEY);
  }
}

// --- putting it together ----------------------------------------------------------------------

async function refresh() {
  const params = filterParams();
  const list = new URLSearchParams(params);
  list.set("limit", String(MAP_LIMIT));
  try {
    const page = await api(`events?${list}`);
    const statsParams = new URLSearchParams(params);
    const dated = page.events.map((e) => e.event_date).filter(Boolean).sort();
    const spanDays = dated.length ? (Date.parse(dated[dated.length - 1]) - Date.parse(dated[0])) / 86400000 : 0;
    const interval = spanDays > 120 ? "week" : "day";
    statsParams.set("interval", interval);
    const stats = await api(`stats?${statsParams}`);
    const shown = page.events.length < page.total ? ` (showing ${page.events.length})` : "";
    $("#count").textContent = `${page.total.toLocaleString()} events${shown}, ${stats.total.fatalities.toLocaleString()} fatalities`;
    drawMarkers(page.events);
    if (!state.fitted && markers.getLayers().length) {
      // First view: the events, not the whole world (no closer than a country's scale).
      map.fitBounds(L.featureGroup(markers.getLayers()).getBounds().pad(0.2), { maxZoom: 6, animate: false });
      state.fitted = true;
    }
    drawList(page.events);
    drawTimeline(stats, interval);
    document.body.dataset.loaded = "true";
  } catch (err) {
    say(err.message, true);
  }
}

async function start() {
  $("#token").value = state.token;
  $("#token-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    state.token = $("#token").value.trim();
    if (state.token) localStorage.setItem(TOKEN_KEY, state.token); else localStorage.removeItem(TOKEN_KEY);
    await checkToken();
    if (state.selected) await openEvent(state.selected);
  });
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  $("#filters").addEventListener("reset", () => setTimeout(refresh, 0));
  map.on("moveend", () => { if ($("#filters").elements.inview.checked) refresh(); });
  state.facets = await api("facets");
  fillFacets(state.facets);
  await Promise.all([loadBasemap(), checkToken()]);
  await refresh();
}

start().catch((err) => say(err.message, true));
