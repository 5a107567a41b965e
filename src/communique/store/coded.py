"""Importing articles already coded: the Parquet tables `communique batch` writes.

A batch output folder holds one folder of Parquet files per table (`articles/`,
`actors/`, `mentions/`, `events/`, `quotes/`) with the columns of `rows.COLUMNS`. Its
rows go into the store as they are, without coding again: articles new or changed (by
the same content hash as ingest's, so an article imported here and read again from its
JSONL is the same article) replace what was stored, in one transaction, and their story
keys are marked for linking.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from ..rows import COLUMNS
from . import stories as _stories
from .connect import write_error
from .database import CONTENT_HASH_SQL, Store
from .ingest import IngestSummary
from .schema import TABLES


def is_coded_output(path: Path) -> bool:
    """A folder as `communique batch` writes: an articles/ and an events/ folder of
    Parquet files."""
    return path.is_dir() and all(
        (path / table).is_dir() and any((path / table).glob("*.parquet"))
        for table in ("articles", "events"))


def import_coded(store: Store, folder: Path, *, story_window: int | None = None
                 ) -> IngestSummary:
    """Store the coded articles of a batch output folder that are new or changed."""
    started = time.monotonic()
    summary = IngestSummary()
    connection = store.connection
    try:
        connection.execute("BEGIN")
        _import(connection, folder, summary)
        connection.execute("COMMIT")
    except BaseException as exc:
        connection.execute("ROLLBACK")
        if isinstance(exc, (duckdb.Error, OSError)):
            raise write_error(store.path, exc) from exc
        raise
    summary.story_keys = store.link_stories(window_days=story_window)
    summary.seconds = time.monotonic() - started
    return summary


def _files(folder: Path, table: str) -> list[str]:
    return sorted(str(p) for p in (folder / table).glob("*.parquet"))


def _read_columns(connection: duckdb.DuckDBPyConnection, files: list[str], table: str
                  ) -> str:
    """The select list of `table`'s columns from its Parquet files: each column the
    files lack is null."""
    if not files:
        return ""
    have = {row[0] for row in connection.execute(
        "DESCRIBE SELECT * FROM read_parquet(?, union_by_name = true)", [files]).fetchall()}
    return ", ".join(f'"{name}"' if name in have else f'CAST(NULL AS {kind}) AS "{name}"'
                     for name, kind in COLUMNS[table])


def _import(connection: duckdb.DuckDBPyConnection, folder: Path,
            summary: IngestSummary) -> None:
    names = {table: ", ".join(f'"{name}"' for name, _ in COLUMNS[table]) for table in TABLES}
    # the columns as read from the files: a column added since they were written (an
    # article's tone) comes in as null, as it does in a store migrated from before it
    read = {table: _read_columns(connection, _files(folder, table), table)
            for table in TABLES}
    # an article written twice (a batch run again into the same folder) counts once: the
    # copy in the last file
    connection.execute(
        f"CREATE OR REPLACE TEMP TABLE coded_articles AS SELECT {read['articles']}, "
        f"{CONTENT_HASH_SQL} AS content_hash FROM "
        "read_parquet(?, filename = true, union_by_name = true) "
        "QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY filename DESC) = 1",
        [_files(folder, "articles")])
    connection.execute(
        "CREATE OR REPLACE TEMP TABLE coded_changed AS SELECT c.article_id FROM "
        "coded_articles c LEFT JOIN articles a ON a.article_id = c.article_id "
        "WHERE a.content_hash IS DISTINCT FROM c.content_hash")
    changed = [i for (i,) in connection.execute(
        "SELECT article_id FROM coded_changed ORDER BY 1").fetchall()]
    total = connection.execute("SELECT count(*) FROM coded_articles").fetchone()[0]
    summary.unchanged = total - len(changed)
    summary.imported = len(changed)
    if not changed:
        return
    summary.replaced = connection.execute(
        "SELECT count(*) FROM articles WHERE article_id IN (SELECT article_id FROM "
        "coded_changed)").fetchone()[0]
    _stories.mark_pending(connection, changed)
    for table in TABLES:
        connection.execute(f"DELETE FROM {table} WHERE article_id IN "
                           "(SELECT article_id FROM coded_changed)")
    connection.execute(
        f"INSERT INTO articles ({names['articles']}, content_hash) SELECT "
        f"{names['articles']}, content_hash FROM coded_articles WHERE article_id IN "
        "(SELECT article_id FROM coded_changed)")
    for table in TABLES[1:]:
        files = _files(folder, table)
        if files:
            connection.execute(
                f"INSERT INTO {table} ({names[table]}) SELECT DISTINCT {read[table]} "
                "FROM read_parquet(?, union_by_name = true) WHERE article_id IN "
                "(SELECT article_id FROM coded_changed)", [files])
    _stories.mark_pending(connection, changed)
    summary.events = connection.execute(
        "SELECT count(*) FROM events WHERE article_id IN (SELECT article_id FROM "
        "coded_changed)").fetchone()[0]
    summary.quotes = connection.execute(
        "SELECT count(*) FROM quotes WHERE article_id IN (SELECT article_id FROM "
        "coded_changed)").fetchone()[0]
    connection.execute("DROP TABLE coded_articles")
    connection.execute("DROP TABLE coded_changed")
