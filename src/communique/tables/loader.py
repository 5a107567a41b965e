"""Reading data tables: TSV and YAML, validated row by row, errors with a line number.

Tables are facts kept out of code (STYLE.md: data out of code). Each row is checked
against a pydantic model with `extra="forbid"`, so a misspelt column or key fails at
load time, naming the file and the line, never deep inside a batch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import E003, E015, ErrorKind, TableError

Row = TypeVar("Row", bound=BaseModel)


class TableRow(BaseModel):
    """Base of every table row: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def package_file(name: str) -> Path:
    """Path of a data file shipped inside the package."""
    return Path(str(resources.files("communique") / "data" / name))


def read_tsv(path: Path, model: type[Row], *, kind: ErrorKind = E003) -> list[tuple[int, Row]]:
    """Rows of a tab-separated table with a header line; `#` lines are comments.

    Empty cells become None; `|` separates the items of list-valued columns.
    Returns (line number, row) pairs.
    """
    rows: list[tuple[int, Row]] = []
    header: list[str] | None = None
    list_fields = {
        name for name, info in model.model_fields.items()
        if "list" in str(info.annotation) or "tuple" in str(info.annotation)
    }
    for number, line in table_lines(path, kind):
        cells = line.split("\t")
        if header is None:
            header = [cell.strip() for cell in cells]
            unknown = [h for h in header if h not in model.model_fields]
            if unknown:
                raise TableError(kind, path=path, line=number,
                                 problem=f"unknown column(s) {', '.join(unknown)}")
            continue
        if len(cells) > len(header):
            raise TableError(kind, path=path, line=number,
                             problem=f"{len(cells)} cells but the header has {len(header)}")
        values: dict[str, Any] = {}
        for name, cell in zip(header, cells, strict=False):
            cell = cell.strip()
            if cell == "":
                continue
            values[name] = [p.strip() for p in cell.split("|") if p.strip()] \
                if name in list_fields else cell
        rows.append((number, validate(model, values, path=path, line=number, kind=kind)))
    if header is None:
        raise TableError(kind, path=path, line=1, problem="the table has no header line")
    return rows


def read_yaml_list(path: Path, model: type[Row], *, kind: ErrorKind = E015,
                   key: str | None = None) -> list[tuple[int, Row]]:
    """Entries of a YAML list (or of the list under `key`), each validated, with its line."""
    data = read_yaml(path, kind=kind)
    if key is not None:
        if not isinstance(data, dict) or key not in data:
            raise TableError(kind, path=path, line=1, problem=f"expected a top-level {key!r} list")
        data = data[key]
    return validate_list(data, model, path=path, kind=kind)


def read_jsonl(path: Path, model: type[Row], *, kind: ErrorKind = E003
               ) -> list[tuple[int, Row]]:
    """Entries of a JSON-lines table (one object a line; `#` lines are comments), each
    validated, with its line: the format of the larger generated tables, read fast."""
    entries: list[tuple[int, Row]] = []
    for number, line in table_lines(path, kind):
        try:
            values = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TableError(kind, path=path, line=number, problem=f"JSON: {exc.msg}") from exc
        if not isinstance(values, dict):
            raise TableError(kind, path=path, line=number, problem="expected an object")
        entries.append((number, validate(model, values, path=path, line=number, kind=kind)))
    return entries


def read_yaml(path: Path, *, kind: ErrorKind = E015) -> Any:
    """A YAML document whose mappings carry their line as `__line__`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise TableError(kind, path=path, line=0, problem="no such file") from exc
    except UnicodeDecodeError as exc:
        raise TableError(kind, path=path, line=0, problem=f"not UTF-8 ({exc.reason})") from exc
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(exc, "problem", None) or str(exc)
        raise TableError(kind, path=path, line=line, problem=f"YAML syntax: {problem}") from exc
    return data


def validate_list(data: Any, model: type[Row], *, path: Path,
                  kind: ErrorKind) -> list[tuple[int, Row]]:
    """Validate each mapping of a list read by `read_yaml`, with its line number."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise TableError(kind, path=path, line=1, problem="expected a list of entries")
    entries: list[tuple[int, Row]] = []
    for item in data:
        if not isinstance(item, dict):
            raise TableError(kind, path=path, line=0, problem=f"expected a mapping, got {item!r}")
        line = item.pop("__line__", 0)
        entries.append((line, validate(model, item, path=path, line=line, kind=kind)))
    return entries


def validate(model: type[Row], values: dict[str, Any], *, path: Path, line: int,
             kind: ErrorKind) -> Row:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'row'}: {err['msg']}" for err in exc.errors()
        )
        raise TableError(kind, path=path, line=line, problem=problems) from exc


def table_lines(path: Path, kind: ErrorKind) -> Iterator[tuple[int, str]]:
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError as exc:
        raise TableError(kind, path=path, line=0, problem="no such file") from exc
    with handle:
        try:
            for number, raw in enumerate(handle, start=1):
                line = raw.rstrip("\n").rstrip("\r")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                yield number, line
        except UnicodeDecodeError as exc:
            raise TableError(kind, path=path, line=0, problem=f"not UTF-8 ({exc.reason})") from exc


class WordLoader(yaml.SafeLoader):
    """A safe YAML loader for word lists: YAML 1.1 reads on/off/yes/no as booleans, but
    tables hold prepositions like "on", so here only true and false are booleans."""


WordLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


# libyaml's parser where PyYAML has it (it nearly always does): four times as fast on
# the larger tables, with the same resolvers and the same line marks.
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A word-list loader that records the line of every mapping as `__line__`."""

    yaml_implicit_resolvers = WordLoader.yaml_implicit_resolvers

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=True)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping
