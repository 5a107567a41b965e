// The analysts' page: event search, article view, dyad timeline, most active actors.
// One page; the part after # says what to show, so every view can be linked and the
// browser's back button works.

import {ApiError, api, el, fixed, link, number, parseHash, post, safeUrl} from "./dom.js";
import {QUAD_NAMES, describe, periodEnd, periodLabel, timelineChart} from "./chart.js";
import {articleMarks, lightUp, renderText} from "./highlight.js";

const view = document.getElementById("view");
const PAGE = 50;
let overview = null;

// -- shared pieces ------------------------------------------------------------------
function quadBadge(event) {
  const type = event.plover_type || (event.plover && event.plover.type);
  return el("span", {class: `badge q${event.quad}`, title: QUAD_NAMES[event.quad] || ""},
            type || "CAMEO " + event.cameo);
}

// A table cell: on a phone its label shows beside one box holding its content.
function cell(label, attrs, ...content) {
  return el("td", {"data-label": label, ...attrs}, el("div", {class: "cell"}, ...content));
}

function actorCode(code, name) {
  if (!code && !name) return el("span", {class: "none"}, "—");
  return el("span", {class: "side"}, el("b", {}, code || "?"),
            name ? el("small", {}, name) : null);
}

function problem(error) {
  const box = el("div", {class: "problem", role: "alert"},
                 el("strong", {}, error instanceof ApiError ? error.message : String(error)));
  if (error.fix) box.appendChild(el("p", {}, error.fix));
  return box;
}

function loading() {
  return el("p", {class: "loading"}, "Loading…");
}

function show(...children) {
  view.replaceChildren(...children.flat().filter(Boolean));
  window.scrollTo(0, 0);
}

