"""Scaling of `communique batch` on this machine: local engine and Ray, 1 worker vs 2.

    python benchmarks/batch_scaling.py [--articles 300] [--part-size 10] [--engines local ray]

Writes the benchmark corpus (benchmarks/batch_corpus.py) once, then for each engine runs
`run_batch` with one worker and with two, each run in a fresh process, and prints the wall time of the whole run
(model loading and, for Ray, starting a local Ray instance included), the rate after the
first article came back (startup left out), the speed-up of two workers over one, and
the peak resident memory of one worker (a coding process or Ray actor) and the driver,
and the CPU seconds per article of the driver and workers together (model loading
included), and how many cores this run and the whole machine used while coding. On a
machine shared with other work the wall-time speed-up is bounded by the CPU left over:
the cores figures show how much that was.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from batch_corpus import words, write_corpus
from batch_procs import Sampler, local_workers, ray_actors

from communique.batch import BatchOptions, run_batch
from communique.settings import Settings


def run(engine: str, workers: int, corpus: Path, out: Path, part_size: int) -> dict:
    settings = Settings.load()
    stamps: list[float] = []
    done = [0]

    def progress(n: int) -> None:
        done[0] += n
        stamps.append(time.monotonic())

    started = time.monotonic()
    if engine == "ray":
        import ray

        ray.init(address="local", num_cpus=os.cpu_count(), include_dashboard=False,
                 logging_level=logging.WARNING)
    try:
        pick = ray_actors if engine == "ray" else local_workers
        with Sampler(pick) as sampler:
            summary = run_batch(str(corpus), str(out), settings=settings, progress=progress,
                                options=BatchOptions(engine=engine, workers=workers,
                                                     part_size=part_size, overwrite=True))
    finally:
        if engine == "ray":
            ray.shutdown()
    total = time.monotonic() - started
    first = stamps[0] if stamps else started
    # articles coded after the first result came back, over the time they took
    first_batch = part_size if engine == "ray" else 1
    steady = (summary.articles - first_batch) / (stamps[-1] - first) if len(stamps) > 1 else 0
    ours, machine = sampler.cores_between(first, stamps[-1] if stamps else started)
    return {"articles": summary.articles, "total": total, "steady": steady,
            "cpu": sampler.cpu_total, "cores_ours": ours, "cores_machine": machine,
            "worker_mib": sampler.worker_peak, "driver_mib": sampler.driver_peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--part-size", type=int, default=10)
    parser.add_argument("--engines", nargs="+", default=["local", "ray"])
    parser.add_argument("--one", nargs=4, metavar=("ENGINE", "WORKERS", "CORPUS", "OUT"),
                        help=argparse.SUPPRESS)  # one run, in this process; prints JSON
    args = parser.parse_args()
    if args.one:
        engine, workers, corpus, out = args.one
        print(json.dumps(run(engine, int(workers), Path(corpus), Path(out), args.part_size)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", args.articles)
        print(f"{args.articles} articles, {words(corpus) / args.articles:.0f} words each on "
              f"average; part size {args.part_size}; {os.cpu_count()} CPUs; load average "
              f"{os.getloadavg()[0]:.2f}")
        for engine in args.engines:
            results = {}
            for workers in (1, 2):
                out = Path(tmp) / f"out-{engine}-{workers}"
                line = subprocess.run(
                    [sys.executable, __file__, "--part-size", str(args.part_size), "--one",
                     engine, str(workers), str(corpus), str(out)],
                    check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
                r = results[workers] = json.loads(line)
                print(f"{engine:5} x{workers}: {r['articles']} articles in {r['total']:6.1f}s "
                      f"= {r['articles'] / r['total']:5.1f}/s overall, {r['steady']:5.1f}/s "
                      f"after the first result; largest worker {r['worker_mib']:.0f} MiB, "
                      f"driver {r['driver_mib']:.0f} MiB (peak RSS); CPU "
                      f"{r['cpu'] / r['articles']:.3f} s/article; after the first result "
                      f"this run used {r['cores_ours']:.2f} cores, the machine "
                      f"{r['cores_machine']:.2f} of {os.cpu_count()}", flush=True)
            one, two = results[1], results[2]
            print(f"{engine:5} speed-up x2/x1: {one['total'] / two['total']:.2f} overall, "
                  f"{two['steady'] / one['steady']:.2f} after the first result", flush=True)


if __name__ == "__main__":
    main()
