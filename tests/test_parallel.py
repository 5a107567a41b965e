"""Coding over worker processes gives the same records, in order, as one process."""

from __future__ import annotations

import io
import os
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


def test_two_spawned_workers_match_one_process(coder, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ARTICLES_FOR_WORKERS", 2)  # workers even for five
    rejected = []
    two = ParallelCoder(coder.settings, workers=2, chunk_size=2, start="spawn")
    pooled = list(two.code_many(records(), on_error=rejected.append))
    assert (two.started_workers, two.start_method) == (2, "spawn")
    local = list(coder.code_many(records(), on_error=lambda r: None))
    assert [a.id for a in pooled] == ["r0", "r2", "r3", "r4"]
    assert [a.to_dict() for a in pooled] == [a.to_dict() for a in local]
    assert [r.origin for r in rejected] == ["list:1"]
    assert rejected[0].error.code == "E004"


# -- workers forked from a process that has loaded the model ------------------------------
NEWS = [
    "Israeli troops shelled Palestinian positions near Rafah on Sunday.",
    "Japan and South Korea agreed on Monday to resume security talks.",
    "Police arrested 12 protesters in Tehran after a rally against the government.",
    "El gobierno de Venezuela rechazó el lunes las nuevas sanciones anunciadas por "
    "Washington y acusó a Estados Unidos de intervenir en sus asuntos internos.",
    "The European Union imposed new sanctions on Belarus over the crackdown.",
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow.",
    "Indian and Pakistani troops exchanged fire across the Line of Control.",
]


def news_records():
    return [InputRecord(text=t, id=f"n{i}", date="2026-01-01", origin=f"news:{i}")
            for i, t in enumerate(NEWS)]


def no_model_load(*args, **kwargs):
    raise AssertionError("the model was loaded again")


def test_fork_is_refused_while_another_thread_runs():
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, name="reader", daemon=True)
    thread.start()
    try:
        assert "reader" in parallel.fork_hazard()
    finally:
        stop.set()
        thread.join()


def test_a_start_method_the_platform_lacks_fails_at_construction():
    with pytest.raises(ValueError, match="start must be"):
        ParallelCoder(workers=2, start="forkserverless")


def test_the_cli_progress_bar_starts_no_thread():
    import threading

    from communique.cli.progress import ProgressBar

    before = threading.active_count()
    with ProgressBar(disable=True) as bar:
        bar.update(1)
    with ProgressBar(total=2, disable=False, file=io.StringIO()) as bar:
        bar.update(2)
        assert threading.active_count() == before


def test_forked_workers_code_the_records_one_process_codes(coder, monkeypatch):
    # where fork is safe, it is the default (the test run may hold other tests' threads)
    monkeypatch.setattr(parallel, "fork_hazard", lambda: None)
    monkeypatch.setattr(parallel, "MIN_ARTICLES_FOR_WORKERS", 2)
    monkeypatch.setattr(parallel, "Coder", no_model_load)  # forked children see this too
    rejected = []
    two = ParallelCoder(workers=2, chunk_size=2, coder=coder)
    pooled = list(two.code_many(news_records(), on_error=rejected.append))
    assert (two.started_workers, two.start_method) == (2, "fork")
    local = list(coder.code_many(news_records(), on_error=lambda r: None))
    assert [a.id for a in pooled] == ["n0", "n1", "n2", "n4", "n5", "n6"]
    assert [a.to_dict() for a in pooled] == [a.to_dict() for a in local]
    assert any(e.source and e.target for a in pooled for e in a.events)  # real coding
    assert [(r.origin, r.error.code) for r in rejected] == [("news:3", "E010")]  # Spanish


def test_an_article_failing_in_a_forked_worker_is_reported_and_the_rest_coded(
        coder, monkeypatch):
    from communique.coder import Coder

    parent = os.getpid()
    to_article = Coder.to_article

    def broken_on_one(self, doc, record, **kwargs):
        if record.id == "n4":
            raise RuntimeError(f"broken in process {os.getpid()}")
        return to_article(self, doc, record, **kwargs)

    monkeypatch.setattr(parallel, "MIN_ARTICLES_FOR_WORKERS", 2)
    monkeypatch.setattr(Coder, "to_article", broken_on_one)
    rejected = []
    two = ParallelCoder(workers=2, chunk_size=2, coder=coder, start="fork")
    pooled = list(two.code_many(news_records(), on_error=rejected.append))
    assert two.start_method == "fork"
    assert [a.id for a in pooled] == ["n0", "n1", "n2", "n5", "n6"]
    failed = [r for r in rejected if r.id == "n4"]
    assert len(failed) == 1 and failed[0].error.code == "E012"
    assert "RuntimeError" in failed[0].error.message
    assert f"process {parent}" not in failed[0].error.message  # it failed in a worker
