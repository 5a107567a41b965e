// The API's reference, drawn from the server's own /openapi.json: every path and
// method with its parameters, request body and answers, and a form to try each GET.
// Nothing is loaded from elsewhere, so it works without a network.

import {el} from "./dom.js";

const METHODS = ["get", "post", "put", "patch", "delete"];

// "#/components/schemas/Page" -> the schema it names
function resolve(doc, schema) {
  let seen = 0;
  while (schema && schema.$ref && seen++ < 20) {
    schema = schema.$ref.replace(/^#\//, "").split("/").reduce((at, key) => at?.[key], doc);
  }
  return schema || {};
}

// a schema's type in a few words: "string (at most 40)", "integer | null", "array of Event"
export function typeOf(doc, schema) {
  if (!schema || Object.keys(schema).length === 0) return "any";
  if (schema.$ref) return schema.$ref.split("/").pop();
  const union = schema.anyOf || schema.oneOf;
  if (union) return union.map((part) => typeOf(doc, part)).join(" | ");
  if (schema.enum) return `one of ${schema.enum.join(", ")}`;
  if (schema.type === "array") return `array of ${typeOf(doc, schema.items)}`;
  const limits = [];
  if (schema.minimum !== undefined) limits.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) limits.push(`≤ ${schema.maximum}`);
  if (schema.maxLength !== undefined) limits.push(`at most ${schema.maxLength} characters`);
  if (schema.format) limits.push(schema.format);
  const name = schema.type || (schema.properties ? "object" : "any");
  return limits.length ? `${name} (${limits.join(", ")})` : name;
}

// the named schemas a schema leads to, in the order they are met
function named(doc, schema, found = new Set()) {
  if (!schema || typeof schema !== "object") return found;
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop();
    if (found.has(name)) return found;
    found.add(name);
    schema = resolve(doc, schema);
  }
  for (const part of [...(schema.anyOf || []), ...(schema.oneOf || []), ...(schema.allOf || []),
                      schema.items, schema.additionalProperties,
                      ...Object.values(schema.properties || {})]) {
    named(doc, part, found);
  }
  return found;
}

function shown(value) {
  return value === undefined ? "" : JSON.stringify(value);
}

function parameterTable(doc, parameters) {
  return el("table", {class: "params"},
    el("thead", {}, el("tr", {}, ["name", "in", "type", "default", "description"]
      .map((head) => el("th", {}, head)))),
    el("tbody", {}, parameters.map((p) => el("tr", {},
      el("td", {}, el("code", {}, p.name), p.required ? el("small", {}, " required") : null),
      el("td", {}, p.in),
      el("td", {}, typeOf(doc, p.schema)),
      el("td", {}, el("code", {}, shown(p.schema?.default))),
      el("td", {}, p.description || p.schema?.description || "")))));
}

function schemaBlock(doc, name) {
  const schema = resolve(doc, {$ref: `#/components/schemas/${name}`});
  const required = new Set(schema.required || []);
  const fields = Object.entries(schema.properties || {});
  return el("section", {class: "schema", id: `schema-${name}`},
    el("h3", {}, name),
    schema.description ? el("p", {}, schema.description) : null,
    fields.length ? el("table", {class: "params"},
      el("thead", {}, el("tr", {}, ["field", "type", "default", "description"]
        .map((head) => el("th", {}, head)))),
      el("tbody", {}, fields.map(([field, part]) => el("tr", {},
        el("td", {}, el("code", {}, field), required.has(field) ? el("small", {}, " required")
          : null),
        el("td", {}, typeOf(doc, part)),
        el("td", {}, el("code", {}, shown(part.default))),
        el("td", {}, part.description || resolve(doc, part).description || "")))))
      : el("p", {}, el("small", {}, typeOf(doc, schema))));
}

function bodyOf(content) {
  const json = content?.["application/json"];
  return json ? json.schema : undefined;
}

