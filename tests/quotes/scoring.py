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
import re
import sys
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TEST_SET = HERE / "articles.yaml"
MATCH = 0.75
KINDS = ("direct", "partial", "indirect")


def words(text: str) -> list[str]:
    text = text.replace("\u2019", "'").lower()
    return re.findall(r"[\w][\w'-]*", text)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def speaker_fits(expected: str | list[str], coded: dict | None) -> bool:
    if not coded or not coded.get("name"):
        return False
    names = expected if isinstance(expected, list) else [expected]
    have = set(words(coded["name"]))
    return any(set(words(name)) <= have for name in names)


@dataclass
class Tally:
    expected: int = 0
    coded: int = 0
    found: int = 0
    kind_right: int = 0
    speaker_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.coded if self.coded else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.found if self.found else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.found if self.found else 0.0


def load(path: Path = TEST_SET) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score(articles: list[dict], coded: list[list[dict]], kinds: tuple[str, ...] = KINDS
          ) -> Tally:
    """Tally for the expected quotes of the given kinds against coded quotes of them."""
    tally = Tally()
    for article, quotes in zip(articles, coded, strict=True):
        gold = [q for q in article["quotes"] if q["kind"] in kinds]
        mine = [q for q in quotes if q["kind"] in kinds]
        tally.expected += len(gold)
        tally.coded += len(mine)
        pairs = sorted(((similarity(g["text"], m["text"]), gi, mi)
                        for gi, g in enumerate(gold) for mi, m in enumerate(mine)),
                       reverse=True)
        used_gold: set[int] = set()
        used_mine: set[int] = set()
        for value, gi, mi in pairs:
            if value < MATCH or gi in used_gold or mi in used_mine:
                continue
            used_gold.add(gi)
            used_mine.add(mi)
            g, m = gold[gi], mine[mi]
            tally.found += 1
            tally.kind_right += g["kind"] == m["kind"]
            if speaker_fits(g["speaker"], m.get("speaker")):
                tally.speaker_right += 1
            else:
                tally.errors.append(f"{article['id']} speaker: {m.get('speaker')} for "
                                    f"{g['speaker']!r}: {g['text'][:60]!r}")
            if g["kind"] != m["kind"]:
                tally.errors.append(f"{article['id']} kind: {m['kind']} for {g['kind']}: "
                                    f"{g['text'][:60]!r}")
        for gi, g in enumerate(gold):
            if gi not in used_gold:
                tally.errors.append(f"{article['id']} missed {g['kind']} ({g['speaker']}): "
                                    f"{g['text'][:70]!r}")
        for mi, m in enumerate(mine):
            if mi not in used_mine:
                tally.errors.append(f"{article['id']} false alarm {m['kind']} "
                                    f"({(m.get('speaker') or {}).get('name')}): "
                                    f"{m['text'][:70]!r}")
    return tally


def code_all(coder, articles: list[dict]) -> list[list[dict]]:
    return [[q.to_dict() for q in coder.code(a["text"], id=a["id"]).quotes]
            for a in articles]


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
