"""`communique quotes` on real files with the real model: what someone said."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.cli import main

from ..conftest import ROOT

pytestmark = pytest.mark.model
DEMO = ROOT / "examples" / "demo-article.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_speaker_lists_what_that_person_said():
    result = run("quotes", str(DEMO), "--speaker", "Fidan")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines and all("Hakan Fidan" in line for line in lines)
    assert any("historic chance to turn the Aegean" in line and "(direct, told)" in line
               for line in lines)
    assert any("(indirect, said)" in line and "Turkey was ready to reopen" in line
               for line in lines)


def test_json_lines_carry_the_article_and_the_quote_record():
    result = run("quotes", str(DEMO), "--speaker", "Fidan", "--kind", "direct", "--json")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert records and {r["kind"] for r in records} == {"direct"}
    assert {r["speaker"]["name"] for r in records} == {"Hakan Fidan"}
    assert all(r["article"] == "demo-article" for r in records)
    assert any("Neither side gains from tension" in r["text"] for r in records)


def test_an_actor_code_finds_every_speaker_with_it():
    for code, name in (("TURGOV", "Hakan Fidan"), ("GRCGOV", "Giorgos Gerapetritis")):
        result = run("quotes", str(DEMO), "--speaker", code)
        speakers = {line.split("  ")[1].split(" (")[0] for line in result.stdout.splitlines()}
        assert speakers == {name}


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


def test_a_store_is_read_with_db_and_the_parts_are_kept(tmp_path):
    from communique.records import Article, Quote
    from communique.store import Store

    text = '"We agree," Putin said. "We will sign."'
    quote = Quote("We agree. We will sign.", 1, 38, "direct", "said", "A1", "Vladimir Putin",
                  [[1, 10], [25, 38]])
    other = Quote("no", 0, 2, "direct", None, None, "Someone")
    path = tmp_path / "news.duckdb"
    with Store.open(path, write=True) as store:
        store.write([(Article(id="a1", text=text, quotes=[quote]), "h1"),
                     (Article(id="a2", text="no", quotes=[other]), "h2")])
    result = run("quotes", "--db", str(path), "--speaker", "Putin", "--json")
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"] == "a1" and record["parts"] == [[1, 10], [25, 38]]
    assert run("quotes", "--db", str(path)).stdout.count("\n") == 2
    assert run("quotes", "--db", str(path), "file.txt").exit_code == 2  # not both
