"""The sense checks table (`senses.yaml`): loaded, validated, errors with a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import TableError
from communique.tables import load_knowledge
from communique.tables.senses import SenseTable


@pytest.fixture(scope="module")
def cameo():
    return load_knowledge().cameo


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "senses.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_checks_load_with_their_word_sets(cameo):
    table = SenseTable.load(cameo)
    kick = [c for c in table.verbs["kick"] if c.rest == ("off",)]
    assert kick and "negotiation" in kick[0].objects and "season" in kick[0].objects
    assert all(c.then in {"none", "carry"} or c.then in cameo
               for checks in (*table.verbs.values(), *table.nouns.values()) for c in checks)
    assert {c.rule for c in table.nouns["shot"]} == {"sense-shot-is-a-remark"}


def test_an_unknown_code_names_its_line(tmp_path, cameo):
    path = write(tmp_path, "checks:\n  - {name: a, verbs: [kick], objects: [ball], then: none}\n"
                           "  - {name: b, verbs: [kick], objects: [ball], then: '999'}\n")
    with pytest.raises(TableError, match=r"senses.yaml:3: .*999"):
        SenseTable.load(cameo, path)


def test_an_unknown_word_set_is_an_error(tmp_path, cameo):
    path = write(tmp_path, "sets:\n  balls: [ball]\n"
                           "checks:\n  - {name: a, verbs: [kick], objects: [$goals], then: none}\n")
    with pytest.raises(TableError, match=r"unknown word set \$goals"):
        SenseTable.load(cameo, path)


@pytest.mark.parametrize("entry, problem", [
    ("{name: a, verbs: [kick], then: none}", "needs a condition"),
    ("{name: a, verbs: [kick], nouns: [kick], context: [x], then: none}", "verbs or nouns"),
    ("{name: a, verbs: [kick], objects: [x], then: none, code: '190'}", "code"),
    ("{name: Bad Name, verbs: [kick], objects: [x], then: none}", "name"),
])
def test_a_malformed_check_is_refused(tmp_path, cameo, entry, problem):
    path = write(tmp_path, f"checks:\n  - {entry}\n")
    with pytest.raises(TableError, match=problem):
        SenseTable.load(cameo, path)
