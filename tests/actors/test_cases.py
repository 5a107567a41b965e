"""The actors test set: country and sector accuracy over 160 mentions in news text."""

from __future__ import annotations

import pytest

from .scoring import DATE, load_cases, score

CASES = load_cases()


@pytest.fixture(scope="module")
def report(coder):
    articles = {a.text: a for a in coder.code_many(
        [{"id": str(i), "text": c["text"], "date": DATE} for i, c in enumerate(CASES)])}
    return score(articles, CASES)


def test_the_set_is_large_and_varied():
    groups = {c["group"] for c in CASES}
    assert sum(len(c["mentions"]) for c in CASES) >= 150
    assert {"titles", "appositives", "possessives", "organisations", "igos", "groups",
            "metonymy", "former", "coreference", "unknown"} <= groups


def test_country_accuracy(report):
    assert report.country_accuracy >= 0.9, "\n".join(report.errors)


def test_sector_accuracy(report):
    assert report.sector_accuracy >= 0.8, "\n".join(report.errors)


def test_mentions_of_one_actor_are_one_actor(report):
    assert report.same_right == report.same_groups, "\n".join(
        e for e in report.errors if e.startswith("not one actor"))
