"""Scoring the dates and places stages against the hand-made test sets
(`tests/dates/cases.yaml`, `tests/places/cases.yaml`). Used by the tests, which hold
the thresholds, and by `benchmarks/dates_places.py`, which prints the figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from communique.places.gazetteer import Place, distance_km, fold

HERE = Path(__file__).resolve().parent
DATE_CASES = HERE / "dates" / "cases.yaml"
PLACE_CASES = HERE / "places" / "cases.yaml"


@dataclass
class Score:
    total: int = 0
    right: int = 0
    country_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def country_accuracy(self) -> float:
        return self.country_right / self.total if self.total else 0.0


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _iso(value) -> str | None:
    return None if value is None else str(value)


def _found(entries: list[dict], text: str, wanted: str) -> dict | None:
    wanted = str(wanted)  # YAML reads "2026-01-28" as a date
    start = text.find(wanted)
    end = start + len(wanted)
    return next((e for e in entries if e["start"] < end and start < e["end"]), None)


def score_dates(coder, cases: list[dict]) -> Score:
    score = Score()
    records = [{"id": str(n), "text": c["text"], "date": _iso(c["published"])}
               for n, c in enumerate(cases)]
    for case, article in zip(cases, coder.code_many(records), strict=True):
        for expected in case["expect"]:
            score.total += 1
            found = _found(article.dates, case["text"], expected["text"])
            want = (_iso(expected["date"]), _iso(expected.get("date_end")))
            got = (found["date"], found["date_end"]) if found else None
            if got == want:
                score.right += 1
            else:
                score.misses.append(f"{case['text']!r} [{case['published']}] "
                                    f"{expected['text']!r}: want {want}, got {got}")
    return score


def score_places(coder, cases: list[dict]) -> Score:
    score = Score()
    records = [{"id": str(n), "text": c["text"]} for n, c in enumerate(cases)]
    for case, article in zip(cases, coder.code_many(records), strict=True):
        for expected in case["expect"]:
            score.total += 1
            found = _found(article.places, case["text"], expected["text"])
            if found is not None and found["country"] == expected["country"]:
                score.country_right += 1
                if _place_fits(expected, found):
                    score.right += 1
                    continue
            score.misses.append(f"{case['text']!r} {expected['text']!r}: want "
                                f"{expected['country']} {expected.get('name') or ''}"
                                f"{expected.get('lat', '')} {expected.get('lon', '')}, "
                                f"got {found}")
    return score


def _place_fits(expected: dict, found: dict) -> bool:
    if "name" in expected and fold(expected["name"]) != fold(found["name"]):
        return False
    if "lat" in expected:
        here = Place("", None, expected["lat"], expected["lon"], 0, "city")
        there = Place("", None, found["lat"], found["lon"], 0, "city")
        return distance_km(here, there) <= expected.get("tolerance_km", 50)
    return True
