"""A corpus read as chunks of records: the unit of work of a batch run.

Each input file is read in order into `InputRecord`s (or `Unreadable` items naming the
file and line or row), and cut into chunks of a fixed number of records. A chunk's key
(file number, then the number of its first record in that file) names the part files
its articles are written to, so a chunk coded twice (a Ray task retried) overwrites its
own output instead of adding to it.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

import pyarrow as pa

from ..errors import E025, InputError
from ..io.checks import InputRecord, Unreadable
from ..io.formats import parquet_records
from ..io.readers import read_jsonl
from ..store.database import text_id
from .locations import InputFile

READ_BUFFER = 1 << 20


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive records of one file; `key` names the part files of their output."""

    key: str
    items: list[InputRecord | Unreadable]


def corpus_chunks(files: Iterable[InputFile], *, size: int, date: str | None = None
                  ) -> Iterator[Chunk]:
    for number, file in enumerate(files):
        yield from file_chunks(number, file, size=size, date=date)


def file_chunks(number: int, file: InputFile, *, size: int, date: str | None = None
                ) -> Iterator[Chunk]:
    items = (with_defaults(item, date) for item in read_records(file))
    first = 0
    while batch := list(islice(items, size)):
        yield Chunk(f"{number:05d}-{first:09d}", batch)
        first += len(batch)


def with_defaults(item: InputRecord | Unreadable, date: str | None
                  ) -> InputRecord | Unreadable:
    """A record gets the default date if it has none, and an id from its text if it has
    none (the id the store gives it too), so every article can key its table rows."""
    if not isinstance(item, InputRecord):
        return item
    changes: dict[str, Any] = {}
    if date and not item.date:
        changes["date"] = date
    if item.id is None and isinstance(item.text, str):
        changes["id"] = text_id(item.text)
    return replace(item, **changes) if changes else item


def read_records(file: InputFile) -> Iterator[InputRecord | Unreadable]:
    """The records of one file; a file that fails part-way is reported from there on."""
    location = file.location
    count = 0
    try:
        reader = _jsonl_records if file.format == "jsonl" else _parquet_records
        for item in reader(file):
            count += 1
            yield item
    except (pa.ArrowException, OSError, EOFError, ValueError) as exc:
        where = location.display if count == 0 else f"{location.display} after record {count}"
        problem = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else \
            type(exc).__name__
        yield Unreadable(where, InputError(E025, where=where,
                                           problem=f"cannot read the file ({problem})"))


def _jsonl_records(file: InputFile) -> Iterator[InputRecord | Unreadable]:
    location = file.location
    with location.filesystem.open_input_stream(location.path, compression="detect") as raw:
        yield from read_jsonl(io.BufferedReader(raw, READ_BUFFER), location.display)


def _parquet_records(file: InputFile) -> Iterator[InputRecord | Unreadable]:
    location = file.location
    with location.filesystem.open_input_file(location.path) as handle:
        yield from parquet_records(handle, location.display)


# -- chunks between Ray stages: rows of a key and the pickled chunk ---------------------
def chunk_to_row(chunk: Chunk) -> dict[str, Any]:
    return {"key": chunk.key, "chunk": pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)}


def chunk_from_row(row: dict[str, Any]) -> Chunk:
    return pickle.loads(row["chunk"])
