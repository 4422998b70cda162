/* casus dashboard: draws each page from the JSON API, in SVG, with no library and nothing
   fetched from outside this server. Every page links the endpoint it is drawn from. */
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const QUADS = {
  1: { label: "Verbal cooperation", short: "VC", cls: "q1", sign: "+" },
  2: { label: "Material cooperation", short: "MC", cls: "q2", sign: "+" },
  3: { label: "Verbal conflict", short: "VK", cls: "q3", sign: "−" },
  4: { label: "Material conflict", short: "MK", cls: "q4", sign: "−" },
};
const QUAD_KEYS = { 1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict" };
const params = new URLSearchParams(location.search);

// ---- small helpers ------------------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  setAttrs(node, attrs);
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
}

function apiUrl(path, query = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== null && v !== undefined && v !== "" && v !== false) search.append(key, v);
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function api(path, query = {}, { twin = false } = {}) {
  const url = apiUrl(path, query);
  if (twin) document.getElementById("json-twin").href = url;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!body.ok) throw new Error(body.error + (body.field ? ` (${body.field})` : ""));
  return body;
}

function status(message, error = false) {
  const node = document.getElementById("status");
  node.textContent = message;
  node.classList.toggle("error", error);
}

function content(...nodes) {
  const node = document.getElementById("content");
  node.replaceChildren(...nodes);
  return node;
}

function twinLink(url) {
  return el("a", { class: "twin", href: url, title: "The JSON of this section" }, "JSON");
}

function actorLabel(code, text) {
  return el("span", {}, el("span", { class: "code" }, code || "?"), text ? el("span", { class: "muted" }, ` (${text})`) : null);
}

function quadBadge(quad) {
  const q = QUADS[quad];
  const conflict = quad >= 3;
  return el("span", { class: `badge ${conflict ? "conf" : "coop"}`, title: q.label },
    `${conflict ? "▼ conflict" : "▲ cooperation"} · ${q.short}`);
}

/** A form of labelled fields; on submit the values go into the address and `run` is called. */
function controls(fields, run, submitLabel = "Show") {
  const form = el("form", { class: "controls", "aria-label": "Options" });
  for (const f of fields) {
    const id = `f-${f.name}`;
    let input;
    if (f.type === "select") {
      input = el("select", { id, name: f.name },
        f.options.map((o) => el("option", { value: o, selected: (params.get(f.name) || f.value) === o }, o)));
    } else if (f.type === "checkbox") {
      input = el("input", { id, name: f.name, type: "checkbox", checked: (params.get(f.name) ?? String(!!f.value)) === "true" });
    } else {
      input = el("input", { id, name: f.name, type: f.type || "text", value: params.get(f.name) ?? f.value ?? "",
        placeholder: f.placeholder || "", list: f.list || null, inputmode: f.inputmode || null });
    }
    form.append(el("label", { for: id, class: f.type === "checkbox" ? "check" : null }, f.label, input));
  }
  form.append(el("button", { type: "submit" }, submitLabel));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const f of fields) {
      const input = form.elements[f.name];
      const value = f.type === "checkbox" ? String(input.checked) : input.value.trim();
      if (value && !(f.type === "checkbox" && value === "false")) params.set(f.name, value);
      else params.delete(f.name);
    }
    history.replaceState(null, "", `${location.pathname}?${params}`);
    run().catch((e) => status(e.message, true));
  });
  document.getElementById("controls").replaceChildren(form);
  return form;
}

/** Suggest actor codes while typing a name: fills a <datalist> from /api/actors. */
function actorList() {
  const list = el("datalist", { id: "actor-list" });
  document.body.append(list);
  let timer = null;
  document.addEventListener("input", (event) => {
    if (event.target.getAttribute("list") !== "actor-list") return;
    clearTimeout(timer);
    const q = event.target.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const body = await api("/api/actors", { q, limit: 12 });
        list.replaceChildren(...body.actors.map((a) =>
          el("option", { value: a.code }, `${a.names[0] || a.code} · ${a.events} events`)));
      } catch (e) { /* suggestions are optional */ }
    }, 200);
  });
  return "actor-list";
}

