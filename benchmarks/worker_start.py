"""How long a local worker takes to start: forked from a loaded Coder, or spawned.

    python benchmarks/worker_start.py [--workers 2] [--starts fork spawn]

Loads the Coder in this process, then for each start method starts `--workers` worker
processes as `communique.parallel.ParallelCoder` does and times, for each, how long it
took until the worker had coded one short article (its first result), with the CPU
seconds every worker spent to get there (read from /proc) and the load average: on a
shared machine the wall time grows with the load, the CPU time does not.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import time

from batch_procs import cpu_seconds

from communique import Coder, parallel
from communique.io.checks import InputRecord

ARTICLE = InputRecord(text="Police arrested 12 protesters in Tehran on Sunday.", id="w",
                      date="2026-01-01", origin="benchmark")


_barrier = None


def ready(barrier, initializer, initargs) -> None:
    global _barrier
    _barrier = barrier
    initializer(*initargs)


def first_result(_: int) -> tuple[int, int]:
    articles, _rejected = parallel._code_chunk([ARTICLE])
    _barrier.wait(timeout=600)  # each worker holds its task: every worker takes one
    return os.getpid(), len(articles)


def start(method: str, coder: Coder, workers: int) -> tuple[float, float]:
    """Seconds until every worker has coded an article, and their CPU seconds."""
    if method == "fork":
        initializer, initargs = parallel._adopt_coder, (coder,)
    else:
        initializer, initargs = parallel._start_worker, (coder.settings,)
    context = multiprocessing.get_context(method)
    started = time.monotonic()
    barrier = context.Barrier(workers)
    with context.Pool(workers, initializer=ready,
                      initargs=(barrier, initializer, initargs)) as pool:
        pids = {pid for pid, _ in pool.map(first_result, range(workers), chunksize=1)}
        seconds = time.monotonic() - started
        cpu = sum(cpu_seconds(pid) for pid in pids)
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--starts", nargs="+", default=["fork", "spawn"])
    args = parser.parse_args()
    began = time.monotonic()
    coder = Coder()
    print(f"Coder loaded in this process in {time.monotonic() - began:.1f}s "
          f"({time.process_time():.1f}s CPU); {os.cpu_count()} CPUs", flush=True)
    for method in args.starts:
        load = os.getloadavg()[0]
        seconds, cpu = start(method, coder, args.workers)
        print(f"{method:5}: {args.workers} workers up and each with a first result in "
              f"{seconds:.2f}s, {cpu:.2f}s CPU in the workers (load average {load:.2f})",
              flush=True)


if __name__ == "__main__":
    main()
