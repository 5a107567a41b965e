"""A human-readable view of a coded article: what an analyst reads first."""

from __future__ import annotations

from .dates.expressions import find_dateline
from .records import Article, Event, EventActor


def dateline_date(article: Article) -> str | None:
    """The date of the article's dateline ("ANKARA, March 11 (Reuters) -"), which the
    dates stage reads relative dates from, or None."""
    line = find_dateline(article.text) if article.text else None
    if line is None or line.date is None:
        return None
    for found in article.dates:
        if found.get("start") == line.date.start:
            return found.get("date")
    return None


def format_article(article: Article) -> str:
    head = " ".join(str(x) for x in (article.id or "(no id)", article.date or "(no date)"))
    lines = [head]
    line = dateline_date(article)
    if line is not None and line != article.date:
        lines.append(f"dated by its dateline: {line} (relative dates such as \"Monday\" "
                     "are read from it, not from the publication date)")
    lines += [f"{len(article.actors)} actors, {len(article.events)} events, "
              f"{len(article.quotes)} quotes", ""]
    if article.actors:
        lines.append("Actors")
        width = max(len(a.code or "-") for a in article.actors)
        for actor in article.actors:
            title = f" ({actor.title})" if actor.title else ""
            count = len(actor.mentions)
            lines.append(f"  {actor.id:<4} {(actor.code or '-'):<{width}}  {actor.name}{title}"
                         f"  [{actor.kind}, {count} mention{'s' if count != 1 else ''}]")
        lines.append("")
    if article.events:
        lines.append("Events")
        for event in article.events:
            lines.append("  " + format_event(event))
            if event.rules is not None:
                lines.append("       rules: " + ", ".join(event.rules))
        lines.append("")
    if article.dropped:
        lines.append("Dropped drafts")
        for draft in article.dropped:
            source = (draft.get("source") or {}).get("name", "-")
            target = (draft.get("target") or {}).get("name", "-")
            lines.append(f"  {draft.get('code') or '-'} {draft['trigger']['text'].lower()}: "
                         f"{source} -> {target}  dropped by {draft['dropped_by']}")
        lines.append("")
    if article.quotes:
        lines.append("Quotes")
        for quote in article.quotes:
            speaker = quote.speaker_name or "(unknown speaker)"
            text = quote.text if len(quote.text) <= 100 else quote.text[:97] + "..."
            label = f"{quote.id:<4}" if quote.id else ""
            lines.append(f"  {label}{speaker} ({quote.kind}): \u201c{text}\u201d")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def format_event(event: Event) -> str:
    arrow = "<-" if event.reciprocal else "-"
    label = event.trigger.text.lower()
    relation = f"{arrow}{event.cameo} {label}->"
    parts = [f"{event.id:<4}", _side(event.source), relation, _side(event.target),
             f" \"{event.snippet}\""]
    extras = []
    if event.plover_type:
        extras.append(event.plover_type + (f"/{event.plover_mode}" if event.plover_mode else ""))
    if event.date:
        extras.append(event.date + (f"..{event.date_end}" if event.date_end else ""))
    if event.location:
        extras.append(f"in {event.location.name}")
    if event.negated:
        extras.append("NEGATED")
    if event.quote:
        extras.append(f"from {event.quote}")
    extras.append(f"conf {event.confidence:.2f}")
    return " ".join(parts) + "  [" + ", ".join(extras) + "]"


def _side(side: EventActor | None) -> str:
    if side is None:
        return "?"
    return side.code or f"({side.name})"
