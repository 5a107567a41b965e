"""Scoring coded quotes against hand-annotated ones, per house style.

Gold format (YAML, a list of articles; the format of `tests/quotes/articles.yaml`):

    - id: c-wire-01
      style: wire                      # optional; articles without one are "unstyled"
      text: |
        ...
      quotes:
        - {kind: direct, speaker: Margaret Holt, text: "This is ..."}
        - {kind: direct, speaker: null, text: "Will you ..."}   # nobody named
      not_quotes: [...]                # optional, for reading only

A coded quote matches an expected one when their word sequences are at least `match`
similar (SequenceMatcher's ratio, 2 * common words / all words, over words without
marks or punctuation: 0.8 is "the words overlap by 80%"); each expected quote matches at
most one coded quote, best pairs first. With `parts=True`, an expected quote may also
match one part of a coded quote that has several (`parts` in the record): for gold
written one sentence a quote, before quotes broken by their attribution became one
quote. Detection counts a match whatever its kind; kind and speaker are scored over the
matches. A speaker is right when every word of one of the expected names is in the coded
speaker's name, or when both are null.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

KINDS = ("direct", "partial", "indirect")
MATCH = 0.8
UNSTYLED = "unstyled"


def words(text: str) -> list[str]:
    text = text.replace("\u2019", "'").replace("`", "'").lower()
    return [w.strip("'") for w in re.findall(r"\w[\w'-]*", text) if w.strip("'")]


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def speaker_fits(expected: str | list[str] | None, coded: dict | None) -> bool:
    if expected is None:
        return not coded or not (coded.get("name") or coded.get("actor"))
    if not coded or not coded.get("name"):
        return False
    names = expected if isinstance(expected, list) else [expected]
    have = set(words(coded["name"]))
    return any(set(words(name)) <= have for name in names)


@dataclass
class Tally:
    expected: int = 0
    coded: int = 0
    found: int = 0  # expected quotes matched
    coded_found: int = 0  # coded quotes matched (one may match several parts)
    kind_right: int = 0
    speaker_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.coded_found / self.coded if self.coded else 0.0

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

    def to_dict(self) -> dict[str, Any]:
        return {"expected": self.expected, "coded": self.coded, "found": self.found,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "kind": round(self.kind_accuracy, 4),
                "speaker": round(self.speaker_accuracy, 4)}


def load(path: Path) -> list[dict]:
    """The articles of a gold file, each checked for the keys scoring needs."""
    articles = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(articles, list):
        raise ValueError(f"{path}: expected a list of articles")
    for n, article in enumerate(articles, 1):
        if not isinstance(article, dict) or "text" not in article:
            raise ValueError(f"{path}: article {n} has no text")
        for q in article.get("quotes") or []:
            if "text" not in q or q.get("kind") not in KINDS:
                raise ValueError(f"{path}: article {article.get('id', n)}: a quote needs "
                                 f"text and a kind of {', '.join(KINDS)}: {q!r}")
        article.setdefault("id", str(n))
        article["quotes"] = article.get("quotes") or []
    return articles


def _pieces(quote: dict, text: str | None, parts: bool) -> list[str]:
    """The texts a coded quote offers for matching: its whole text, then its parts."""
    offered = [quote["text"]]
    spans = quote.get("parts") or []
    if parts and text is not None and len(spans) > 1:
        offered += [text[s:e] for s, e in spans]
    return offered


def score(articles: Sequence[dict], coded: Sequence[Sequence[dict]],
          kinds: Iterable[str] = KINDS, *, match: float = MATCH, parts: bool = False
          ) -> Tally:
    """Tally for the expected quotes of the given kinds against coded quotes of them."""
    kinds = tuple(kinds)
    tally = Tally()
    for article, quotes in zip(articles, coded, strict=True):
        gold = [q for q in article["quotes"] if q["kind"] in kinds]
        mine = [q for q in quotes if q["kind"] in kinds]
        tally.expected += len(gold)
        tally.coded += len(mine)
        offered = [(mi, piece, pi) for mi, m in enumerate(mine)
                   for pi, piece in enumerate(_pieces(m, article.get("text"), parts))]
        pairs = sorted(((similarity(g["text"], piece), -pi, gi, mi, pi)
                        for gi, g in enumerate(gold) for mi, piece, pi in offered),
                       reverse=True)
        used_gold: set[int] = set()
        used_whole: set[int] = set()
        used_part: set[tuple[int, int]] = set()
        for value, _, gi, mi, pi in pairs:
            if value < match or gi in used_gold or mi in used_whole or \
                    (mi, pi) in used_part or (pi == 0 and any(k == mi for k, _ in used_part)):
                continue
            used_gold.add(gi)
            if pi == 0:
                used_whole.add(mi)
            else:
                used_part.add((mi, pi))
            g, m = gold[gi], mine[mi]
            tally.found += 1
            tally.kind_right += g["kind"] == m["kind"]
            if speaker_fits(g.get("speaker"), m.get("speaker")):
                tally.speaker_right += 1
            else:
                tally.errors.append(f"{article['id']} speaker: {m.get('speaker')} for "
                                    f"{g.get('speaker')!r}: {g['text'][:60]!r}")
            if g["kind"] != m["kind"]:
                tally.errors.append(f"{article['id']} kind: {m['kind']} for {g['kind']}: "
                                    f"{g['text'][:60]!r}")
        matched = used_whole | {mi for mi, _ in used_part}
        tally.coded_found += len(matched)
        for gi, g in enumerate(gold):
            if gi not in used_gold:
                tally.errors.append(f"{article['id']} missed {g['kind']} "
                                    f"({g.get('speaker')}): {g['text'][:70]!r}")
        for mi, m in enumerate(mine):
            if mi not in matched:
                tally.errors.append(f"{article['id']} false alarm {m['kind']} "
                                    f"({(m.get('speaker') or {}).get('name')}): "
                                    f"{m['text'][:70]!r}")
    return tally


def code_all(coder, articles: Sequence[dict]) -> list[list[dict]]:
    """The coder's quote records for each article (coded on its `date`, where it has
    one: who "the prime minister" is depends on it)."""
    return [[q.to_dict() for q in coder.code(a["text"], id=a["id"],
                                             date=a.get("date")).quotes]
            for a in articles]


def by_style(articles: Sequence[dict], coded: Sequence[Sequence[dict]], *,
             match: float = MATCH, parts: bool = False) -> dict[str, Tally]:
    """One tally per style (in order of first appearance), and "all"."""
    styles: dict[str, list[int]] = {}
    for n, article in enumerate(articles):
        styles.setdefault(str(article.get("style") or UNSTYLED), []).append(n)
    result = {style: score([articles[n] for n in ns], [coded[n] for n in ns],
                           match=match, parts=parts)
              for style, ns in styles.items()}
    result["all"] = score(articles, coded, match=match, parts=parts)
    return result