// a form for a GET: one input per parameter; the answer is shown as text
function tryIt(path, parameters) {
  const answer = el("pre", {class: "answer", hidden: true});
  const status = el("p", {class: "status"});
  const inputs = parameters.map((p) => {
    const placeholder = p.schema?.default !== undefined ? String(p.schema.default) : "";
    return [p, el("input", {name: p.name, placeholder, "aria-label": p.name,
                            required: p.in === "path"})];
  });
  const form = el("form", {class: "try", onsubmit: async (event) => {
    event.preventDefault();
    let url = path;
    const query = new URLSearchParams();
    for (const [p, input] of inputs) {
      const value = input.value.trim();
      if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(value));
      else if (p.in === "query" && value !== "") query.set(p.name, value);
    }
    if (query.toString()) url += `?${query}`;
    status.textContent = `GET ${url} …`;
    try {
      const response = await fetch(url, {headers: {accept: "application/json"}});
      const text = await response.text();
      let pretty = text;
      try { pretty = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON */ }
      status.textContent = `GET ${url}: ${response.status}`;
      answer.textContent = pretty;
      answer.hidden = false;
    } catch (error) {
      status.textContent = `GET ${url} failed: ${error.message}`;
    }
  }},
  el("h4", {}, "Try it"),
  inputs.map(([p, input]) => el("label", {}, el("span", {}, p.name), input)),
  el("button", {type: "submit"}, "Send"), status, answer);
  return form;
}

function operation(doc, path, method, op, common) {
  const parameters = [...common, ...(op.parameters || [])];
  const request = bodyOf(op.requestBody?.content);
  return el("article", {class: "operation", id: `${method}-${path}`, dataset: {path, method}},
    el("h2", {}, el("span", {class: `method ${method}`}, method.toUpperCase()), " ",
       el("code", {class: "path"}, path), op.summary ? ` ${op.summary}` : ""),
    op.description ? el("p", {class: "description"}, op.description) : null,
    parameters.length ? [el("h4", {}, "Parameters"), parameterTable(doc, parameters)] : null,
    request ? el("p", {class: "request"}, el("b", {}, "Request body: "),
                 el("code", {}, typeOf(doc, request)),
                 op.requestBody.required ? el("small", {}, " required") : null) : null,
    el("h4", {}, "Answers"),
    el("ul", {class: "responses"}, Object.entries(op.responses || {}).map(([code, answer]) =>
      el("li", {}, el("b", {}, code), ` ${answer.description || ""}`,
         bodyOf(answer.content) !== undefined
           ? [": ", el("code", {}, typeOf(doc, bodyOf(answer.content)))] : null))),
    method === "get" ? tryIt(path, parameters) : null);
}

export function render(doc) {
  const operations = [];
  const schemas = new Set();
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      operations.push(operation(doc, path, method, op, item.parameters || []));
      named(doc, bodyOf(op.requestBody?.content), schemas);
      for (const answer of Object.values(op.responses || {})) named(doc, bodyOf(answer.content),
                                                                    schemas);
    }
  }
  const info = doc.info || {};
  return [
    el("header", {class: "intro"},
      el("h1", {}, `${info.title || "API"} ${info.version || ""}`),
      info.description ? el("p", {class: "description"}, info.description) : null,
      el("nav", {class: "toc", "aria-label": "endpoints"},
        el("ul", {}, operations.map((node) => el("li", {},
          el("a", {href: `#${node.id}`}, `${node.dataset.method.toUpperCase()} `,
             el("code", {}, node.dataset.path))))))),
    operations,
    schemas.size ? el("section", {class: "schemas"}, el("h2", {}, "Schemas"),
                      [...schemas].sort().map((name) => schemaBlock(doc, name))) : null,
  ];
}

async function main() {
  const root = document.getElementById("apidocs");
  try {
    const response = await fetch("/openapi.json", {headers: {accept: "application/json"}});
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    root.replaceChildren(...render(await response.json()).flat().filter(Boolean));
  } catch (error) {
    root.replaceChildren(el("p", {class: "error"}, `The API's description could not be read: `
                            + `${error.message}`));
  }
}

main();
