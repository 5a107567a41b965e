"""The seed article (../shared/eval/seed) comes out as its hand annotation says."""

from __future__ import annotations

import pytest

from .seedcheck import _country, describe, find_event

REQUIRED_NOW = {"visa-free-china", "mutual-support", "call-exchanges"}


def gold_events(gold, required_only=True):
    return [e for e in gold["events"] if e.get("required") or not required_only]


def test_every_required_event_is_coded(seed_article, seed_gold):
    missing = [g["id"] for g in gold_events(seed_gold) if find_event(g, seed_article) is None]
    assert not missing, f"missing {missing}; coded:\n{describe(seed_article)}"


@pytest.mark.parametrize("event_id", sorted(REQUIRED_NOW))
def test_events_the_coder_must_also_find(seed_article, seed_gold, event_id):
    gold = next(e for e in seed_gold["events"] if e["id"] == event_id)
    assert find_event(gold, seed_article) is not None, describe(seed_article)


def test_every_actor_has_its_country_and_sector(seed_article, seed_gold):
    for gold in seed_gold["actors"]:
        actor = next((a for a in seed_article.actors
                      if any(gold["text"] in m.text for m in a.mentions)), None)
        assert actor is not None, f"no actor for {gold['text']}"
        assert _country(actor.country) == gold["country"], (gold["text"], actor)
        if "sector" in gold:
            assert actor.sector == gold["sector"], (gold["text"], actor)


def test_events_carry_their_evidence(seed_article):
    text = seed_article.text
    for event in seed_article.events:
        trigger = event.trigger
        assert text[trigger.start:trigger.end] == trigger.text
        for side in (event.source, event.target):
            if side is not None:
                assert 0 <= side.start < side.end <= len(text)
        assert event.snippet


def test_the_scare_quote_is_not_a_statement(seed_article):
    scare = [q for q in seed_article.quotes if q.text.strip(" ,.") == "strategic"]
    assert all(q.kind != "direct" for q in scare)


def test_every_listed_mention_is_attached_to_its_actor(seed_article, seed_gold):
    text = seed_article.text
    for gold in seed_gold["actors"]:
        actor = next(a for a in seed_article.actors
                     if any(gold["text"] in m.text for m in a.mentions))
        spans = {_plain(text[m.start:m.end]) for m in actor.mentions}
        for also in gold.get("also", []):
            assert _plain(also) in spans, f"{also!r} not a mention of {actor.name}: {spans}"


def _plain(words: str) -> str:
    words = words.lower().replace("\u2019", "'")
    return words[4:] if words.startswith("the ") else words
