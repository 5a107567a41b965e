"""Coding over worker processes gives the same records, in order, as one process."""

from __future__ import annotations

import pickle

import pytest

from communique import parallel
from communique.errors import E004, InputError
from communique.io.checks import InputRecord
from communique.parallel import ParallelCoder, workers_pay

pytestmark = pytest.mark.model

TEXTS = [
    "Israeli troops shelled Palestinian positions near Rafah on Sunday.",
    "",
    "Japan and South Korea agreed on Monday to resume security talks.",
    "Police arrested 12 protesters in Tehran.",
    "The European Union imposed new sanctions on Belarus.",
]


def records():
    return [InputRecord(text=t, id=f"r{i}", date="2026-01-01", origin=f"list:{i}")
            for i, t in enumerate(TEXTS)]


def test_errors_survive_pickling():
    error = InputError(E004, where="x.jsonl:3")
    again = pickle.loads(pickle.dumps(error))
    assert again.code == "E004" and again.message == error.message


def test_workers_start_only_for_a_run_big_enough():
    assert not workers_pay(3, 12_000)
    assert not workers_pay(parallel.MIN_ARTICLES_FOR_WORKERS - 1,
                           parallel.MIN_CHARACTERS_FOR_WORKERS - 1)
    assert workers_pay(parallel.MIN_ARTICLES_FOR_WORKERS, 0)
    assert workers_pay(1, parallel.MIN_CHARACTERS_FOR_WORKERS)  # one long article


def no_processes(*args, **kwargs):
    raise AssertionError("a worker process was started")


def test_a_handful_of_articles_is_coded_in_this_process(coder, monkeypatch):
    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_processes)
    two = ParallelCoder(coder.settings, workers=2)
    articles = list(two.code_many(records(), on_error=lambda r: None))
    assert [a.id for a in articles] == ["r0", "r2", "r3", "r4"]
    assert two.started_workers == 0


def test_a_three_article_ingest_starts_no_workers(tmp_path, monkeypatch):
    import json

    from click.testing import CliRunner

    from communique.cli import main

    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_processes)
    source = tmp_path / "three.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n"
                              for i, t in enumerate(t for t in TEXTS if t)
                              if i < 3))
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(tmp_path / "n.db"),
                                       "--workers", "2", "--date", "2026-01-01"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "coded 3 articles" in result.output


def test_two_workers_match_one_process(coder, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ARTICLES_FOR_WORKERS", 2)  # workers even for five
    rejected = []
    two = ParallelCoder(coder.settings, workers=2, chunk_size=2)
    pooled = list(two.code_many(records(), on_error=rejected.append))
    assert two.started_workers == 2
    local = list(coder.code_many(records(), on_error=lambda r: None))
    assert [a.id for a in pooled] == ["r0", "r2", "r3", "r4"]
    assert [a.to_dict() for a in pooled] == [a.to_dict() for a in local]
    assert [r.origin for r in rejected] == ["list:1"]
    assert rejected[0].error.code == "E004"
