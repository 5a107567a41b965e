"""Event locations and the article's places, on real sentences with the real model."""

from __future__ import annotations


def located(coder, text):
    article = coder.code(text, date="2026-02-04")
    return article, [(e.trigger.text, e.location.name if e.location else None,
                      e.location.country if e.location else None) for e in article.events]


def test_the_clause_place_is_the_event_location(coder):
    _, events = located(coder, "Police in Istanbul arrested 20 protesters on Tuesday.")
    assert ("arrested", "Istanbul", "TUR") in events


def test_a_capital_used_as_government_is_not_a_location(coder):
    article, events = located(coder, "Moscow condemned the sanctions imposed by Washington.")
    assert all(location is None for _, location, _ in events)
    assert article.places == []


def test_near_the_border_locates_in_the_named_country(coder):
    _, events = located(coder, "Israeli forces attacked Hezbollah fighters near the border "
                               "with Lebanon.")
    assert any(country == "LBN" for _, _, country in events), events


def test_the_capital_is_the_capital_of_the_country_in_question(coder):
    article = coder.code("Kenyan police arrested opposition leaders in the capital.",
                         date="2026-02-04")
    assert [p["name"] for p in article.places] == ["Nairobi"]
    assert article.places[0]["text"] == "the capital"


def test_place_offsets_point_into_the_text(coder):
    text = "Talks were held in Doha, Qatar, on Monday."
    article = coder.code(text, date="2026-02-04")
    for place in article.places:
        assert text[place["start"]:place["end"]] == place["text"]
    assert article.places[0]["country"] == "QAT"