function setNav(name) {
  for (const a of document.querySelectorAll("[data-nav]")) {
    a.classList.toggle("current", a.dataset.nav === name);
    if (a.dataset.nav === name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

function field(label, input, hint) {
  return el("label", {class: "field"}, el("span", {}, label), input,
            hint ? el("small", {}, hint) : null);
}

function typeSelect(value) {
  const types = overview ? overview.plover_types : [];
  return el("select", {name: "type"}, el("option", {value: ""}, "any type"),
            types.map((t) => el("option", {value: t, selected: t === value}, t)));
}

// Events as a table (cards on a phone): date, who, what, to whom, evidence, reports.
function eventsTable(rows) {
  const head = el("thead", {}, el("tr", {}, ["Date", "Source", "Event", "Target", "Evidence",
                                              "Reports"].map((h) => el("th", {scope: "col"}, h))));
  const body = el("tbody", {}, rows.map((e) => {
    const href = link(`#/article/${encodeURIComponent(e.article_id)}`, {event: e.event_id});
    return el("tr", {class: e.negated ? "negated" : null},
      cell("Date", {class: "date"}, e.date || "—"),
      cell("Source", {}, actorCode(e.source_code, e.source_name)),
      cell("Event", {}, quadBadge(e), " ",
           el("span", {class: "cameo"}, `${e.cameo} ${e.cameo_name}`),
           e.negated ? el("span", {class: "flag"}, "did not happen") : null),
      cell("Target", {}, actorCode(e.target_code, e.target_name)),
      cell("Evidence", {class: "evidence"},
           el("a", {href, class: "snippet"}, `“${e.snippet || e.trigger_text}”`),
           el("small", {}, e.article_title || e.article_id,
              e.article_source ? ` · ${e.article_source}` : "")),
      cell("Reports", {class: "num", title: "articles reporting this event's story"},
           number(e.story_articles)));
  }));
  return el("div", {class: "table-wrap"}, el("table", {class: "events"}, head, body));
}

function pager(page, hrefFor) {
  const from = page.total ? page.offset + 1 : 0;
  const to = page.offset + page.rows.length;
  const prev = page.offset > 0 ? hrefFor(Math.max(0, page.offset - page.limit)) : null;
  const next = page.next_offset !== null ? hrefFor(page.next_offset) : null;
  return el("nav", {class: "pager", "aria-label": "pages"},
    prev ? el("a", {href: prev, rel: "prev"}, "← Newer") : el("span"),
    el("span", {}, `${number(from)}–${number(to)} of ${number(page.total)}`),
    next ? el("a", {href: next, rel: "next"}, "Older →") : el("span"));
}

// -- events ---------------------------------------------------------------------------
async function eventsView(params) {
  setNav("events");
  const filters = {actor: params.get("actor") || "", a: params.get("a") || "",
                   b: params.get("b") || "", type: params.get("type") || "",
                   since: params.get("since") || "", until: params.get("until") || ""};
  const offset = Number(params.get("offset") || 0);
  const form = el("form", {class: "filters", role: "search"},
    field("Actor", el("input", {name: "actor", value: filters.actor, placeholder: "RUS, putin",
                                autocomplete: "off"}), "code or part of a name"),
    el("fieldset", {class: "dyad-fields"}, el("legend", {}, "Dyad (between two actors)"),
       el("input", {name: "a", value: filters.a, placeholder: "CHN", "aria-label": "first actor code",
                    autocomplete: "off"}),
       el("span", {"aria-hidden": "true"}, "⇄"),
       el("input", {name: "b", value: filters.b, placeholder: "RUS", "aria-label": "second actor code",
                    autocomplete: "off"})),
    field("Type", typeSelect(filters.type)),
    field("From", el("input", {type: "date", name: "since", value: filters.since})),
    field("To", el("input", {type: "date", name: "until", value: filters.until})),
    el("div", {class: "buttons"}, el("button", {type: "submit"}, "Search"),
       el("a", {href: "#/", class: "clear"}, "Clear")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    location.hash = link("#/events", data);
  });
  const results = el("section", {class: "results", "aria-label": "events found"}, loading());
  const aside = el("aside", {class: "top-actors"}, el("h2", {}, "Most active actors"), loading());
  show(el("section", {class: "intro"}, el("h1", {}, "Events"),
          el("p", {}, "Who did what to whom, coded from the stored news. Each row is one " +
                      "event; its evidence links to the article it comes from.")),
       form, el("div", {class: "with-aside"}, results, aside));
  fillTopActors(aside);
  const dyad = filters.a && filters.b ? `${filters.a},${filters.b}` : null;
  if ((filters.a || filters.b) && !dyad) {
    results.replaceChildren(problem(new Error("Give both actors of the dyad, e.g. CHN and RUS.")));
    return;
  }
  try {
    const page = await api("/events", {actor: filters.actor, dyad, type: filters.type,
                                       since: filters.since, until: filters.until,
                                       limit: PAGE, offset});
    const heading = el("p", {class: "count"},
      el("strong", {}, number(page.total)), ` event${page.total === 1 ? "" : "s"}`,
      dyad ? el("a", {class: "to-chart", href: link(`#/dyad/${encodeURIComponent(filters.a)}/${encodeURIComponent(filters.b)}`,
                                                        {since: filters.since, until: filters.until})},
                `Chart ${filters.a.toUpperCase()} ⇄ ${filters.b.toUpperCase()} over time →`) : null);
    if (!page.rows.length) {
      results.replaceChildren(heading, el("p", {class: "empty"},
        overview && overview.events === 0
          ? "The store holds no events yet: add articles with `communique ingest FILE --db STORE`."
          : "No events match. Try fewer filters, or a code prefix (RUS matches RUSGOV)."));
      return;
    }
    results.replaceChildren(heading, eventsTable(page.rows),
                            pager(page, (o) => link("#/events", {...filters, offset: o || null})));
  } catch (error) {
    results.replaceChildren(problem(error));
  }
}

async function fillTopActors(aside, limit = 10) {
  try {
    const page = await api("/actors", {limit});
    const most = Math.max(1, ...page.rows.map((r) => r.events));
    aside.replaceChildren(aside.firstChild, el("ol", {class: "actor-bars"}, page.rows.map((r) =>
      el("li", {}, el("a", {href: link("#/events", {actor: r.code})},
        el("span", {class: "name"}, el("b", {}, r.code), " ", el("small", {}, r.name || "")),
        el("span", {class: "bar-track"}, el("span", {class: `bar-fill w${Math.round(10 * r.events / most)}`})),
        el("span", {class: "num"}, number(r.events)))))),
      el("a", {href: "#/actors", class: "more"}, "All actors →"));
  } catch (error) {
    aside.replaceChildren(aside.firstChild, problem(error));
  }
}

// -- one article ----------------------------------------------------------------------
async function articleView(id, params) {
  setNav(null);
  show(loading());
  let record;
  try {
    record = await api(`/articles/${encodeURIComponent(id)}`);
  } catch (error) {
    show(el("h1", {}, "Article"), problem(error));
    return;
  }
  const {marks, colour} = articleMarks(record);
  const {container, pieces} = renderText(record.text, marks);
  const url = safeUrl(record.url);
  const cards = record.events.map((e) => eventCard(e, record, colour));
  const choose = (eventId, scroll) => {
    lightUp(pieces, eventId);
    for (const card of cards) card.classList.toggle("chosen", card.dataset.event === eventId);
    if (scroll && eventId) {
      const target = container.querySelector(`.trigger[data-event="${CSS.escape(eventId)}"]`);
      if (target) target.scrollIntoView({block: "center", behavior: "smooth"});
    }
  };
  for (const card of cards) {
    card.addEventListener("click", () => choose(card.dataset.event, true));
    card.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        choose(card.dataset.event, true);
      }
    });
  }
  container.addEventListener("click", (ev) => {
    const trigger = ev.target.closest(".trigger");
    if (!trigger) return;
    choose(trigger.dataset.event, false);
    const card = cards.find((c) => c.dataset.event === trigger.dataset.event);
    if (card) card.scrollIntoView({block: "nearest", behavior: "smooth"});
  });
  const eventsList = cards.length ? el("ol", {class: "event-cards"}, cards)
    : el("p", {class: "empty"}, "No events were coded in this article.");
  const why = explainer(record, cards);
  show(
    el("p", {class: "crumbs"}, el("a", {href: "#/"}, "Events"), " › article"),
    el("article", {class: "doc"},
      el("header", {},
        el("h1", {}, record.title || record.id),
        el("p", {class: "meta"}, [record.date, record.source].filter(Boolean).join(" · "),
           url ? [" · ", el("a", {href: url, rel: "noopener noreferrer nofollow",
                                  target: "_blank"}, "original")] : null,
           el("span", {class: "id"}, ` · id ${record.id}`))),
      legend(),
      // on a phone the events come after the whole text
      el("button", {type: "button", class: "jump",
                    onclick: () => eventsList.scrollIntoView({behavior: "smooth"})},
         `${record.events.length} events ↓`),
      el("div", {class: "article-grid"},
        el("section", {class: "text-panel", "aria-label": "article text"}, container),
        el("aside", {class: "side-panel"},
          el("section", {}, el("h2", {}, `Events (${record.events.length})`), why.button,
             eventsList, why.dropped),
          el("section", {}, el("h2", {}, `Actors (${record.actors.length})`),
             el("ul", {class: "actor-list"}, record.actors.map((a) => el("li", {},
               el("span", {class: `swatch a${colour.get(a.id)}`}),
               el("a", {href: link("#/events", {actor: a.code || a.name})}, a.name),
               a.code ? el("b", {class: "code"}, a.code) : null,
               a.title ? el("small", {}, a.title) : null,
               el("small", {class: "count"}, `${a.mentions.length}×`))))),
          record.quotes.length ? el("section", {}, el("h2", {}, `Quotes (${record.quotes.length})`),
             el("ul", {class: "quote-list"}, record.quotes.map((q) => el("li", {},
               el("b", {}, q.speaker ? q.speaker.name : "unattributed"),
               el("small", {}, ` ${q.kind}` + (q.parts && q.parts.length > 1 ?
                 `, ${q.parts.length} parts` : "")), el("q", {}, q.text))))) : null))));
  const wanted = params.get("event");
  if (wanted && record.events.some((e) => e.id === wanted)) choose(wanted, true);
}

