"""The store: one DuckDB file of articles, actors, mentions, events, quotes and stories.

    with Store.open("news.duckdb", write=True) as store:
        store.write([(article, content_hash(record))])
        store.link_stories()

One process writes at a time (DuckDB locks the file); opening a store that another
process writes is a clear error (E017). Each `write` is one transaction: a batch of
articles is stored whole or not at all, so a run killed at any moment leaves the store
as it was after the last batch, and running it again carries on from there.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from ..actors.registry import Registry
from ..errors import E019, E020, StoreError
from ..io.checks import InputRecord
from ..records import Article
from ..rows import COLUMNS, article_rows
from . import stories as _stories
from .bulk import insert_rows
from .connect import connect, write_error
from .schema import LATEST, REGISTRY_COLUMNS, TABLES, migrate, schema_version, user_tables

log = logging.getLogger(__name__)
DEFAULT_PATH = "communique.duckdb"


def content_hash(record: InputRecord) -> str:
    """What makes an article the same article: its text and metadata (the date as a
    day). `CONTENT_HASH_SQL` computes the same from a table's columns."""
    date = record.date
    if isinstance(date, str) and _ISO_DAY.match(date):
        date = date[:10]
    fields = (record.text, date, record.title, record.source, record.url)
    joined = _SEPARATOR.join(_MISSING if value is None else str(value) for value in fields)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


_SEPARATOR, _MISSING = "\x1f", "\x1e"  # unit and record separators: not found in news
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]|$)")
CONTENT_HASH_SQL = "sha256(concat_ws(chr(31), {}))".format(", ".join(
    f"coalesce(CAST(\"{name}\" AS VARCHAR), chr(30))"
    for name in ("text", "date", "title", "source", "url")))


