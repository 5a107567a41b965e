"""Scoring coded actors against gold actor mentions."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.actor_eval import (
    ActorReport,
    is_actor_gold,
    read_actor_gold,
    score_actors,
)
from communique.cli import main
from communique.errors import InputError
from communique.records import Actor, Article, Span

TEXT = "Kenyan police fired tear gas at protesters in Nairobi."


def write(tmp_path, *records):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_reads_mentions_with_their_options(tmp_path):
    path = write(tmp_path, {"id": "A1", "text": TEXT, "date": "2024-06-25", "kind": "agent",
                            "actors": [{"text": "Kenyan police", "country": "KEN",
                                        "sector": ["COP", "GOV"]}]})
    assert is_actor_gold(path)
    [sentence] = read_actor_gold(path)
    assert sentence.actors[0].start == 0
    assert sentence.actors[0].sector == ("COP", "GOV")


def test_event_gold_is_not_actor_gold(tmp_path):
    assert not is_actor_gold(write(tmp_path, {"text": TEXT, "events": [], "actors": []}))


def test_words_not_in_the_text_name_the_line(tmp_path):
    path = write(tmp_path, {"text": TEXT, "actors": [{"text": "Ugandan army", "country": "UGA"}]})
    with pytest.raises(InputError, match="line 1"):
        read_actor_gold(path)


def test_country_and_sector_are_scored_apart(tmp_path):
    path = write(tmp_path, {"text": TEXT, "kind": "agent",
                            "actors": [{"text": "Kenyan police", "country": "KEN", "sector": "COP"}]})
    [sentence] = read_actor_gold(path)
    coded = Article(id="1", actors=[Actor("A1", "Kenyan police", "group", "KEN", "GOV",
                                          mentions=[Span(0, 13, "Kenyan police")])])
    report = ActorReport()
    score_actors(sentence, coded, report, keep_errors=True)
    assert report.to_dict()["all"] == {"mentions": 1, "found": 1.0, "country": 1.0,
                                       "sector": 0.0, "both": 0.0}
    assert "expected KEN/COP, got Kenyan police KEN/GOV" in report.errors[0]
    missing = ActorReport()
    score_actors(sentence, Article(id="1"), missing, keep_errors=True)
    assert missing.total.found == 0 and "no actor" in missing.errors[0]


@pytest.mark.model
def test_eval_scores_an_actor_gold_file_with_the_model(tmp_path, coder):
    path = write(tmp_path, {"id": "A1", "text": TEXT, "date": "2024-06-25", "kind": "agent",
                            "actors": [{"text": "Kenyan police", "country": "KEN", "sector": "COP"}]})
    result = CliRunner().invoke(main, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["all"]["mentions"] == 1
    assert figures["kinds"]["agent"]["country"] == 1.0
