"""Accuracy on the hand-made set of date expressions (tests/dates/cases.yaml)."""

from __future__ import annotations

from ..whenwhere import DATE_CASES, load, score_dates


def test_the_set_is_large_enough():
    cases = load(DATE_CASES)
    assert sum(len(c["expect"]) for c in cases) >= 120


def test_dates_are_resolved_as_a_careful_reader_would(coder):
    score = score_dates(coder, load(DATE_CASES))
    assert score.accuracy >= 0.95, "\n".join(score.misses)
