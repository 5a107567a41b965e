"""Scoring coded quotes against the hand-written test set (`articles.yaml`).

    python -m tests.quotes.scoring [--errors] [FILE.yaml]

A coded quote matches an expected one when their words mostly agree (a similarity of
at least `MATCH` over the word sequences, marks and punctuation ignored); each expected
quote matches at most one coded quote. Detection counts a match whatever its kind; the
kind and the speaker are then scored over the matches. A speaker is right when every word
of one of the expected names is in the coded speaker's name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from communique.quotes import evaluation
from communique.quotes.evaluation import KINDS, Tally, code_all, similarity, speaker_fits

HERE = Path(__file__).resolve().parent
TEST_SET = HERE / "articles.yaml"
MATCH = 0.75

__all__ = ["HERE", "KINDS", "MATCH", "TEST_SET", "Tally", "code_all", "load", "score",
           "similarity", "speaker_fits"]


def load(path: Path = TEST_SET) -> list[dict]:
    return evaluation.load(path)


def score(articles: list[dict], coded: list[list[dict]], kinds: tuple[str, ...] = KINDS
          ) -> Tally:
    """Tally for the expected quotes of the given kinds against coded quotes of them.
    These sets were written one sentence a quote, so an expected quote may match one
    part of a coded quote broken by its attribution."""
    return evaluation.score(articles, coded, kinds, match=MATCH, parts=True)


def report(articles: list[dict], coded: list[list[dict]]) -> list[tuple[str, Tally]]:
    rows = [("all", score(articles, coded)),
            ("marked (direct+partial)", score(articles, coded, ("direct", "partial")))]
    rows += [(kind, score(articles, coded, (kind,))) for kind in KINDS]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=TEST_SET)
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    from communique import Coder

    articles = load(args.file)
    coded = code_all(Coder(), articles)
    print(f"{args.file.name}: {len(articles)} articles, "
          f"{sum(len(a['quotes']) for a in articles)} expected quotes")
    print(f"{'':26}{'expected':>9}{'coded':>7}{'P':>7}{'R':>7}{'F1':>7}{'kind':>7}"
          f"{'speaker':>9}")
    for label, tally in report(articles, coded):
        print(f"{label:26}{tally.expected:>9}{tally.coded:>7}{tally.precision:>7.3f}"
              f"{tally.recall:>7.3f}{tally.f1:>7.3f}{tally.kind_accuracy:>7.3f}"
              f"{tally.speaker_accuracy:>9.3f}")
    if args.errors:
        for line in score(articles, coded).errors:
            print("  " + line)


if __name__ == "__main__":
    sys.exit(main())
