"""Tables are validated row by row; every error names the file and the line."""

from __future__ import annotations

import pytest

from communique.errors import TableError
from communique.tables.cameo import CameoRow
from communique.tables.loader import read_tsv, read_yaml_list
from communique.tables.patterns import PatternEntry


def test_a_bad_row_is_reported_with_its_line(tmp_path):
    path = tmp_path / "codes.tsv"
    path.write_text("# comment\ncode\tname\tgoldstein\troot\tquad\n"
                    "051\tPraise\t3.4\t05\t1\n052\tDefend\tlots\t05\t1\n")
    with pytest.raises(TableError) as caught:
        read_tsv(path, CameoRow)
    assert f"{path}:4" in str(caught.value)
    assert "goldstein" in str(caught.value)


def test_an_unknown_column_is_an_error(tmp_path):
    path = tmp_path / "codes.tsv"
    path.write_text("code\tname\tweight\n")
    with pytest.raises(TableError, match="unknown column"):
        read_tsv(path, CameoRow)


def test_a_code_must_start_with_its_root(tmp_path):
    path = tmp_path / "codes.tsv"
    path.write_text("code\tname\tgoldstein\troot\tquad\n051\tPraise\t3.4\t06\t1\n")
    with pytest.raises(TableError, match="does not start with its root"):
        read_tsv(path, CameoRow)


def test_yaml_entries_keep_their_lines_and_words_like_on(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("patterns:\n- {code: '040', verbs: [meet], preps: [on, with]}\n"
                    "- code: '051'\n  verbs: [praise]\n  colour: red\n")
    with pytest.raises(TableError) as caught:
        read_yaml_list(path, PatternEntry, key="patterns")
    assert f"{path}:3" in str(caught.value) and "colour" in str(caught.value)
    path.write_text("patterns:\n- {code: '040', verbs: [meet], preps: [on, with, off]}\n")
    [(line, entry)] = read_yaml_list(path, PatternEntry, key="patterns")
    assert line == 2
    assert entry.preps == ["on", "with", "off"]


def test_yaml_syntax_errors_have_a_line(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("patterns:\n- {code: '040', verbs: [meet\n- oops\n")
    with pytest.raises(TableError, match=r"t\.yaml:\d+: YAML syntax"):
        read_yaml_list(path, PatternEntry, key="patterns")
