// Building the page safely: every text from the store goes in as a text node or an
// attribute value, never as HTML, so an article holding <script> shows it as words.

const SVG_NS = "http://www.w3.org/2000/svg";

// el("a", {href: "#/", class: "x"}, "text", child, [more children])
export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

// Only web addresses become links: a stored URL may be anything, javascript: included.
export function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

export class ApiError extends Error {
  constructor(detail, status) {
    super(detail.message || `request failed (${status})`);
    this.fix = detail.fix || "";
    this.code = detail.code || "";
    this.status = status;
  }
}

// GET an endpoint with query parameters; empty ones are left out.
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "" && value !== false) {
      query.set(key, value);
    }
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, {headers: {accept: "application/json"}});
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError({message: `the server answered ${response.status} without JSON`},
                       response.status);
  }
  if (!response.ok) throw new ApiError(body.error || {}, response.status);
  return body;
}

// POST a JSON body to an endpoint (with query parameters, as for `api`).
export async function post(path, body, params = {}) {
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== false));
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, {method: "POST", body: JSON.stringify(body),
    headers: {accept: "application/json", "content-type": "application/json"}});
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    throw new ApiError({message: `the server answered ${response.status} without JSON`},
                       response.status);
  }
  if (!response.ok) throw new ApiError(answer.error || {}, response.status);
  return answer;
}

export function number(value) {
  return value === null || value === undefined ? "" : Number(value).toLocaleString("en");
}

export function fixed(value, digits = 1) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

// "#/events?actor=RUS" -> {parts: ["events"], params: URLSearchParams}
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#/, "");
  const cut = raw.indexOf("?");
  const path = cut < 0 ? raw : raw.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? "" : raw.slice(cut + 1));
  const parts = path.split("/").filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return {parts, params};
}

// "#/events", {actor: "RUS"} -> "#/events?actor=RUS" (empty values left out)
export function link(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "" && value !== false) {
      query.set(key, value);
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
