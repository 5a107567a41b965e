"""`communique quotes` on real files with the real model: what someone said."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.cli import main

from ..conftest import SEED_DIR

pytestmark = pytest.mark.model
SEED = SEED_DIR / "article.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_speaker_lists_what_that_person_said():
    result = run("quotes", str(SEED), "--speaker", "Ushakov")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines and all("Yuri Ushakov" in line for line in lines)
    assert any("Russia and China stand for equal" in line and "(direct, said)" in line
               for line in lines)
    assert any("(indirect, said)" in line and "Moscow and Beijing" in line for line in lines)


def test_json_lines_carry_the_article_and_the_quote_record():
    result = run("quotes", str(SEED), "--speaker", "Putin", "--kind", "direct", "--json")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert records and {r["kind"] for r in records} == {"direct"}
    assert {r["speaker"]["name"] for r in records} == {"Vladimir Putin"}
    assert all(r["article"] == "article" for r in records)
    assert any("any season is springtime" in r["text"] for r in records)


def test_an_actor_code_finds_every_speaker_with_it():
    result = run("quotes", str(SEED), "--speaker", "RUSGOV", "--kind", "direct")
    speakers = {line.split("  ")[1].split(" (")[0] for line in result.stdout.splitlines()}
    assert speakers == {"Vladimir Putin", "Yuri Ushakov"}


def test_nobody_by_that_name_is_said_on_stderr():
    result = run("quotes", "-", "--speaker", "Nobody", input="The talks ended on Monday.")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no quotes by 'Nobody'" in result.stderr


def test_a_bad_record_is_reported_and_the_rest_listed(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a1", "text": "\\"We are ready,\\" Lavrov said."}\n'
                    'not json\n')
    result = run("quotes", str(path))
    assert result.exit_code == 1
    assert "a1  Lavrov (direct, said)" in result.stdout
    assert "skipped" in result.stderr and "in.jsonl" in result.stderr
