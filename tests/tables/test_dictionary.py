"""User dictionaries add or override patterns and actors, and are validated."""

from __future__ import annotations

import pytest

from communique.errors import TableError
from communique.tables import load_knowledge


def test_a_user_pattern_outranks_the_package(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("patterns:\n  - {code: '111', verbs: [hail]}\n"
                    "actors:\n  - {names: [Yuri Ushakov], country: RUS, sector: GOV}\n")
    knowledge = load_knowledge((str(path),))
    assert knowledge.grammar.verbs["hail"][0].code == "111"
    meaning = knowledge.lexicon.lookup("Yuri Ushakov")[0]
    assert (meaning.kind, meaning.country, meaning.sector) == ("person", "RUS", "GOV")
    assert load_knowledge().grammar.verbs["hail"][0].code == "051"  # package unchanged


def test_remove_drops_the_package_patterns(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("remove:\n  verbs: [praise]\n")
    assert "praise" not in load_knowledge((str(path),)).grammar.verbs


@pytest.mark.parametrize(("content", "line", "problem"), [
    ("patterns:\n  - {code: '999', verbs: [x]}\n", 2, "unknown CAMEO code 999"),
    ("patterns:\n  - {code: '051', verb: [x]}\n", 2, "verb"),
    ("actors:\n  - {names: [X], country: XXX}\n", 2, "XXX"),
    ("actors:\n\n  - {names: [X], sector: ZZZ}\n", 3, "unknown sector"),
    ("pattern:\n  - {code: '051', verbs: [x]}\n", 1, "unknown section"),
    ("patterns:\n  - {code: '051', verbs: [x], mode: phone}\n", 2, "not a PLOVER SUPPORT mode"),
])
def test_errors_name_the_line(tmp_path, content, line, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(TableError) as caught:
        load_knowledge((str(path),))
    assert f"{path}:{line}:" in str(caught.value)
    assert problem in str(caught.value)