def text_id(text: str) -> str:
    """The id of an article that came without one: from its text, so the same text is
    the same article."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class Store:
    """A communique store. Open with `Store.open(path, write=...)`; use as a context."""

    def __init__(self, path: Path, connection: duckdb.DuckDBPyConnection, *,
                 writable: bool) -> None:
        self.path = path
        self.connection = connection
        self.writable = writable

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, *, write: bool = False,
             external_access: bool = True) -> Store:
        """Open (and with `write`, create or migrate) the store at `path`.

        `external_access=False` stops queries from reading or writing other files
        (for SQL from users over a network)."""
        path = Path(path)
        connection = connect(path, write=write, external_access=external_access)
        try:
            version = schema_version(connection)
            if version is None:
                tables = user_tables(connection)
                shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
                raise StoreError(E019, path=path, tables=f"tables {shown}")
            if version > LATEST:
                raise StoreError(E020, path=path, found=version, known=LATEST)
            if write and version < LATEST:
                try:
                    applied = migrate(connection, version)
                except (duckdb.Error, OSError) as exc:
                    raise write_error(path, exc) from exc
                for migration in applied:
                    log.info("store %s: migration %d (%s)", path, migration.version,
                             migration.name)
            elif version == 0:
                raise StoreError(E019, path=path, tables="no tables at all")
            elif version < LATEST:
                # an older store: bring it up to date once, then read it
                connection.close()
                cls.open(path, write=True).close()
                return cls.open(path, write=False, external_access=external_access)
        except BaseException:
            connection.close()
            raise
        return cls(path, connection, writable=write)

    def close(self) -> None:
        self.connection.close()

    def cursor(self) -> Store:
        """The same store on a connection of its own, for another thread (a DuckDB
        connection serves one thread at a time); close it when done."""
        return Store(self.path, self.connection.cursor(), writable=self.writable)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- settings kept with the data ----------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.connection.execute(
            "SELECT value FROM communique_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._write(lambda c: (c.execute("DELETE FROM communique_meta WHERE key = ?", [key]),
                               c.execute("INSERT INTO communique_meta VALUES (?, ?)",
                                         [key, value])))

    # -- writing ------------------------------------------------------------------------
    def stored_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """article id -> content hash, for the ids already stored."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        rows = self.connection.execute(
            "SELECT article_id, content_hash FROM articles "
            "WHERE article_id IN (SELECT unnest(?))", [ids]).fetchall()
        return dict(rows)

    # -- the actor registry ----------------------------------------------------------------
    def registry(self) -> Registry:
        """The actor registry kept with the data (empty for a new store)."""
        columns = ", ".join(f'"{c}"' for c in REGISTRY_COLUMNS)
        cursor = self.connection.execute(
            f"SELECT {columns} FROM actor_registry ORDER BY entry, since NULLS FIRST")
        return Registry.from_rows(dict(zip(REGISTRY_COLUMNS, row, strict=True))
                                  for row in cursor.fetchall())

    def save_registry(self, registry: Registry) -> int:
        """Keep the registry's changes since it was last saved; how many entries."""
        changes = registry.take_changes()
        self._write(lambda connection: _save_registry(connection, changes))
        return len(changes[0])

    def write(self, batch: list[tuple[Article, str]], *,
              registry: Registry | None = None) -> None:
        """Store articles (with their content hashes) in one transaction, replacing any
        stored under the same ids, and mark their stories for relinking. With a
        registry, what it learnt is kept in the same transaction: a run killed after it
        finds the registry as the stored articles left it."""
        changes = registry.take_changes() if registry is not None else ([], [])
        if not batch:
            if changes[0]:
                self._write(lambda connection: _save_registry(connection, changes))
            return
        columns = {table: [name for name, _ in COLUMNS[table]] for table in TABLES}
        columns["articles"].append("content_hash")
        rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
        for article, digest in batch:
            for table, table_rows in article_rows(article).items():
                for row in table_rows:
                    row = {**row, "content_hash": digest} if table == "articles" else row
                    rows[table].append(tuple(row[name] for name in columns[table]))
        ids = list(dict.fromkeys(article.id for article, _ in batch))

        def replace(connection: duckdb.DuckDBPyConnection) -> None:
            _stories.mark_pending(connection, ids)  # the stories the old versions were in
            for table in TABLES:
                connection.execute(f"DELETE FROM {table} WHERE article_id IN "
                                   "(SELECT unnest(?))", [ids])
                insert_rows(connection, table, columns[table], rows[table])
            _stories.mark_pending(connection, ids)
            _save_registry(connection, changes)

        self._write(replace)

    def link_stories(self, *, window_days: int | None = None) -> int:
        """Link the pending story keys (all of them when the window changed)."""
        window = window_days if window_days is not None else self.story_window()
        if str(window) != self.meta("story_window"):
            def mark_all(connection: duckdb.DuckDBPyConnection) -> None:
                _stories.mark_all_pending(connection)
                connection.execute("DELETE FROM communique_meta WHERE key = 'story_window'")
                connection.execute("INSERT INTO communique_meta VALUES ('story_window', ?)",
                                   [str(window)])
            self._write(mark_all)
        try:
            return _stories.link_pending(self.connection, window_days=window)
        except (duckdb.Error, OSError) as exc:
            raise write_error(self.path, exc) from exc

    def story_window(self) -> int:
        stored = self.meta("story_window")
        return int(stored) if stored else _stories.DEFAULT_WINDOW_DAYS

    def _write(self, work: Any) -> None:
        """Run `work(connection)` in one transaction; a failed write leaves nothing."""
        connection = self.connection
        try:
            connection.execute("BEGIN")
            work(connection)
            connection.execute("COMMIT")
        except BaseException as exc:
            # the transaction may be gone already; nothing of it was kept either way
            with contextlib.suppress(duckdb.Error):
                connection.execute("ROLLBACK")
            if isinstance(exc, (duckdb.Error, OSError)):
                raise write_error(self.path, exc) from exc
            raise

    # -- reading ------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows in each table, stories included."""
        return {table: self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in (*TABLES, "stories")}


def _save_registry(connection: duckdb.DuckDBPyConnection,
                   changes: tuple[list[str], list[dict[str, Any]]]) -> None:
    keys, rows = changes
    if not keys:
        return
    connection.execute("DELETE FROM actor_registry WHERE entry IN (SELECT unnest(?))", [keys])
    columns = ", ".join(f'"{c}"' for c in REGISTRY_COLUMNS)
    marks = ", ".join("?" for _ in REGISTRY_COLUMNS)
    connection.executemany(f"INSERT INTO actor_registry ({columns}) VALUES ({marks})",
                           [[row[c] for c in REGISTRY_COLUMNS] for row in rows])

