"""The `communique_quotes` pipeline component: quotes and who said them.

Runs after the actors stage and before the events stage: inside a quote, "I" and "we"
are the speaker and "you" is whom the speaker addresses, and the events stage needs to
know that ("I would like to assure you of firm support").

Writes `doc._.communique_quotes`, a list of plain dicts in text order:
`{"text", "start", "end", "kind" (direct | partial | indirect), "cue", "speaker":
{"actor", "name"} or None, "tokens": [start, end], "token_pieces": [[start, end], ...],
"pieces": [[start, end], ...] (character spans of the quoted words), "addressee",
"cue_token" and "speaker_token" (the token of the cue and of the word naming the speaker,
or None)}`. The events stage reads the cue to code the statement itself (CAMEO 010).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ..tables import Knowledge
from .attribution import Attributed, Attributor
from .indirect import Indirect, find_indirect
from .marks import Passage, find_passages, find_transcript_lines
from .pronouns import resolve_quoted_pronouns
from .reading import HONORIFICS, Reading, Speaker
from .vocabulary import Vocabulary, package_vocabulary

SPLIT_ENDINGS = (",", "\u2014", "\u2013", "-")
QUOTE_MARKS = frozenset("\"\u201c\u201d\u201e\u00ab\u00bb\u2018")  # not apostrophes
ABBREVIATION = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.(?=\s)")  # Mr., U.S.
MAX_BETWEEN = 120  # characters of attribution between two parts of one quote


class QuoteTagger:
    """Finds direct, partial and indirect quotes and resolves who "I" and "you" are."""

    def __init__(self, nlp: Language, name: str, knowledge: Knowledge, *,
                 vocabulary: Vocabulary | None = None) -> None:
        self.name = name
        self.knowledge = knowledge
        self.vocabulary = vocabulary or package_vocabulary()
        self.titles = frozenset(role.role.split()[-1]
                                for role in knowledge.lexicon.roles.values()
                                if role.kind == "person")

    def __call__(self, doc: Doc) -> Doc:
        quotes = self.match(doc)
        self.set_annotations(doc, quotes)
        return doc

    def match(self, doc: Doc) -> list[dict]:
        reading = Reading(doc, self.vocabulary, titles=self.titles)
        attributed = Attributor(reading).read(
            _with_transcript(reading.text, self.titles | HONORIFICS))
        marked = merge_split_quotes(reading, attributed)
        indirect = find_indirect(reading, _LastSpeaker(attributed))
        quotes = [_marked_plain(reading, group) for group in marked]
        quotes += [_indirect_plain(reading, item) for item in indirect]
        quotes.sort(key=lambda q: (q["start"], q["kind"] != "indirect"))
        return quotes

    @staticmethod
    def set_annotations(doc: Doc, quotes: list[dict]) -> None:
        doc._.communique_quotes = quotes
        resolve_quoted_pronouns(doc, quotes)


def _with_transcript(text: str, titles: frozenset[str]) -> list[Passage]:
    """The marked passages and the lines of a transcript, in order; a marked passage
    inside a transcript line is part of it."""
    lines = find_transcript_lines(text, titles=titles)
    if not lines:
        return find_passages(text)
    marked = [p for p in find_passages(text)
              if not any(line.start <= p.start < line.end for line in lines)]
    return sorted(marked + lines, key=lambda p: p.start)


def merge_split_quotes(reading: Reading, items: list[Attributed]) -> list[list[Attributed]]:
    """One utterance, one quote: “We will,” he said, “stand firm.” (a direct quote ending
    in a comma, an attribution, a quote going on in lower case), and the direct quotes of
    one speaker that follow each other in a paragraph with at most an attribution between
    them (“We have made progress,” she said. “But ...”)."""
    groups: list[list[Attributed]] = []
    text = reading.text
    for item in items:
        if groups and _goes_on(text, groups[-1], item):
            groups[-1].append(item)
            continue
        groups.append([item])
    return groups


def _goes_on(text: str, group: list[Attributed], item: Attributed) -> bool:
    last = group[-1]
    if not (last.kind == item.kind == "direct" and last.passage.closed and
            last.paragraph == item.paragraph):
        return False
    between = text[last.passage.end + 1:max(last.passage.end + 1, item.passage.start - 1)]
    if any(mark in between for mark in QUOTE_MARKS):
        return False
    words = text[item.passage.start:item.passage.end].lstrip(" \"'\u2018\u201c")
    if last.cue is not None and \
            text[last.passage.start:last.passage.end].rstrip().endswith(SPLIT_ENDINGS) \
            and words[:1].islower() and not any(c in between for c in ".!?\n"):
        return True
    speaker = next((i.speaker for i in group if i.speaker is not None), None)
    if speaker is None or item.speaker is None or not _same(speaker, item.speaker):
        return False
    # at most the attribution between them: one short sentence, or nothing
    ends = sum(ABBREVIATION.sub("", between).count(c) for c in ".!?")
    return len(between) <= MAX_BETWEEN and ends <= 1 and "\n" not in between


def _same(a: Speaker, b: Speaker) -> bool:
    if a.actor is not None or b.actor is not None:
        return a.actor == b.actor
    return (a.name or "").lower() == (b.name or "").lower()


def _marked_plain(reading: Reading, group: list[Attributed]) -> dict:
    text = reading.text
    pieces = [piece for item in group for piece in item.passage.pieces]
    words = [text[s:e].strip() for s, e in pieces]
    for n in range(len(words) - 1):
        if len(group) > 1 and words[n].endswith(SPLIT_ENDINGS):
            # "We have made progress," she said. "But ...": the comma ends a sentence
            # when the next part opens one; "We will," he said, "stand firm" reads on
            opens = words[n + 1].lstrip(" \"'\u2018\u201c")[:1].isupper()
            words[n] = words[n].rstrip(" ,\u2014\u2013-") + ("." if opens else "")
    speaker = next((item.speaker for item in group if item.speaker is not None), None)
    cue = next((item.cue for item in group if item.cue is not None), None)
    addressee = next((item.addressee_hint for item in group if item.addressee_hint is not None),
                     None)
    first, last = group[0], group[-1]
    return {
        "text": " ".join(w for w in words if w),
        "start": first.passage.start, "end": last.passage.end,
        "kind": first.kind,
        "cue": cue.text if cue is not None else None,
        "speaker": speaker.plain() if speaker is not None else None,
        "tokens": [first.first, last.last + 1],
        "token_pieces": [[item.first, item.last + 1] for item in group],
        "pieces": [[s, e] for s, e in pieces],
        "addressee": _actor_at(reading, addressee),
        "cue_token": cue.i if cue is not None else None,
        "speaker_token": speaker.token if speaker is not None else None,
    }


def _indirect_plain(reading: Reading, item: Indirect) -> dict:
    span = reading.doc[item.start:item.end]
    return {
        "text": span.text, "start": span.start_char, "end": span.end_char,
        "kind": "indirect", "cue": item.cue.text, "speaker": item.speaker.plain(),
        "tokens": [item.start, item.end], "token_pieces": [[item.start, item.end]],
        "pieces": [[span.start_char, span.end_char]], "addressee": None,
        "cue_token": item.cue.i, "speaker_token": item.speaker.token,
    }


def _actor_at(reading: Reading, token) -> str | None:
    if token is None:
        return None
    index = reading.mention_at.get(token.i)
    return reading.mentions[index].get("actor") if index is not None else None


class _LastSpeaker:
    """The speaker of the last direct quote before a token: who an unresolved "he" in
    "he said the talks had failed" most likely is."""

    def __init__(self, items: list[Attributed]) -> None:
        known = [(item.first, item.speaker) for item in items
                 if item.kind == "direct" and item.speaker is not None]
        self.positions = [position for position, _ in known]
        self.speakers = [speaker for _, speaker in known]

    def __call__(self, token: int) -> Speaker | None:
        index = bisect_right(self.positions, token) - 1
        return self.speakers[index] if index >= 0 else None
