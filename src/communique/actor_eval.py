"""Scoring coded actors against gold actor mentions: country and sector accuracy.

A gold file is JSONL, one sentence a line::

    {"id": "ACT-001", "text": "...", "date": "1998-05-02",
     "actors": [{"text": "Nursultan Nazarbayev", "country": "KAZ", "sector": "GOV"}],
     "kind": "person", "comment": "..."}

Each gold actor names exact words of the text. The coded actor scored for it is the one
with a mention over the last of those words (a noun phrase's head is at its end), else
one with a mention starting inside them. Country and sector may be a list of acceptable
codes; "-" means none. `communique eval` reads this format when a file's records carry
`actors` and no `events`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import E016, InputError


@dataclass(frozen=True)
class GoldActor:
    text: str
    start: int
    country: tuple[str, ...]
    sector: tuple[str, ...]


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    date: str | None
    kind: str
    actors: tuple[GoldActor, ...]


def _options(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple("-" if item in (None, "") else str(item) for item in values)


def is_actor_gold(path: Path) -> bool:
    """Whether a JSONL gold file holds actor mentions rather than events."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(record, dict) and "actors" in record and "events" not in record
    return False


def read_actor_gold(path: Path) -> list[GoldSentence]:
    sentences = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(E016, path=path, problem=f"cannot read it ({exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            actors = []
            for item in record["actors"]:
                start = text.find(item["text"])
                if start < 0:
                    raise ValueError(f"{item['text']!r} is not in the text")
                actors.append(GoldActor(item["text"], start, _options(item["country"]),
                                        _options(item.get("sector", "-"))))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise InputError(E016, path=path, problem=f"line {number}: {error}") from error
        sentences.append(GoldSentence(str(record.get("id", number)), text,
                                      record.get("date"), str(record.get("kind", "-")),
                                      tuple(actors)))
    return sentences


def actor_at(article, start: int, end: int):
    last = max(start, end - 1)
    for actor in article.actors:
        if any(mention.start <= last < mention.end for mention in actor.mentions):
            return actor
    for actor in article.actors:
        if any(start <= mention.start < end for mention in actor.mentions):
            return actor
    return None


@dataclass
class Tally:
    mentions: int = 0
    found: int = 0
    country: int = 0
    sector: int = 0
    both: int = 0

    def add(self, found: bool, country: bool, sector: bool) -> None:
        self.mentions += 1
        self.found += found
        self.country += country
        self.sector += sector
        self.both += country and sector

    def to_dict(self) -> dict:
        share = (lambda n: round(n / self.mentions, 3)) if self.mentions else (lambda n: 0.0)
        return {"mentions": self.mentions, "found": share(self.found),
                "country": share(self.country), "sector": share(self.sector),
                "both": share(self.both)}


@dataclass
class ActorReport:
    total: Tally = field(default_factory=Tally)
    kinds: dict[str, Tally] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"all": self.total.to_dict(),
                "kinds": {kind: tally.to_dict() for kind, tally in sorted(self.kinds.items())},
                "errors": self.errors}

    def format(self, *, errors: bool = False) -> str:
        lines = [f"{'kind':<16} {'mentions':>8} {'found':>7} {'country':>8} {'sector':>7} {'both':>6}"]
        rows = [("all", self.total), *sorted(self.kinds.items())]
        for name, tally in rows:
            row = tally.to_dict()
            lines.append(f"{name:<16} {row['mentions']:>8} {row['found']:>7.3f} "
                         f"{row['country']:>8.3f} {row['sector']:>7.3f} {row['both']:>6.3f}")
        if errors and self.errors:
            lines += ["", "Errors", *("  " + error for error in self.errors)]
        return "\n".join(lines)


def score_actors(sentence: GoldSentence, article, report: ActorReport, *,
                 keep_errors: bool) -> None:
    for gold in sentence.actors:
        actor = actor_at(article, gold.start, gold.start + len(gold.text))
        country = (actor.country if actor else None) or "-"
        sector = (actor.sector if actor else None) or "-"
        country_ok = actor is not None and country in gold.country
        sector_ok = actor is not None and sector in gold.sector
        for tally in (report.total, report.kinds.setdefault(sentence.kind, Tally())):
            tally.add(actor is not None, country_ok, sector_ok)
        if keep_errors and not (country_ok and sector_ok):
            got = f"{actor.name} {country}/{sector}" if actor else "no actor"
            report.errors.append(f"{sentence.id} {gold.text!r}: expected "
                                 f"{'|'.join(gold.country)}/{'|'.join(gold.sector)}, got {got}")


def evaluate_actors(coder, sentences: Iterable[GoldSentence], *, keep_errors: bool = False,
                    default_date: str = "2000-01-01") -> ActorReport:
    from .io.checks import InputRecord
    from .records import Article

    sentences = list(sentences)
    report = ActorReport()
    records = [InputRecord(text=s.text, id=str(i), date=s.date or default_date, origin=s.id)
               for i, s in enumerate(sentences)]
    articles = {a.id: a for a in coder.code_many(
        records, on_error=lambda r: report.errors.append(f"{r.origin}: skipped ({r.error})"))}
    for index, sentence in enumerate(sentences):
        article = articles.get(str(index)) or Article(id=str(index))
        score_actors(sentence, article, report, keep_errors=keep_errors)
    return report
