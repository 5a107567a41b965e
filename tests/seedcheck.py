"""Checking a coded article against the hand annotation of the seed article (gold.json)."""

from __future__ import annotations

import re

from communique.records import Article, Event, EventActor

NONSTATE_EQUIVALENT = {"UNO": "IGO", "EUR": "IGO"}


def _country(code: str | None) -> str | None:
    return NONSTATE_EQUIVALENT.get(code, code) if code else None


def side_fits(gold: dict, side: EventActor | None) -> bool:
    if side is None:
        return False
    countries = gold.get("country")
    countries = countries if isinstance(countries, list) else [countries]
    if _country(side.country) not in {_country(c) for c in countries}:
        return False
    sector = gold.get("sector")
    return sector is None or side.sector == sector


def event_fits(gold: dict, event: Event) -> bool:
    if event.negated:
        return False
    if not any(event.cameo.startswith(prefix) for prefix in gold["cameo"]):
        return False
    if event.plover_type not in gold["plover"]:
        return False
    if side_fits(gold["source"], event.source) and side_fits(gold["target"], event.target):
        return True
    if gold.get("symmetric") or event.reciprocal:
        return side_fits(gold["source"], event.target) and side_fits(gold["target"],
                                                                      event.source)
    return False


def _words(text: str) -> list[str]:
    text = text.replace("\u2019", "'")
    return re.findall(r"[\w'-]+", text.lower())


def evidence_paragraph(gold: dict, text: str) -> tuple[int, int]:
    """The paragraph of the article that holds the gold event's evidence (most words)."""
    wanted = set(_words(gold["evidence"]))
    best, best_score = (0, len(text)), -1
    position = 0
    for paragraph in text.split("\n"):
        start, end = position, position + len(paragraph)
        position = end + 1
        score = len(wanted & set(_words(paragraph)))
        if score > best_score:
            best, best_score = (start, end), score
    return best


def find_event(gold: dict, article: Article) -> Event | None:
    """A coded event that fits the gold codes and actors, triggered where the gold's
    evidence is: the same codes elsewhere in the article are another fact."""
    start, end = evidence_paragraph(gold, article.text)
    return next((e for e in article.events if event_fits(gold, e)
                 and start <= e.trigger.start < end), None)


def describe(article: Article) -> str:
    return "\n".join(
        f"  {e.id} {e.source.code if e.source else '-'} {e.cameo} {e.plover_type} "
        f"{e.target.code if e.target else '-'} \"{e.snippet}\"" for e in article.events)
