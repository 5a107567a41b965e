"""The events regression suite: news sentences with the events a coder would code.

The sentences live in `sentences.yaml` (grouped by CAMEO root and grammar case); each is
coded with the real model, and every expected event must be found.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "sentences.yaml").read_text(encoding="utf-8"))
DATE = "2026-03-15"


SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "PTY", "UAF", "CRM", "CVL",
           "REF", "EDU", "LAB", "AGR", "BUS", "MED", "REL", "HLH", "HRI", "DEV", "ENV", "ELI"}


def side_fits(spec, side) -> bool:
    """A spec names a country ("RUS"), a sector ("GOV"), or both ("RUSGOV")."""
    if spec is None:
        return True
    if spec == "-":
        return side is None
    if side is None:
        return False
    if len(spec) == 3 and spec in SECTORS:
        return side.sector == spec
    if len(spec) == 3:
        return side.country == spec
    return side.country == spec[:3] and side.sector == spec[3:]


def fits(spec: dict, event) -> bool:
    prefixes = spec["cameo"] if isinstance(spec.get("cameo"), list) else [spec.get("cameo", "")]
    if not any(event.cameo.startswith(p) for p in prefixes):
        return False
    if event.negated != spec.get("negated", False):
        return False
    if "plover" in spec and event.plover_type != spec["plover"]:
        return False
    direct = side_fits(spec.get("source"), event.source) and side_fits(
        spec.get("target"), event.target)
    swapped = event.reciprocal and side_fits(spec.get("source"), event.target) and side_fits(
        spec.get("target"), event.source)
    return direct or swapped


def describe(article) -> str:
    return "; ".join(f"{e.source.code if e.source else '-'} {e.cameo}"
                     f"{' NEG' if e.negated else ''} {e.target.code if e.target else '-'}"
                     f" \"{e.snippet}\"" for e in article.events) or "no events"


@pytest.fixture(scope="module")
def coded(coder):
    return {a.text: a for a in coder.code_many(
        [{"id": str(i), "text": case["text"], "date": case.get("date", DATE)}
         for i, case in enumerate(CASES)])}


def test_the_suite_is_broad():
    groups = {case["group"] for case in CASES}
    assert len(CASES) >= 200
    assert {f"root-{r:02d}" for r in range(1, 21)} <= groups
    assert {"passive", "coordination", "reciprocal", "negation", "intention", "reported",
            "appeals", "conditional", "relative", "possessive", "capitals", "senses",
            "one-fact", "statements-010", "means-19x", "offer-mediate"} <= groups


@pytest.mark.parametrize("case", CASES, ids=[f"{c['group']}:{c['text'][:40]}" for c in CASES])
def test_sentence(coded, case):
    article = coded[case["text"]]
    events = article.events
    for spec in case.get("events") or []:
        assert any(fits(spec, e) for e in events), f"missing {spec}; coded: {describe(article)}"
    asserted = [e for e in events if not e.negated]
    if case.get("events") == [] or case.get("exact"):
        wanted = case.get("events") or []
        extra = [e for e in asserted if not any(fits(s, e) for s in wanted)]
        assert not extra, f"unexpected events; coded: {describe(article)}"
    for prefix in case.get("absent") or []:
        assert not any(e.cameo.startswith(prefix) for e in asserted), \
            f"{prefix} should not be coded; coded: {describe(article)}"


def test_where_talks_are_held_does_not_place_their_sides(coder):
    article = coder.code("Opposition leaders and rebel commanders signed a peace accord "
                         "in Nairobi on Friday.", date=DATE)
    signed = [e for e in article.events if e.cameo.startswith("05")]
    assert signed, [e.cameo for e in article.events]
    assert all(side.country != "KEN" for e in signed for side in (e.source, e.target) if side)


def test_violence_is_placed_where_it_happened(coder):
    article = coder.code("Opposition supporters clashed with police in Nairobi on Friday.",
                         date=DATE)
    assert any(e.source and e.source.country == "KEN" for e in article.events), \
        [(e.cameo, e.source) for e in article.events]


def test_a_border_places_no_one_on_either_side_of_it(coder):
    article = coder.code("Rebels killed eight Turkish soldiers in an ambush near the border "
                         "with Iraq.", date=DATE)
    killings = [e for e in article.events if e.cameo.startswith("18")]
    assert killings and killings[0].target.country == "TUR"
    assert all(e.source is None or e.source.country != "IRQ" for e in killings), \
        [(e.cameo, e.source) for e in killings]
