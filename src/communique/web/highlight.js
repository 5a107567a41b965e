// The article's text with its actors, event triggers and quotes marked in colour.
//
// Marks may overlap (a trigger inside a quote, a name inside a quote), so the text is
// cut at every mark's start and end, and each piece carries all the marks covering it:
// one sweep over the sorted boundaries, linear in the marks.

import {el} from "./dom.js";

export const ACTOR_COLOURS = 8;

// marks: [{start, end, kind: "actor"|"trigger"|"side"|"quote"|"sentence", ...}]
// -> [{start, end, marks: [...]}], covering the whole text in order
export function segment(text, marks) {
  const length = text.length;
  const points = [];
  marks.forEach((mark, index) => {
    const start = Math.max(0, Math.min(length, mark.start | 0));
    const end = Math.max(0, Math.min(length, mark.end | 0));
    if (end > start) {
      points.push([start, 1, index], [end, 0, index]);  // at a position: ends first
    }
  });
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pieces = [];
  const open = new Set();
  let position = 0;
  for (const [at, opens, index] of points) {
    if (at > position) {
      pieces.push({start: position, end: at, marks: [...open].map((i) => marks[i])});
      position = at;
    }
    if (opens) open.add(index);
    else open.delete(index);
  }
  if (position < length) pieces.push({start: position, end: length, marks: []});
  return pieces;
}

// The sentence around a character offset, by punctuation: for showing an event's
// sentence (the record keeps its index, not its offsets).
export function sentenceAround(text, offset) {
  const ending = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])|\n/g;
  let start = 0;
  let end = text.length;
  let match;
  while ((match = ending.exec(text)) !== null) {
    const stop = match.index + match[0].length;
    if (isAbbreviation(text, match.index)) continue;
    if (stop <= offset) start = stop;
    else if (match.index >= offset) {
      end = match.index + match[0].trimEnd().length;
      break;
    }
  }
  return {start, end};
}

function isAbbreviation(text, dot) {
  const word = text.slice(Math.max(0, dot - 4), dot).split(/\s/).pop();
  return /^(Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Jr|Sr|No|U\.S|U\.N|[A-Z])$/.test(word);
}

// The marks of an article record: each actor's mentions, each event's trigger, sides
// and sentence, each quote.
export function articleMarks(record) {
  const marks = [];
  const colour = new Map();
  record.actors.forEach((actor, index) => {
    colour.set(actor.id, index % ACTOR_COLOURS);
    for (const mention of actor.mentions || []) {
      marks.push({start: mention.start, end: mention.end, kind: "actor", actor: actor.id,
                  colour: index % ACTOR_COLOURS, title: actorTitle(actor)});
    }
  });
  for (const event of record.events) {
    const trigger = event.trigger || {};
    marks.push({start: trigger.start, end: trigger.end, kind: "trigger", event: event.id,
                quad: event.quad, negated: event.negated,
                title: `${event.id}: ${event.cameo} ${event.cameo_name}`});
    for (const side of [event.source, event.target]) {
      if (side) marks.push({start: side.start, end: side.end, kind: "side", event: event.id});
    }
    const sentence = sentenceAround(record.text, trigger.start || 0);
    marks.push({...sentence, kind: "sentence", event: event.id});
  }
  record.quotes.forEach((quote, index) => {
    // a quote broken by its attribution is marked part by part, the attribution not
    const parts = quote.parts && quote.parts.length ? quote.parts : [[quote.start, quote.end]];
    const title = `${quote.kind} quote` + (quote.speaker ? ` of ${quote.speaker.name}` : "");
    for (const [start, end] of parts) marks.push({start, end, kind: "quote", quote: index, title});
  });
  return {marks, colour};
}

function actorTitle(actor) {
  const code = actor.code ? ` (${actor.code})` : "";
  return `${actor.name}${code}${actor.title ? ", " + actor.title : ""}`;
}

// The text as elements; returns the container and the pieces, each knowing the events
// it belongs to (for lighting an event up).
export function renderText(text, marks) {
  const container = el("div", {class: "article-text", id: "article-text"});
  const pieces = [];
  for (const piece of segment(text, marks)) {
    const words = text.slice(piece.start, piece.end);
    if (!piece.marks.some((m) => m.kind !== "sentence")) {
      const node = el("span", {class: "plain"}, words);
      container.appendChild(node);
      pieces.push({node, events: new Set(), sentences: eventsOf(piece.marks, "sentence")});
      continue;
    }
    const classes = ["mark"];
    const titles = [];
    const trigger = piece.marks.find((m) => m.kind === "trigger");
    const actor = piece.marks.find((m) => m.kind === "actor");
    if (piece.marks.some((m) => m.kind === "quote")) classes.push("quote");
    if (actor) {
      classes.push("actor", `a${actor.colour}`);
      titles.push(actor.title);
    }
    if (trigger) {
      classes.push("trigger", `q${trigger.quad}`);
      if (trigger.negated) classes.push("negated");
      titles.push(trigger.title);
    }
    const quote = piece.marks.find((m) => m.kind === "quote");
    if (quote && !trigger && !actor) titles.push(quote.title);
    const attrs = {class: classes.join(" "), title: titles.join(" · ") || null};
    if (trigger) attrs.dataset = {event: trigger.event};
    if (actor) attrs.dataset = {...(attrs.dataset || {}), actor: actor.actor};
    const node = el("span", attrs, words);
    container.appendChild(node);
    const events = new Set([...eventsOf(piece.marks, "trigger"), ...eventsOf(piece.marks, "side")]);
    pieces.push({node, events, sentences: eventsOf(piece.marks, "sentence")});
  }
  return {container, pieces};
}

function eventsOf(marks, kind) {
  return new Set(marks.filter((m) => m.kind === kind).map((m) => m.event));
}

// Light up one event's trigger, sides and sentence (null: none).
export function lightUp(pieces, eventId) {
  for (const piece of pieces) {
    piece.node.classList.toggle("lit", eventId !== null && piece.events.has(eventId));
    piece.node.classList.toggle("lit-sentence",
                                eventId !== null && piece.sentences.has(eventId));
  }
}
