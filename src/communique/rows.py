"""Records as table rows: one flat row per article, actor, mention, event, quote.

The store (DuckDB), the Parquet outputs of batch coding and the exports all use these
columns, so a Parquet partition written by `communique batch` is what `communique
ingest` and DuckDB read. The columns are the record contract's fields, flattened
(`source.country` becomes `source_country`). `article_from_rows` reads them back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .records import Actor, Article, Event, EventActor, Location, Quote, Span

SIDE_FIELDS = ("actor", "name", "country", "sector", "org", "code", "start", "end")

# table -> ordered (column, type) pairs; types are DuckDB/Arrow-friendly names
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "VARCHAR"), ("date", "DATE"), ("title", "VARCHAR"),
        ("source", "VARCHAR"), ("url", "VARCHAR"), ("text", "VARCHAR"),
        ("places", "VARCHAR"), ("dates", "VARCHAR"),  # JSON lists
        ("tone", "DOUBLE"), ("tone_method", "VARCHAR"),
    ),
    "actors": (
        ("article_id", "VARCHAR"), ("actor_id", "VARCHAR"), ("name", "VARCHAR"),
        ("kind", "VARCHAR"), ("country", "VARCHAR"), ("sector", "VARCHAR"),
        ("org", "VARCHAR"), ("code", "VARCHAR"), ("title", "VARCHAR"),
        ("mention_count", "INTEGER"),
    ),
    "mentions": (
        ("article_id", "VARCHAR"), ("actor_id", "VARCHAR"), ("start", "INTEGER"),
        ("end", "INTEGER"), ("text", "VARCHAR"),
    ),
    "events": (
        ("article_id", "VARCHAR"), ("event_id", "VARCHAR"), ("sentence", "INTEGER"),
        *((f"source_{f}", "INTEGER" if f in {"start", "end"} else "VARCHAR")
          for f in SIDE_FIELDS),
        *((f"target_{f}", "INTEGER" if f in {"start", "end"} else "VARCHAR")
          for f in SIDE_FIELDS),
        ("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("cameo_name", "VARCHAR"),
        ("goldstein", "DOUBLE"), ("quad", "INTEGER"), ("plover_type", "VARCHAR"),
        ("plover_mode", "VARCHAR"), ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"), ("negated", "BOOLEAN"), ("date", "DATE"),
        ("date_end", "DATE"), ("date_text", "VARCHAR"), ("location_name", "VARCHAR"),
        ("location_country", "VARCHAR"), ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"),
        ("confidence", "DOUBLE"), ("reciprocal", "BOOLEAN"), ("snippet", "VARCHAR"),
        ("quote", "VARCHAR"),  # the id of the quote it comes from ("Q2"), or null
    ),
    "quotes": (
        ("article_id", "VARCHAR"), ("quote_index", "INTEGER"), ("text", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("kind", "VARCHAR"), ("cue", "VARCHAR"),
        ("speaker_actor", "VARCHAR"), ("speaker_name", "VARCHAR"), ("parts", "VARCHAR"),
    ),
}


def article_rows(article: Article) -> dict[str, list[dict[str, Any]]]:
    """The rows of each table for one article. `article.id` must be set."""
    aid = article.id
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    rows["articles"].append({
        "article_id": aid, "date": article.date, "title": article.title,
        "source": article.source, "url": article.url, "text": article.text,
        "places": json.dumps(article.places, ensure_ascii=False),
        "dates": json.dumps(article.dates, ensure_ascii=False),
        "tone": article.tone, "tone_method": article.tone_method,
    })
    for actor in article.actors:
        rows["actors"].append({
            "article_id": aid, "actor_id": actor.id, "name": actor.name, "kind": actor.kind,
            "country": actor.country, "sector": actor.sector, "org": actor.org,
            "code": actor.code, "title": actor.title, "mention_count": len(actor.mentions),
        })
        for mention in actor.mentions:
            rows["mentions"].append({"article_id": aid, "actor_id": actor.id,
                                     "start": mention.start, "end": mention.end,
                                     "text": mention.text})
    for event in article.events:
        row: dict[str, Any] = {"article_id": aid, "event_id": event.id,
                               "sentence": event.sentence}
        for prefix, side in (("source", event.source), ("target", event.target)):
            data = side.to_dict() if side else {}
            for field in SIDE_FIELDS:
                row[f"{prefix}_{field}"] = data.get(field)
        location = event.location
        row.update({
            "cameo": event.cameo, "cameo_root": event.cameo[:2], "cameo_name": event.cameo_name,
            "goldstein": event.goldstein, "quad": event.quad, "plover_type": event.plover_type,
            "plover_mode": event.plover_mode, "trigger_text": event.trigger.text,
            "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
            "negated": event.negated, "date": event.date, "date_end": event.date_end,
            "date_text": event.date_text,
            "location_name": location.name if location else None,
            "location_country": location.country if location else None,
            "location_lat": location.lat if location else None,
            "location_lon": location.lon if location else None,
            "confidence": event.confidence, "reciprocal": event.reciprocal,
            "snippet": event.snippet, "quote": event.quote,
        })
        rows["events"].append(row)
    for index, quote in enumerate(article.quotes):
        rows["quotes"].append({
            "article_id": aid, "quote_index": index, "text": quote.text, "start": quote.start,
            "end": quote.end, "kind": quote.kind, "cue": quote.cue,
            "speaker_actor": quote.speaker_actor, "speaker_name": quote.speaker_name,
            "parts": json.dumps(quote.parts),
        })
    return rows


def article_from_rows(article: dict[str, Any], actors: Iterable[dict[str, Any]],
                      mentions: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]],
                      quotes: Iterable[dict[str, Any]]) -> Article:
    """The Article back from its rows (dates may come back as date objects)."""
    by_actor: dict[str, list[Span]] = {}
    for m in mentions:
        by_actor.setdefault(m["actor_id"], []).append(Span(m["start"], m["end"], m["text"]))
    result = Article(
        id=article["article_id"], date=_iso(article.get("date")), title=article.get("title"),
        source=article.get("source"), url=article.get("url"), text=article.get("text") or "",
        places=json.loads(article.get("places") or "[]"),
        dates=json.loads(article.get("dates") or "[]"),
        tone=article.get("tone"), tone_method=article.get("tone_method"),
    )
    for a in actors:
        result.actors.append(Actor(
            id=a["actor_id"], name=a["name"], kind=a["kind"], country=a.get("country"),
            sector=a.get("sector"), org=a.get("org"), title=a.get("title"),
            mentions=sorted(by_actor.get(a["actor_id"], []), key=lambda s: s.start)))
    for e in events:
        sides = {}
        for prefix in ("source", "target"):
            if e.get(f"{prefix}_name") is None:
                sides[prefix] = None
            else:
                sides[prefix] = EventActor(
                    e.get(f"{prefix}_actor"), e[f"{prefix}_name"], e.get(f"{prefix}_country"),
                    e.get(f"{prefix}_sector"), e[f"{prefix}_start"], e[f"{prefix}_end"],
                    e.get(f"{prefix}_org"))
        location = None
        if e.get("location_name") is not None:
            location = Location(e["location_name"], e.get("location_country"),
                                e.get("location_lat"), e.get("location_lon"))
        result.events.append(Event(
            id=e["event_id"], sentence=e["sentence"], source=sides["source"],
            target=sides["target"], cameo=e["cameo"], cameo_name=e["cameo_name"],
            goldstein=e.get("goldstein"), quad=e["quad"], plover_type=e.get("plover_type"),
            plover_mode=e.get("plover_mode"),
            trigger=Span(e["trigger_start"], e["trigger_end"], e["trigger_text"]),
            negated=bool(e.get("negated")), date=_iso(e.get("date")),
            date_end=_iso(e.get("date_end")), date_text=e.get("date_text"),
            location=location, confidence=e.get("confidence", 0.5),
            reciprocal=bool(e.get("reciprocal")), snippet=e.get("snippet") or "",
            quote=e.get("quote")))
    for q in sorted(quotes, key=lambda q: q["quote_index"]):
        result.quotes.append(Quote(q["text"], q["start"], q["end"], q["kind"], q.get("cue"),
                                   q.get("speaker_actor"), q.get("speaker_name"),
                                   json.loads(q["parts"]) if q.get("parts") else [],
                                   quote_id(q["quote_index"])))
    return result


def quote_id(index: int) -> str:
    """A quote's id from its place in the article (`quote_index`, from 0): "Q1", ..."""
    return f"Q{int(index) + 1}"


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
