"""Reading articles: text files, JSONL, CSV, HTML pages, RSS/Atom feeds, Parquet,
folders of them and standard input.

Every reader yields `InputRecord`s, or `Unreadable` items for what cannot be read (a
file that is not UTF-8, a malformed JSON line, a file of a kind communique does not
read), each naming where it came from, so a batch reports it and goes on. The format
follows the file's suffix (`.gz` is opened first for text and JSONL).
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import E006, E007, E012, E014, E025, InputError
from .checks import InputRecord, Unreadable, make_record, text_record
from .formats import (
    CSV_SUFFIXES,
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    PARQUET_SUFFIXES,
    Columns,
    count_parquet_rows,
    read_csv,
    read_feed,
    read_html,
    read_parquet,
)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
READ_SUFFIXES = (TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
                 | PARQUET_SUFFIXES)
__all__ = ["READ_SUFFIXES", "InputRecord", "Unreadable", "count_inputs", "folder_files",
           "read_file", "read_inputs", "read_jsonl", "read_stream"]


def read_inputs(paths: Iterable[str], *, date: str | None = None,
                stdin: BinaryIO | None = None, columns: Columns | None = None
                ) -> Iterator[InputRecord | Unreadable]:
    """Records from each path in turn: files, folders (recursively), or '-' for stdin.

    `date` fills in the publication date of records that have none; `columns` names the
    columns of CSV and Parquet files. A text file in a folder takes its path in the
    folder (without the suffix) as its id, so files of the same name in two subfolders
    stay two articles.
    """
    for name in paths:
        if name == "-":
            source = stdin or _standard_input()
            if source is None:
                yield Unreadable("<stdin>", InputError(
                    E012, where="<stdin>", problem="standard input is closed; give the "
                    "articles on it (`communique code - < file`) or name their files"))
                continue
            yield from _with_date(read_stream(source, "<stdin>"), date)
            continue
        path = Path(name)
        if path.is_dir():
            for child in folder_files(path):
                if _suffix(child) not in READ_SUFFIXES:
                    yield Unreadable(str(child), InputError(
                        E025, where=str(child),
                        problem=f"not a kind of file communique reads ({child.suffix})"))
                    continue
                folder = child.parent.relative_to(path).as_posix()
                stem = child.name.split(".")[0] or child.name
                text_id = stem if folder == "." else f"{folder}/{stem}"
                yield from _with_date(read_file(child, columns=columns, text_id=text_id),
                                      date)
            continue
        if not path.exists():
            yield Unreadable(str(path), InputError(E014, path=path))
            continue
        yield from _with_date(read_file(path, columns=columns), date)


def _standard_input() -> BinaryIO | None:
    """The process's standard input as bytes, or None when it is closed (`<&-`)."""
    stream = sys.stdin
    if stream is None:
        return None
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None or stream.closed:
            return None
        return buffer
    except (OSError, ValueError):
        return None


def folder_files(folder: Path) -> list[Path]:
    """The files under a folder, in a stable order, leaving out hidden ones."""
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".")
                                             for part in p.relative_to(folder).parts))


def count_inputs(paths: Iterable[str], *, columns: Columns | None = None) -> int | None:
    """About how many records the paths hold, cheaply (for a progress estimate); None
    when it cannot be known beforehand (standard input)."""
    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        files = folder_files(path) if path.is_dir() else [path] if path.exists() else []
        for file in files:
            total += _count_file(file, columns)
    return total


def _count_file(path: Path, columns: Columns | None) -> int:
    suffix = _suffix(path)
    try:
        if suffix in JSONL_SUFFIXES:
            opener = gzip.open if path.suffix.lower() == ".gz" else open
            with opener(path, "rb") as handle:
                return sum(1 for line in handle if line.strip())
        if suffix in CSV_SUFFIXES:
            return sum(1 for item in read_csv(path, columns))
        if suffix in FEED_SUFFIXES:
            return sum(1 for item in read_feed(path))
        if suffix in PARQUET_SUFFIXES:
            return count_parquet_rows(path) or 1
    except (OSError, EOFError):
        return 1
    return 1


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


def read_file(path: Path, *, columns: Columns | None = None, text_id: str | None = None
              ) -> Iterator[InputRecord | Unreadable]:
    """The records of one file, by its suffix; other suffixes are read as text."""
    suffix = _suffix(path)
    try:
        if suffix in CSV_SUFFIXES:
            yield from read_csv(path, columns)
        elif suffix in HTML_SUFFIXES:
            yield from read_html(path, fallback_id=text_id or path.name.split(".")[0])
        elif suffix in FEED_SUFFIXES:
            yield from read_feed(path)
        elif suffix in PARQUET_SUFFIXES:
            yield from read_parquet(path, columns)
        else:
            opener = gzip.open if path.suffix.lower() == ".gz" else open
            with opener(path, "rb") as handle:
                if suffix in JSONL_SUFFIXES:
                    yield from read_jsonl(handle, str(path))
                else:
                    data = handle.read()
                    yield text_record(data, str(path),
                                      id=text_id or path.name.split(".")[0] or path.name)
    except (OSError, EOFError) as exc:
        yield Unreadable(str(path), InputError(E012, where=str(path),
                                               problem=f"cannot read the file ({exc})"))


def read_stream(handle: BinaryIO, origin: str) -> Iterator[InputRecord | Unreadable]:
    """Standard input: JSONL if it starts with '{', else one text article."""
    try:
        data = handle.read()
    except (OSError, ValueError) as exc:  # a closed or broken stream
        yield Unreadable(origin, InputError(E012, where=origin,
                                            problem=f"cannot read it ({exc})"))
        return
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(io.BytesIO(data), origin)
    else:
        yield text_record(data, origin, id=None)


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
            yield Unreadable(where, InputError(E007, where=where, reason=json_problem(exc)))
            continue
        except RecursionError:  # thousands of nested brackets
            yield Unreadable(where, InputError(E007, where=where,
                                               reason="nested too deeply"))
            continue
        yield make_record(data, where)


def json_problem(exc: json.JSONDecodeError) -> str:
    """'Expecting value at column 5': json's own message ends in 'at' for some problems
    ('Invalid control character at')."""
    message = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
    return f"{message} at column {exc.colno}"
