"""Which event a phrase belongs to, and the tense of the clause it sits in.

The dates and the places stages both ask: this phrase ("on Wednesday", "in Shenzhen"),
whose is it? The answer comes from the dependency tree: climb from the phrase to the
word it modifies, and on through nouns ("the summit in Shenzhen"), to the first word
of an event's clause (its trigger and the frames above it, as the events stage leaves
them in `tokens.clause`). A verb on the way that is no event's ("said on Monday that
...") keeps the phrase: the date of a saying is not the date of what was said.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..tables import vocabulary

PAST, FUTURE = "past", "future"
FUTURE_AUX = vocabulary.words("future_auxiliaries")
PAST_AUX = vocabulary.words("past_auxiliaries")
PRESENT_AUX = vocabulary.words("present_auxiliaries")
SAME_TIME = vocabulary.words("same_time_verbs")


def clause_owners(events: Sequence[dict]) -> dict[int, list[int]]:
    """Token index -> the events whose clause holds that token."""
    owners: dict[int, list[int]] = {}
    for number, event in enumerate(events):
        tokens = event.get("tokens") or {}
        words = {*tokens.get("clause", ()), tokens.get("trigger"), tokens.get("top")}
        for index in words:
            if index is not None:
                owners.setdefault(index, []).append(number)
    return owners


def modified_word(span: Span) -> Token:
    """The word a phrase modifies: the head of its preposition ("held ... on Wednesday"
    -> held), or its own head ("Wednesday's talks" -> talks)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.pos_ == "ADP":
        root = root.head
    return root.head if root.head.i != root.i else root


def owning_events(doc: Doc, word: Token, owners: dict[int, list[int]]) -> list[int]:
    """The events whose clause the climb from `word` reaches first; [] when a verb that
    is no event's comes first."""
    token, seen = word, set()
    while token.i not in seen:
        seen.add(token.i)
        if token.i in owners:
            return owners[token.i]
        if token.pos_ in {"VERB", "AUX"} or token.head.i == token.i:
            return []
        token = token.head
    return []


def tense(token: Token) -> str | None:
    """Past, future, or None (the words do not say), for the clause a word sits in."""
    for _ in range(8):
        if token.pos_ in {"NOUN", "PROPN", "ADP", "ADJ", "NUM", "PRON"} \
                and token.head.i != token.i:
            token = token.head
            continue
        auxes = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
        if auxes & FUTURE_AUX:
            return FUTURE
        if "to" in auxes:
            governor = token.head
            if governor.lemma_ == "go" and governor.tag_ == "VBG":
                return FUTURE  # "is going to visit"
            if governor.lemma_ in SAME_TIME and governor.i != token.i:
                token = governor
                continue
            return FUTURE
        if token.tag_ == "VBD" or auxes & PAST_AUX:
            return PAST
        if token.tag_ in {"VBZ", "VBP"} or auxes & PRESENT_AUX:
            # news writes what is scheduled in the present: "meets Putin on Monday"
            return FUTURE
        if token.dep_ in {"conj", "xcomp", "advcl", "acl", "relcl"} and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None
