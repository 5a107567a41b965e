"""Coded articles as Parquet part files: one folder per table, one file per chunk.

The columns are `communique.rows.COLUMNS` (the store's and the exports' too), typed for
Arrow, so DuckDB reads `OUTPUT/events/*.parquet` as it reads the store's events table.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from ..errors import E012, InputError
from ..records import Article
from ..rows import COLUMNS, article_from_rows, article_rows
from .locations import OUTPUT_TABLES, Location

ARROW_TYPES = {"VARCHAR": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(),
               "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_()}
SCHEMAS: dict[str, pa.Schema] = {
    table: pa.schema([(name, ARROW_TYPES[kind]) for name, kind in columns])
    for table, columns in COLUMNS.items()
}
DATE_COLUMNS = {table: [name for name, kind in columns if kind == "DATE"]
                for table, columns in COLUMNS.items()}


def article_tables(article: Article) -> dict[str, pa.Table]:
    """One article's rows as typed tables; an InputError if a value does not fit its
    column (then that article is rejected, not its whole part)."""
    tables = {}
    for table, rows in article_rows(article).items():
        try:
            for row in rows:
                for column in DATE_COLUMNS[table]:
                    row[column] = _date(row[column])
            tables[table] = pa.Table.from_pylist(rows, schema=SCHEMAS[table])
        except (ValueError, TypeError, pa.ArrowException) as exc:
            raise InputError(E012, where=article.id, problem=f"the coded article cannot be "
                             f"written to the {table} table ({exc}); please report it") from exc
    return tables


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class Part:
    """The rows of a chunk's articles, written as one file per table."""

    def __init__(self) -> None:
        self._tables: dict[str, list[pa.Table]] = {name: [] for name in COLUMNS}
        self.counts: dict[str, int] = dict.fromkeys(COLUMNS, 0)

    def add(self, article: Article) -> None:
        for name, table in article_tables(article).items():
            self._tables[name].append(table)
            self.counts[name] += table.num_rows

    @property
    def articles(self) -> int:
        return self.counts["articles"]

    def write(self, output: Location, key: str) -> None:
        """Every table gets a file, empty or not, so each table folder always holds
        Parquet with the full schema (DuckDB's `read_parquet('events/*.parquet')` then
        works on any output)."""
        for name in OUTPUT_TABLES:
            pieces = self._tables[name]
            table = pa.concat_tables(pieces) if pieces else SCHEMAS[name].empty_table()
            path = output.child(name, f"part-{key}.parquet").path
            pq.write_table(table, path, filesystem=output.filesystem)


def read_articles(output: Location) -> Iterator[Article]:
    """The articles of a batch output, in article id order, read back into records.

    Everything is read into memory: meant for checks and small outputs; query large
    outputs with DuckDB instead."""
    tables = {name: _read_table(output.child(name)) for name in OUTPUT_TABLES}
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = {
        name: defaultdict(list) for name in OUTPUT_TABLES if name != "articles"}
    for name, rows in grouped.items():
        for row in tables[name]:
            rows[row["article_id"]].append(row)
    for row in sorted(tables["articles"], key=lambda r: r["article_id"]):
        aid = row["article_id"]
        yield article_from_rows(row, grouped["actors"][aid], grouped["mentions"][aid],
                                sorted(grouped["events"][aid], key=_event_order),
                                grouped["quotes"][aid])


def _event_order(row: dict[str, Any]) -> tuple[int, str]:
    number = str(row["event_id"]).lstrip("E")
    return (int(number), "") if number.isdigit() else (0, str(row["event_id"]))


def _read_table(folder: Location) -> list[dict[str, Any]]:
    selector = pafs.FileSelector(folder.path, allow_not_found=True)
    files = sorted(info.path for info in folder.filesystem.get_file_info(selector)
                   if info.path.endswith(".parquet"))
    rows: list[dict[str, Any]] = []
    for path in files:
        rows.extend(pq.read_table(path, filesystem=folder.filesystem).to_pylist())
    return rows
