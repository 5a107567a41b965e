"""How the server holds the store and the coder across concurrent requests.

DuckDB lets one process open a store file, and within that process many connections
(cursors) work at once, each reading the last committed state while a write goes on.
So the server opens the store once and lends each request a cursor of its own from a
pool. Without a token the store is opened read-only: other readers (`communique events`,
a second server) can open it too, and nothing can be written. With a token the server is
the store's one writer: `POST /ingest` writes through it, one request at a time under a
lock, while reads go on, and `communique ingest` from another process must wait.

Queries do not all run at once: at most `readers` (default: the machine's cores) hold a
cursor, each with DuckDB's `threads` set to `db_threads` (default 1) for the whole store;
the other requests wait their turn. Fifty requests at once, each with DuckDB threads of its
own, only took processor time from each other: every one finished late.

Answers to reading requests are kept in a cache of `answer_cache` bytes (default 64 MB),
the least recently asked dropped first, and sent again as they are to the same request:
the store cannot change under a server that holds it (DuckDB's lock keeps out every
other writer), except by the server's own writes, and each write empties the cache.

The coder (the language model, some hundred megabytes) is loaded on first use and
codes one request at a time: spaCy pipelines are not made for threads, and coding is
bound by the processor anyway.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path

import duckdb

from ..coder import Coder
from ..errors import E032, RequestError
from ..settings import Settings
from ..store import Store

log = logging.getLogger(__name__)
MAX_IDLE_CURSORS = 64  # beyond this, a returned cursor is closed rather than kept
DB_THREADS = 1  # DuckDB threads in the server, by default: requests run side by side instead
ANSWER_CACHE = 64_000_000  # bytes of answers kept, by default


def cores() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


class AnswerCache:
    """Answers (JSON bytes) by request, within `capacity` bytes, the least recently asked
    dropped first. `changed()` empties it; an answer read before a change is not kept."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._answers: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._version = 0  # of the store: one more at the start and the end of each write
        self._lock = threading.Lock()

    def answer(self, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """The answer kept for `key`, else `compute()`'s, kept for the next time."""
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
                return found
            version = self._version
        body = compute()
        if len(body) <= self.capacity:
            with self._lock:
                if version == self._version and key not in self._answers:
                    self._answers[key] = body
                    self._size += len(body)
                    while self._size > self.capacity:
                        self._size -= len(self._answers.popitem(last=False)[1])
        return body

    def changed(self) -> None:
        with self._lock:
            self._version += 1
            self._answers.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._answers)


class StoreAccess:
    """The server's store: a cursor per request for reading, a lock for writing, and
    the answers already given."""

    def __init__(self, path: str | Path, *, writable: bool, db_threads: int = DB_THREADS,
                 readers: int | None = None, answer_cache: int = ANSWER_CACHE) -> None:
        self.path = Path(path)
        self.writable = writable
        self.answers = AnswerCache(answer_cache)
        self._store = Store.open(self.path, write=writable)
        self._store.connection.execute(f"SET threads = {int(db_threads)}")
        self._idle: list[duckdb.DuckDBPyConnection] = []
        self._pool_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._readers = threading.BoundedSemaphore(readers or cores())

    @contextlib.contextmanager
    def reading(self) -> Iterator[Store]:
        """A store for one request's queries, on a cursor no other request uses, once one
        of the `readers` turns is free."""
        with self._readers:
            cursor = self._borrow()
            try:
                yield Store(self.path, cursor, writable=False)
            except BaseException:
                cursor.close()  # a cursor left in an unknown state is not lent again
                raise
            self._give_back(cursor)

    @contextlib.contextmanager
    def writing(self, action: str) -> Iterator[Store]:
        """The store for one writing request; writers wait for each other."""
        if not self.writable:
            raise RequestError(E032, action=action)
        with self._write_lock:
            cursor = self._store.connection.cursor()
            self.answers.changed()
            try:
                yield Store(self.path, cursor, writable=True)
            finally:
                cursor.close()
                self.answers.changed()

    def close(self) -> None:
        with self._pool_lock:
            idle, self._idle = self._idle, []
        for cursor in idle:
            cursor.close()
        self._store.close()

    def _borrow(self) -> duckdb.DuckDBPyConnection:
        with self._pool_lock:
            if self._idle:
                return self._idle.pop()
        return self._store.connection.cursor()

    def _give_back(self, cursor: duckdb.DuckDBPyConnection) -> None:
        with self._pool_lock:
            if len(self._idle) < MAX_IDLE_CURSORS:
                self._idle.append(cursor)
                return
        cursor.close()


class CoderAccess:
    """The coder, loaded on first use and used by one request at a time."""

    def __init__(self, settings: Settings | None = None, *, coder: Coder | None = None
                 ) -> None:
        self.settings = settings if settings is not None else Settings.load()
        self._coder = coder
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def using(self) -> Iterator[Coder]:
        with self._lock:
            if self._coder is None:
                log.info("loading the coder (model %s)", self.settings.model or "default")
                self._coder = Coder(self.settings)
            yield self._coder
