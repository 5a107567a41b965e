"""Ingest throughput: the same articles with one worker and with two.

Writes ARTICLES news-like articles (made from templates, tests/store/corpus.py; each
joins four generated reports, some 300 words) to a JSONL file, then runs `communique
ingest` on them into a new store with `--workers 1` and with `--workers 2`, and prints
the wall time of each run (the process, the model loads included), the articles per
second of its summary (from the start of ingest to the last write and story link), and
the cores it kept busy (CPU time over wall time: other work on the machine lowers it).

    python benchmarks/ingest_throughput.py [--articles 500] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.store.corpus import make_articles


def write_corpus(path: Path, count: int) -> int:
    pieces = make_articles(count * 4, seed=11, pool=count)
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            group = pieces[4 * n:4 * n + 4]
            text = "\n\n".join(p["text"] for p in group)
            words += len(text.split())
            out.write(json.dumps({"id": f"bench-{n:04d}", "date": group[0]["date"],
                                  "source": group[0]["source"], "title": group[0]["title"],
                                  "text": text}) + "\n")
    return words // count


def run(source: Path, db: Path, workers: int) -> tuple[float, float, float, str]:
    """Wall seconds, articles/s, and the cores the run kept busy on average (CPU time
    over wall time: on a machine busy with other work, two workers get less than two)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "communique", "ingest", str(source),
                             "--db", str(db), "--workers", str(workers), "--no-progress"],
                            capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rate = float(re.search(r"\(([\d.]+) articles/s\)", result.stdout)[1])
    return wall, rate, cpu / wall, result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "news.jsonl"
        words = write_corpus(source, args.articles)
        print(f"{args.articles} articles, {words} words each on average")
        figures = {}
        for workers in args.workers:
            wall, rate, cores, summary = run(source, Path(folder) / f"w{workers}.duckdb",
                                             workers)
            figures[workers] = (wall, rate)
            print(f"--workers {workers}: {wall:6.1f} s wall, {rate:5.1f} articles/s "
                  f"in ingest, {cores:.2f} cores busy on average\n  {summary}")
        if 1 in figures:
            base_wall, base_rate = figures[1]
            for workers, (wall, rate) in figures.items():
                if workers != 1:
                    print(f"speed-up with {workers} workers: {base_wall / wall:.2f}x wall, "
                          f"{rate / base_rate:.2f}x articles/s")


if __name__ == "__main__":
    main()
