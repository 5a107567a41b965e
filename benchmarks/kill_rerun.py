"""Kill ingest many times at random moments, run it again, compare with a run never killed.

Writes ARTICLES generated articles to JSONL, ingests them once without interruption,
then into a second store starts `communique ingest` again and again, each time killing
it (SIGKILL) at a random moment between its start and the time a whole run takes, until
a run finishes by itself. Prints where each kill fell (before the run's first write, or
after how many articles it stored) and whether the two stores hold the same rows.

    python benchmarks/kill_rerun.py [--articles 800] [--kills 20] [--workers 2] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.store.conftest import dump
from tests.store.corpus import make_articles

from communique.store import Store

STARTUP = 6.0  # seconds before the first batch: start, model loads, first chunks


def command(source: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "communique", "ingest", str(source), "--db", str(db),
            "--workers", str(workers), "--commit-every", "8", "--no-progress"]


def stored(db: Path) -> int:
    with Store.open(db) as store:
        return store.counts()["articles"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=800)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "news.jsonl"
        source.write_text("".join(json.dumps(a) + "\n"
                                  for a in make_articles(args.articles, seed=args.seed)))
        whole, killed = Path(folder) / "whole.duckdb", Path(folder) / "killed.duckdb"
        started = time.perf_counter()
        subprocess.run(command(source, whole, args.workers), check=True, capture_output=True)
        full = time.perf_counter() - started
        print(f"uninterrupted run: {full:.1f}s for {args.articles} articles")
        kills = 0
        before = 0
        while kills < args.kills:
            process = subprocess.Popen(command(source, killed, args.workers),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # any moment from the start to about when this run would finish
            remaining = (args.articles - before) / args.articles
            delay = rng.uniform(0.2, STARTUP + 0.6 * (full - STARTUP) * remaining)
            time.sleep(delay)
            if process.poll() is not None:
                print(f"run finished before its kill at {delay:.1f}s")
                break
            wal = Path(str(killed) + ".wal")
            writing = wal.exists() and wal.stat().st_size > 0
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            kills += 1
            now = stored(killed)
            where = "before its first write" if now == before else f"{now - before} stored"
            print(f"kill {kills:2d} at {delay:5.1f}s ({where}): {now:4d} articles in the "
                  f"store{', its WAL not yet checkpointed' if writing else ''}")
            before = now
        subprocess.run(command(source, killed, args.workers), check=True, capture_output=True)
        with Store.open(whole) as one, Store.open(killed) as other:
            same = dump(one) == dump(other)
            print(f"after {kills} kills and a last run: {other.counts()['articles']} "
                  f"articles, {other.counts()['events']} events, "
                  f"{other.counts()['stories']} stories; same rows as the run never "
                  f"killed: {same}")
        sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
