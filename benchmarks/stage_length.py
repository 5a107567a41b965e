"""Is the cost of communique's own stages linear in article length? CPU per character.

    python benchmarks/stage_length.py [--chars 200000] [--lengths 2000,10000,50000,100000,500000]

Articles of each length are built from the benchmark articles' paragraphs
(benchmarks/batch_corpus.py), cut at a paragraph end near the length, so the text stays
news. For each length the script codes about `--chars` characters (at least one article)
with every pipeline component timed as in `stage_costs.py` (process CPU time), and prints
microseconds per character for spaCy's own components and for communique's stages and
records, and the stages' cost against the first length. Flat means linear in length.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict

from batch_corpus import article, pieces
from stage_costs import Timed, own_times

from communique import Coder


def text_of_length(number: int, texts: list[str], length: int) -> str:
    parts, size, k = [], 0, 0
    while size < length:
        paragraph = article(number * 1000 + k, texts)["text"]
        parts.append(paragraph)
        size += len(paragraph) + 2
        k += 1
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--lengths", default="2000,10000,50000,100000,500000")
    args = parser.parse_args()
    lengths = [int(x) for x in args.lengths.split(",")]
    texts = pieces()
    coder = Coder()
    coder.nlp.max_length = max(coder.nlp.max_length, 2 * max(lengths))
    names = list(coder.nlp.pipe_names)
    tally: dict[str, float] = defaultdict(float)
    for name in names:
        index = coder.nlp.pipe_names.index(name)
        coder.nlp._components[index] = (name, Timed(name, coder.nlp.get_pipe(name), tally))
    list(coder.code_many([text_of_length(0, texts, 2000)] * 5))  # warm up
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    base = None
    for length in lengths:
        count = max(1, round(args.chars / length))
        records = [text_of_length(n, texts, length) for n in range(count)]
        chars = sum(len(r) for r in records)
        tally.clear()
        start = time.process_time()
        list(coder.code_many(records))
        total = time.process_time() - start
        # nothing upstream is timed apart here: the input checks and the tokenizer stay
        # in the first component's time, spaCy's
        own = own_times(names, tally, coder, 0.0)
        parse = sum(v for k, v in own.items() if not k.startswith("communique"))
        stages = total - parse
        per_char = 1e6 * stages / chars
        base = base or per_char
        print(f"{length:7} chars x {count:4}: spaCy {1e6 * parse / chars:6.2f} us/char, "
              f"communique {per_char:6.2f} us/char ({per_char / base:.2f} of the first), "
              f"{stages / parse:.1%} of spaCy's", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
