"""The way in: every input record is made and checked here, before it is coded.

`InputRecord.from_mapping` is the one constructor that turns a mapping (a JSONL line, a
CSV or Parquet row, an API body, a dict given to the Python API) into a record, with one
set of rules for every reader; `make_record` does the same and gives an `Unreadable`
item instead of raising. Every `InputRecord` holds only text that can be written as
UTF-8: a lone surrogate (which JSON allows and broken scrapers emit) becomes U+FFFD in
the text, title, source and url (one character for one, so offsets keep their place)
and an escape (`\\ud800`) in the id and origin, so two ids stay two.

`check_record` is the one check before coding: types, emptiness, size, binary content,
language and date. Each failure raises an `InputError` naming the record, so a batch
skips the record, reports where it came from, and goes on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..errors import E004, E005, E006, E008, E009, E010, E011, E012, CommuniqueError, InputError
from .language import not_english_reason

FIELDS = ("id", "text", "date", "title", "source", "url")
OPTIONAL_FIELDS = ("date", "title", "source", "url")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _repaired(value: str) -> str:
    return value if value.isascii() or not _SURROGATE.search(value) else \
        _SURROGATE.sub("\ufffd", value)


def _escaped(value: str) -> str:
    if value.isascii() or not _SURROGATE.search(value):
        return value
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def shown(value: str) -> str:
    """A value as a one-line message shows it: controls, line breaks and invisible
    characters as escapes."""
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in value)


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One article to code, with where it came from (file and line) for messages."""

    text: str
    id: str | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = "<input>"

    def __post_init__(self) -> None:
        # nothing past the way in may fail to encode a string (spaCy's string store, the
        # content hash, DuckDB, the JSON written out)
        for name in ("text", "title", "source", "url", "date"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, _repaired(value))
        for name in ("id", "origin"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, _escaped(value))

    @property
    def where(self) -> str:
        """Where the record came from, for a one-line message."""
        if self.id is not None and str(self.id) not in self.origin:
            return shown(f"{self.origin} (id {self.id})")
        return shown(self.origin)

    @classmethod
    def from_mapping(cls, data: Any, origin: str, *, extra: str = "ignore") -> InputRecord:
        """A record from a mapping of its fields, or an `InputError` saying what is wrong.

        `text` is required (a string, or UTF-8 bytes); `id` may be a string or a number
        (kept as its string); `date`, `title`, `source` and `url` are strings, and empty
        ones are missing (a date may also be a `datetime.date`). Other keys are passed
        over, or refused with `extra="forbid"` (the HTTP API)."""
        origin = _escaped(str(origin))
        if not isinstance(data, Mapping):
            raise InputError(E012, where=shown(origin), problem="the record is not a JSON object "
                             f"but {_kind(data)}")
        record_id = _id_value(data.get("id"), origin)
        where = shown(origin if record_id is None else f"{origin} (id {_escaped(record_id)})")
        if extra == "forbid":
            unknown = sorted(repr(key) for key in data if key not in FIELDS)
            if unknown:
                raise InputError(E012, where=where, problem="unknown fields " + ", ".join(unknown))
        text = data.get("text")
        if text is None:
            raise InputError(E008, where=where, field="text")
        if isinstance(text, bytes | bytearray):
            text = _decoded(bytes(text), where)
        if not isinstance(text, str):
            raise InputError(E012, where=where, problem="the field 'text' must be a string, "
                             f"not {_kind(text)}")
        values: dict[str, str | None] = {}
        for name in OPTIONAL_FIELDS:
            values[name] = _optional_value(name, data.get(name), where)
        return cls(text=text, id=record_id, origin=origin, **values)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input that could not be read as an article, and why."""

    origin: str
    error: CommuniqueError
    id: str | None = None


def make_record(data: Any, origin: str, *, extra: str = "ignore") -> InputRecord | Unreadable:
    """`InputRecord.from_mapping`, with what is wrong as an `Unreadable` item."""
    try:
        return InputRecord.from_mapping(data, origin, extra=extra)
    except InputError as error:
        record_id = data.get("id") if isinstance(data, Mapping) else None
        record_id = _escaped(str(record_id)) if isinstance(record_id, str | int | float) \
            else None
        return Unreadable(_escaped(str(origin)), error, record_id)


def text_record(data: bytes, origin: str, *, id: str | None) -> InputRecord | Unreadable:
    """A whole file (or standard input) as one article's text."""
    try:
        text = _decoded(data, shown(_escaped(origin)))
    except InputError as error:
        return Unreadable(_escaped(origin), error, id)
    return InputRecord(text=text.lstrip("\ufeff"), id=id, origin=origin)


def _decoded(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(E006, where=where, reason=f"byte {exc.start}: "
                         f"{data[exc.start:exc.start + 1]!r}") from None


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", bool: "true or false", int: "a number",
             float: "a number", str: "a string", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _id_value(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value if value is None or value.strip() else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(E012, where=where, problem="the field 'id' must be a string or a "
                     f"number, not {_kind(value)}")


def _optional_value(name: str, value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise InputError(E012, where=where, problem=f"the field {name!r} must be a string, "
                         f"not {_kind(value)}")
    return value if value.strip() else None


def check_record(record: InputRecord, *, max_chars: int) -> InputRecord:
    """The record, cleaned (date normalised), or an InputError saying what is wrong."""
    where = record.where
    for name in ("id", "date", "title", "source", "url"):
        value = getattr(record, name)
        if value is not None and not isinstance(value, str):
            raise InputError(E012, where=where,
                             problem=f"the field {name!r} must be a string, not "
                             f"{_kind(value)}")
    if not isinstance(record.text, str):
        raise InputError(E012, where=where, problem="the field 'text' must be a string")
    text = record.text
    if not text.strip():
        raise InputError(E004, where=where)
    if len(text) > max_chars:
        raise InputError(E009, where=where, size=len(text), limit=max_chars)
    reason = binary_reason(text)
    if reason:
        raise InputError(E005, where=where, reason=reason)
    reason = not_english_reason(text)
    if reason:
        raise InputError(E010, where=where, reason=reason)
    date = normalise_date(record.date, where) if record.date else None
    return replace(record, date=date)


def binary_reason(text: str) -> str | None:
    sample = text[:65536]
    if "\x00" in sample:
        return "it contains NUL bytes"
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 100):
        return f"{controls} control characters in the first {len(sample):,}"
    if sample.count("\ufffd") > max(8, len(sample) // 100):
        return "many undecodable characters (U+FFFD)"
    return None


_DATE_FORMATS = (re.compile(r"^(\d{4})-(\d{2})-(\d{2})"),)


def normalise_date(value: str, where: str) -> str:
    """An ISO date (YYYY-MM-DD), also taken from the front of an ISO timestamp."""
    text = value.strip()
    match = _DATE_FORMATS[0].match(text)
    if match:
        rest = text[match.end():]
        if rest == "" or rest[0] in "T ":
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                pass
    raise InputError(E011, where=where, value=shown(_escaped(value)))
