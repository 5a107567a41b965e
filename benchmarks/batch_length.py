"""Is coding time linear in article length? One process, articles at 1x, 10x and 100x.

    python benchmarks/batch_length.py [--words 40000] [--repeat 2]

An article of length k joins k benchmark articles' paragraphs (benchmarks/batch_corpus.py),
so the text stays news, not one paragraph repeated. For each length the script codes
about the same number of words (`--words`), and prints seconds per article and per
thousand words (best of the repeats), for communique and for the bare spaCy pipeline it runs on
(the same model), so growth in the parse is told from growth in communique's stages.
Linear time means the same seconds per thousand words at every length.
"""

from __future__ import annotations

import argparse
import time

import spacy
from batch_corpus import article, pieces

from communique import Coder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=40000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    texts = pieces()
    coder = Coder()
    bare = spacy.load(coder.nlp.meta["lang"] + "_" + coder.nlp.meta["name"])
    bare.max_length = coder.nlp.max_length
    list(coder.code_many([article(0, texts)["text"]] * 10))  # warm up
    list(bare.pipe([article(0, texts)["text"]] * 10))
    base = bare_base = None
    for length in (1, 10, 100):
        sample = [article(n, texts, length=length) for n in range(3)]
        per_article = sum(len(a["text"].split()) for a in sample) / len(sample)
        count = max(1, round(args.words / per_article))
        records = [article(n, texts, length=length) for n in range(count)]
        total_words = sum(len(r["text"].split()) for r in records)
        best = bare_best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            coded = list(coder.code_many(records))
            best = min(best, time.perf_counter() - started)
            started = time.perf_counter()
            for _doc in bare.pipe(r["text"] for r in records):
                pass
            bare_best = min(bare_best, time.perf_counter() - started)
        assert len(coded) == count
        per_kword = best / total_words * 1000
        bare_kword = bare_best / total_words * 1000
        base, bare_base = base or per_kword, bare_base or bare_kword
        print(f"{length:3}x: {count:4} articles of {total_words / count:7.0f} words; "
              f"communique {best / count:7.3f} s per article, {per_kword:.3f} s per 1,000 "
              f"words ({per_kword / base:.2f} of 1x); bare spaCy {bare_kword:.3f} s per "
              f"1,000 words ({bare_kword / bare_base:.2f} of 1x)", flush=True)


if __name__ == "__main__":
    main()
