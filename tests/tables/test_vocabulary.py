"""The shared vocabulary: one list per concept, validated on load, an error with its line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from communique.errors import TableError
from communique.tables import vocabulary
from communique.tables.vocabulary import (
    _cameo_classes,
    _sector_groups,
    _vocabulary,
    cameo_class,
    sector_group,
    word_list,
    words,
)

SOURCE = Path(vocabulary.__file__).resolve().parents[1]


def test_shipped_lists_load_and_are_shared_by_the_stages():
    from communique.actors import mentions, registry
    from communique.events import drafts
    from communique.quotes import reading

    assert "mr" in words("honorifics")
    assert mentions.HONORIFICS == reading.HONORIFICS == words("honorifics")
    assert words("honorifics") | words("titles_in_names") == registry.HONORIFICS
    assert words("locative_prepositions") == mentions.LOCATIVE_PREPS
    assert words("locative_prepositions") | words("entry_prepositions") == drafts.LOCATIVE_PREPS
    assert word_list("thing_prepositions")[0] == "of"  # an order of preference


def test_cameo_classes_and_sector_groups_are_columns_of_the_code_tables():
    assert cameo_class("violent") == {"18", "19", "20"}
    assert "115" in cameo_class("authority")  # a class may hold codes below a root
    assert sector_group("state") == {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
    assert "UAF" in sector_group("political") and "UAF" not in sector_group("state")


def test_an_unknown_name_is_a_clear_error():
    with pytest.raises(KeyError, match="no word list 'honourifics'"):
        words("honourifics")
    with pytest.raises(KeyError, match="no class"):
        cameo_class("peaceful")
    with pytest.raises(KeyError, match="no sector group"):
        sector_group("nobody")


@pytest.mark.parametrize("text, problem", [
    ("honorifics: [mr, Mr]\n", "lower-case"),
    ("honorifics: [mr, mr]\n", "'mr' twice"),
    ("# a comment\nhonorifics: []\n", "non-empty list"),
    ("Honorifics: [mr]\n", "not a list name"),
])
def test_a_bad_list_is_reported_with_its_line(tmp_path, text, problem):
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text)
    with pytest.raises(TableError, match=problem) as caught:
        _vocabulary(path)
    assert f"{path}:{text.count(chr(10))}" in str(caught.value)


def test_a_class_of_unknown_codes_is_an_error(tmp_path):
    path = tmp_path / "classes.tsv"
    path.write_text("name\tcodes\tmeaning\nviolent\t18|19|29\tviolence\n")
    with pytest.raises(TableError, match=r"no such CAMEO code \['29'\]"):
        _cameo_classes(path)


def test_a_bad_sector_group_is_an_error(tmp_path):
    path = tmp_path / "sectors.tsv"
    path.write_text("code\tname\tgroups\nGOV\tGovernment\tState\n")
    with pytest.raises(TableError, match="not a group name"):
        _sector_groups(path)


def test_no_stage_keeps_a_word_set_of_its_own():
    """Module-level sets of English words live in data/vocabulary.yaml (a set of kinds,
    spaCy labels, tags or file suffixes is a mechanism and may stay in code)."""
    stages = ["actors", "events", "places", "dates"]
    found = []
    for stage in stages:
        for path in sorted((SOURCE / stage).glob("*.py")):
            for node in ast.parse(path.read_text()).body:
                if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name) \
                        or node.targets[0].id.endswith(("KINDS", "DEPS")):
                    continue
                value = node.value
                if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "frozenset":
                    value = value.args[0] if value.args else value
                if isinstance(value, ast.Set) and value.elts and all(
                        isinstance(e, ast.Constant) and isinstance(e.value, str)
                        and e.value.islower() and e.value.isalpha() for e in value.elts):
                    found.append(f"{path.name}:{node.lineno}")
    assert not found, f"word sets in code: {found}"
