"""Coding over worker processes gives the same records, in order, as one process."""

from __future__ import annotations

import pickle

import pytest

from communique.errors import E004, InputError
from communique.io.checks import InputRecord
from communique.parallel import ParallelCoder

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


def test_two_workers_match_one_process(coder):
    rejected = []
    parallel = list(ParallelCoder(coder.settings, workers=2, chunk_size=2)
                    .code_many(records(), on_error=rejected.append))
    local = list(coder.code_many(records(), on_error=lambda r: None))
    assert [a.id for a in parallel] == ["r0", "r2", "r3", "r4"]
    assert [a.to_dict() for a in parallel] == [a.to_dict() for a in local]
    assert [r.origin for r in rejected] == ["list:1"]
    assert rejected[0].error.code == "E004"
