"""Scoring the actors stage against tests/actors/cases.yaml: country and sector accuracy."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

CASES_PATH = Path(__file__).with_name("cases.yaml")
DATE = "2026-03-15"


def load_cases() -> list[dict]:
    return yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))


def _accepts(expected, value) -> bool:
    options = expected if isinstance(expected, list) else [expected]
    return any((value or "-") == option for option in options)


def actor_at(article, start: int, end: int):
    """The actor with a mention over these characters (the one covering the last word
    of the expected words, as that is where a noun phrase's head is)."""
    last = max(start, end - 1)
    for actor in article.actors:
        for mention in actor.mentions:
            if mention.start <= last < mention.end:
                return actor
    for actor in article.actors:
        for mention in actor.mentions:
            if start <= mention.start < end:
                return actor
    return None


@dataclass
class Score:
    mentions: int = 0
    country: int = 0
    sector: int = 0
    same_groups: int = 0
    same_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country / self.mentions if self.mentions else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector / self.mentions if self.mentions else 0.0


def score(articles_by_text: dict, cases: list[dict]) -> Score:
    result = Score()
    for case in cases:
        article = articles_by_text[case["text"]]
        for expected in case["mentions"]:
            start = case["text"].find(expected["text"])
            assert start >= 0, f"{expected['text']!r} is not in the case text"
            actor = actor_at(article, start, start + len(expected["text"]))
            result.mentions += 1
            country = actor.country if actor else None
            sector = actor.sector if actor else None
            country_ok = actor is not None and _accepts(expected["country"], country)
            sector_ok = actor is not None and _accepts(expected["sector"], sector)
            result.country += country_ok
            result.sector += sector_ok
            if not (country_ok and sector_ok):
                found = f"{actor.name} {country}/{sector}" if actor else "no actor"
                result.errors.append(f"{expected['text']!r}: expected {expected['country']}/"
                                     f"{expected['sector']}, got {found}")
        if case.get("same"):
            result.same_groups += 1
            actors = set()
            for words in case["same"]:
                start = case["text"].find(words)
                actor = actor_at(article, start, start + len(words))
                actors.add(actor.id if actor else None)
            if len(actors) == 1 and None not in actors:
                result.same_right += 1
            else:
                result.errors.append(f"not one actor: {case['same']}")
    return result
