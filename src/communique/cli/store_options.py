"""What the store's commands share: the --db option, opening the store, output as a
table, JSONL or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click
import duckdb

from ..store import DEFAULT_PATH, Store
from ..store.connect import open_error

MAX_CELL = 60  # characters of a cell shown in a table; JSONL and CSV keep everything


def db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default=DEFAULT_PATH, show_default=True, envvar="COMMUNIQUE_DB",
                        metavar="FILE", help="The store (a DuckDB file; env COMMUNIQUE_DB).")(
        command)


def format_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]),
                        default="table", show_default=True, help="How to print the rows.")(
        command)


def open_store(db: str, *, write: bool = False, external_access: bool = True) -> Store:
    return Store.open(db, write=write, external_access=external_access)


def store_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """DuckDB's own errors while a command works (a file damaged where it was not read
    at opening, a disk gone) become catalogue errors, for `user_errors` to print."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except duckdb.Error as exc:
            raise open_error(Path(kwargs.get("db") or DEFAULT_PATH), exc) from exc

    return wrapper


def print_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, *,
               headers: dict[str, str] | None = None) -> None:
    """Rows as an aligned table, JSON lines or CSV on standard output."""
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps({c: _plain(row.get(c)) for c in columns}, ensure_ascii=False))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[_plain(row.get(c)) for c in columns] for row in rows])
        return
    click.echo(table(rows, columns, headers=headers))


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *,
          headers: dict[str, str] | None = None) -> str:
    headers = headers or {}
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    titles = [headers.get(c, c) for c in columns]
    widths = [max([len(t), *(len(r[i]) for r in cells)]) for i, t in enumerate(titles)]
    numeric = [all(isinstance(row.get(c), (int, float)) or row.get(c) is None for row in rows)
               and rows for c in columns]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if n else v.ljust(w)
                         for v, w, n in zip(values, widths, numeric, strict=True)).rstrip()

    out = [line(titles), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    text = " ".join(str(_plain(value)).split())
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 3] + "..."
