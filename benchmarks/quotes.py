"""What quote extraction adds to the coder's time, and how it grows with an article.

    python benchmarks/quotes.py [--repeat 5]

1. Share of the coder's time: the articles of the quote test set, the seed article and
   the examples are parsed up to the actors stage once; the quotes stage is then timed
   on those Docs, and the whole coder (`Coder.code_many`: parse, every stage, records) on
   the same texts. Prints the quotes stage's time as a share of the coder's, overall and
   per article (median and worst), each article's best of the repeats.
2. Linear time: articles of 50 to 800 paragraphs (news paragraphs with quotes, stray
   and unbalanced marks mixed in) through the mark scanner alone and through the
   quotes stage; prints microseconds per paragraph, which stays flat if the work is
   linear.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

import yaml

from communique import Coder
from communique.io.checks import InputRecord
from communique.quotes.marks import find_passages

ROOT = Path(__file__).resolve().parents[1]
QUOTES_STAGE = "communique_quotes"
LATER_STAGES = ("communique_quotes", "communique_events")


def corpus() -> list[str]:
    texts = [a["text"] for a in yaml.safe_load(
        (ROOT / "tests" / "quotes" / "articles.yaml").read_text(encoding="utf-8"))]
    texts.append((ROOT / "examples" / "demo-article.txt").read_text(encoding="utf-8"))
    for line in (ROOT / "examples" / "articles.jsonl").read_text().splitlines():
        texts.append(json.loads(line)["text"])
    seed = ROOT.parent / "shared" / "eval" / "seed" / "article.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    return texts


def up_to_actors(coder: Coder, texts: list[str]):
    """Docs parsed and through the actors stage, ready for the quotes stage."""
    names = [n for n in LATER_STAGES if n in coder.nlp.pipe_names]
    with coder.nlp.select_pipes(disable=names):
        docs = [coder.make_doc(InputRecord(text=t)) for t in texts]
        return list(coder.nlp.pipe(docs))


def time_quotes(coder: Coder, texts: list[str]) -> list[float]:
    """Seconds the quotes stage takes on each article."""
    tagger = coder.nlp.get_pipe(QUOTES_STAGE)
    times = []
    for doc in up_to_actors(coder, texts):
        start = time.perf_counter()
        tagger(doc)
        times.append(time.perf_counter() - start)
    return times


def time_coder(coder: Coder, texts: list[str]) -> list[float]:
    """Seconds the whole coder takes on each article (one at a time, as `code` does)."""
    times = []
    for text in texts:
        start = time.perf_counter()
        coder.code(text)
        times.append(time.perf_counter() - start)
    return times


def share(coder: Coder, texts: list[str], repeat: int) -> None:
    # the best of the repeats for each article: a busy machine only ever adds time
    runs = [(time_quotes(coder, texts), time_coder(coder, texts)) for _ in range(repeat)]
    best_quotes = [min(run[0][i] for run in runs) for i in range(len(texts))]
    best_coder = [min(run[1][i] for run in runs) for i in range(len(texts))]
    shares = [q / w for q, w in zip(best_quotes, best_coder, strict=True)]
    print(f"{len(texts)} articles; coder {1000 * sum(best_coder) / len(texts):.1f} ms per "
          f"article, quotes stage {1000 * sum(best_quotes) / len(texts):.2f} ms")
    print(f"quotes stage share of the coder's time: overall "
          f"{100 * sum(best_quotes) / sum(best_coder):.2f}%, per article median "
          f"{100 * statistics.median(shares):.2f}%, worst {100 * max(shares):.2f}%")


def long_article(paragraphs: int, rng: random.Random) -> str:
    lines = [
        '"We will not back down," Foreign Minister Sergei Lavrov said on Monday.',
        "Mr Lavrov said the talks had been \u201cuseful but difficult\u201d and would go on.",
        "\u201cThe sanctions will fail. We have survived worse,\u201d he told reporters, "
        "\u201cand we will survive this.\u201d",
        "According to officials, the delegation will return to Geneva next week.",
        'Protesters carried 6" nails and banners reading "Peace now.',
        "The leaders\u2019 summit, held in the \u201990s style, didn\u2019t end well.",
        "\u2018We are ready,\u2019 the minister added.",
    ]
    return "\n".join(rng.choice(lines) for _ in range(paragraphs))


def linear(coder: Coder) -> None:
    rng = random.Random(3)
    tagger = coder.nlp.get_pipe(QUOTES_STAGE)
    print("paragraphs  marks us/paragraph  stage us/paragraph")
    for size in (50, 100, 200, 400, 800):
        text = long_article(size, rng)
        marks = stage = float("inf")
        for _ in range(5):  # best of five: a busy machine only ever adds time
            start = time.perf_counter()
            find_passages(text)
            marks = min(marks, time.perf_counter() - start)
            [doc] = up_to_actors(coder, [text])
            start = time.perf_counter()
            tagger(doc)
            stage = min(stage, time.perf_counter() - start)
        print(f"{size:>10}  {1e6 * marks / size:>18.1f}  {1e6 * stage / size:>18.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    coder = Coder()
    texts = corpus()
    coder.code(texts[0])  # warm up
    print(f"model: {coder.model_name}")
    share(coder, texts, args.repeat)
    linear(coder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
