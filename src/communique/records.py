"""The record contract: what `communique code` prints and the Python API returns.

Field names here are the contract of DESIGN.md section 3. Records are plain data:
workers (local processes, Ray) pass them, never spaCy Docs. `to_dict()` gives the
JSON form; `Article.from_dict()` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    """A piece of the article: character offsets into its text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["start"], data["end"], data["text"])


@dataclass(slots=True)
class Actor:
    """Someone or something that acts: a person, organisation, group, country."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None  # an organisation's own short code: UNO, NAT, APC ...
    title: str | None = None
    mentions: list[Span] = field(default_factory=list)

    @property
    def code(self) -> str | None:
        return actor_code(self.country, self.sector, self.org)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
            "sector": self.sector, "org": self.org, "code": self.code, "title": self.title,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"], name=data["name"], kind=data["kind"], country=data.get("country"),
            sector=data.get("sector"), org=data.get("org"), title=data.get("title"),
            mentions=[Span.from_dict(m) for m in data.get("mentions", [])],
        )


@dataclass(slots=True)
class EventActor:
    """One side of an event: the actor and the span that names it in this event."""

    actor: str | None
    name: str
    country: str | None
    sector: str | None
    start: int
    end: int
    org: str | None = None

    @property
    def code(self) -> str | None:
        return actor_code(self.country, self.sector, self.org)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor, "name": self.name, "country": self.country,
            "sector": self.sector, "org": self.org, "code": self.code,
            "start": self.start, "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventActor:
        return cls(data.get("actor"), data["name"], data.get("country"), data.get("sector"),
                   data["start"], data["end"], data.get("org"))


@dataclass(slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(data["name"], data.get("country"), data.get("lat"), data.get("lon"))


@dataclass(slots=True)
class Event:
    """A coded event: who did what to whom, with the evidence for it."""

    id: str
    sentence: int
    source: EventActor | None
    target: EventActor | None
    cameo: str
    cameo_name: str
    goldstein: float | None
    quad: int
    plover_type: str | None
    plover_mode: str | None
    trigger: Span
    negated: bool = False
    date: str | None = None
    date_end: str | None = None
    date_text: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    reciprocal: bool = False
    snippet: str = ""
    rules: list[str] | None = None  # with explain: the rules that shaped it, in order
    quote: str | None = None  # the id of the quote it comes from or reports ("Q2")

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id, "sentence": self.sentence,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo, "cameo_name": self.cameo_name, "goldstein": self.goldstein,
            "quad": self.quad, "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "trigger": self.trigger.to_dict(), "negated": self.negated,
            "date": self.date, "date_end": self.date_end, "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "confidence": self.confidence, "reciprocal": self.reciprocal,
            "snippet": self.snippet, "quote": self.quote,
        }
        if self.rules is not None:
            data["rules"] = list(self.rules)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        plover = data.get("plover") or {}
        return cls(
            id=data["id"], sentence=data["sentence"],
            source=EventActor.from_dict(data["source"]) if data.get("source") else None,
            target=EventActor.from_dict(data["target"]) if data.get("target") else None,
            cameo=data["cameo"], cameo_name=data["cameo_name"], goldstein=data.get("goldstein"),
            quad=data["quad"], plover_type=plover.get("type"), plover_mode=plover.get("mode"),
            trigger=Span.from_dict(data["trigger"]), negated=data.get("negated", False),
            date=data.get("date"), date_end=data.get("date_end"), date_text=data.get("date_text"),
            location=Location.from_dict(data["location"]) if data.get("location") else None,
            confidence=data.get("confidence", 0.5), reciprocal=data.get("reciprocal", False),
            snippet=data.get("snippet", ""), rules=data.get("rules"), quote=data.get("quote"),
        )


@dataclass(slots=True)
class Quote:
    """Something said, with who said it. `start` and `end` span the whole quote; `parts`
    are the character spans of its quoted words, one for each part of a quote broken by
    its attribution or running over paragraphs ([[start, end]] for a quote in one piece).
    `id` is "Q1", "Q2" ... in the article's order; events that come from it name it."""

    text: str
    start: int
    end: int
    kind: str  # direct | partial | indirect
    cue: str | None = None
    speaker_actor: str | None = None
    speaker_name: str | None = None
    parts: list[list[int]] = field(default_factory=list)
    id: str | None = None

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [[self.start, self.end]]

    def to_dict(self) -> dict[str, Any]:
        speaker = None
        if self.speaker_actor is not None or self.speaker_name is not None:
            speaker = {"actor": self.speaker_actor, "name": self.speaker_name}
        return {"id": self.id, "text": self.text, "start": self.start, "end": self.end,
                "kind": self.kind,
                "cue": self.cue, "speaker": speaker,
                "parts": [list(part) for part in self.parts]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        speaker = data.get("speaker") or {}
        parts = data.get("parts") or data.get("pieces") or []
        return cls(data["text"], data["start"], data["end"], data["kind"], data.get("cue"),
                   speaker.get("actor"), speaker.get("name"),
                   [[int(s), int(e)] for s, e in parts], data.get("id"))


@dataclass(slots=True)
class Article:
    """One coded article. `text` is kept for stores and pages but left out of `to_dict()`
    unless asked for: the contract's JSONL carries ids and offsets, not the text again."""

    id: str | None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    text: str = ""
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    # how positive or negative the article's words are, -10..+10 (see `tone`), and what
    # measured it ("vader-3.3.2"); None for a text without words
    tone: float | None = None
    tone_method: str | None = None
    # with explain: the drafts the event rules dropped, each with the rule that dropped it
    dropped: list[dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        numbered(self.quotes)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "date": self.date, "title": self.title, "source": self.source,
            "url": self.url,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": list(self.places),
            "dates": list(self.dates),
            "tone": self.tone, "tone_method": self.tone_method,
        }
        if self.dropped is not None:
            data["dropped"] = list(self.dropped)
        if include_text:
            data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data.get("id"), date=data.get("date"), title=data.get("title"),
            source=data.get("source"), url=data.get("url"), text=data.get("text", ""),
            actors=[Actor.from_dict(a) for a in data.get("actors", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            places=list(data.get("places", [])), dates=list(data.get("dates", [])),
            tone=data.get("tone"), tone_method=data.get("tone_method"),
            dropped=data.get("dropped"),
        )

    def actor(self, actor_id: str) -> Actor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None


def numbered(quotes: list[Quote]) -> list[Quote]:
    """Quotes with their ids: a record written before quotes had ids numbers them in
    its order, as the coder does."""
    for number, quote in enumerate(quotes, start=1):
        if quote.id is None:
            quote.id = f"Q{number}"
    return quotes


NONSTATE = frozenset({"IGO", "NGO", "MNC", "IMG", "UNO", "ISM"})


def actor_code(country: str | None, sector: str | None, org: str | None = None) -> str | None:
    """CAMEO-style actor code: country, then a non-state body's own code, then sector:
    "RUSGOV", "IGOUNO", "IGOUNOGOV"; what is known of it, or None."""
    parts = [country or "", org if org and country in NONSTATE else "", sector or ""]
    code = "".join(parts)
    return code or None
