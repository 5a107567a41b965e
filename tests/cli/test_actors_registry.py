"""`communique actors registry|correct|add`: the store's actor registry from the command
line, end to end with the real model."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.cli import main

pytestmark = pytest.mark.model

FIRST = {"id": "a1", "date": "2026-02-04", "text": "Russian President Vladimir Putin's foreign "
         "affairs adviser Yuri Ushakov told reporters the talks with China went well."}
LATER = {"id": "a2", "date": "2026-03-01",
         "text": "Ushakov criticised the European Union for its new sanctions."}
ELSEWHERE = {"id": "a3", "date": "2026-03-02",
             "text": "Minister Amara Diallo praised the agreement with France."}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def ingest(tmp_path, db, *records, learn=True):
    source = tmp_path / f"in-{records[0]['id']}.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = run("ingest", source, "--db", db, "--workers", "1",
                 *([] if learn else ["--no-learn"]))
    assert result.exit_code == 0, result.output


def event_source(db, article_id):
    result = run("sql", "--db", db, "--format", "jsonl",
                 f"SELECT source_code FROM events WHERE article_id = '{article_id}'")
    return [json.loads(line)["source_code"] for line in result.stdout.splitlines()]


def test_what_one_article_taught_codes_a_later_one_and_can_be_seen(tmp_path):
    db = tmp_path / "s.duckdb"
    ingest(tmp_path, db, FIRST)
    ingest(tmp_path, db, LATER)
    assert event_source(db, "a2") == ["RUSGOV"]
    shown = run("actors", "--db", db, "registry", "ushakov", "--format", "jsonl")
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert [(r["name"], r["country"], r["sector"], r["source"]) for r in rows] == [
        ("Yuri Ushakov", "RUS", "GOV", "learnt")]
    assert rows[0]["articles"] == 1 and rows[0]["since"] == "2026-02-04"


def test_a_correction_wins_over_what_was_learnt(tmp_path):
    db = tmp_path / "s.duckdb"
    ingest(tmp_path, db, FIRST)
    done = run("actors", "--db", db, "correct", "Yuri Ushakov", "--country", "rus",
               "--sector", "ELI", "--since", "2026-02-20")
    assert done.exit_code == 0, done.output
    ingest(tmp_path, db, LATER)
    assert event_source(db, "a2") == ["RUSELI"]


def test_known_actors_from_a_file_code_articles_that_do_not_place_them(tmp_path):
    db = tmp_path / "s.duckdb"
    known = tmp_path / "known.yaml"
    known.write_text("actors:\n  - {names: [Amara Diallo], country: GIN, sector: GOV, "
                     "title: minister of foreign affairs, since: 2025-01-01}\n")
    added = run("actors", "--db", db, "add", known)
    assert added.exit_code == 0 and "added 1 known actor" in added.stdout
    ingest(tmp_path, db, ELSEWHERE)
    assert event_source(db, "a3") == ["GINGOV"]


def test_without_learning_nothing_is_remembered(tmp_path):
    db = tmp_path / "s.duckdb"
    ingest(tmp_path, db, FIRST, learn=False)
    shown = run("actors", "--db", db, "registry", "--format", "jsonl")
    assert shown.stdout.strip() == ""


def test_bad_corrections_and_files_are_clear_errors(tmp_path):
    db = tmp_path / "s.duckdb"
    ingest(tmp_path, db, FIRST)
    bad_country = run("actors", "--db", db, "correct", "Yuri Ushakov", "--country", "XXX")
    assert bad_country.exit_code == 2 and "XXX is neither an ISO alpha-3" in bad_country.output
    bad_sector = run("actors", "--db", db, "correct", "Yuri Ushakov", "--sector", "BOSS")
    assert bad_sector.exit_code == 2 and "BOSS is not a sector code" in bad_sector.output
    nothing = run("actors", "--db", db, "correct", "Yuri Ushakov")
    assert nothing.exit_code == 2 and "--country, --sector or both" in nothing.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("actors:\n  - {names: [A B], country: Narnia}\n")
    failed = run("actors", "--db", db, "add", broken)
    assert failed.exit_code == 2 and "broken.yaml:2:" in failed.output and "country" in failed.output
