"""The rule trace: each event names the rules that shaped it, and the drafts a rule
dropped are listed with that rule (`explain=True`), on real sentences with the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def explained(coder, text):
    article = coder.code(text, date="2024-03-04", explain=True)
    return article, {d["dropped_by"] for d in article.dropped}


def only_event(article):
    assert len(article.events) == 1, [e.to_dict() for e in article.events]
    return article.events[0]


@pytest.mark.parametrize("text, code, rules", [
    ("Turkish troops shelled Kurdish rebels near the border on Monday.", "194",
     ["pattern-verb-194", "target-of-action", "placed-unplaced-sides"]),
    ("A roadside bomb killed three soldiers in Kandahar on Sunday.", "1823",
     ["pattern-verb-1823", "target-of-action", "unnamed-attacker"]),
    ("Iran threatened to close the Strait of Hormuz if the United States imposed sanctions.",
     "1381", ["frame-threaten", "target-of-threat-condition", "framed-as-threaten"]),
])
def test_an_event_names_the_rules_that_shaped_it_in_order(coder, text, code, rules):
    event = only_event(explained(coder, text)[0])
    assert event.cameo == code
    assert event.rules[0].startswith("pattern-")  # the pattern that matched comes first
    positions = [event.rules.index(rule) for rule in rules]  # each rule is there ...
    assert positions == sorted(positions)  # ... in the order the steps ran


def test_dropped_drafts_are_listed_with_the_rule_that_dropped_each(coder):
    article, dropped = explained(
        coder, "Thousands of protesters marched through Dhaka to demand the resignation of "
               "the prime minister.")
    assert only_event(article).cameo.startswith("14")
    assert "purpose-folded-into-protest" in dropped
    folded = next(d for d in article.dropped if d["dropped_by"] == "purpose-folded-into-protest")
    assert folded["code"].startswith("10") and "frame-demand" in folded["rules"]


def test_a_hypothetical_act_is_dropped_and_says_so(coder):
    article, _ = explained(coder, "If Russia invades Ukraine, NATO will respond.")
    assert not article.events
    assert any(d["trigger"]["text"] == "invades" and d["dropped_by"] == "hypothetical"
               for d in article.dropped)


def test_without_explain_the_record_is_as_before(coder):
    record = coder.code("Police arrested 12 protesters in Tehran.").to_dict()
    assert record["events"] and "dropped" not in record
    assert all("rules" not in event for event in record["events"])


def test_statements_are_coded_with_quad_0_and_no_plover_type_and_can_be_left_out(coder):
    from communique import Coder

    text = "The foreign ministry declined to comment on the report."
    [event] = coder.code(text).events
    assert event.cameo == "011" and event.quad == 0 and event.plover_type is None
    without = Coder(statements=False, nlp=coder.nlp).code(text, explain=True)
    assert not without.events
    assert [d["dropped_by"] for d in without.dropped] == ["statements-left-out"]
