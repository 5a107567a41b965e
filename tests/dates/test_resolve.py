"""The resolution rules, on expressions alone (no model)."""

from __future__ import annotations

from datetime import date

import pytest

from communique.dates import find_dateline, find_expressions, iso, resolve

WED = date(2026, 2, 4)  # a Wednesday
YEAR_END = date(2026, 12, 30)  # a Wednesday, two days before the new year


def resolved(text, anchor, tense=None):
    expressions = find_expressions(text)
    assert len(expressions) == 1, expressions
    return iso(resolve(expressions[0], anchor, tense))


@pytest.mark.parametrize("text, tense, want", [
    ("on Wednesday", "past", ("2026-02-04", None)),  # the day of publication itself
    ("on Wednesday", "future", ("2026-02-04", None)),
    ("on Monday", "past", ("2026-02-02", None)),
    ("on Monday", None, ("2026-02-02", None)),  # news reports what happened
    ("on Monday", "future", ("2026-02-09", None)),
    ("last Wednesday", None, ("2026-01-28", None)),
    ("next Wednesday", None, ("2026-02-11", None)),
])
def test_tense_decides_which_weekday(text, tense, want):
    assert resolved(text, WED, tense) == want


@pytest.mark.parametrize("text, tense, want", [
    ("on Monday", "future", ("2027-01-04", None)),
    ("in January", "future", ("2027-01-01", "2027-01-31")),
    ("in January", "past", ("2026-01-01", "2026-01-31")),
    ("in January", None, ("2027-01-01", "2027-01-31")),  # the nearest January
    ("next week", None, ("2027-01-04", "2027-01-10")),
    ("in the first quarter", "future", ("2027-01-01", "2027-03-31")),
])
def test_the_year_rolls_over(text, tense, want):
    assert resolved(text, YEAR_END, tense) == want


@pytest.mark.parametrize("text, want", [
    ("yesterday", ("2026-02-03", None)),
    ("tomorrow", ("2026-02-05", None)),
    ("last week", ("2026-01-26", "2026-02-01")),
    ("next month", ("2026-03-01", "2026-03-31")),
    ("earlier this year", ("2026-01-01", "2026-02-03")),
    ("in the first half of the year", ("2026-01-01", "2026-06-30")),
    ("the third quarter of next year", ("2027-07-01", "2027-09-30")),
    ("mid-March", ("2026-03-11", "2026-03-20")),
    ("three days ago", ("2026-02-01", None)),
])
def test_relative_expressions(text, want):
    assert resolved(text, WED) == want


@pytest.mark.parametrize("text, want", [
    ("4 February 2026", ("2026-02-04", None)),
    ("Feb. 4, 2026", ("2026-02-04", None)),
    ("2026-02-04", ("2026-02-04", None)),
    ("in November 2025", ("2025-11-01", "2025-11-30")),
    ("in 2019", ("2019-01-01", "2019-12-31")),
])
def test_explicit_dates_resolve_without_a_publication_date(text, want):
    assert resolved(text, None) == want


@pytest.mark.parametrize("text", ["on Monday", "last week", "in November", "yesterday",
                                  "the first half of the year", "Feb 4"])
def test_relative_dates_stay_unresolved_without_a_publication_date(text):
    assert resolved(text, None) == (None, None)


@pytest.mark.parametrize("text, anchor, want", [
    ("04/05/2026", None, ("2026-04-05", None)),  # month first without a publication date
    ("04/05/2026", date(2026, 5, 6), ("2026-05-04", None)),  # the reading nearer it
    ("13/05/2026", None, ("2026-05-13", None)),  # 13 cannot be a month
    ("04.05.2026", None, ("2026-05-04", None)),  # dotted: day first
    ("31/31/2026", None, (None, None)),
])
def test_ambiguous_numeric_dates(text, anchor, want):
    assert resolved(text, anchor) == want


@pytest.mark.parametrize("text", ["February 30", "February 30, 2026", "31 September 2025",
                                  "2026-13-01", "2026-02-30", "Feb 29, 2026", "0000-01-01"])
def test_impossible_dates_resolve_to_nothing(text):
    assert resolved(text, WED) == (None, None)


def test_far_years_never_raise():
    assert resolved("on 3 March 9999", WED) == ("9999-03-03", None)
    assert resolved("next year", date(9999, 6, 1)) == (None, None)
    assert resolved("last year", date(1, 6, 1)) == (None, None)


@pytest.mark.parametrize("text", [
    "May I ask a question?", "The March was peaceful.", "the fall of Kabul",
    "15 people died", "He said 2,000 troops", "a march on Mondays",
])
def test_words_that_are_not_dates(text):
    assert find_expressions(text) == []


def test_a_dateline_gives_place_and_date():
    line = find_dateline("MOSCOW, Feb 4 (Reuters) - Russia said ...")
    assert line is not None and line.place == "Moscow"
    assert iso(resolve(line.date, date(2026, 2, 5))) == ("2026-02-04", None)
    assert iso(resolve(line.date, date(2026, 1, 2))) == ("2025-02-04", None)  # filed before
    assert find_dateline("Russia said on Monday ...") is None
