"""Accuracy on the hand-made set of place mentions (tests/places/cases.yaml)."""

from __future__ import annotations

from ..whenwhere import PLACE_CASES, load, score_places


def test_the_set_is_large_enough():
    cases = load(PLACE_CASES)
    assert sum(len(c["expect"]) for c in cases) >= 80


def test_places_are_found_and_geocoded(coder):
    score = score_places(coder, load(PLACE_CASES))
    assert score.accuracy >= 0.9, "\n".join(score.misses)
    assert score.country_accuracy >= 0.98, "\n".join(score.misses)
