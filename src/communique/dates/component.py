"""The `communique_dates` pipeline component: when each event happened.

Finds every date expression of the article (`doc._.communique_dates`), resolves it
against the publication date (`doc._.communique_meta["date"]`) or the dateline's date,
with the tense of its clause, and gives each event (`doc._.communique_events`) its
`date`, `date_end` and `date_text`: from the expression in the event's own clause, or
else the article's date with `date_text` null.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import doc_text
from .attach import clause_owners, modified_word, owning_events, tense
from .expressions import Expression, find_dateline, find_expressions
from .resolve import Interval, iso, resolve


@dataclass(slots=True)
class DateMention:
    """A date expression found in a doc, with its tokens, the clause's tense, its dates."""

    expression: Expression
    start: int  # tokens
    end: int
    tense: str | None
    interval: Interval | None
    events: list[int]

    def to_dict(self) -> dict[str, object]:
        first, last = iso(self.interval)
        e = self.expression
        return {"text": e.text, "start": e.start, "end": e.end, "date": first,
                "date_end": last}


@dataclass(slots=True)
class DateFindings:
    anchor: date | None  # the day relative dates count from
    mentions: list[DateMention]


class DateTagger:
    """Dates every event and lists the article's date expressions."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> DateFindings:
        meta = doc._.communique_meta or {}
        published = parse_iso(meta.get("date"))
        anchor = published
        expressions = find_expressions(doc_text(doc))
        dateline = find_dateline(doc_text(doc))
        if dateline is not None and dateline.date is not None:
            line = dateline.date
            expressions = [e for e in expressions if e.end <= line.start or e.start >= line.end]
            expressions = sorted([*expressions, line], key=lambda e: e.start)
            filed = resolve(line, published)
            anchor = filed[0] if filed else published
        owners = clause_owners(doc._.communique_events or [])
        mentions = []
        for expression in expressions:
            span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if expression.kind == "dateline":
                mentions.append(DateMention(expression, span.start, span.end, None,
                                            resolve(expression, published), []))
                continue
            word = modified_word(span)
            clause_tense = tense(word)
            mentions.append(DateMention(
                expression, span.start, span.end, clause_tense,
                resolve(expression, anchor, clause_tense), owning_events(doc, word, owners)))
        return DateFindings(anchor, mentions)

    @staticmethod
    def set_annotations(doc: Doc, findings: DateFindings) -> None:
        doc._.communique_dates = [m.to_dict() for m in findings.mentions]
        events = doc._.communique_events or []
        default = findings.anchor.isoformat() if findings.anchor else None
        for number, event in enumerate(events):
            own = [m for m in findings.mentions if number in m.events]
            if not own:
                event.update(date=default, date_end=None, date_text=None)
                continue
            trigger = event["tokens"]["trigger"]
            best = min(own, key=lambda m: (m.interval is None,
                                           min(abs(m.start - trigger), abs(m.end - 1 - trigger))))
            first, last = iso(best.interval)
            # a phrase that fixes no date (no publication date, "February 30") still says
            # the event's date is not the article's: the date is left unknown
            event.update(date=first, date_end=last, date_text=best.expression.text)


def parse_iso(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
