"""Triggers match every form of the verb a pattern names, the lemmatiser's slips aside:
the model lemmatises "extolled" as "extoll" and "repelled" as "repell"."""

from __future__ import annotations

import pytest

from communique import Coder


@pytest.fixture(scope="module")
def repel_coder(tmp_path_factory):
    path = tmp_path_factory.mktemp("dictionary") / "mine.yaml"
    path.write_text("patterns:\n  - {code: '190', verbs: [repel]}\n")
    return Coder(dictionaries=(str(path),))  # its own pipeline: the components hold tables


@pytest.mark.parametrize("text", [
    "Putin extolled the energy ties with China.",
    "Putin is extolling the energy ties with China.",
    "Putin extols the energy ties with China.",
])
def test_a_package_verb_matches_its_inflected_forms(coder, text):
    assert [e.cameo for e in coder.code(text, date="2021-12-15").events] == ["051"]


@pytest.mark.parametrize("text", [
    "Ukrainian forces repelled Russian troops near Kharkiv.",
    "Ukrainian forces are repelling Russian troops near Kharkiv.",
    "Ukrainian forces repel Russian troops near Kharkiv.",
])
def test_a_user_verb_matches_its_inflected_forms(repel_coder, coder, text):
    assert "190" in [e.cameo for e in repel_coder.code(text, date="2022-05-01").events]
    assert "190" not in [e.cameo for e in coder.code(text, date="2022-05-01").events]


def test_a_pipeline_is_not_shared_by_coders_with_other_dictionaries(coder, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("patterns:\n  - {code: '190', verbs: [repel]}\n")
    with pytest.raises(ValueError, match="dictionaries"):
        Coder(dictionaries=(str(path),), nlp=coder.nlp)