// ---- clusters (de-duplicated events) with their reports ------------------------------------------
function clusterItem(c) {
  const reports = c.reports || [];
  const outlets = new Set(reports.map((r) => r.outlet).filter(Boolean));
  return el("article", { class: "cluster", "data-cluster": c.cluster_id },
    el("header", {},
      el("strong", {}, c.date || "undated", c.date_precision && c.date_precision !== "day" ? ` (${c.date_precision})` : ""),
      actorLabel(c.source_code), "→", actorLabel(c.target_code),
      el("span", {}, el("span", { class: "code" }, c.cameo), " ", c.cameo_name),
      quadBadge(c.quad_class),
      el("span", { class: "muted" }, `Goldstein ${c.goldstein}`),
      el("span", { class: "badge" }, `${c.n_reports} report${c.n_reports === 1 ? "" : "s"} · ${c.n_outlets} outlet${c.n_outlets === 1 ? "" : "s"}`),
      c.historical ? el("span", { class: "badge hist" }, "historical reference") : null),
    reports.length ? framing(reports) : el("p", {}, c.evidence));
}

/** Which outlet said what: one row per report, with its evidence link. */
function framing(reports) {
  return el("table", { class: "framing" },
    el("thead", {}, el("tr", {}, ["Outlet", "Published", "On whose word", "What it says", ""].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, reports.map((r) => el("tr", {},
      el("td", {}, r.outlet || "—"),
      el("td", {}, r.published || "—"),
      el("td", {}, r.speaker_text ? `${r.speaker_text}${r.speaker_code ? ` (${r.speaker_code})` : ""}${r.verb ? `, ${r.verb}` : ""}` : "the outlet"),
      el("td", {}, r.evidence),
      el("td", {}, el("a", { class: "evidence-link", href: `/article?id=${encodeURIComponent(r.article_id)}&event=${encodeURIComponent(r.event_id)}` }, "Evidence ›"))))));
}

async function clusterList(query, heading, target) {
  const url = apiUrl("/api/clusters", { ...query, limit: 100 });
  const section = el("section", { class: "panel", "aria-label": heading },
    el("h2", {}, heading, twinLink(url)));
  target.replaceChildren(section);
  let cursor = null;
  const more = el("button", { type: "button", class: "more" }, "More");
  const load = async () => {
    const body = await api("/api/clusters", { ...query, limit: 100, cursor });
    more.remove();
    if (!body.clusters.length && !cursor) section.append(el("p", { class: "muted" }, "No events."));
    section.append(...body.clusters.map(clusterItem));
    cursor = body.next_cursor;
    if (cursor) section.append(more);
    return body;
  };
  more.addEventListener("click", () => load().catch((e) => status(e.message, true)));
  return load();
}

// ---- dyad page: chart of cooperation and conflict, a period's events -----------------------------
async function dyadPage() {
  const list = actorList();
  controls([
    { name: "a", label: "Actor A", value: "", placeholder: "AZE or Azerbaijan", list },
    { name: "b", label: "Actor B", value: "", placeholder: "IRN or Iran", list },
    { name: "freq", label: "Per", type: "select", options: ["week", "month", "quarter", "year"], value: "week" },
    { name: "historical", label: "Include historical", type: "checkbox", value: false },
  ], renderDyad);
  if (params.get("a") && params.get("b")) await renderDyad();
  else await dyadChoices();
}

/** With no dyad chosen: the busiest dyads of the store, each a link. */
async function dyadChoices() {
  const body = await api("/api/dyads", { limit: 24 }, { twin: true });
  status("Pick two actors (codes such as AZE and IRN, or names) and press Show, or choose a dyad below.");
  content(el("section", { class: "panel", "aria-label": "Busiest dyads" },
    el("h2", {}, "The busiest dyads", twinLink("/api/dyads?limit=24")),
    body.dyads.length ? el("ul", { class: "dyads" }, body.dyads.map((d) => el("li", {},
      el("a", { href: `/dyad?a=${encodeURIComponent(d.a)}&b=${encodeURIComponent(d.b)}` }, `${d.a} – ${d.b}`),
      ` ${d.events} event${d.events === 1 ? "" : "s"} (▲ ${d.cooperation} cooperation, ▼ ${d.conflict} conflict), ${d.first} to ${d.last}`)))
      : el("p", { class: "muted" }, "The store holds no event between two known countries yet.")));
}

async function renderDyad() {
  const query = { a: params.get("a"), b: params.get("b"), freq: params.get("freq") || "week", historical: params.get("historical") };
  status("Loading…");
  const body = await api("/api/dyad-series", query, { twin: true });
  const events = el("div", { id: "period-events" });
  const total = body.series.reduce((n, row) => n + row.n_events, 0);
  status(`${body.a} – ${body.b}: ${total} event${total === 1 ? "" : "s"} in ${body.series.length} ${body.freq}(s). Select a period to list its events.`);
  content(
    el("section", { class: "panel", "aria-label": "Chart" },
      el("h2", {}, `Cooperation and conflict between ${body.a} and ${body.b}, per ${body.freq}`),
      legend(),
      body.series.length ? dyadChart(body.series, body.freq, (row) => showPeriod(query, row, events)) : el("p", {}, "No dated events between these actors.")),
    events);
  await clusterList({ a: body.a, b: body.b, historical: query.historical ? null : "false" }, "All events of the dyad", events);
}

function legend() {
  return el("div", { class: "legend", "aria-hidden": "true" },
    [1, 2, 3, 4].map((q) => el("span", {},
      swatch(QUADS[q].cls), `${QUADS[q].sign} ${QUADS[q].label} (${QUADS[q].short}) ${q <= 2 ? "above the axis" : "below the axis"}`)),
    el("span", {}, "▲/▼ Goldstein mean of the period (right scale)"));
}

function swatch(cls) {
  const box = svg("svg", { width: 18, height: 14, "aria-hidden": "true" }, patterns(), svg("rect", { x: 1, y: 1, width: 16, height: 12, class: cls }));
  return box;
}

function patterns() {
  return svg("defs", {},
    svg("pattern", { id: "pat-q2", width: 6, height: 6, patternUnits: "userSpaceOnUse" },
      svg("rect", { width: 6, height: 6, fill: "#1f5fa8" }), svg("circle", { cx: 3, cy: 3, r: 1.2, fill: "#fff" })),
    svg("pattern", { id: "pat-q3", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("rect", { width: 6, height: 6, fill: "#f6d3bf" }), svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#b5471b", "stroke-width": 2.5 })),
    svg("pattern", { id: "pat-q4", width: 6, height: 6, patternUnits: "userSpaceOnUse" },
      svg("rect", { width: 6, height: 6, fill: "#b5471b" }), svg("path", { d: "M0 0L6 6M6 0L0 6", stroke: "#fff", "stroke-width": 1.2 })));
}

/** Diverging stacked bars (cooperation up, conflict down) and the Goldstein mean per period. */
function dyadChart(series, freq, onPick) {
  const W = 1180, H = 340, left = 44, right = 44, top = 16, bottom = 48;
  const plotW = W - left - right, mid = top + (H - top - bottom) / 2, half = (H - top - bottom) / 2;
  const peak = Math.max(1, ...series.map((r) => Math.max(r.verbal_cooperation + r.material_cooperation, r.verbal_conflict + r.material_conflict)));
  const step = plotW / series.length, barW = Math.max(2, Math.min(40, step * 0.7));
  const scale = (n) => (n / peak) * (half - 4);
  const gy = (g) => mid - (g / 10) * (half - 4);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "group", class: "dyad-chart",
    "aria-label": `Chart with ${series.length} periods; use Tab or the arrow keys to move between periods and Enter to list a period's events` }, patterns());
  const axis = svg("g", { class: "axis" },
    svg("line", { x1: left, x2: W - right, y1: mid, y2: mid }),
    svg("line", { x1: left, x2: left, y1: top, y2: H - bottom }),
    svg("line", { x1: W - right, x2: W - right, y1: top, y2: H - bottom }),
    svg("text", { x: left - 6, y: top + 10, "text-anchor": "end" }, String(peak)),
    svg("text", { x: left - 6, y: H - bottom, "text-anchor": "end" }, String(peak)),
    svg("text", { x: left - 6, y: mid + 4, "text-anchor": "end" }, "0"),
    svg("text", { x: W - right + 6, y: top + 10 }, "+10"), svg("text", { x: W - right + 6, y: H - bottom }, "−10"),
    svg("text", { x: left + 4, y: top + 10 }, "▲ cooperation (events)"),
    svg("text", { x: left + 4, y: H - bottom - 4 }, "▼ conflict (events)"));
  chart.append(axis);
  const every = Math.ceil(series.length / 14);
  const points = [];
  const groups = [];
  series.forEach((row, i) => {
    const x = left + i * step + step / 2;
    const g = svg("g", { class: "period", "data-period": row.period, "data-events": row.n_events,
      tabindex: row.n_events ? 0 : -1, role: "button",
      "aria-label": periodLabel(row, freq) });
    const hitW = Math.min(step, Math.max(barW + 16, 48)); // a wide target, a modest highlight
    g.append(svg("rect", { class: "hit", x: x - hitW / 2, y: top, width: hitW, height: H - top - bottom }));
    let up = mid, down = mid;
    for (const q of [1, 2]) {
      const h = scale(row[QUAD_KEYS[q]]);
      if (h > 0) { up -= h; g.append(svg("rect", { class: QUADS[q].cls, x: x - barW / 2, y: up, width: barW, height: h }, svg("title", {}, `${QUADS[q].label}: ${row[QUAD_KEYS[q]]}`))); }
    }
    for (const q of [3, 4]) {
      const h = scale(row[QUAD_KEYS[q]]);
      if (h > 0) { g.append(svg("rect", { class: QUADS[q].cls, x: x - barW / 2, y: down, width: barW, height: h }, svg("title", {}, `${QUADS[q].label}: ${row[QUAD_KEYS[q]]}`))); down += h; }
    }
    if (row.goldstein_mean !== null) points.push([x, gy(row.goldstein_mean), row.goldstein_mean]);
    if (i % every === 0) g.append(svg("text", { x, y: H - bottom + 16, "text-anchor": "middle" }, row.period));
    if (row.n_events) {
      const pick = () => { groups.forEach((o) => o.classList.remove("selected")); g.classList.add("selected"); onPick(row); };
      g.addEventListener("click", pick);
      g.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); pick(); }
        if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
          event.preventDefault();
          const live = groups.filter((o) => o.getAttribute("tabindex") === "0");
          const next = live[live.indexOf(g) + (event.key === "ArrowRight" ? 1 : -1)];
          if (next) next.focus();
        }
      });
    }
    groups.push(g);
    chart.append(g);
  });
  if (points.length > 1) chart.append(svg("polyline", { class: "gline", points: points.map((p) => `${p[0]},${p[1]}`).join(" ") }));
  for (const [x, y, g] of points) {
    chart.append(svg("path", { d: g >= 0 ? `M${x} ${y - 6}L${x + 6} ${y + 4}L${x - 6} ${y + 4}Z` : `M${x} ${y + 6}L${x + 6} ${y - 4}L${x - 6} ${y - 4}Z`,
      fill: "#20262e", "pointer-events": "none" }));
  }
  chart.append(svg("text", { x: left + plotW / 2, y: H - 8, "text-anchor": "middle", class: "muted" }, `${freq} starting`));
  return chart;
}

