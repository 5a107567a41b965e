"""Records are read from JSONL and Parquet into chunks with stable keys; bad lines and
files become reports naming where they are."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq

from communique.batch.locations import InputFile, Location
from communique.batch.sources import (
    chunk_from_row,
    chunk_to_row,
    corpus_chunks,
    read_records,
)
from communique.io.checks import InputRecord
from communique.io.readers import Unreadable
from communique.store import text_id


def jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return InputFile(Location.parse(str(path)), "jsonl")


def test_chunks_cut_each_file_and_are_keyed_by_file_and_first_record(tmp_path):
    a = jsonl(tmp_path / "a.jsonl", [json.dumps({"id": f"a{i}", "text": "x"}) for i in range(5)])
    b = jsonl(tmp_path / "b.jsonl", [json.dumps({"id": "b0", "text": "y"})])
    chunks = list(corpus_chunks([a, b], size=2))
    assert [(c.key, [r.id for r in c.items]) for c in chunks] == [
        ("00000-000000000", ["a0", "a1"]), ("00000-000000002", ["a2", "a3"]),
        ("00000-000000004", ["a4"]), ("00001-000000000", ["b0"])]


def test_records_get_the_default_date_and_an_id_from_their_text(tmp_path):
    file = jsonl(tmp_path / "a.jsonl", [json.dumps({"text": "Some news."}),
                                        json.dumps({"id": 7, "date": "2025-01-02",
                                                    "text": "More news."})])
    first, second = next(corpus_chunks([file], size=10, date="2026-01-01")).items
    assert (first.id, first.date) == (text_id("Some news."), "2026-01-01")
    assert (second.id, second.date) == ("7", "2025-01-02")


def test_gzipped_jsonl_is_read_and_bad_lines_say_where_they_are(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write('{"id": "a", "text": "ok"}\n[1, 2]\n{"id": "b"}\n')
    items = list(read_records(InputFile(Location.parse(str(path)), "jsonl")))
    assert isinstance(items[0], InputRecord)
    assert [(i.origin.endswith(f"a.jsonl.gz:{n}"), i.error.code)
            for n, i in ((2, items[1]), (3, items[2]))] == [(True, "E012"), (True, "E008")]


def test_a_corrupt_gzip_file_is_reported_not_raised(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    items = list(read_records(InputFile(Location.parse(str(path)), "jsonl")))
    assert len(items) == 1 and isinstance(items[0], Unreadable)
    assert items[0].error.code == "E025" and "cannot read the file" in items[0].error.message


def test_parquet_columns_become_record_fields(tmp_path):
    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({
        "article_id": [1, 2], "text": ["One.", None],
        "date": pa.array([dt.datetime(2026, 2, 3, 10, 0), None], pa.timestamp("s")),
        "title": ["A title", "  "]}), path)
    first, second = read_records(InputFile(Location.parse(str(path)), "parquet"))
    assert (first.id, first.date, first.title, first.text) == ("1", "2026-02-03", "A title",
                                                               "One.")
    assert second.origin.endswith("a.parquet:row 2") and second.text == ""
    assert second.title is None


def test_a_parquet_file_without_text_is_one_report(tmp_path):
    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"body": ["One."]}), path)
    (item,) = read_records(InputFile(Location.parse(str(path)), "parquet"))
    assert isinstance(item, Unreadable) and "no column 'text'" in item.error.message


def test_not_parquet_is_reported(tmp_path):
    path = tmp_path / "a.parquet"
    path.write_text("this is not parquet")
    (item,) = read_records(InputFile(Location.parse(str(path)), "parquet"))
    assert isinstance(item, Unreadable) and item.error.code == "E025"


def test_chunks_survive_the_trip_between_ray_stages(tmp_path):
    file = jsonl(tmp_path / "a.jsonl", ['{"id": "a", "text": "ok"}', "{bad"])
    chunk = next(corpus_chunks([file], size=5))
    again = chunk_from_row(chunk_to_row(chunk))
    assert again.key == chunk.key and again.items[0] == chunk.items[0]
    assert again.items[1].origin == chunk.items[1].origin
    assert again.items[1].error.to_dict() == chunk.items[1].error.to_dict()
