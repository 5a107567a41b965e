"""The lexicon's name key (`fold_name`): one spelling of a name finds the entry of another."""

from __future__ import annotations

import pytest

from communique.tables import Lexicon, Meaning
from communique.tables.lexicon import fold_name


@pytest.mark.parametrize("written, table", [
    ("Inter-Parliamentary Union", "Inter Parliamentary Union"),
    ("Al-Shabaab", "al Shabaab"),
    ("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    ("Hay\u2019at Tahrir al\u2010Sham", "Hayat Tahrir al Sham"),
    ("Jaish-e-Mohammed", "Jaish e Mohammed"),
    ("Islamic State-Khorasan", "Islamic State Khorasan"),
    ("Sinn Féin", "Sinn Fein"),
    ("CÔTE D'IVOIRE", "Cote dIvoire"),
    ("Kurdistan Workers' Party", "Kurdistan Workers Party"),
])
def test_spellings_of_one_name_have_one_key(written, table):
    assert fold_name(written) == fold_name(table)


@pytest.mark.parametrize("one, other", [
    ("Al Shabab", "Al Shabaab"),  # another transliteration is another name in the table
    ("Guinea-Bissau", "Guinea"),
    ("Israel\u2013Hamas", "Israel Hamas"),  # an en dash joins two names, not one
])
def test_different_names_keep_different_keys(one, other):
    assert fold_name(one) != fold_name(other)


def test_the_key_is_lower_case_with_single_spaces():
    assert fold_name("  Inter -  Parliamentary\tUNION ") == "inter parliamentary union"
    assert fold_name("Ḥayʼat") == "hayat"


def test_a_table_spelling_and_a_written_one_find_one_entry():
    lexicon = Lexicon()
    meaning = Meaning("organization", "SOM", "REB", None, "al-Shabaab")
    lexicon.add_name("al Shabaab", meaning)
    lexicon.add_name("Al-Shabaab", meaning)
    assert list(lexicon.names) == ["al shabaab"]
    assert lexicon.lookup("AL-SHABAAB") == [meaning]
    assert lexicon.lookup("Al Shabaab") == [meaning]


def test_the_package_lexicon_finds_names_however_they_are_punctuated():
    lexicon = Lexicon.load()
    assert [m.org for m in lexicon.lookup("Inter-Parliamentary Union")] == ["IPU"]
    assert lexicon.lookup("Jaish e Mohammed")[0].org == "JEM"
    assert lexicon.lookup("Hay’at Tahrir al-Sham")[0].org == "HTS"
    assert lexicon.lookup("Sinn Fein")[0].country == "IRL"
