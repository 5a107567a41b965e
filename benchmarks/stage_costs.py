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
import os
import time
from collections import defaultdict

from coder_speed import corpus

from communique import Coder

CHECKS = "input checks (language id)"
NORMALISE = "normalising, Doc metadata"
TOKENIZER = "tokenizer"
MAKE_DOC = "making Docs"
REST = "records and the rest"
OURS = {CHECKS, NORMALISE, REST}  # communique's own work outside its components


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


def own_times(names, tally, coder, upstream):
    """Each component's own time. Batching components run as a chain of generators: the
    time measured on one includes everything before it in the chain (the components
    before it and, for the first, the input checks and the tokenizer that make its
    Docs), so that is taken off; a component that takes one Doc at a time is timed
    around that Doc alone."""
    own, before = {}, upstream
    for name in names:
        component = coder.nlp.get_pipe(name)
        if hasattr(component.component, "pipe"):
            own[name] = tally[name] - before
            before = tally[name]
        else:
            own[name] = tally[name]
            before += tally[name]
    return own


class TimedCall:
    """A callable (the tokenizer, the coder's Doc maker) that adds its CPU time to a
    tally."""

    def __init__(self, name, function, tally):
        self.name, self.function, self.tally = name, function, tally

    def __call__(self, *args, **kwargs):
        start = time.process_time()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.tally[self.name] += time.process_time() - start


def timed_stream(name, function, tally):
    """A generator function whose items' making adds its CPU time to a tally."""
    def wrapped(*args, **kwargs):
        stream = iter(function(*args, **kwargs))
        while True:
            start = time.process_time()
            try:
                item = next(stream)
            except StopIteration:
                return
            finally:
                tally[name] += time.process_time() - start
            yield item
    return wrapped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = corpus(args.articles)
    coder = Coder()
    names = list(coder.nlp.pipe_names)
    best: dict[str, float] = {}
    tally: dict[str, float] = defaultdict(float)
    # the Docs are made before the first component sees them: the input checks
    # (language identification among them), the text's normalisation, the tokenizer
    coder._checked = timed_stream(CHECKS, coder._checked, tally)
    coder.make_doc = TimedCall(MAKE_DOC, coder.make_doc, tally)
    coder.nlp.tokenizer = TimedCall(TOKENIZER, coder.nlp.tokenizer, tally)
    for _ in range(args.repeat):
        tally.clear()
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
        upstream = tally[CHECKS] + tally[MAKE_DOC]
        own = {CHECKS: tally[CHECKS], TOKENIZER: tally[TOKENIZER],
               NORMALISE: tally[MAKE_DOC] - tally[TOKENIZER]}
        own.update(own_times(names, tally, coder, upstream))
        own[REST] = total - sum(own.values())
        for name, seconds in own.items():
            best[name] = min(best.get(name, seconds), seconds)
    total = sum(best.values())
    parse = sum(v for k, v in best.items() if k not in OURS and not k.startswith("communique"))
    stages = sum(v for k, v in best.items() if k.startswith("communique"))
    print(f"{args.articles} articles, best of {args.repeat} (CPU ms per article); "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, seconds in best.items():
        print(f"  {name:30} {1000 * seconds / args.articles:8.2f} ms  {seconds / total:6.1%}")
    print(f"  spaCy's parse (tokenizer and its components) {1000 * parse / args.articles:8.2f} ms")
    print(f"  communique's stages                          {1000 * stages / args.articles:8.2f} ms "
          f"= {stages / parse:.1%} of the parse")
    own = total - parse
    print(f"  communique's stages, checks and records      {1000 * own / args.articles:8.2f} ms "
          f"= {own / parse:.1%} of the parse")


if __name__ == "__main__":
    main()
