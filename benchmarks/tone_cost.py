"""What the article tone costs beside the parse, one process.

    python benchmarks/tone_cost.py [--articles 300] [--repeat 3]

Parses the benchmark corpus of `coder_speed.py` with the Coder's spaCy pipeline, then
scores the tone of each parsed article (VADER over its sentences, as the Coder does),
and prints CPU milliseconds per article for each, the tone's share of the parse, the
one-time cost of loading VADER's lexicon, wall times and the load average. The best of
the repeats is kept.
"""

from __future__ import annotations

import argparse
import os
import time

from coder_speed import corpus

from communique import Coder, tone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = corpus(args.articles)
    coder = Coder()
    cpu, wall = time.process_time(), time.perf_counter()
    tone.sentence_score("A first sentence loads the lexicon.")
    load_cpu, load_wall = time.process_time() - cpu, time.perf_counter() - wall
    parse_cpu, parse_wall, tone_cpu, tone_wall = [], [], [], []
    for _ in range(args.repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        docs = list(coder.nlp.pipe(texts))
        parse_cpu.append(time.process_time() - cpu)
        parse_wall.append(time.perf_counter() - wall)
        sentences = [[s.text for s in doc.sents] for doc in docs]
        cpu, wall = time.process_time(), time.perf_counter()
        for article in sentences:
            tone.tone(article)
        tone_cpu.append(time.process_time() - cpu)
        tone_wall.append(time.perf_counter() - wall)
    count = len(texts)
    total = sum(len(s) for s in sentences)
    print(f"{count} articles, {total} sentences; {tone.method()}")
    print(f"lexicon load (once): {1000 * load_cpu:.1f} ms CPU, {1000 * load_wall:.1f} ms wall")
    print(f"parse: {1000 * min(parse_cpu) / count:.2f} ms CPU/article "
          f"({min(parse_wall):.2f} s wall)")
    print(f"tone : {1000 * min(tone_cpu) / count:.3f} ms CPU/article "
          f"({min(tone_wall):.3f} s wall)")
    print(f"tone adds {100 * min(tone_cpu) / min(parse_cpu):.1f}% to the parse's CPU time")
    print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