// "Why these events?": the article coded again with explain, each card given the rules
// that shaped its event, and the drafts the rules dropped listed below the cards.
function explainer(record, cards) {
  const dropped = el("section", {class: "dropped", hidden: true, "aria-label": "dropped drafts"});
  const button = el("button", {type: "button", class: "explain", "aria-expanded": "false"},
                    "Why these events?");
  let shown = false;
  button.addEventListener("click", async () => {
    shown = !shown;
    button.setAttribute("aria-expanded", String(shown));
    for (const node of document.querySelectorAll(".event-card .rules")) node.hidden = !shown;
    dropped.hidden = !shown;
    if (!shown || button.dataset.loaded) return;
    button.textContent = "Reading the rules…";
    try {
      const coded = await post("/code", {text: record.text, date: record.date, id: record.id},
                               {explain: true});
      for (const card of cards) {
        const stored = record.events.find((e) => e.id === card.dataset.event);
        const again = coded.events.find((e) => stored && e.cameo === stored.cameo &&
                                        e.trigger.start === stored.trigger.start);
        card.append(el("p", {class: "rules"}, el("b", {}, "Rules: "),
          again ? again.rules.join(", ") : "not coded so now (the rules have changed since)"));
      }
      dropped.append(el("h3", {}, `Dropped drafts (${coded.dropped.length})`),
        el("ul", {}, coded.dropped.map((d) => el("li", {},
          el("b", {}, d.code || "—"), ` “${d.trigger.text}”: `,
          `${d.source ? d.source.name : "no one"} → ${d.target ? d.target.name : "no one"}`,
          el("small", {}, ` dropped by ${d.dropped_by}`)))));
      button.dataset.loaded = "1";
    } catch (error) {
      dropped.append(el("p", {class: "error"}, `The rules could not be shown: ${error.message}`));
    }
    button.textContent = "Why these events?";
  });
  return {button, dropped};
}

