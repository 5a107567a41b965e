// The dyad timeline as an SVG chart, drawn here so that nothing is loaded from the
// internet. Bars: events per period, cooperation above the zero line (material, then
// verbal, then statements and appeals in grey), conflict below it (verbal, then
// material). Line: the mean Goldstein score, on the right axis (-10 conflict to +10
// cooperation), its zero on the bars' zero line. Each period is a link to its events.

import {svg} from "./dom.js";

export const QUAD_NAMES = ["statement or appeal", "verbal cooperation",
                           "material cooperation", "verbal conflict", "material conflict"];
const UP = [["material_cooperation", 2], ["verbal_cooperation", 1], ["statement", 0]];
const DOWN = [["verbal_conflict", 3], ["material_conflict", 4]];
const MIN_SHARE = 0.2;  // each side of the zero line keeps a fifth of the height

// "2026-02-02" + one period
export function nextPeriod(day, period) {
  const date = new Date(`${day}T00:00:00Z`);
  if (period === "week") date.setUTCDate(date.getUTCDate() + 7);
  else if (period === "month") date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

// The last day of the period starting on `day`.
export function periodEnd(day, period) {
  const date = new Date(`${nextPeriod(day, period)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

// Every period from the first row's to the last row's, empty ones included, so that
// the time axis is even.
export function fillPeriods(rows, period) {
  if (!rows.length) return [];
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  const last = rows[rows.length - 1].period;
  const filled = [];
  for (let day = rows[0].period; day <= last && filled.length < 5000;
       day = nextPeriod(day, period)) {
    filled.push(byPeriod.get(day) || {period: day, events: 0, statement: 0,
      verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0,
      material_conflict: 0, goldstein: null});
  }
  return filled;
}

export function periodLabel(day, period) {
  if (period === "year") return day.slice(0, 4);
  if (period === "month") return day.slice(0, 7);
  return day;
}

function niceStep(max, ticks) {
  const raw = Math.max(1, max) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return Math.max(1, step);
}

// rows: the API's timeline rows; hrefFor(row) -> link to the period's events.
export function timelineChart(rows, {period, width = 900, height = 300, hrefFor,
                                     selected = null, label = ""}) {
  const periods = fillPeriods(rows, period);
  const margin = {left: 46, right: 46, top: 30, bottom: 34};
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const up = (row) => UP.reduce((sum, [key]) => sum + row[key], 0);
  const down = (row) => DOWN.reduce((sum, [key]) => sum + row[key], 0);
  const maxUp = Math.max(0, ...periods.map(up));
  const maxDown = Math.max(0, ...periods.map(down));
  let upShare = maxUp + maxDown ? maxUp / (maxUp + maxDown) : 0.5;
  upShare = Math.min(1 - MIN_SHARE, Math.max(MIN_SHARE, upShare));
  const zero = margin.top + plotH * upShare;
  const perEvent = Math.min(plotH * upShare / Math.max(1, maxUp),
                            plotH * (1 - upShare) / Math.max(1, maxDown));
  const goldsteinY = (g) => (g >= 0 ? zero - (g / 10) * (zero - margin.top)
                                    : zero + (-g / 10) * (margin.top + plotH - zero));
  const slot = plotW / Math.max(1, periods.length);
  const barW = Math.max(1, Math.min(40, slot * 0.78));

  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, width, height,
                            class: "timeline", role: "img",
                            "aria-label": label || "timeline of events"});
  // count axis: gridlines at nice steps above and below zero
  const step = niceStep(Math.max(maxUp, maxDown), 4);
  for (let n = 0; zero - n * perEvent >= margin.top - 0.5; n += step) {
    axisLine(chart, zero - n * perEvent, n === 0 ? "zero" : "grid", margin, width, n);
  }
  for (let n = step; zero + n * perEvent <= margin.top + plotH + 0.5; n += step) {
    axisLine(chart, zero + n * perEvent, "grid", margin, width, n);
  }
  chart.appendChild(svg("text", {x: 6, y: 12, class: "axis-title"}, "events"));
  // Goldstein axis on the right
  for (const g of [10, 5, 0, -5, -10]) {
    const y = goldsteinY(g);
    chart.appendChild(svg("text", {x: width - margin.right + 6, y: y + 4,
                                   class: "axis-label goldstein-label"},
                          g > 0 ? `+${g}` : String(g)));
  }
  chart.appendChild(svg("text", {x: width - 4, y: 12, class: "axis-title goldstein-label",
                                 "text-anchor": "end"}, "Goldstein"));

  // bars, each period a link
  const labelEvery = Math.max(1, Math.ceil(periods.length / Math.max(2, Math.floor(plotW / 90))));
  periods.forEach((row, i) => {
    const x = margin.left + slot * i + (slot - barW) / 2;
    const group = svg("a", {href: hrefFor(row), class: row.period === selected ?
      "period selected" : "period", "aria-label": describe(row, period)});
    group.appendChild(svg("title", {}, describe(row, period)));
    group.appendChild(svg("rect", {x: margin.left + slot * i, y: margin.top,
                                   width: Math.max(1, slot), height: plotH, class: "hit"}));
    let top = zero;
    for (const [key, quad] of UP) {
      const h = row[key] * perEvent;
      if (h > 0) {
        top -= h;
        group.appendChild(svg("rect", {x, y: top, width: barW, height: h,
                                       class: `bar q${quad}`}));
      }
    }
    let bottom = zero;
    for (const [key, quad] of DOWN) {
      const h = row[key] * perEvent;
      if (h > 0) {
        group.appendChild(svg("rect", {x, y: bottom, width: barW, height: h,
                                       class: `bar q${quad}`}));
        bottom += h;
      }
    }
    chart.appendChild(group);
    if (i % labelEvery === 0) {
      chart.appendChild(svg("text", {x: margin.left + slot * (i + 0.5),
                                     y: height - margin.bottom + 18, class: "axis-label",
                                     "text-anchor": "middle"}, periodLabel(row.period, period)));
    }
  });

  // the Goldstein line, broken where a period has no events
  let path = "";
  let drawing = false;
  periods.forEach((row, i) => {
    if (row.goldstein === null || row.goldstein === undefined) {
      drawing = false;
      return;
    }
    const x = margin.left + slot * (i + 0.5);
    const y = goldsteinY(row.goldstein);
    path += `${drawing ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    drawing = true;
  });
  if (path) chart.appendChild(svg("path", {d: path, class: "goldstein-line"}));
  periods.forEach((row, i) => {
    if (row.goldstein === null || row.goldstein === undefined) return;
    chart.appendChild(svg("circle", {cx: margin.left + slot * (i + 0.5),
                                     cy: goldsteinY(row.goldstein), r: periods.length > 80 ? 1.6 : 3,
                                     class: "goldstein-dot"}));
  });
  return chart;
}

function axisLine(chart, y, kind, margin, width, n) {
  chart.appendChild(svg("line", {x1: margin.left, x2: width - margin.right, y1: y, y2: y,
                                 class: kind}));
  chart.appendChild(svg("text", {x: margin.left - 6, y: y + 4, class: "axis-label",
                                 "text-anchor": "end"}, String(n)));
}

export function describe(row, period) {
  const parts = [
    `${period === "week" ? "Week of " : ""}${periodLabel(row.period, period)}: ` +
    `${row.events} event${row.events === 1 ? "" : "s"}`];
  const counts = [["material_cooperation", "material cooperation"],
                  ["verbal_cooperation", "verbal cooperation"],
                  ["statement", "statements and appeals"],
                  ["verbal_conflict", "verbal conflict"],
                  ["material_conflict", "material conflict"]]
    .filter(([key]) => row[key]).map(([key, name]) => `${row[key]} ${name}`);
  if (counts.length) parts.push(counts.join(", "));
  if (row.goldstein !== null && row.goldstein !== undefined) {
    parts.push(`mean Goldstein ${row.goldstein > 0 ? "+" : ""}${Number(row.goldstein).toFixed(1)}`);
  }
  if (row.events) parts.push("click to list them");
  return parts.join(" · ");
}
