"""Finding quoted passages by their marks, the way newspapers write them.

Curly and straight double quotes; a quote that runs over paragraphs opens each of them
with a mark and closes only at its end; an unbalanced or stray mark never swallows the
rest of the article: an open quote ends with its paragraph unless the next paragraph
opens with a mark (the continuation convention). One pass, linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
CLOSERS = frozenset({"\u201d", "\u00bb"})
STRAIGHT = '"'
# A quote longer than this without a close is cut at its paragraph's end.
MAX_QUOTE_CHARS = 5000


@dataclass(slots=True)
class Passage:
    """A quoted passage: the characters between its marks (marks excluded)."""

    start: int
    end: int
    pieces: list[tuple[int, int]]  # one (start, end) per paragraph it runs over
    closed: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for match in re.finditer(r"\n", text):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def find_passages(text: str) -> list[Passage]:
    passages: list[Passage] = []
    paras = paragraphs(text)
    open_at: int | None = None  # where the current quote's text starts
    pieces: list[tuple[int, int]] = []
    for number, (p_start, p_end) in enumerate(paras):
        i = p_start
        if open_at is not None:
            # a quote left open by the previous paragraph continues only if this one
            # opens with a mark; otherwise it ended with that paragraph
            segment = text[p_start:p_end]
            first = segment.lstrip()
            lead = p_start + (len(segment) - len(first))
            if first[:1] in OPENERS or first[:1] == STRAIGHT:
                open_at = lead + 1
                i = lead + 1
            else:
                passages.append(Passage(pieces[0][0], pieces[-1][1], pieces, False))
                open_at, pieces = None, []
        while i < p_end:
            char = text[i]
            if open_at is None:
                if char in OPENERS or (char == STRAIGHT and _opens(text, i)):
                    open_at = i + 1
            else:
                closes = char in CLOSERS or (char == STRAIGHT and _closes(text, i))
                if closes:
                    pieces.append((open_at, i))
                    passages.append(Passage(pieces[0][0], i, pieces, True))
                    open_at, pieces = None, []
                elif i - open_at > MAX_QUOTE_CHARS:
                    pieces.append((open_at, i))
                    passages.append(Passage(pieces[0][0], i, pieces, False))
                    open_at, pieces = None, []
            i += 1
        if open_at is not None:
            pieces.append((open_at, p_end))
            if number == len(paras) - 1:
                passages.append(Passage(pieces[0][0], p_end, pieces, False))
                open_at, pieces = None, []
    return [p for p in passages if text[p.start:p.end].strip()]


def _opens(text: str, i: int) -> bool:
    """A straight mark opens where a word follows it and none runs into it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{-\u2014:") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isspace()