function legend() {
  return el("div", {class: "legend", "aria-label": "what the colours mean"},
    el("span", {}, el("span", {class: "mark actor a0"}, "Actor"), " names (a colour each)"),
    el("span", {}, el("span", {class: "mark trigger q1"}, "cooperation"), " ",
       el("span", {class: "mark trigger q4"}, "conflict"), " ",
       el("span", {class: "mark trigger q0"}, "statement"), " event words"),
    el("span", {}, el("span", {class: "mark quote"}, "quoted"), " speech"),
    el("span", {class: "tip"}, "Choose an event to see its sentence and sides."));
}

function eventCard(e, record, colour) {
  const side = (s) => {
    if (!s) return el("span", {class: "none"}, "no one named");
    return el("span", {class: `side-chip a${colour.get(s.actor) ?? "x"}`},
              el("b", {}, s.code || "?"), " ", el("small", {}, s.name));
  };
  const plover = e.plover || {};
  const facts = [
    ["PLOVER", [plover.type, plover.mode].filter(Boolean).join(" / ") || "—"],
    ["Class", `${QUAD_NAMES[e.quad] || e.quad} · Goldstein ${e.goldstein === null ? "—" : fixed(e.goldstein)}`],
    ["Trigger", `“${e.trigger.text}” (characters ${e.trigger.start}–${e.trigger.end})`],
    ["Sentence", String(e.sentence + 1)],
    ["Date", e.date ? `${e.date}${e.date_end && e.date_end !== e.date ? " to " + e.date_end : ""}` +
                      (e.date_text ? ` (“${e.date_text}”)` : " (the article's date)") : "—"],
    ["Place", e.location ? `${e.location.name}${e.location.country ? ", " + e.location.country : ""}` : "—"],
    ["Confidence", fixed(e.confidence, 2)],
  ];
  return el("li", {class: `event-card q${e.quad}${e.negated ? " negated" : ""}`, tabindex: 0,
                   dataset: {event: e.id}, "aria-label": `event ${e.id}`},
    el("div", {class: "what"}, el("span", {class: "eid"}, e.id), quadBadge(e),
       el("span", {class: "cameo-name"}, `${e.cameo} ${e.cameo_name}`)),
    el("div", {class: "who"}, side(e.source),
       el("span", {class: "arrow", title: e.reciprocal ? "together (reciprocal)" : "to"},
          e.reciprocal ? "⇄" : "→"), side(e.target)),
    e.negated ? el("p", {class: "flag"}, "Negated: the text says it did not happen") : null,
    el("blockquote", {}, e.snippet),
    el("dl", {}, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
}

// -- a dyad over time -----------------------------------------------------------------
const timelines = new Map();

async function timeline(a, b, params) {
  const key = JSON.stringify([a, b, params]);
  if (!timelines.has(key)) {
    timelines.set(key, api(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, params)
      .catch((error) => {
        timelines.delete(key);
        throw error;
      }));
  }
  return timelines.get(key);
}

// "auto": weeks, unless they would be too many to see; then months, then years
async function chosenTimeline(a, b, period, filters) {
  if (period !== "auto") return timeline(a, b, {...filters, period});
  for (const [p, most] of [["week", 160], ["month", 160], ["year", Infinity]]) {
    const result = await timeline(a, b, {...filters, period: p});
    const rows = result.rows;
    if (!rows.length) return result;
    const span = p === "week" ? (Date.parse(rows[rows.length - 1].period) - Date.parse(rows[0].period)) / 6048e5
      : p === "month" ? rows.length : 0;
    if (span <= most) return result;
  }
  return timeline(a, b, {...filters, period: "year"});
}

async function dyadView(a, b, params) {
  setNav("dyad");
  a = (a || "").toUpperCase();
  b = (b || "").toUpperCase();
  const filters = {since: params.get("since") || "", until: params.get("until") || "",
                   directed: params.get("directed") === "1", planned: params.get("planned") === "1"};
  const period = params.get("period") || "auto";
  const at = params.get("at");
  const form = el("form", {class: "filters", role: "search"},
    el("fieldset", {class: "dyad-fields"}, el("legend", {}, "Dyad"),
       el("input", {name: "a", value: a, placeholder: "CHN", "aria-label": "first actor code", required: true}),
       el("span", {"aria-hidden": "true"}, "⇄"),
       el("input", {name: "b", value: b, placeholder: "RUS", "aria-label": "second actor code", required: true})),
    field("Per", el("select", {name: "period"}, ["auto", "week", "month", "year"].map((p) =>
      el("option", {value: p, selected: p === period}, p)))),
    field("From", el("input", {type: "date", name: "since", value: filters.since})),
    field("To", el("input", {type: "date", name: "until", value: filters.until})),
    el("label", {class: "check"}, el("input", {type: "checkbox", name: "directed", value: "1",
                                               checked: filters.directed}),
       " only first → second"),
    el("label", {class: "check", title: "Events dated after their article's date: plans, promises, invitations accepted"},
       el("input", {type: "checkbox", name: "planned", value: "1", checked: filters.planned}),
       " count plans apart"),
    el("div", {class: "buttons"}, el("button", {type: "submit"}, "Show")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    location.hash = link(`#/dyad/${encodeURIComponent(data.a.trim())}/${encodeURIComponent(data.b.trim())}`,
                         {period: data.period === "auto" ? null : data.period, since: data.since,
                          until: data.until, directed: data.directed, planned: data.planned});
  });
  const intro = el("section", {class: "intro"}, el("h1", {}, a && b ? `${a} ⇄ ${b}` : "Dyads"),
    el("p", {}, "How relations between two actors move over time: events per period, " +
                "cooperation above the line and conflict below, with the mean Goldstein score " +
                "(−10 most hostile, +10 most cooperative). Click a bar to list its events."));
  if (!a || !b) {
    const suggestions = el("section", {class: "suggest"}, el("h2", {}, "Pairs among the most active actors"), loading());
    show(intro, form, suggestions);
    suggestDyads(suggestions);
    return;
  }
  const chartBox = el("figure", {class: "chart"}, loading());
  const below = el("section", {class: "period-events"});
  show(intro, form, chartBox, below);
  let result;
  try {
    result = await chosenTimeline(a, b, period, {since: filters.since, until: filters.until,
                                                directed: filters.directed,
                                                planned: filters.planned});
  } catch (error) {
    chartBox.replaceChildren(problem(error));
    return;
  }
  const chosen = result.period;
  const rows = result.rows;
  if (!rows.length) {
    chartBox.replaceChildren(el("p", {class: "empty"},
      `No dated events between ${a} and ${b}. Codes are prefixes: try the country codes (e.g. CHN, RUS).`));
    return;
  }
  const hrefFor = (row) => link(`#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`,
    {period: period === "auto" ? null : period, since: filters.since, until: filters.until,
     directed: filters.directed ? "1" : null, planned: filters.planned ? "1" : null, at: row.period});
  const draw = () => {
    const width = Math.max(320, chartBox.clientWidth || 900);
    const narrow = width < 560;
    const svgChart = timelineChart(rows, {period: chosen, width, height: narrow ? 240 : 300,
                                          hrefFor, selected: at, label: `${a} and ${b}, events per ${chosen}`});
    chartBox.replaceChildren(summary(rows, filters.planned), svgChart, chartLegend(chosen, filters.planned),
                             periodTable(rows, chosen, hrefFor, filters.planned));
  };
  draw();
  watchWidth(chartBox, draw);
  const dyad = `${a},${b}`;
  const range = at ? {since: at, until: periodEnd(at, chosen)} : {since: filters.since, until: filters.until};
  below.replaceChildren(el("h2", {}, at ? `Events in the ${chosen} of ${periodLabel(at, chosen)}`
                                        : "Latest events"), loading());
  try {
    const page = await api("/events", {dyad, directed: filters.directed, ...range, limit: PAGE});
    const row = at ? rows.find((r) => r.period === at) : null;
    below.replaceChildren(...[below.firstChild,
      row ? el("p", {class: "count"}, describe(row, chosen).replace(" · click to list them", "")) : null,
      page.rows.length ? eventsTable(page.rows) : el("p", {class: "empty"}, "No events."),
      el("p", {}, el("a", {href: link("#/events", {a, b, ...range})},
                      `All ${number(page.total)} in the event search →`))].filter(Boolean));
  } catch (error) {
    below.replaceChildren(below.firstChild, problem(error));
  }
}

let resizeObserver = null;
function watchWidth(box, draw) {
  if (resizeObserver) resizeObserver.disconnect();
  let width = box.clientWidth;
  let pending = null;
  resizeObserver = new ResizeObserver(() => {
    if (Math.abs(box.clientWidth - width) < 24) return;
    width = box.clientWidth;
    clearTimeout(pending);
    pending = setTimeout(draw, 150);
  });
  resizeObserver.observe(box);
}

function summary(rows, planned) {
  const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
  const events = total("events");
  const cooperation = total("verbal_cooperation") + total("material_cooperation");
  const conflict = total("verbal_conflict") + total("material_conflict");
  const weighted = rows.reduce((sum, r) => sum + (r.goldstein ?? 0) * r.events, 0);
  const share = (n) => (events ? ` (${Math.round((100 * n) / events)}%)` : "");
  return el("div", {class: "figures"},
    figure("Events", number(events)),
    figure("Cooperation", number(cooperation) + share(cooperation), "q2"),
    figure("Conflict", number(conflict) + share(conflict), "q4"),
    figure("Mean Goldstein", events ? fixed(weighted / events) : "—"),
    planned ? figure("Planned (not in the bars)", number(total("planned"))) : null);
}

function figure(label, value, quad) {
  return el("div", {class: `figure${quad ? " " + quad : ""}`}, el("span", {}, label), el("b", {}, value));
}

function chartLegend(period, planned) {
  return el("figcaption", {class: "legend"},
    [[2, "material cooperation"], [1, "verbal cooperation"], [0, "statements, appeals"],
     [3, "verbal conflict"], [4, "material conflict"]].map(([q, name]) =>
      el("span", {}, el("span", {class: `swatch q${q}`}), name)),
    el("span", {}, el("span", {class: "swatch line"}), "mean Goldstein"),
    el("span", {class: "tip"}, `Bars: events per ${period}, dated up to their article's date. ` +
       (planned ? "Plans and promises dated later are counted apart, in the table. "
                : "Plans and promises dated later are left out. ") + "Click a bar to list its events."));
}

function periodTable(rows, period, hrefFor, planned) {
  return el("details", {class: "period-table"}, el("summary", {}, "The numbers"),
    el("div", {class: "table-wrap"}, el("table", {},
      el("thead", {}, el("tr", {}, [period, "events", "m-coop", "v-coop", "stmt", "v-confl", "m-confl", "Goldstein"]
        .concat(planned ? ["planned"] : []).map((h) => el("th", {scope: "col"}, h)))),
      el("tbody", {}, rows.map((r) => el("tr", {},
        el("td", {}, el("a", {href: hrefFor(r)}, periodLabel(r.period, period))),
        [r.events, r.material_cooperation, r.verbal_cooperation, r.statement,
         r.verbal_conflict, r.material_conflict].map((n) => el("td", {class: "num"}, number(n))),
        el("td", {class: "num"}, fixed(r.goldstein)),
        planned ? el("td", {class: "num"}, number(r.planned)) : null))))));
}

async function suggestDyads(box) {
  try {
    const page = await api("/actors", {limit: 20});
    // a country stands for its actors (RUSGOV, RUSMIL: RUS); a body keeps its own code
    // (IGOUNO); a sector without a country (GOV) is no side of a dyad
    const bodies = ["IGO", "NGO", "IMG", "MNC"];
    const codes = [...new Set(page.rows.map((r) => (
      r.country && !bodies.includes(r.country) ? r.country
        : r.code && bodies.includes(r.code.slice(0, 3)) && r.code.length > 3 ? r.code : null))
      .filter(Boolean))].slice(0, 4);
    const pairs = [];
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++) pairs.push([codes[i], codes[j]]);
    }
    box.replaceChildren(box.firstChild, pairs.length
      ? el("ul", {class: "pairs"}, pairs.map(([x, y]) =>
          el("li", {}, el("a", {href: `#/dyad/${encodeURIComponent(x)}/${encodeURIComponent(y)}`}, `${x} ⇄ ${y}`))))
      : el("p", {class: "empty"}, "The store holds no events yet."));
  } catch (error) {
    box.replaceChildren(box.firstChild, problem(error));
  }
}

