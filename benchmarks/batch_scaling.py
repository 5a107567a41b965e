"""Scaling of `communique batch` on this machine: local engine and Ray, 1 worker vs 2.

    python benchmarks/batch_scaling.py [--articles 300] [--part-size 10] [--engines local ray]
                                       [--spawn]

Writes the benchmark corpus (benchmarks/batch_corpus.py) once, then for each engine runs
`run_batch` with one worker and with two, each run in a fresh process, and prints the wall
time of the whole run (model loading and, for Ray, starting a local Ray instance
included), the time to the first result, the rate after it (startup left out), the
speed-up of two workers over one, how local workers started (fork or spawn), the peak
memory of one worker (a coding process or Ray actor: resident, the pages only it holds,
and its proportional share, where pages shared with the driver and the other workers
count once in all) and of the driver, the CPU seconds per article of the driver and
workers together (model loading included), and how many cores this run and the whole
machine used while coding. This process samples each run from outside, so the run itself
keeps one thread and may fork its workers. On a machine shared with other work the
wall-time speed-up is bounded by the CPU left over: the cores figures and the load
average before each run show how much that was. `--spawn` adds a local run with two
workers spawned, each loading the model, as where fork is unsafe.
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

from communique import parallel
from communique.batch import BatchOptions, run_batch
from communique.settings import Settings


def run(engine: str, workers: int, corpus: Path, out: Path, part_size: int,
        spawn: bool = False) -> dict:
    """One run, in this process, with no thread of its own: the times it took."""
    if spawn:  # as a process where fork is unsafe
        parallel.fork_hazard = lambda: "the benchmark asked for spawn"
    settings = Settings.load()
    stamps: list[float] = []

    def progress(n: int) -> None:
        stamps.append(time.monotonic())

    started = time.monotonic()  # the same clock in every process of the machine
    if engine == "ray":
        import ray

        ray.init(address="local", num_cpus=os.cpu_count(), include_dashboard=False,
                 logging_level=logging.WARNING)
    try:
        summary = run_batch(str(corpus), str(out), settings=settings, progress=progress,
                            options=BatchOptions(engine=engine, workers=workers,
                                                 part_size=part_size, overwrite=True))
    finally:
        if engine == "ray":
            ray.shutdown()
    ended = time.monotonic()
    first = stamps[0] if stamps else started
    # articles coded after the first result came back, over the time they took
    first_batch = part_size if engine == "ray" else 1
    steady = (summary.articles - first_batch) / (stamps[-1] - first) if len(stamps) > 1 else 0
    return {"articles": summary.articles, "started": started, "ended": ended,
            "first": first, "last": stamps[-1] if stamps else started, "steady": steady,
            "start": summary.start or "-"}


def sampled(engine: str, workers: int, corpus: Path, out: Path, part_size: int,
            spawn: bool = False) -> dict:
    """One run in a fresh process, sampled from this one."""
    load = os.getloadavg()[0]
    child = subprocess.Popen(
        [sys.executable, __file__, "--part-size", str(part_size), "--one", engine,
         str(workers), str(corpus), str(out), *(["--spawn"] if spawn else [])],
        stdout=subprocess.PIPE, text=True)
    pick = ray_actors if engine == "ray" else (lambda: local_workers(child.pid))
    with Sampler(pick, driver=child.pid) as sampler:
        output, _ = child.communicate()
    if child.returncode:
        raise SystemExit(f"the {engine} run with {workers} workers failed")
    r = json.loads(output.strip().splitlines()[-1])
    ours, machine = sampler.cores_between(r["first"], r["last"])
    return {**r, "total": r["ended"] - r["started"], "to_first": r["first"] - r["started"],
            "cpu": sampler.cpu_total, "cores_ours": ours, "cores_machine": machine,
            "worker_mib": sampler.worker_peak, "worker_private": sampler.worker_private_peak,
            "worker_pss": sampler.worker_pss_peak, "driver_mib": sampler.driver_peak,
            "load": load}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--part-size", type=int, default=10)
    parser.add_argument("--engines", nargs="+", default=["local", "ray"])
    parser.add_argument("--spawn", action="store_true",
                        help="also run two local workers spawned, each loading the model")
    parser.add_argument("--one", nargs=4, metavar=("ENGINE", "WORKERS", "CORPUS", "OUT"),
                        help=argparse.SUPPRESS)  # one run, in this process; prints JSON
    args = parser.parse_args()
    if args.one:
        engine, workers, corpus, out = args.one
        print(json.dumps(run(engine, int(workers), Path(corpus), Path(out), args.part_size,
                             spawn=args.spawn)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", args.articles)
        print(f"{args.articles} articles, {words(corpus) / args.articles:.0f} words each on "
              f"average; part size {args.part_size}; {os.cpu_count()} CPUs; load average "
              f"{os.getloadavg()[0]:.2f}")
        for engine in args.engines:
            results = {}
            runs = [(1, False), (2, False)] + ([(2, True)] if args.spawn and
                                               engine == "local" else [])
            for workers, spawn in runs:
                out = Path(tmp) / f"out-{engine}-{workers}-{spawn}"
                r = sampled(engine, workers, corpus, out, args.part_size, spawn)
                results[workers, spawn] = r
                print(f"{engine:5} x{workers} (load average {r['load']:.2f} before; workers "
                      f"started by {r['start']}): {r['articles']} articles in "
                      f"{r['total']:6.1f}s = {r['articles'] / r['total']:5.1f}/s overall, "
                      f"first result after {r['to_first']:.1f}s, {r['steady']:5.1f}/s after "
                      f"it; largest worker {r['worker_mib']:.0f} MiB resident, "
                      f"{r['worker_private']:.0f} MiB its own, {r['worker_pss']:.0f} MiB "
                      f"proportional; driver {r['driver_mib']:.0f} MiB (peaks); CPU "
                      f"{r['cpu']:.1f} s, {r['cpu'] / r['articles']:.3f} s/article; after the "
                      f"first result this run used {r['cores_ours']:.2f} cores, the machine "
                      f"{r['cores_machine']:.2f} of {os.cpu_count()}", flush=True)
            one = results[1, False]
            for (workers, _), two in results.items():
                if workers == 2:
                    print(f"{engine:5} speed-up x2/x1 ({two['start']}): "
                          f"{one['total'] / two['total']:.2f} overall, "
                          f"{two['steady'] / one['steady']:.2f} after the first result",
                          flush=True)


if __name__ == "__main__":
    main()