function periodLabel(row, freq) {
  const parts = [1, 2, 3, 4].map((q) => `${row[QUAD_KEYS[q]]} ${QUADS[q].label.toLowerCase()}`);
  const mean = row.goldstein_mean === null ? "no Goldstein mean" : `Goldstein mean ${row.goldstein_mean}`;
  return `${freq} of ${row.period}: ${row.n_events} events (${parts.join(", ")}), ${mean}`;
}

async function showPeriod(query, row, target) {
  status(`Events of the ${query.freq} of ${row.period}…`);
  await clusterList({ a: query.a, b: query.b, period: row.period, freq: query.freq, historical: query.historical ? null : "false" },
    `Events in the ${query.freq} of ${row.period}`, target);
  status(`${row.n_events} event(s) in the ${query.freq} of ${row.period}. Each report links to its evidence.`);
  const first = target.querySelector("a.evidence-link");
  if (first) first.focus();
}

// ---- timeline page ---------------------------------------------------------------------------------
async function timelinePage() {
  const list = actorList();
  controls([
    { name: "actor", label: "Actor", placeholder: "IRN or Iran", list },
    { name: "a", label: "or dyad: A", placeholder: "AZE", list },
    { name: "b", label: "B", placeholder: "IRN", list },
    { name: "since", label: "Since", type: "date" },
    { name: "until", label: "Until", type: "date" },
  ], renderTimeline);
  if (params.get("actor") || (params.get("a") && params.get("b"))) await renderTimeline();
  else status("Give an actor, or two actors for a dyad.");
}

