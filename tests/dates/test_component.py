"""Event dates on real sentences with the real model."""

from __future__ import annotations


def dated(coder, text, date="2026-02-04"):
    article = coder.code(text, date=date)
    return article, {e.trigger.text: (e.date, e.date_end, e.date_text) for e in article.events}


def test_the_date_of_a_saying_is_not_the_date_of_what_was_said(coder):
    _, events = dated(coder, "The ministry said on Monday that rebels attacked a convoy "
                             "last week.")
    assert events["attacked"] == ("2026-01-26", "2026-02-01", "last week")


def test_an_event_without_a_date_phrase_takes_the_article_date(coder):
    _, events = dated(coder, "Rebels attacked a convoy near the town.")
    assert events["attacked"] == ("2026-02-04", None, None)


def test_without_a_publication_date_relative_dates_stay_unknown(coder):
    _, events = dated(coder, "Rebels attacked a convoy on Monday.", date=None)
    assert events["attacked"] == (None, None, "Monday")
    _, events = dated(coder, "Rebels attacked a convoy on 3 March 2025.", date=None)
    assert events["attacked"] == ("2025-03-03", None, "3 March 2025")


def test_an_impossible_date_leaves_the_event_date_unknown(coder):
    text = "Rebels attacked a convoy on February 30."
    article, events = dated(coder, text)
    assert events["attacked"] == (None, None, "February 30")
    start = text.index("February")
    assert article.dates == [{"text": "February 30", "start": start, "end": start + 11,
                              "date": None, "date_end": None}]


def test_the_dateline_dates_the_story(coder):
    text = "MOSCOW, Feb 4 (Reuters) - Russian forces attacked Kharkiv on Tuesday."
    article, events = dated(coder, text, date="2026-02-06")
    assert events["attacked"][0] == "2026-02-03"
    assert article.dates[0]["date"] == "2026-02-04"
    assert article.places[0]["name"] == "Moscow"
