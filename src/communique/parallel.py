"""Coding over several processes on one machine, in order, with bounded memory.

Workers code chunks of records; results come back in input order. At most a few chunks
per worker are in flight, so a stream of any length is coded in flat memory.

How workers start. Where it is safe (Linux, and this process runs no other thread), this
process loads the model and the tables once and forks the workers from it: a worker
starts in milliseconds, and the model's pages stay shared between them (the loaded
objects are frozen out of the cyclic collector first, whose passes would otherwise write
to every page). Elsewhere each worker is a fresh interpreter (spawn) that loads the
model itself: on macOS and Windows, where fork is unsafe or absent, and in a process
that runs other threads (a DuckDB connection's, Ray's, a progress bar's monitor), since
a forked child inherits their locks in whatever state they were but not the threads
that would release them.

    coder = ParallelCoder(settings, workers=2)
    for article in coder.code_many(records, on_error=report):
        ...
"""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Any

from .actors.known import load_known_actors
from .actors.registry import Registry
from .coder import Coder, ErrorCallback, Rejected, _log_rejected, remember
from .io.checks import InputRecord
from .records import Article
from .settings import Settings

CHUNK_SIZE = 16  # records per task: large enough to batch through nlp.pipe
IN_FLIGHT_PER_WORKER = 3
START_METHODS = ("fork", "spawn")
# Native threads, by name, of libraries that put themselves in order around a fork:
# jemalloc's (pyarrow's allocator) background purger.
FORK_SAFE_THREADS = frozenset({"jemalloc_bg_thd"})
# Workers pay only for a run long enough to earn back their start: each loads the model
# (seconds of CPU) before coding anything. A run smaller than both limits is coded here.
MIN_ARTICLES_FOR_WORKERS = 64
MIN_CHARACTERS_FOR_WORKERS = 250_000

log = logging.getLogger(__name__)
_worker_coder: Coder | None = None


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


def workers_pay(articles: int, characters: int) -> bool:
    """Whether a run of this size is worth starting worker processes for."""
    return articles >= MIN_ARTICLES_FOR_WORKERS or characters >= MIN_CHARACTERS_FOR_WORKERS


def fork_hazard() -> str | None:
    """Why worker processes cannot be forked from this process now, or None if they can."""
    if not sys.platform.startswith("linux") or \
            "fork" not in multiprocessing.get_all_start_methods():
        # macOS has fork, but its system libraries are not safe in a forked child
        return f"fork is unsafe or absent on {sys.platform}"
    others = [t.name for t in threading.enumerate() if t is not threading.current_thread()]
    if others:
        return f"this process runs other threads ({', '.join(others)})"
    tasks = os.listdir("/proc/self/task")
    native = len(tasks) - 1 - _blas_pool_threads() - sum(
        1 for task in tasks if _thread_name(task) in FORK_SAFE_THREADS)
    if native > 0:
        return (f"this process runs {native} threads of a native library (a database, "
                f"Ray, Arrow's pools after reading Parquet)")
    return None


def _thread_name(task: str) -> str:
    try:
        with open(f"/proc/self/task/{task}/comm", encoding="utf-8") as comm:
            return comm.read().strip()
    except OSError:  # the thread has ended
        return ""


def _blas_pool_threads() -> int:
    """Threads OpenBLAS (numpy's) keeps: safe, since it stops them at a fork and starts
    them again on first use in the child."""
    with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
        libraries = {line.split()[-1] for line in maps
                     if "openblas" in line.rsplit("/", 1)[-1].lower()}
    threads = 0
    for path in libraries:
        try:
            library = ctypes.CDLL(path, mode=os.RTLD_NOLOAD)  # already loaded: no new load
        except OSError:
            continue
        for prefix in ("", "scipy_"):
            for suffix in ("", "64_"):
                count = getattr(library, f"{prefix}openblas_get_num_threads{suffix}", None)
                if count is not None:
                    threads += max(0, count() - 1)  # the calling thread is one of them
                    break
            else:
                continue
            break
    return threads


def _start_worker(settings: Settings) -> None:
    global _worker_coder
    _worker_coder = Coder(settings)
    _worker_coder.completes_from_known = False


