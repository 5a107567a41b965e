"""Where the coder's time goes: CPU time per pipeline component, one process.

    python benchmarks/stage_costs.py [--articles 300] [--repeat 3]

Codes the benchmark corpus of `coder_speed.py` through `Coder.code_many` with every
pipeline component timed (process CPU time, so other work on the machine disturbs it
less than wall time), plus the time to build the records, and prints milliseconds per
article for each and its share of the whole. The best of the repeats is kept per
component.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from coder_speed import corpus

from communique import Coder


class Timed:
    """A pipeline component that adds its CPU time to a tally."""

    def __init__(self, name, component, tally):
        self.name, self.component, self.tally = name, component, tally

    def __getattr__(self, name):
        # the Coder reaches into its components (the events stage's known actors)
        return getattr(self.component, name)

    def __call__(self, doc):
        start = time.process_time()
        doc = self.component(doc)
        self.tally[self.name] += time.process_time() - start
        return doc

    def pipe(self, docs, batch_size=128):
        inner = getattr(self.component, "pipe", None)
        if inner is None:
            for doc in docs:
                yield self(doc)
            return
        stream = iter(inner(docs, batch_size=batch_size))
        while True:
            start = time.process_time()
            try:
                doc = next(stream)
            except StopIteration:
                return
            # a batching component does its work when the first doc of a batch is asked
            # for; the time lands on that doc, and the total is right
            self.tally[self.name] += time.process_time() - start
            yield doc


def own_times(names, tally, coder):
    """Each component's own time. Batching components run as a chain of generators, so
    the time measured on one includes the components before it in the chain."""
    own, before = {}, 0.0
    for name in names:
        component = coder.nlp.get_pipe(name)
        batching = hasattr(component.component, "pipe")
        own[name] = tally[name] - before if batching else tally[name]
        before = tally[name] if batching else before
    return own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = corpus(args.articles)
    coder = Coder()
    names = list(coder.nlp.pipe_names)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        tally: dict[str, float] = defaultdict(float)
        for name in names:
            component = coder.nlp.get_pipe(name)
            if isinstance(component, Timed):
                component.tally = tally
            else:
                index = coder.nlp.pipe_names.index(name)
                coder.nlp._components[index] = (name, Timed(name, component, tally))
        start = time.process_time()
        list(coder.code_many(texts))
        total = time.process_time() - start
        own = own_times(names, tally, coder)
        own["records and the rest"] = total - sum(own.values())
        for name, seconds in own.items():
            best[name] = min(best.get(name, seconds), seconds)
    total = sum(best.values())
    parse = sum(v for k, v in best.items() if not k.startswith("communique")
                and k != "records and the rest")
    print(f"{args.articles} articles, best of {args.repeat} (CPU ms per article)")
    for name, seconds in best.items():
        print(f"  {name:24} {1000 * seconds / args.articles:8.2f} ms  {seconds / total:6.1%}")
    own = total - parse
    print(f"  spaCy's own components   {1000 * parse / args.articles:8.2f} ms")
    print(f"  communique's stages and records {1000 * own / args.articles:8.2f} ms "
          f"= {own / parse:.1%} of spaCy's")


if __name__ == "__main__":
    main()
