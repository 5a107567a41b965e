"""Fuzzing the readers and the record check: no traceback, every record read or
reported with its place."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from communique.errors import InputError
from communique.io.checks import InputRecord, Unreadable, check_record, make_record
from communique.io.normalise import normalise
from communique.io.readers import read_file, read_jsonl, read_stream

from .strategies import hostile_text, jsonl_lines, record_mapping

SUFFIXES = [".txt", ".jsonl", ".csv", ".tsv", ".html", ".xml", ".parquet", ".gz"]


def _writable(record: InputRecord) -> None:
    for value in (record.text, record.id, record.title, record.source, record.url,
                  record.date, record.origin):
        if isinstance(value, str):
            value.encode("utf-8")


@given(record_mapping)
def test_a_mapping_becomes_a_writable_record_or_a_coded_rejection(data):
    item = make_record(data, "fuzz:1")
    if isinstance(item, Unreadable):
        assert item.error.code.startswith("E") and "\n" not in item.error.message
        item.error.message.encode("utf-8")
        return
    _writable(item)
    try:
        checked = check_record(item, max_chars=5000)
    except InputError as error:
        error.message.encode("utf-8")
        assert error.message.startswith("fuzz:1")
        return
    _writable(checked)


@given(hostile_text)
def test_any_text_is_checked_without_a_traceback(text):
    record = InputRecord(text=text, origin="fuzz")
    _writable(record)
    try:
        check_record(record, max_chars=2000)
    except InputError as error:
        error.message.encode("utf-8")


@given(hostile_text)
def test_normalising_maps_every_offset_into_the_original(text):
    record = InputRecord(text=text)
    normal, offsets = normalise(record.text)
    if offsets is None:
        assert len(normal) == len(record.text)
        return
    for start in range(len(normal)):
        original = offsets.start(start)
        assert record.text[original] == normal[start] or normal[start] in " \n"
        assert offsets.end(start + 1) == original + 1


@given(jsonl_lines)
def test_every_jsonl_line_is_read_or_reported(lines):
    items = list(read_jsonl(io.BytesIO(b"".join(lines)), "f.jsonl"))
    assert len(items) == sum(1 for line in lines if line.strip())
    for item in items:
        assert isinstance(item, InputRecord | Unreadable)
        if isinstance(item, Unreadable):
            item.error.message.encode("utf-8")
        else:
            _writable(item)


@given(st.binary(max_size=400))
def test_any_bytes_on_standard_input_read_or_reported(data):
    for item in read_stream(io.BytesIO(data), "<stdin>"):
        assert isinstance(item, InputRecord | Unreadable)


@given(st.binary(max_size=300), st.sampled_from(SUFFIXES))
def test_any_bytes_in_a_file_of_any_kind_read_or_reported(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    for item in read_file(path):
        assert isinstance(item, InputRecord | Unreadable)
        if isinstance(item, Unreadable):
            item.error.message.encode("utf-8")


@given(st.lists(record_mapping, min_size=1, max_size=4))
def test_csv_of_hostile_cells_read_or_reported(tmp_path_factory, rows):
    import csv

    path = tmp_path_factory.mktemp("fuzz") / "rows.csv"
    with path.open("w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "title"])
        for row in rows:
            writer.writerow([json.dumps(row.get(k)) if not isinstance(row.get(k), str)
                             else row.get(k) for k in ("id", "text", "title")])
    for item in read_file(path):
        assert isinstance(item, InputRecord | Unreadable)