async function renderTimeline() {
  const base = { since: params.get("since"), until: params.get("until") };
  if (params.get("a") && params.get("b")) Object.assign(base, { a: params.get("a"), b: params.get("b") });
  else base.actor = params.get("actor");
  document.getElementById("json-twin").href = apiUrl("/api/clusters", { ...base, historical: "false", limit: 100 });
  status("Loading…");
  const current = el("div"), past = el("div");
  content(current, past);
  const now = await clusterList({ ...base, historical: "false" }, "Events, in order of when they happened", current);
  await clusterList({ ...base, historical: "true" }, "Historical references (events recalled by the reports, not news)", past);
  status(`${now.clusters.length}${now.next_cursor ? "+" : ""} de-duplicated event(s); each row of a table is one outlet's report.`);
}

// ---- article reader --------------------------------------------------------------------------------
async function articlePage() {
  let id = params.get("id");
  const eventId = params.get("event");
  if (!id && eventId) id = (await api(`/api/events/${encodeURIComponent(eventId)}`)).event.article_id;
  if (!id) { status("Open an article from an event's Evidence link."); return; }
  const body = await api(`/api/articles/${encodeURIComponent(id)}`, {}, { twin: true });
  const article = body.article;
  status(`${article.events.length} coded event(s). Highlights: bold underline = source, dashed underline = target, italic = event word, framed = the selected event's sentence.`);
  const text = el("div", { class: "text", id: "article-text", tabindex: 0, "aria-label": "Article text" });
  const side = el("section", { "aria-label": "Coded events" }, el("h2", {}, "Coded events"));
  const select = (eid, scroll) => {
    drawText(text, article.text, article.spans, eid);
    for (const card of side.querySelectorAll(".evt")) card.setAttribute("aria-current", String(card.dataset.event === eid));
    const mark = text.querySelector("mark.evidence");
    if (mark && scroll) mark.scrollIntoView({ block: "center" });
  };
  side.append(...article.events.map((e) => eventCard(e, () => { params.set("event", e.event_id); history.replaceState(null, "", `?${params}`); select(e.event_id, true); })));
  content(
    el("p", {}, el("strong", {}, article.title || "(untitled)"), " · ",
      article.outlet || (article.events.find((e) => e.attribution && e.attribution.outlet) || { attribution: {} }).attribution.outlet || "unknown outlet",
      " · published ", article.published || "unknown", article.origin ? ` · ${article.origin}` : "",
      article.url ? [" · ", el("a", { href: article.url, rel: "noreferrer" }, "source")] : null),
    el("div", { class: "reader" }, text, side));
  select(eventId || (article.events[0] && article.events[0].event_id), true);
}

