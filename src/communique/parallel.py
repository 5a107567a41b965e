"""Coding over several processes on one machine, in order, with bounded memory.

Each worker process builds its own `Coder` once (the model loads once per worker) and
codes chunks of records; results come back in input order. At most a few chunks per
worker are in flight, so a stream of any length is coded in flat memory.

    coder = ParallelCoder(settings, workers=2)
    for article in coder.code_many(records, on_error=report):
        ...
"""

from __future__ import annotations

import multiprocessing
import os
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
# Workers pay only for a run long enough to earn back their start: each loads the model
# (seconds of CPU) before coding anything. A run smaller than both limits is coded here.
MIN_ARTICLES_FOR_WORKERS = 64
MIN_CHARACTERS_FOR_WORKERS = 250_000

_worker_coder: Coder | None = None


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


def workers_pay(articles: int, characters: int) -> bool:
    """Whether a run of this size is worth starting worker processes for."""
    return articles >= MIN_ARTICLES_FOR_WORKERS or characters >= MIN_CHARACTERS_FOR_WORKERS


def _start_worker(settings: Settings) -> None:
    global _worker_coder
    _worker_coder = Coder(settings)
    # The events stage reads the known actors here too; completing the records from them
    # is left to the parent, after the run's registry (which must win over the table).
    _worker_coder.completes_from_known = False


def _code_chunk(records: list[InputRecord]) -> tuple[list[Article], list[Rejected]]:
    assert _worker_coder is not None, "worker not started"
    rejected: list[Rejected] = []
    articles = list(_worker_coder.code_many(records, on_error=rejected.append))
    return articles, rejected


class ParallelCoder:
    """Codes records with `workers` processes; with one worker, in this process."""

    def __init__(self, settings: Settings | None = None, *, workers: int | None = None,
                 chunk_size: int = CHUNK_SIZE) -> None:
        self.settings = settings if settings is not None else Settings.load()
        self.workers = workers or default_workers()
        self.chunk_size = chunk_size
        self._local: Coder | None = None
        self.started_workers = 0  # worker processes the last run started; 0: coded here

    def code_many(self, records: Iterable[InputRecord], *, on_error: ErrorCallback | None = None,
                  registry: Registry | None = None, learn: bool = True
                  ) -> Iterator[Article]:
        """As `Coder.code_many`. A registry is applied and taught here, in input order, so
        the result does not depend on how many workers there are."""
        report = on_error or _log_rejected
        self.started_workers = 0
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
            if self._local is None:
                self._local = Coder(self.settings)
            yield from self._local.code_many(chain(head, source), on_error=report,
                                             registry=registry, learn=learn)
            return
        self.started_workers = self.workers
        records = chain(head, source)
        # Workers leave the built-in known actors to this process, which applies them
        # after the run's registry, as a single Coder does.
        known = load_known_actors(self.settings.dictionaries) \
            if self.settings.known_actors else None
        for article in self._pooled(records, report):
            yield remember(article, registry, known, learn=learn)

    def _pooled(self, records: Iterable[InputRecord], report: Callable[[Rejected], None]
                ) -> Iterator[Article]:
        context = multiprocessing.get_context("spawn")
        source = iter(records)
        pending: deque[Any] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        with context.Pool(self.workers, initializer=_start_worker,
                          initargs=(self.settings,)) as pool:
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
