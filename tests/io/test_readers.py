"""Readers turn files into records, and unreadable input into reported items."""

from __future__ import annotations

import io

from communique.io.checks import InputRecord
from communique.io.readers import Unreadable, read_inputs, read_stream


def test_jsonl_reports_bad_lines_and_keeps_the_rest(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b'{"id": "a", "text": "One.", "date": "2026-01-02"}\n'
                     b'{"id": "b", "text": \n'
                     b'\n'
                     b'{"id": "c"}\n'
                     b'{"id": "d", "text": "caf\xe9"}\n'
                     b'[1, 2]\n'
                     b'{"id": 5, "text": "Five.", "title": "T"}\n')
    items = list(read_inputs([str(path)], date="2026-03-01"))
    records = [i for i in items if isinstance(i, InputRecord)]
    bad = [i for i in items if isinstance(i, Unreadable)]
    assert [r.id for r in records] == ["a", "5"]
    assert records[0].date == "2026-01-02" and records[1].date == "2026-03-01"
    assert records[1].origin == f"{path}:7"
    assert [b.error.code for b in bad] == ["E007", "E008", "E006", "E012"]
    assert [b.origin for b in bad] == [f"{path}:{n}" for n in (2, 4, 5, 6)]


def test_text_files_folders_and_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha.")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_bytes(b"\xff\xfe bad")
    (sub / "c.jsonl").write_text('{"text": "Gamma."}\n')
    items = list(read_inputs([str(tmp_path), str(tmp_path / "nope.txt")]))
    assert [(type(i).__name__, i.origin.split("/")[-1]) for i in items] == [
        ("InputRecord", "a.txt"), ("Unreadable", "b.txt"), ("InputRecord", "c.jsonl:1"),
        ("Unreadable", "nope.txt")]
    assert items[0].id == "a"
    assert items[1].error.code == "E006" and items[3].error.code == "E014"


def test_standard_input_is_text_or_jsonl():
    [text] = read_stream(io.BytesIO(b"Plain text."), "<stdin>")
    assert text.text == "Plain text." and text.id is None
    lines = list(read_stream(io.BytesIO(b'{"id": "x", "text": "J."}\n'), "<stdin>"))
    assert lines[0].id == "x" and lines[0].origin == "<stdin>:1"
