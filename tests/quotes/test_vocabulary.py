"""The words that attribute quotes are a validated data table."""

from __future__ import annotations

import pytest

from communique.errors import TableError
from communique.quotes.vocabulary import Vocabulary, package_vocabulary


def test_the_package_table_loads_with_its_groups():
    vocabulary = package_vocabulary()
    assert {"say", "tell", "add", "insist", "warn"} <= vocabulary.reporting
    assert "laugh" in vocabulary.manner and "laugh" not in vocabulary.reporting
    assert {"call", "describe"} <= vocabulary.naming
    assert "statement" in vocabulary.nouns
    # a verb of thinking reports nothing anyone said
    assert not {"believe", "think", "hope"} & vocabulary.cues


def test_a_phrasal_verb_counts_only_with_its_particle():
    vocabulary = package_vocabulary()
    assert vocabulary.particles["point"] == "out"
    assert vocabulary.particles["go"] == "on"


def test_a_bad_entry_names_the_file_and_the_line(tmp_path):
    path = tmp_path / "quotes.yaml"
    path.write_text("reporting_verbs: [say, tell]\n# a comment\nnouns: [statement, Remark]\n")
    with pytest.raises(TableError) as caught:
        Vocabulary.load(path)
    assert f"{path}:3" in str(caught.value)
    assert "Remark" in str(caught.value)


def test_an_unknown_list_is_an_error(tmp_path):
    path = tmp_path / "quotes.yaml"
    path.write_text("reporting_verbs: [say]\nspeech_verbs: [say]\n")
    with pytest.raises(TableError) as caught:
        Vocabulary.load(path)
    assert f"{path}:2" in str(caught.value)


def test_the_reporting_list_is_required(tmp_path):
    path = tmp_path / "quotes.yaml"
    path.write_text("nouns: [statement]\n")
    with pytest.raises(TableError, match="reporting_verbs"):
        Vocabulary.load(path)
