"""Opening DuckDB files, with every way it can fail turned into a catalogue error.

DuckDB lets one process write a database file and locks it against every other
process; a second writer, or a reader while someone writes, gets a clear message
(E017) here instead of DuckDB's own. Extensions are never downloaded at run time.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import duckdb

from ..errors import E017, E018, E021, E022, E038, StoreError

# DuckDB's file header: a checksum, then the magic bytes at offset 8.
MAGIC = b"DUCK"
MAGIC_OFFSET = 8
BASE_CONFIG: dict[str, Any] = {
    # DuckDB would otherwise fetch extensions (e.g. to read an SQLite file) from the network
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


def connect_memory() -> duckdb.DuckDBPyConnection:
    """An in-memory database, e.g. to read a Parquet file."""
    return duckdb.connect(":memory:", config=dict(BASE_CONFIG))


def connect(path: Path, *, write: bool, external_access: bool = True
            ) -> duckdb.DuckDBPyConnection:
    """A connection to the store file; `write` takes the one writer's lock."""
    check_file(path, write=write)
    config = dict(BASE_CONFIG)
    if not external_access:
        config["enable_external_access"] = False
    try:
        return duckdb.connect(str(path), read_only=not write, config=config)
    except duckdb.Error as exc:
        raise open_error(path, exc) from exc


def check_file(path: Path, *, write: bool) -> None:
    """Refuse what is not a DuckDB file before DuckDB sees it."""
    if not path.exists():
        if not write:
            raise StoreError(E022, path=path)
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise StoreError(E021, path=path, reason=f"the folder {folder} does not exist")
        return
    if path.is_dir():
        raise StoreError(E018, path=path, reason="it is a folder")
    try:
        with path.open("rb") as handle:
            header = handle.read(MAGIC_OFFSET + len(MAGIC))
    except OSError as exc:
        raise StoreError(E021, path=path, reason=exc.strerror or str(exc)) from exc
    if header[MAGIC_OFFSET:] != MAGIC:
        reason = "the file is empty" if not header else "its first bytes are not DuckDB's"
        raise StoreError(E018, path=path, reason=reason)


def open_error(path: Path, exc: Exception) -> StoreError:
    """The catalogue error for DuckDB's failure to open or write `path`."""
    text = str(exc)
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    reason = first.removeprefix("IO Error: ")
    if "Could not set lock" in text or "Conflicting lock" in text:
        holder = text.split("Conflicting lock is held in", 1)[-1].split(".")[0].strip()
        detail = f"held by {holder}" if "PID" in holder else "the file is locked"
        return StoreError(E017, path=path, detail=detail)
    if "not a valid DuckDB database" in text or ("Catalog" in text and "version" in text):
        return StoreError(E018, path=path, reason=reason)
    if any(sign in text for sign in DAMAGE):
        return StoreError(E038, path=path, reason=reason)
    return StoreError(E021, path=path, reason=reason)


# what DuckDB says of a file cut short or overwritten
DAMAGE = ("Corrupt database file", "checksum", "Could not read enough bytes",
          "Serialization Error", "INTERNAL Error")


def write_error(path: Path, exc: BaseException) -> StoreError:
    """The catalogue error for a failed write (disk full, file too large, read-only)."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG):
        reason = "the disk is full" if exc.errno == errno.ENOSPC else "the file is too large"
        return StoreError(E021, path=path, reason=reason)
    text = str(exc)
    lowered = text.lower()
    if "no space left" in lowered or "disk is full" in lowered:
        return StoreError(E021, path=path, reason="the disk is full")
    if "file too large" in lowered:
        return StoreError(E021, path=path, reason="the file has reached the size allowed")
    if "read-only" in lowered or "permission denied" in lowered:
        return StoreError(E021, path=path, reason="the location is read-only")
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return StoreError(E021, path=path, reason=first)