// -- actors ---------------------------------------------------------------------------
async function actorsView(params) {
  setNav("actors");
  const q = params.get("q") || "";
  const by = params.get("by") === "name" ? "name" : "code";
  const offset = Number(params.get("offset") || 0);
  const form = el("form", {class: "filters", role: "search"},
    field("Search", el("input", {name: "q", value: q, placeholder: "RUS, putin", autocomplete: "off"}),
          "code prefix or part of a name"),
    field("Rank", el("select", {name: "by"},
      el("option", {value: "code", selected: by === "code"}, "actor codes (RUSGOV)"),
      el("option", {value: "name", selected: by === "name"}, "names (Vladimir Putin)"))),
    el("div", {class: "buttons"}, el("button", {type: "submit"}, "Search")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = link("#/actors", Object.fromEntries(new FormData(form)));
  });
  const results = el("section", {class: "results"}, loading());
  show(el("section", {class: "intro"}, el("h1", {}, "Most active actors"),
          el("p", {}, "Actors ranked by the events they take part in, as source or target " +
                      "(events the text says did not happen are not counted).")),
       form, results);
  try {
    const page = await api("/actors", {q, by, limit: PAGE, offset});
    if (!page.rows.length) {
      results.replaceChildren(el("p", {class: "empty"}, "No actors match."));
      return;
    }
    const most = Math.max(1, ...page.rows.map((r) => r.events));
    results.replaceChildren(el("div", {class: "table-wrap"}, el("table", {class: "actors"},
      el("thead", {}, el("tr", {}, ["#", "Actor", "Name", "Events", "As source", "As target",
                                     "Mean Goldstein"].map((h) => el("th", {scope: "col"}, h)))),
      el("tbody", {}, page.rows.map((r, i) => {
        const actor = r.code || r.name;
        return el("tr", {},
          cell("#", {class: "num"}, String(offset + i + 1)),
          cell("Actor", {}, el("a", {href: link("#/events", {actor})}, el("b", {}, r.code || "—"))),
          cell("Name", {}, r.name || "", r.country ? el("small", {}, ` ${r.country}`) : null),
          cell("Events", {class: "num"},
               el("span", {class: "bar-track"}, el("span", {class: `bar-fill w${Math.round(10 * r.events / most)}`})),
               " ", number(r.events)),
          cell("As source", {class: "num"}, number(r.as_source)),
          cell("As target", {class: "num"}, number(r.as_target)),
          cell("Mean Goldstein", {class: `num ${r.goldstein > 0 ? "pos" : r.goldstein < 0 ? "neg" : ""}`},
               fixed(r.goldstein)));
      })))), pager(page, (o) => link("#/actors", {q, by: by === "code" ? null : by, offset: o || null})));
  } catch (error) {
    results.replaceChildren(problem(error));
  }
}

// -- the frame ------------------------------------------------------------------------
async function showOverview() {
  const box = document.getElementById("store-summary");
  try {
    overview = await api("/overview");
    const span = overview.first_date ? ` · ${overview.first_date} to ${overview.last_date}` : "";
    box.textContent = `${number(overview.articles)} articles · ${number(overview.events)} events${span}`;
  } catch (error) {
    box.textContent = error.message;
  }
}

async function route() {
  const {parts, params} = parseHash(location.hash);
  const [name, ...rest] = parts;
  if (name === "article" && rest.length) return articleView(rest.join("/"), params);
  if (name === "dyad") return dyadView(rest[0], rest[1], params);
  if (name === "actors") return actorsView(params);
  return eventsView(params);
}

window.addEventListener("hashchange", route);
showOverview().then(route);