/** The article text with the spans highlighted; the selected event's sentence in a <mark>. */
function drawText(node, text, spans, current) {
  const shown = spans.filter((s) => s.kind !== "evidence" || s.event_id === current);
  const cuts = new Set([0, text.length]);
  for (const s of shown) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const evidence = shown.find((s) => s.kind === "evidence");
  const parts = [];
  let mark = null;
  for (let i = 0; i < points.length - 1; i++) {
    const [p, q] = [points[i], points[i + 1]];
    const kinds = new Set(shown.filter((s) => s.kind !== "evidence" && s.start <= p && q <= s.end).map((s) => `hl-${s.kind}`));
    const piece = kinds.size ? el("span", { class: [...kinds].join(" ") }, text.slice(p, q)) : document.createTextNode(text.slice(p, q));
    const inside = evidence && evidence.start <= p && q <= evidence.end;
    if (inside) {
      if (!mark) { mark = el("mark", { class: "evidence", id: "evidence", "data-event": current }); parts.push(mark); }
      mark.append(piece);
    } else parts.push(piece);
  }
  node.replaceChildren(...parts);
}

function eventCard(e, onSelect) {
  const mod = e.modality || {};
  const flags = ["negated", "hypothetical", "future"].filter((k) => mod[k]);
  const att = e.attribution || {};
  const place = e.location ? `${e.location.name || e.location.text} (${e.location.country || "?"})` : "—";
  return el("article", { class: "evt", "data-event": e.event_id },
    el("header", {},
      el("span", { class: "code" }, e.cameo), el("strong", {}, e.cameo_name), quadBadge(e.quad_class),
      flags.length ? el("span", { class: "badge" }, flags.join(", ")) : null,
      e.historical ? el("span", { class: "badge hist" }, "historical") : null),
    el("dl", {},
      el("dt", {}, "Who"), el("dd", {}, actorLabel(e.source && e.source.code, e.source && e.source.text), " → ",
        e.target ? actorLabel(e.target.code, e.target.text) : "no target"),
      el("dt", {}, "Event word"), el("dd", {}, e.trigger ? e.trigger.text : "—"),
      el("dt", {}, "When"), el("dd", {}, `${e.date || "undated"} (${e.date_precision}, ${e.date_basis})`),
      el("dt", {}, "On whose word"), el("dd", {}, att.speaker ? `${att.speaker.text} (${att.speaker.code || "?"})${att.verb ? `, ${att.verb}` : ""}` : `the outlet${att.outlet ? ` (${att.outlet})` : ""}`),
      el("dt", {}, "Where"), el("dd", {}, place),
      el("dt", {}, "Goldstein"), el("dd", {}, `${e.goldstein} · PLOVER ${e.plover || "—"} · confidence ${e.confidence}`)),
    el("button", { type: "button", class: "link show-event", onclick: onSelect }, "Show in text"));
}

