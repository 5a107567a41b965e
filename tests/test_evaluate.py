"""Scoring against gold events, on hand-made records (no model needed)."""

from __future__ import annotations

import json

import pytest

from communique.evaluate import GoldEvent, GoldText, Report, read_gold, score_text
from communique.records import Article, Event, EventActor, Span


def event(source, cameo, plover, target, reciprocal=False, negated=False):
    def side(code):
        return EventActor(None, code, code, None, 0, 1) if code else None
    return Event(id="E", sentence=0, source=side(source), target=side(target), cameo=cameo,
                 cameo_name="", goldstein=0, quad=1, plover_type=plover, plover_mode=None,
                 trigger=Span(0, 1, "x"), reciprocal=reciprocal, negated=negated)


def gold(type_, sources, targets, cameo=None):
    return GoldEvent(type_, cameo, frozenset(sources), frozenset(targets))


def score(gold_events, coded):
    report = Report()
    score_text(GoldText("t", ["g1"], None, gold_events), Article(id="1", events=coded), report,
               keep_errors=True)
    return report


def test_levels_count_type_then_countries():
    report = score([gold("SUPPORT", {"USA"}, {"HTI"})],
                   [event("USA", "051", "SUPPORT", "CHN")])
    assert report.levels["type"].tp == 1
    assert report.levels["type+source"].tp == 1
    assert report.levels["type+source+target"].tp == 0
    assert report.levels["type+source+target"].fn == 1
    assert report.levels["type+source+target"].fp == 1
    assert report.levels["root+source"].tp == 1


def test_compound_gold_and_reciprocal_events():
    report = score([gold("AGREE", {"USA", "JOR"}, set())],
                   [event("USA", "030", "AGREE", "JOR", reciprocal=True)])
    assert report.levels["type+source+target"].tp == 1
    swapped = score([gold("CONSULT", {"RUS"}, {"JPN"})],
                    [event("JPN", "040", "CONSULT", "RUS", reciprocal=True)])
    assert swapped.levels["type+source+target"].tp == 1


def test_negated_and_typeless_events_do_not_count():
    report = score([gold("CONSULT", {"RUS"}, {"JPN"})],
                   [event("RUS", "040", "CONSULT", "JPN", negated=True),
                    event("RUS", "010", None, "JPN")])
    assert report.levels["type"].tp == 0 and report.levels["type"].fp == 0
    # a statement (CAMEO 01, no PLOVER type) is no false alarm against PLOVER gold, which
    # has no type to code it with, at root level either
    assert report.levels["root"].fp == 0 and report.levels["root"].fn == 1
    assert len(report.misses) == 1


def test_legacy_codes_and_records_sharing_a_text(tmp_path):
    path = tmp_path / "g.jsonl"
    rows = [{"id": "1", "text": "Japan said X.", "events": [
                {"type": "SANCTION", "source": [{"code": "JAP"}], "target": ["SRB"]}]},
            {"id": "2", "text": "Japan said X.", "events": [{"type": "ACCUSE", "source": []}]}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    [text] = read_gold(path)
    assert text.ids == ["1", "2"]
    assert text.events[0].sources == {"JPN"} and text.events[0].targets == {"SRB"}


def test_international_organisations_of_both_kinds_are_one_side():
    report = score([gold("ACCUSE", {"IGO"}, {"USA"})], [event("NGO", "112", "ACCUSE", "USA")])
    assert report.levels["type+source+target"].tp == 1
    state = score([gold("ACCUSE", {"IGO"}, {"USA"})], [event("GBR", "112", "ACCUSE", "USA")])
    assert state.levels["type+source"].tp == 0


def test_unreadable_gold_is_an_error(tmp_path):
    from communique.errors import InputError

    path = tmp_path / "g.jsonl"
    path.write_text("{not json}\n")
    with pytest.raises(InputError, match="line 1"):
        read_gold(path)


def test_a_text_the_coder_skips_is_reported_with_its_reason(coder, tmp_path):
    from communique.evaluate import evaluate
    path = tmp_path / "g.jsonl"
    french = ("Le président a déclaré mardi que le gouvernement tiendrait des discussions avec "
              "l'opposition la semaine prochaine, après un mois de manifestations dans la "
              "capitale et les régions du pays.")
    path.write_text(json.dumps({"id": "fr1", "text": french,
                                "events": [{"type": "CONSULT", "source": ["FRA"]}]}))
    report = evaluate(coder, read_gold(path))
    assert report.skipped == 1
    assert report.skipped_texts[0]["id"] == "fr1"
    assert "E010" in report.skipped_texts[0]["reason"]
    assert "skipped fr1" in report.format()
    assert report.levels["type"].fn == 1
