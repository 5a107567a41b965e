"""Quote F1 and speaker accuracy per house style, on any quote gold file.

    python benchmarks/quotes_eval.py tests/quotes/conventions.yaml [--errors] [--json]

The file is in the format of `tests/quotes/articles.yaml`, with an optional `style` key
per article (articles without one are scored as "unstyled"). A coded quote matches an
expected one when their words overlap by 80% or more (`--match`); see
`communique.quotes.evaluation`. Prints, per style and over all, the expected and coded
quotes, precision, recall, F1, kind accuracy and speaker accuracy over the matches;
`--json` prints one JSON object instead.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from communique.quotes.evaluation import MATCH, by_style, code_all, load


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--match", type=float, default=MATCH,
                        help=f"word overlap for a match (default {MATCH})")
    parser.add_argument("--parts", action="store_true",
                        help="let an expected quote match one part of a coded quote")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    try:
        articles = load(args.file)
    except (OSError, ValueError) as error:
        parser.error(str(error))
    from communique import Coder

    began, cpu = time.perf_counter(), time.process_time()
    coded = code_all(Coder(), articles)
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    tallies = by_style(articles, coded, match=args.match, parts=args.parts)
    if args.json:
        out = {"file": str(args.file), "articles": len(articles), "match": args.match,
               "styles": {style: tally.to_dict() for style, tally in tallies.items()}}
        if args.errors:
            out["errors"] = tallies["all"].errors
        print(json.dumps(out, indent=2))
        return 0
    print(f"{args.file.name}: {len(articles)} articles, {tallies['all'].expected} expected "
          f"quotes, coded in {wall:.1f} s wall, {cpu:.1f} s CPU")
    print(f"{'style':14}{'expected':>9}{'coded':>7}{'P':>7}{'R':>7}{'F1':>7}{'kind':>7}"
          f"{'speaker':>9}")
    for style, tally in tallies.items():
        print(f"{style:14}{tally.expected:>9}{tally.coded:>7}{tally.precision:>7.3f}"
              f"{tally.recall:>7.3f}{tally.f1:>7.3f}{tally.kind_accuracy:>7.3f}"
              f"{tally.speaker_accuracy:>9.3f}")
    if args.errors:
        for line in tallies["all"].errors:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
