"""Batch coding a corpus into Parquet: the run, and the local engine.

    summary = run_batch("corpus/", "coded/", options=BatchOptions(engine="local"))

Both engines read the same chunks of records, code them with the same `Coder`, and
write the same rows; they differ only in who does the work: local processes
(`communique.parallel.ParallelCoder`) or Ray actors (`ray_engine`).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator

from ..errors import E024, BatchError
from ..io.checks import InputRecord, Unreadable
from ..parallel import ParallelCoder, default_workers
from ..settings import Settings
from .locations import (
    REJECTS_FILE,
    SUMMARY_FILE,
    InputFile,
    Location,
    input_files,
    prepare_output,
)
from .rejects import RejectsFile
from .sources import read_records, with_defaults
from .tables import Part
from .work import (
    PART_SIZE,
    BatchOptions,
    BatchSummary,
    ChunkResult,
    Progress,
    add_article,
    code_chunk,
)

log = logging.getLogger(__name__)
ENGINES = ("local", "ray")
__all__ = ["ENGINES", "PART_SIZE", "BatchOptions", "BatchSummary", "ChunkResult", "Progress",
           "code_chunk", "run_batch", "run_local"]


def run_batch(source: str, destination: str, *, settings: Settings | None = None,
              options: BatchOptions | None = None, progress: Progress | None = None
              ) -> BatchSummary:
    """Code every record of `source` (a JSONL or Parquet file or folder, local or a
    filesystem URL) into Parquet tables under `destination`; rejected records go to the
    rejects file. `progress` is called with the number of articles each step coded."""
    settings = settings if settings is not None else Settings.load()
    options = options or BatchOptions()
    _check(options)
    if options.engine == "ray":  # before any output is made
        from .ray_engine import import_ray

        import_ray()
    files = input_files(Location.parse(source))
    output = Location.parse(destination)
    prepare_output(output, overwrite=options.overwrite)
    rejects_at = Location.parse(options.rejects) if options.rejects else \
        output.child(REJECTS_FILE)
    started = time.monotonic()
    with RejectsFile(rejects_at) as rejects:
        if options.engine == "ray":
            from .ray_engine import run_ray

            summary = run_ray(files, output, rejects, settings, options, progress)
        else:
            summary = run_local(files, output, rejects, settings, options, progress)
        summary.rejected = rejects.count
    if summary.parts == 0:  # every table still gets a (empty) file with its columns
        Part().write(output, "empty")
        summary.parts = 1
    summary.input, summary.output = source, destination
    summary.seconds = round(time.monotonic() - started, 3)
    _write_summary(output, summary)
    return summary


def _check(options: BatchOptions) -> None:
    if options.engine not in ENGINES:
        raise BatchError(E024, name="engine", problem=f"{options.engine!r} is not one of "
                         f"{', '.join(ENGINES)}")
    for name in ("workers", "part_size", "worker_memory"):
        value = getattr(options, name)
        if value is not None and value < 1:
            raise BatchError(E024, name=name, problem=f"{value!r} must be 1 or more")


def _write_summary(output: Location, summary: BatchSummary) -> None:
    data = json.dumps(summary.to_dict(), indent=2).encode("utf-8")
    with output.filesystem.open_output_stream(output.child(SUMMARY_FILE).path) as stream:
        stream.write(data + b"\n")


# -- the local engine -------------------------------------------------------------------
def run_local(files: list[InputFile], output: Location, rejects: RejectsFile,
              settings: Settings, options: BatchOptions, progress: Progress | None
              ) -> BatchSummary:
    """Code with local worker processes, in input order, writing a part file every
    `part_size` articles; memory stays flat over a corpus of any size."""
    workers = options.workers or default_workers()
    summary = BatchSummary("local", workers, "", "")
    coder = ParallelCoder(settings, workers=workers)
    part = Part()
    records = _records(files, options.date, rejects.report)
    for article in coder.code_many(records, on_error=rejects.report):
        add_article(part, article, rejects.write)
        if progress:
            progress(1)
        if part.articles >= options.part_size:
            _flush(part, output, summary)
            part = Part()
    if part.articles:
        _flush(part, output, summary)
    summary.workers = max(1, coder.started_workers)  # a small run is coded in process
    summary.start = coder.start_method
    return summary


def _records(files: Iterable[InputFile], date: str | None,
             report: Callable[[Unreadable], None]) -> Iterator[InputRecord]:
    for file in files:
        for item in read_records(file):
            item = with_defaults(item, date)
            if isinstance(item, Unreadable):
                report(item)
            else:
                yield item


def _flush(part: Part, output: Location, summary: BatchSummary) -> None:
    part.write(output, f"{summary.parts:06d}")
    summary.parts += 1
    summary.add(part.counts)
