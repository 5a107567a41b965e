"""Country and sector accuracy of the actors stage on the actors test set.

    python benchmarks/actors_accuracy.py [--errors]

Codes every article of tests/actors/cases.yaml and prints how many expected mentions got
the right country and the right sector, and how many coreference groups came out as one
actor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.actors.scoring import DATE, load_cases, score  # noqa: E402

from communique import Coder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="List what came out wrong.")
    args = parser.parse_args()
    cases = load_cases()
    coder = Coder()
    articles = {a.text: a for a in coder.code_many(
        [{"id": str(i), "text": c["text"], "date": DATE} for i, c in enumerate(cases)])}
    result = score(articles, cases)
    print(f"{len(cases)} articles, {result.mentions} expected mentions")
    print(f"country right: {result.country}/{result.mentions} = {result.country_accuracy:.3f}")
    print(f"sector right:  {result.sector}/{result.mentions} = {result.sector_accuracy:.3f}")
    print(f"one actor for each coreference group: {result.same_right}/{result.same_groups}")
    if args.errors:
        print("\n".join(result.errors))


if __name__ == "__main__":
    main()
