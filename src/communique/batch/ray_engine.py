"""The Ray engine: the same chunks, coded by Ray Data actors that each load the model
once, on a local Ray instance or a cluster.

The plan is three steps:

1. one row per input file (`from_items`), one block each, so files are read in parallel;
2. each file is read into chunks of `part_size` records (`flat_map`); the reading task
   asks for no CPU, so that actors holding every CPU cannot starve it (on a 2-CPU
   machine with 2 actors the plan would otherwise wait for ever), and each chunk is a
   block of its own, so chunks spread over the actors instead of one file going to one;
3. `map_batches` with a callable class (`ChunkCoder`) on an actor pool: the actor builds
   a `Coder` once, codes one chunk per call and writes the chunk's part files itself
   (named by the chunk's key, so a retried task overwrites its own files). It returns a
   small row per chunk: counts and rejects, which the driver streams into the summary,
   the rejects file and the progress bar.
"""

from __future__ import annotations

import json
import logging
import pickle
from collections.abc import Iterator
from typing import Any

from ..coder import Coder
from ..errors import E029, BatchError
from ..settings import Settings
from .locations import InputFile, Location
from .rejects import RejectsFile
from .sources import chunk_from_row, chunk_to_row, file_chunks
from .work import BatchOptions, BatchSummary, Progress, code_chunk

log = logging.getLogger(__name__)


def import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise BatchError(E029, problem=f"Ray is not installed ({exc})") from exc
    return ray


class ChunkCoder:
    """A Ray Data actor: loads the model once, then codes one chunk per call."""

    def __init__(self, settings: Settings, output: Location) -> None:
        self.coder = Coder(settings)
        self.output = output

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        results = [code_chunk(self.coder, chunk_from_row({"key": key, "chunk": data}),
                              self.output)
                   for key, data in zip(batch["key"], batch["chunk"], strict=True)]
        return {
            "key": [r.key for r in results],
            "rows": [json.dumps(r.rows) for r in results],
            "rejects": [json.dumps(r.rejects, ensure_ascii=False) for r in results],
        }


def read_file_chunks(row: dict[str, Any], *, size: int, date: str | None
                     ) -> Iterator[dict[str, Any]]:
    file: InputFile = pickle.loads(row["file"])
    for chunk in file_chunks(int(row["number"]), file, size=size, date=date):
        yield chunk_to_row(chunk)


def run_ray(files: list[InputFile], output: Location, rejects: RejectsFile,
            settings: Settings, options: BatchOptions, progress: Progress | None
            ) -> BatchSummary:
    ray = import_ray()
    started_here = _connect(ray, options.ray_address)
    try:
        workers = options.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        summary = BatchSummary("ray", workers, "", "")
        for result in _results(ray, files, output, settings, options, workers):
            counts = json.loads(result["rows"])
            if counts.get("articles"):
                summary.parts += 1
            summary.add(counts)
            for line in json.loads(result["rejects"]):
                rejects.write(line)
            if progress:
                progress(counts.get("articles", 0))
        return summary
    finally:
        if started_here:
            ray.shutdown()


def _connect(ray: Any, address: str | None) -> bool:
    """Join the running Ray (this process's, RAY_ADDRESS's, or `address`), or start a
    local one; True when this run started it (and so shuts it down)."""
    if ray.is_initialized():
        return False
    try:
        ray.init(address=address, logging_level=logging.WARNING)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise BatchError(E029, problem=f"cannot start or join Ray ({_first_line(exc)})") \
            from exc
    return True


def _results(ray: Any, files: list[InputFile], output: Location, settings: Settings,
             options: BatchOptions, workers: int) -> Iterator[dict[str, Any]]:
    context = ray.data.DataContext.get_current()
    saved = context.target_max_block_size, context.enable_progress_bars
    # one chunk a block (any chunk is over one byte), so chunks spread over the actors
    context.target_max_block_size = 1
    context.enable_progress_bars = False  # the command shows its own
    try:
        rows = [{"number": number, "file": pickle.dumps(file)}
                for number, file in enumerate(files)]
        dataset = (
            ray.data.from_items(rows, override_num_blocks=len(rows))
            .flat_map(read_file_chunks, fn_kwargs={"size": options.part_size,
                                                   "date": options.date}, num_cpus=0)
            .map_batches(ChunkCoder, batch_size=1,
                         compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1,
                         memory=options.worker_memory,
                         fn_constructor_kwargs={"settings": settings, "output": output})
        )
        try:
            yield from dataset.iter_rows()
        except ray.exceptions.RayError as exc:
            raise BatchError(E029, problem=f"a Ray task failed ({_first_line(exc)})") from exc
    finally:
        context.target_max_block_size, context.enable_progress_bars = saved


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]