def _adopt_coder(coder: Coder) -> None:
    """A forked worker's start: the parent's Coder, already loaded, is its own copy."""
    global _worker_coder
    _worker_coder = coder
    _worker_coder.completes_from_known = False


def _code_chunk(records: list[InputRecord]) -> tuple[list[Article], list[Rejected]]:
    assert _worker_coder is not None, "worker not started"
    rejected: list[Rejected] = []
    articles = list(_worker_coder.code_many(records, on_error=rejected.append))
    return articles, rejected


class ParallelCoder:
    """Codes records with `workers` processes; with one worker, in this process."""

    def __init__(self, settings: Settings | None = None, *, workers: int | None = None,
                 chunk_size: int = CHUNK_SIZE, start: str | None = None,
                 coder: Coder | None = None) -> None:
        """`start`: how workers start, "fork" or "spawn"; by default fork where it is
        safe (see `fork_hazard`), else spawn. `coder`: one already loaded, to code with
        in this process and to fork workers from (its settings are the run's)."""
        if start is not None and (start not in START_METHODS or
                                  start not in multiprocessing.get_all_start_methods()):
            raise ValueError(f"start must be one of {', '.join(START_METHODS)} where this "
                             f"platform has it, not {start!r}")
        self.settings = coder.settings if coder is not None else \
            settings if settings is not None else Settings.load()
        self.workers = workers or default_workers()
        self.chunk_size = chunk_size
        self.start = start
        self._local: Coder | None = coder
        self.started_workers = 0  # worker processes the last run started; 0: coded here
        self.start_method = ""  # how they started: "fork" or "spawn"

    def code_many(self, records: Iterable[InputRecord], *, on_error: ErrorCallback | None = None,
                  registry: Registry | None = None, learn: bool = True
                  ) -> Iterator[Article]:
        """As `Coder.code_many`. A registry is applied and taught here, in input order, so
        the result does not depend on how many workers there are."""
        report = on_error or _log_rejected
        self.started_workers, self.start_method = 0, ""
        source = iter(records)
        head: list[InputRecord] = []
        if self.workers > 1:
            # read ahead until the run is known to be big enough for workers, or has ended
            characters = 0
            for record in source:
                head.append(record)
                characters += len(record.text)
                if workers_pay(len(head), characters):
                    break
            else:
                source = iter(())
        if self.workers <= 1 or not workers_pay(len(head), characters):
            yield from self._coder().code_many(chain(head, source), on_error=report,
                                               registry=registry, learn=learn)
            return
        records = chain(head, source)
        hazard = fork_hazard() if self.start is None else None
        self.start_method = self.start or ("spawn" if hazard else "fork")
        if self.start_method == "fork":
            initializer, initargs = _adopt_coder, (self._coder(),)
            gc.collect()  # what is garbage now is not kept for ever by the freeze
            gc.freeze()  # a worker's collector then leaves the shared pages unwritten
        else:
            initializer, initargs = _start_worker, (self.settings,)
            if hazard:
                log.info("worker processes start afresh, each loading the model: %s",
                         hazard)
        self.started_workers = self.workers
        # Workers leave the built-in known actors to this process, which applies them
        # after the run's registry (which must win over the table), as one Coder does.
        known = self._local.known if self._local is not None else \
            load_known_actors(self.settings.dictionaries) if self.settings.known_actors \
            else None
        for article in self._pooled(records, report, initializer, initargs):
            yield remember(article, registry, known, learn=learn)

    def _coder(self) -> Coder:
        if self._local is None:
            self._local = Coder(self.settings)
        return self._local

    def _pooled(self, records: Iterable[InputRecord], report: Callable[[Rejected], None],
                initializer: Callable[..., None], initargs: tuple[Any, ...]
                ) -> Iterator[Article]:
        context = multiprocessing.get_context(self.start_method)
        source = iter(records)
        pending: deque[Any] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        with context.Pool(self.workers, initializer=initializer,
                          initargs=initargs) as pool:
            while True:
                while len(pending) < limit:
                    chunk = list(islice(source, self.chunk_size))
                    if not chunk:
                        break
                    pending.append(pool.apply_async(_code_chunk, (chunk,)))
                if not pending:
                    break
                articles, rejected = pending.popleft().get()
                for item in rejected:
                    report(item)
                yield from articles
