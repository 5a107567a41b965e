"""`communique batch` from the command line: Parquet out, rejects reported, exit statuses."""

from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from communique.cli import main

from ..conftest import ROOT

pytestmark = pytest.mark.model
ARTICLES = ROOT / "examples" / "articles.jsonl"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_a_corpus_is_coded_into_tables_and_bad_records_into_rejects(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(ARTICLES.read_text(encoding="utf-8") + "oops\n", encoding="utf-8")
    result = run("batch", str(corpus), str(tmp_path / "out"), "--workers", "1")
    assert result.exit_code == 1, result.output
    assert "coded 3 articles" in result.stderr and "rejected 1" in result.stderr
    [reject] = [json.loads(line) for line in
                (tmp_path / "out" / "rejects.jsonl").read_text().splitlines()]
    assert reject["where"].endswith("corpus.jsonl:4") and reject["code"] == "E007"
    ids = duckdb.sql(f"SELECT DISTINCT article_id FROM read_parquet("
                     f"'{tmp_path}/out/events/*.parquet') ORDER BY 1").fetchall()
    assert ids == [("wire-001",), ("wire-002",), ("wire-003",)]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["articles"] == 3 and summary["rejected"] == 1


def test_earlier_output_is_an_error_without_overwrite(tmp_path):
    out = tmp_path / "out"
    assert run("batch", str(ARTICLES), str(out), "--workers", "1").exit_code == 0
    again = run("batch", str(ARTICLES), str(out), "--workers", "1")
    assert again.exit_code == 2 and "E027" in again.stderr and "--overwrite" in again.stderr
    assert run("batch", str(ARTICLES), str(out), "--workers", "1",
               "--overwrite").exit_code == 0


def test_a_missing_input_is_an_error_not_a_traceback(tmp_path):
    result = run("batch", str(tmp_path / "nothing.jsonl"), str(tmp_path / "out"))
    assert result.exit_code == 2 and "E014" in result.stderr