// ---- network ------------------------------------------------------------------------------------------
async function networkPage() {
  controls([
    { name: "since", label: "Since", type: "date" },
    { name: "until", label: "Until", type: "date" },
    { name: "level", label: "Level", type: "select", options: ["country", "code"], value: "country" },
    { name: "historical", label: "Include historical", type: "checkbox", value: false },
  ], renderNetwork);
  await renderNetwork();
}

async function renderNetwork() {
  const body = await api("/api/network", { since: params.get("since"), until: params.get("until"), level: params.get("level"), historical: params.get("historical") }, { twin: true });
  const nodes = [...body.nodes].sort((x, y) => y.events - x.events).slice(0, 40);
  const keep = new Set(nodes.map((n) => n.id));
  const links = body.links.filter((l) => keep.has(l.source) && keep.has(l.target) && l.source !== l.target);
  status(`${body.nodes.length} actors, ${body.links.length} directed pairs${body.nodes.length > 40 ? " (the 40 most active drawn)" : ""}. Solid arrows: mostly cooperation; dashed: mostly conflict.`);
  const W = 1180, H = 620, cx = W / 2, cy = H / 2, R = 250;
  const pos = new Map(nodes.map((n, i) => [n.id, [cx + R * Math.cos((2 * Math.PI * i) / nodes.length - Math.PI / 2), cy + R * Math.sin((2 * Math.PI * i) / nodes.length - Math.PI / 2)]]));
  const peak = Math.max(1, ...nodes.map((n) => n.events));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", class: "network",
    "aria-label": `Network of ${nodes.length} actors; the table below lists every edge` },
  svg("defs", {}, ["coop", "conf"].map((k) => svg("marker", { id: `arrow-${k}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
    svg("path", { d: "M0 0L10 5L0 10Z", fill: k === "coop" ? "#1f5fa8" : "#b5471b" })))));
  for (const l of links) {
    const [x1, y1] = pos.get(l.source), [x2, y2] = pos.get(l.target);
    const conflict = l.conflict > l.cooperation;
    const radius = (id) => 8 + 22 * Math.sqrt(nodes.find((n) => n.id === id).events / peak);
    const d = Math.hypot(x2 - x1, y2 - y1) || 1;
    const bend = 18; // curve so that A->B and B->A do not overlap
    const mx = (x1 + x2) / 2 - ((y2 - y1) / d) * bend, my = (y1 + y2) / 2 + ((x2 - x1) / d) * bend;
    const rs = radius(l.source), rt = radius(l.target);
    const ds = Math.hypot(mx - x1, my - y1) || 1, dt = Math.hypot(x2 - mx, y2 - my) || 1;
    const sx = x1 + ((mx - x1) / ds) * rs, sy = y1 + ((my - y1) / ds) * rs;
    const ex = x2 - ((x2 - mx) / dt) * rt, ey = y2 - ((y2 - my) / dt) * rt;
    chart.append(svg("path", { d: `M${sx} ${sy}Q${mx} ${my} ${ex} ${ey}`, fill: "none", class: conflict ? "edge conflict" : "edge cooperation",
      stroke: conflict ? "#b5471b" : "#1f5fa8", "stroke-width": 1 + Math.log2(1 + l.events), "stroke-dasharray": conflict ? "6 4" : null,
      "marker-end": `url(#arrow-${conflict ? "conf" : "coop"})` }, svg("title", {}, `${l.source} → ${l.target}: ${l.cooperation} cooperation, ${l.conflict} conflict`)));
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n.id);
    const r = 8 + 22 * Math.sqrt(n.events / peak);
    const link = svg("a", { href: `/timeline?actor=${encodeURIComponent(n.id)}`, "aria-label": `${n.id}: ${n.events} events; open its timeline` },
      svg("circle", { cx: x, cy: y, r, fill: "#fff", stroke: "#20262e", "stroke-width": 1.5 }),
      svg("text", { x, y: y + 4, "text-anchor": "middle", "font-weight": 600 }, n.id));
    chart.append(link);
  }
  const table = el("table", {}, el("thead", {}, el("tr", {}, ["Source", "Target", "Events", "Cooperation (▲)", "Conflict (▼)", "Goldstein sum"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, [...body.links].sort((x, y) => y.events - x.events).map((l) => el("tr", {},
      el("td", { class: "code" }, l.source), el("td", { class: "code" }, l.target), el("td", {}, l.events),
      el("td", {}, l.cooperation), el("td", {}, l.conflict), el("td", {}, l.goldstein)))));
  content(el("section", { class: "panel" }, chart), el("section", { class: "panel" }, el("h2", {}, "Edges"), table));
}

// ---- map ---------------------------------------------------------------------------------------------
async function mapPage() {
  controls([
    { name: "by", label: "Count by", type: "select", options: ["place", "source", "target"], value: "place" },
    { name: "since", label: "Since", type: "date" },
    { name: "until", label: "Until", type: "date" },
  ], renderMap);
  await renderMap();
}

async function renderMap() {
  const [base, body] = await Promise.all([
    api("/api/basemap"),
    api("/api/places", { by: params.get("by"), since: params.get("since"), until: params.get("until") }, { twin: true }),
  ]);
  const W = 1180, H = 590;
  const px = (lon) => ((lon + 180) / 360) * W, py = (lat) => ((90 - lat) / 180) * H;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", class: "map",
    "aria-label": `Map of events by ${body.by}; the table below lists every country` });
  chart.append(svg("rect", { width: W, height: H, fill: "#f1f4f7" }));
  for (let lon = -180; lon <= 180; lon += 30) chart.append(svg("line", { class: "grid", x1: px(lon), x2: px(lon), y1: 0, y2: H }));
  for (let lat = -60; lat <= 60; lat += 30) chart.append(svg("line", { class: "grid", x1: 0, x2: W, y1: py(lat), y2: py(lat) }));
  chart.append(svg("g", { fill: "#c3cad1" }, base.points.map(([lat, lon]) => svg("rect", { x: px(lon) - 2.6, y: py(lat) - 2.6, width: 5.2, height: 5.2 }))));
  const drawn = body.places.filter((p) => p.lat !== null);
  const peak = Math.max(1, ...drawn.map((p) => p.events));
  for (const p of drawn) {
    const r = 5 + 28 * Math.sqrt(p.events / peak);
    const conflict = p.conflict > p.cooperation;
    chart.append(svg("a", { href: `/timeline?actor=${encodeURIComponent(p.country)}`, "aria-label": `${p.name}: ${p.events} events, ${p.cooperation} cooperation, ${p.conflict} conflict` },
      svg("circle", { cx: px(p.lon), cy: py(p.lat), r, fill: conflict ? "rgba(181,71,27,.45)" : "rgba(31,95,168,.45)",
        stroke: conflict ? "#b5471b" : "#1f5fa8", "stroke-width": 2, "stroke-dasharray": conflict ? "4 3" : null }),
      svg("text", { x: px(p.lon), y: py(p.lat) - r - 3, "text-anchor": "middle", "font-weight": 600 }, `${p.country} ${p.events}${conflict ? " ▼" : " ▲"}`)));
  }
  status(`${body.places.length} countries. Circle area ∝ events; solid ▲: mostly cooperation, dashed ▼: mostly conflict. Grey squares sketch where people live.`);
  const table = el("table", {}, el("thead", {}, el("tr", {}, ["Country", "Name", "Events", "Cooperation (▲)", "Conflict (▼)"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, body.places.map((p) => el("tr", {}, el("td", { class: "code" }, el("a", { href: `/timeline?actor=${encodeURIComponent(p.country)}` }, p.country)),
      el("td", {}, p.name), el("td", {}, p.events), el("td", {}, p.cooperation), el("td", {}, p.conflict)))));
  content(el("section", { class: "panel" }, chart), el("section", { class: "panel" }, el("h2", {}, "Countries"), table));
}

// ---- alerts -------------------------------------------------------------------------------------------
async function alertsPage() {
  controls([
    { name: "window_days", label: "Window (days)", value: "30", inputmode: "numeric" },
    { name: "baseline_windows", label: "Baseline windows", value: "6", inputmode: "numeric" },
    { name: "min_count", label: "Min. events", value: "3", inputmode: "numeric" },
    { name: "z", label: "z threshold", value: "2", inputmode: "decimal" },
    { name: "as_of", label: "As of", type: "date" },
  ], renderAlerts);
  await renderAlerts();
}

async function renderAlerts() {
  const q = Object.fromEntries(["window_days", "baseline_windows", "min_count", "z", "as_of"].map((k) => [k, params.get(k)]));
  const body = await api("/api/alerts", q, { twin: true });
  status(body.alerts.length ? `${body.alerts.length} dyad(s) above their baseline.` : "No dyad's conflict stands out against its baseline with these settings.");
  content(...body.alerts.map((a) => el("section", { class: "panel alert" },
    el("h2", {}, el("a", { href: `/dyad?a=${a.a}&b=${a.b}` }, `▼ ${a.a} – ${a.b}`), ` z = ${a.z}`),
    el("p", {}, `${a.count} conflict event(s) from ${a.window_start} to ${a.window_end}, intensity ${a.intensity} (sum of |Goldstein|) against a baseline of ${a.baseline_mean} ± ${a.baseline_sd}.`),
    el("h3", {}, "Events that drove it"),
    el("ul", {}, a.drivers.map((c) => el("li", {}, `${c.date} `, el("span", { class: "code" }, `${c.source_code} ${c.cameo} ${c.target_code}`), ` ${c.cameo_name} (Goldstein ${c.goldstein}, ${c.n_reports} report(s)) `,
      el("a", { href: `/article?event=${encodeURIComponent(c.canonical_event_id)}` }, "Evidence ›")))))));
}

// ---- start -----------------------------------------------------------------------------------------------
const PAGES = { dyad: dyadPage, timeline: timelinePage, article: articlePage, network: networkPage, map: mapPage, alerts: alertsPage };
(PAGES[document.body.dataset.page] || dyadPage)().catch((e) => status(e.message, true));
