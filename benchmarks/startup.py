"""Start-up of the store commands: wall and CPU time of `communique --help`, sql, events,
dyad, actors, export and quotes --db, each run REPEAT times in a fresh interpreter, medians.

The commands run on a small generated store (EVENTS events, as `query_speed.py` builds
them) unless --db names one, so that the figures are the start-up, not the query. With
--compare SRC (another tree's `src` folder, e.g. an older commit's from `git archive`),
the same commands also run from that source, interleaved with this tree's runs, and the
ratios compare/this are printed: both sides see the same load. The load average is
printed before and after, as the machine may be shared.

    python benchmarks/startup.py [--repeat 7] [--events 5000] [--db PATH] [--compare SRC]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from query_speed import build

HERE = Path(__file__).resolve().parent.parent / "src"

ARTICLES = [
    ("s1", "2026-02-02", "Russia and China signed a trade agreement in Moscow on Monday, the "
     "Kremlin said. President Vladimir Putin said the deal would last."),
    ("s2", "2026-02-03", "Israeli troops arrested three Palestinian protesters in Hebron, "
     "the army said on Tuesday."),
    ("s3", "2026-02-04", "The United States condemned North Korea's missile test. \"This "
     "is a provocation,\" Secretary of State Marco Rubio said."),
    ("s4", "2026-02-05", "India and Pakistan agreed to hold talks on the Indus waters "
     "dispute next month, officials in New Delhi said."),
]


def ingested(src: Path, db: Path) -> Path:
    """A store made from ARTICLES by SRC's own `communique ingest`."""
    feed = db.with_suffix(".jsonl")
    feed.write_text("".join(json.dumps({"id": i, "date": d, "text": t}) + "\n"
                            for i, d, t in ARTICLES), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "communique", "ingest", str(feed), "--db",
                           str(db), "--workers", "1"], env={**os.environ, "PYTHONPATH": str(src)},
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"ingest from {src} failed: {done.stderr.strip()}")
    return db


def commands(db: Path, out: Path) -> dict[str, list[str]]:
    d = ["--db", str(db)]
    return {
        "--help": ["--help"],
        "sql": ["sql", *d, "SELECT count(*) FROM events"],
        "events --dyad": ["events", *d, "--dyad", "CHN", "USA", "--limit", "5"],
        "dyad": ["dyad", *d, "CHN", "RUS", "--period", "month"],
        "actors": ["actors", *d, "--limit", "5"],
        "export": ["export", *d, "--format", "gdelt", "-o", str(out)],
        "quotes --db": ["quotes", "--db", str(db)],
    }


def run_once(src: Path, args: list[str]) -> tuple[float, float] | str:
    """(wall, CPU) seconds of one run of `python -m communique ARGS` from SRC, or the last
    line of its error if it fails."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "communique", *args], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--db", type=Path, default=None, help="run on this store")
    parser.add_argument("--compare", type=Path, default=None,
                        help="another source tree's src folder to time beside this one")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    trees = {"this": HERE, **({"compare": args.compare.resolve()} if args.compare else {})}
    if args.compare and not args.db:
        stores = {tree: ingested(src, Path(folder.name) / f"{tree}.duckdb")
                  for tree, src in trees.items()}
    else:
        db = args.db or Path(folder.name) / "small.duckdb"
        if not db.exists():
            build(db, args.events)
        stores = dict.fromkeys(trees, db)
    print(f"load average before: {load()}  (cores: {os.cpu_count()})")
    print(f"medians of {args.repeat} runs, stores {', '.join(map(str, stores.values()))}")
    header = f"  {'command':<15} {'wall ms':>8} {'CPU ms':>8}"
    if args.compare:
        header += f" {'compare wall':>13} {'compare CPU':>12} {'wall ratio':>10} {'CPU ratio':>10}"
    print(header)
    out = Path(folder.name) / "export.tsv"
    argvs = {tree: commands(db, out) for tree, db in stores.items()}
    for name in argvs["this"]:
        times: dict[str, list[tuple[float, float]]] = {tree: [] for tree in trees}
        failed = {}
        for tree, src in trees.items():
            first = run_once(src, argvs[tree][name])  # also warms the file cache
            if isinstance(first, str):
                failed[tree] = first
        if "this" in failed:
            raise SystemExit(f"{name} failed: {failed['this']}")
        for _ in range(args.repeat):
            for tree, src in trees.items():
                if tree not in failed:
                    result = run_once(src, argvs[tree][name])
                    if isinstance(result, str):
                        raise SystemExit(f"{name} ({tree}) failed: {result}")
                    times[tree].append(result)
        wall, cpu = (statistics.median(t[i] for t in times["this"]) * 1000 for i in (0, 1))
        line = f"  {name:<15} {wall:8.0f} {cpu:8.0f}"
        if "compare" in failed:
            line += f"  compare tree: {failed['compare']}"
        elif args.compare:
            cwall, ccpu = (statistics.median(t[i] for t in times["compare"]) * 1000
                           for i in (0, 1))
            line += f" {cwall:13.0f} {ccpu:12.0f} {cwall / wall:9.1f}x {ccpu / cpu:9.1f}x"
        print(line, flush=True)
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
