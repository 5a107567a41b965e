"""The store's commands end to end: ingest, events, dyad, actors, sql, export."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.cli import main

from ..conftest import ROOT
from ..io.test_formats import PAGE, RSS
from ..store.corpus import make_articles

pytestmark = pytest.mark.model


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store")
    source = folder / "news.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in make_articles(30, pool=8))
                      + "{broken\n")
    (folder / "page.bin").write_bytes(bytes(range(256)))
    (folder / "sheet.csv").write_text(
        "guid,body\nc1,Police arrested 12 protesters in Tehran on Tuesday.\n"
        "c2,Egypt and Israel held talks in Cairo on Monday.\n")
    (folder / "wire.rss").write_text(RSS)
    (folder / "page.html").write_text(PAGE)
    path = folder / "news.duckdb"
    result = run("ingest", source, ROOT / "examples", folder / "page.bin",
                 folder / "sheet.csv", folder / "wire.rss", folder / "page.html", "--db", path,
                 "--workers", "1", "--date", "2026-03-11", "--text-column", "body",
                 "--id-column", "guid")
    assert result.exit_code == 1, result.output  # three records skipped
    assert "coded 38 articles" in result.stdout and "3 skipped" in result.stdout
    assert "the entry has no content or summary" in result.stdout  # the summary's reasons
    assert f"{source}:31" in result.stderr and "E007" in result.stderr
    assert "page.bin" in result.stderr
    return path


def test_ingest_again_codes_nothing_but_what_changed(db):
    result = run("ingest", ROOT / "examples", "--db", db, "--workers", "1", "--date",
                 "2026-03-11")
    assert result.exit_code == 0
    assert "coded 0 articles" in result.stdout and "4 unchanged" in result.stdout
    # without --date the demo article (which gives no date) is another article
    result = run("ingest", ROOT / "examples" / "demo-article.txt", "--db", db, "--workers", "1")
    assert "coded 1 article (1 replacing older versions)" in result.stdout
    back = run("ingest", ROOT / "examples", "--db", db, "--workers", "1", "--date", "2026-03-11")
    assert "coded 1 article (1 replacing" in back.stdout and "3 unchanged" in back.stdout


def test_events_as_a_table_and_as_jsonl(db):
    table = run("events", "--db", db, "--dyad", "TUR", "GRC", "--limit", "3")
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split()[:5] == ["date", "source", "cameo", "plover", "target"]
    assert len(lines) == 5 and "of" in table.stderr
    jsonl = run("events", "--db", db, "--type", "ASSAULT", "--format", "jsonl")
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert rows and all(r["plover_type"] == "ASSAULT" for r in rows)
    assert all(r["story_articles"] >= 1 for r in rows)


def test_bad_options_are_errors_not_tracebacks(db, tmp_path):
    result = run("events", "--db", db, "--type", "HUGS")
    assert result.exit_code == 2 and "E024" in result.stderr and "PLOVER type" in result.stderr
    missing = run("events", "--db", tmp_path / "none.duckdb")
    assert missing.exit_code == 2 and "E022" in missing.stderr
    foreign = tmp_path / "notes.duckdb"
    foreign.write_text("my notes")
    result = run("ingest", ROOT / "examples", "--db", foreign, "--workers", "1")
    assert result.exit_code == 2 and "E018" in result.stderr
    assert foreign.read_text() == "my notes"
    no_model = run("ingest", ROOT / "examples", "--db", tmp_path / "m.duckdb", "--workers", "2",
                   "--model", "en_core_web_nothing")
    assert no_model.exit_code == 2 and "E002" in no_model.stderr


def test_dyad_table_and_chart(db, tmp_path):
    chart = tmp_path / "tur-grc.svg"
    result = run("dyad", "TUR", "GRC", "--db", db, "--plot", chart)
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header == ["period", "events", "stmt", "v-coop", "m-coop", "v-confl", "m-confl",
                      "goldstein"]
    assert chart.read_text().lstrip().startswith("<?xml") and "<svg" in chart.read_text()
    png = tmp_path / "chart.png"
    assert run("dyad", "TUR", "GRC", "--db", db, "--plot", png).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = run("dyad", "TUR", "GRC", "--db", db, "--plot", tmp_path / "chart.gif")
    assert bad.exit_code == 2 and "E026" in bad.stderr


def test_actors_and_sql(db):
    actors = run("actors", "--db", db, "--limit", "5", "--format", "csv")
    lines = actors.stdout.splitlines()
    assert lines[0].startswith("code,name,country,events") and len(lines) == 6
    sql = run("sql", "SELECT count(*) AS n FROM articles", "--db", db, "--format", "jsonl")
    assert json.loads(sql.stdout) == {"n": 38}
    ids = run("sql", "SELECT article_id FROM articles WHERE article_id NOT LIKE 'gen-%' "
              "ORDER BY 1", "--db", db, "--format", "csv").stdout.split()
    assert ids == ["article_id", "c1", "c2", "demo-article",
                   "https://courier.example/world/talks-in-cairo", "wire-001", "wire-002",
                   "wire-003", "wire-1"]
    refused = run("sql", "DROP TABLE events", "--db", db)
    assert refused.exit_code == 2 and "E023" in refused.stderr


def test_exports(db, tmp_path):
    gdelt = tmp_path / "events.tsv"
    assert run("export", "--db", db, "--format", "gdelt", "-o", gdelt).exit_code == 0
    assert {len(line.split("\t")) for line in gdelt.read_text().splitlines()} == {61}
    jsonl = run("export", "--db", db, "--format", "jsonl")
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert len(records) == 38 and "demo-article" in {r["id"] for r in records}
    assert run("export", "--db", db, "--format", "parquet", "-o", tmp_path / "pq").exit_code == 0
    assert (tmp_path / "pq" / "events.parquet").exists()
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2
