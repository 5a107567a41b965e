"""Reading articles: text files, JSONL, folders and standard input.

Every reader yields `InputRecord`s, or `Unreadable` items for what cannot be read (a
file that is not UTF-8, a malformed JSON line), each naming where it came from, so a
batch reports it and goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..errors import E006, E007, E008, E012, E014, CommuniqueError, InputError
from .checks import InputRecord

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
FIELDS = ("id", "text", "date", "title", "source", "url")


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input that could not be read as an article, and why."""

    origin: str
    error: CommuniqueError
    id: str | None = None


def read_inputs(paths: Iterable[str], *, date: str | None = None,
                stdin: BinaryIO | None = None) -> Iterator[InputRecord | Unreadable]:
    """Records from each path in turn: files, folders (recursively), or '-' for stdin.

    `date` fills in the publication date of records that have none.
    """
    for name in paths:
        if name == "-":
            source = stdin or sys.stdin.buffer
            yield from _with_date(read_stream(source, "<stdin>"), date)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _suffix(child) in TEXT_SUFFIXES | JSONL_SUFFIXES and not child.name.startswith("."):
                    yield from _with_date(read_file(child), date)
            continue
        if not path.exists():
            yield Unreadable(str(path), InputError(E014, path=path))
            continue
        yield from _with_date(read_file(path), date)


def _with_date(items: Iterable[InputRecord | Unreadable], date: str | None
               ) -> Iterator[InputRecord | Unreadable]:
    for item in items:
        if date and isinstance(item, InputRecord) and not item.date:
            item = replace(item, date=date)
        yield item


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def read_file(path: Path) -> Iterator[InputRecord | Unreadable]:
    try:
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as handle:
            if _suffix(path) in JSONL_SUFFIXES:
                yield from read_jsonl(handle, str(path))
            else:
                data = handle.read()
                yield _text_record(data, str(path), id=path.name.split(".")[0] or path.name)
    except OSError as exc:
        yield Unreadable(str(path), InputError(E012, where=str(path),
                                               problem=f"cannot read the file ({exc})"))


def read_stream(handle: BinaryIO, origin: str) -> Iterator[InputRecord | Unreadable]:
    """Standard input: JSONL if it starts with '{', else one text article."""
    data = handle.read()
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(io.BytesIO(data), origin)
    else:
        yield _text_record(data, origin, id=None)


def _text_record(data: bytes, origin: str, *, id: str | None) -> InputRecord | Unreadable:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Unreadable(origin, InputError(
            E006, where=origin, reason=f"byte {exc.start}: {data[exc.start:exc.start + 1]!r}"))
    return InputRecord(text=text.lstrip("\ufeff"), id=id, origin=origin)


def read_jsonl(handle: BinaryIO, origin: str) -> Iterator[InputRecord | Unreadable]:
    """One article a line: id, text, and optional date, title, source, url."""
    for number, raw in enumerate(handle, start=1):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Unreadable(where, InputError(E006, where=where,
                                               reason=f"byte {exc.start} of the line"))
            continue
        if number == 1:
            line = line.lstrip("\ufeff")
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Unreadable(where, InputError(E007, where=where,
                                               reason=f"{exc.msg} at column {exc.colno}"))
            continue
        if not isinstance(data, dict):
            yield Unreadable(where, InputError(E012, where=where,
                                               problem="the line is not a JSON object"))
            continue
        record_id = data.get("id")
        if record_id is not None and not isinstance(record_id, str):
            record_id = str(record_id)
        if "text" not in data or data["text"] is None:
            yield Unreadable(where, InputError(E008, where=where, field="text"), record_id)
            continue
        values = {name: data.get(name) for name in FIELDS}
        values["id"] = record_id
        yield InputRecord(**values, origin=where)
