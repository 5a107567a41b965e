"""Cost of the lexicon: CPU and wall time of `load_knowledge()` and of building the actors
stage's name matcher (`LexiconMatcher`) in a fresh interpreter, REPEAT runs, medians.

With --compare SRC (another tree's `src`, e.g. `git archive main src | tar -x -C /tmp/old`)
the same runs are made from that source, interleaved with this tree's, so both see the
same load; the load average is printed beside the times, as the machine may be shared.

    python benchmarks/lexicon_load.py [--repeat 5] [--compare SRC]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "src"

PROBE = """
import json, time
from spacy.vocab import Vocab
wall, cpu = time.perf_counter(), time.process_time()
from communique.tables import load_knowledge
knowledge = load_knowledge()
loaded = (time.perf_counter() - wall, time.process_time() - cpu)
from communique.actors.mentions import LexiconMatcher
wall, cpu = time.perf_counter(), time.process_time()
LexiconMatcher(Vocab(), knowledge.lexicon)
built = (time.perf_counter() - wall, time.process_time() - cpu)
print(json.dumps({"load": loaded, "matcher": built, "names": len(knowledge.lexicon.names)}))
"""


def run_once(src: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(src)}, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another tree's src folder")
    args = parser.parse_args()
    sources = {"this": HERE, **({"compare": args.compare} if args.compare else {})}
    runs: dict[str, list[dict]] = {name: [] for name in sources}
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    for _ in range(args.repeat):
        for name, src in sources.items():
            runs[name].append(run_once(src))
    for name, results in runs.items():
        line = [f"{name:8} names {results[0]['names']}"]
        for part in ("load", "matcher"):
            wall = statistics.median(r[part][0] for r in results)
            cpu = statistics.median(r[part][1] for r in results)
            line.append(f"{part}: wall {wall:.2f} s, CPU {cpu:.2f} s")
        print("; ".join(line))
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
