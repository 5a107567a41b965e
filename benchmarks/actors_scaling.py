"""Actor resolution stays linear in article length.

    python benchmarks/actors_scaling.py [--sizes 1 10 100] [--repeat 3]

Builds articles 1x, 10x and 100x the length of the seed article (the seed repeated,
paragraph after paragraph; without ../shared, the demo article), parses each once with
spaCy, then times the `communique_actors` stage on the parsed Doc (best of the repeats)
and prints milliseconds per article and per 1,000 tokens. Linear means the last column
stays flat.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from communique import Coder

ROOT = Path(__file__).resolve().parents[1]


def base_text() -> str:
    seed = ROOT.parent / "shared" / "eval" / "seed" / "article.txt"
    path = seed if seed.exists() else ROOT / "examples" / "demo-article.txt"
    return path.read_text(encoding="utf-8").strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    coder = Coder(max_chars=10_000_000)
    actors = coder.nlp.get_pipe("communique_actors")
    upstream = [name for name in coder.nlp.pipe_names if not name.startswith("communique")]
    text = base_text()
    print(f"{'size':>5} {'tokens':>8} {'actors ms':>10} {'ms/1k tokens':>13} {'actors':>7}")
    for size in args.sizes:
        doc = coder.nlp.make_doc("\n\n".join([text] * size))
        for name in upstream:
            doc = coder.nlp.get_pipe(name)(doc)
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            actors(doc)
            best = min(best, time.perf_counter() - start)
        print(f"{size:>4}x {len(doc):>8} {best * 1000:>10.1f} {best * 1e6 / len(doc):>13.2f}"
              f" {len(doc._.communique_actors):>7}")


if __name__ == "__main__":
    main()
