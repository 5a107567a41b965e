"""The seed article's dated and located events come out as its hand annotation says."""

from __future__ import annotations

from communique.places.gazetteer import Place, distance_km

from .seedcheck import describe, event_fits, evidence_paragraph


def _gold(seed_gold, event_id):
    return next(e for e in seed_gold["events"] if e["id"] == event_id)


def find_event(gold, article):
    """The coded event that fits the gold and whose trigger is a word of its evidence:
    "accepted an invitation to visit ..." and "will also attend ..." share a paragraph."""
    start, end = evidence_paragraph(gold, article.text)
    words = set(gold["evidence"].lower().replace(",", " ").split())
    return next((e for e in article.events if event_fits(gold, e)
                 and start <= e.trigger.start < end and e.trigger.text.lower() in words), None)


def test_the_summit_is_dated_on_the_wednesday_of_publication(seed_article, seed_gold):
    event = find_event(_gold(seed_gold, "summit"), seed_article)
    assert event is not None, describe(seed_article)
    assert (event.date, event.date_end) == ("2026-02-04", None)
    assert event.date_text == "Wednesday"


def test_the_accepted_visit_is_in_the_first_half_of_the_year(seed_article, seed_gold):
    gold = _gold(seed_gold, "accept-visit")
    event = find_event(gold, seed_article)
    assert event is not None, describe(seed_article)
    assert [event.date, event.date_end] == gold["date_range"]
    assert event.date_text == "the first half of the year"


def test_apec_is_in_november_in_shenzhen_china(seed_article, seed_gold):
    gold = _gold(seed_gold, "attend-apec")
    event = find_event(gold, seed_article)
    assert event is not None, describe(seed_article)
    assert [event.date, event.date_end] == gold["date_range"]
    where = gold["location"]
    assert event.location is not None
    assert event.location.country == where["country"]
    here = Place("", None, event.location.lat, event.location.lon, 0, "city")
    there = Place("", None, where["lat"], where["lon"], 0, "city")
    assert distance_km(here, there) <= where["tolerance_km"]


def test_events_without_a_date_phrase_take_the_article_date(seed_article, seed_gold):
    event = find_event(_gold(seed_gold, "praise-energy"), seed_article)
    assert event is not None
    assert (event.date, event.date_text) == ("2026-02-04", None)


def test_capitals_acting_as_governments_are_not_places(seed_article):
    text = seed_article.text
    named = {text[p["start"]:p["end"]] for p in seed_article.places}
    assert "Moscow" not in named and "Beijing" not in named
    assert any(p["name"] == "Shenzhen" for p in seed_article.places)
    assert {d["text"] for d in seed_article.dates} >= {"Wednesday", "November",
                                                      "the first half of the year"}
