"""Memory over a long stream: `communique batch` (local engine) on 20,000 articles.

    python benchmarks/batch_memory.py [--articles 20000] [--every 2000] [--workers 2]

Writes the benchmark corpus (benchmarks/batch_corpus.py), codes it with the local engine,
and every `--every` articles prints the resident memory now and the peak so far, of the
driver (reading, writing Parquet parts, the rejects file) and of the largest worker
process. Flat memory: the figures at 20,000 are those at 2,000.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from batch_corpus import write_corpus
from batch_procs import Sampler, local_workers, rss_mib

from communique.batch import BatchOptions, run_batch
from communique.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--every", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", args.articles)
        done = [0]
        started = time.monotonic()
        with Sampler(local_workers, interval=1.0) as sampler:
            def progress(n: int) -> None:
                before = done[0]
                done[0] += n
                if done[0] // args.every > before // args.every:
                    sampler.sample()
                    workers = [rss_mib(pid) for pid in local_workers()]
                    print(f"{done[0]:6} articles  {time.monotonic() - started:7.0f}s  "
                          f"driver {rss_mib(os.getpid()):6.0f} MiB "
                          f"(peak {sampler.driver_peak:6.0f})  largest worker "
                          f"{max(workers, default=0):6.0f} MiB (peak "
                          f"{sampler.worker_peak:6.0f})", flush=True)

            summary = run_batch(str(corpus), str(Path(tmp) / "out"), settings=Settings.load(),
                                progress=progress,
                                options=BatchOptions(workers=args.workers))
        print(f"coded {summary.articles} articles in {summary.seconds:.0f}s with "
              f"{args.workers} workers; {summary.parts} parts")


if __name__ == "__main__":
    main()
