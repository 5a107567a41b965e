"""How much communique adds to the spaCy parse, one process.

    python benchmarks/coder_speed.py [--articles 300] [--repeat 3]

Codes the same articles with the bare spaCy pipeline (`nlp.pipe`, the same model and
batch size) and with `Coder.code_many` (parse plus communique's stages plus building the
records), alternating the two, and prints articles per second, tokens per second and the
ratio of communique's time to the bare parse's (best of the repeats). The articles are
the repository's examples and, where `../shared` is present, the seed article and the
development gold sentences grouped five to an article, cycled to the count asked for.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from communique import Coder

ROOT = Path(__file__).resolve().parents[1]


def corpus(count: int) -> list[str]:
    texts = [(ROOT / "examples" / "demo-article.txt").read_text()]
    for line in (ROOT / "examples" / "articles.jsonl").read_text().splitlines():
        texts.append(json.loads(line)["text"])
    shared = ROOT.parent / "shared" / "eval"
    if shared.exists():
        texts.append((shared / "seed" / "article.txt").read_text())
        sentences = [json.loads(line)["text"] for line in
                     (shared / "plover_gsr_dev.jsonl").read_text().splitlines()]
        for i in range(0, len(sentences), 5):
            texts.append("\n\n".join(sentences[i:i + 5]))
    return [texts[i % len(texts)] for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    texts = corpus(args.articles)
    coder = Coder(batch_size=args.batch_size)
    bare = spacy.load(coder.nlp.meta["lang"] + "_" + coder.nlp.meta["name"])
    tokens = sum(len(doc) for doc in bare.pipe(texts[:50], batch_size=args.batch_size))
    tokens = int(tokens * len(texts) / 50)
    list(coder.code_many(texts[:20]))  # warm up both
    list(bare.pipe(texts[:20]))
    bare_times, coder_times = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=args.batch_size):
            pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _article in coder.code_many(texts, batch_size=args.batch_size):
            pass
        coder_times.append(time.perf_counter() - start)
    bare_best, coder_best = min(bare_times), min(coder_times)
    print(f"model: {coder.model_name}; {len(texts)} articles, about {tokens:,} tokens")
    print(f"bare spaCy : {len(texts) / bare_best:7.1f} articles/s  "
          f"{tokens / bare_best:8.0f} tokens/s  ({bare_best:.2f} s)")
    print(f"communique : {len(texts) / coder_best:7.1f} articles/s  "
          f"{tokens / coder_best:8.0f} tokens/s  ({coder_best:.2f} s)")
    print(f"communique adds {100 * (coder_best / bare_best - 1):.1f}% to the parse")


if __name__ == "__main__":
    main()
