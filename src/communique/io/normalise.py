"""Text as the parser should see it, and the way back to the article's own offsets.

Invisible characters split words for the tokenizer: a zero-width space or a bidi mark
inside "Putin" makes two tokens and loses the actor, a soft hyphen in "nego-tiate" loses
the trigger. Before parsing, `normalise` drops the characters that are not drawn
(Unicode format characters: bidi marks and isolates, zero-width spaces and joiners,
soft hyphens, word joiners, byte-order marks; and the blank fillers of Hangul and
combining grapheme joiners) and makes every other space a plain space, so a
non-breaking space separates words as a space does. An `OffsetMap` takes offsets in the
normalised text back to the original, so a record's offsets always slice the text the
user gave.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..records import Article

# The format characters (Unicode category Cf) that are not drawn: soft hyphen, Arabic
# letter mark, Mongolian vowel separator, zero-width space, non-joiner and joiner,
# left-to-right and right-to-left marks, bidi embeddings, overrides and isolates, word
# joiner and invisible operators, byte-order mark, interlinear annotation marks,
# shorthand format controls, musical formatting, tags. (The Arabic number signs, also Cf,
# are drawn and stay.) Then the combining grapheme joiner and the blank Hangul fillers.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0]")
# Every other space (category Zs: no-break, en, em, thin, narrow no-break, ideographic
# ...) is a plain space; line and paragraph separators and NEL are line breaks.
SPACES = {**dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                                  "\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " "),
          **dict.fromkeys(map(ord, "\u2028\u2029\x85"), "\n")}


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Offsets in the normalised text to offsets in the original: the normalised text is
    the original with some characters removed, so each run of kept characters starts at
    `normal_starts[i]` there and at `original_starts[i]` in the original."""

    normal_starts: tuple[int, ...]
    original_starts: tuple[int, ...]

    def start(self, offset: int) -> int:
        """Where a span starting at `offset` starts in the original."""
        run = bisect.bisect_right(self.normal_starts, offset) - 1
        return self.original_starts[run] + offset - self.normal_starts[run]

    def end(self, offset: int) -> int:
        """Where a span ending at `offset` (exclusive) ends in the original: after its
        last character, so removed characters after it are left out."""
        return self.start(offset - 1) + 1 if offset > 0 else 0


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """The text for the parser, and the map back (None when no character was removed,
    so offsets are the same in both)."""
    if text.isascii():
        return text, None
    spaced = text.translate(SPACES)
    removed = [match.start() for match in INVISIBLE.finditer(spaced)]
    if not removed:
        return spaced, None
    normal_starts, original_starts = [0], [0]
    kept = 0  # characters kept so far
    previous = -1
    for position in removed:
        kept += position - previous - 1
        normal_starts.append(kept)
        original_starts.append(position + 1)
        previous = position
    return INVISIBLE.sub("", spaced), OffsetMap(tuple(normal_starts), tuple(original_starts))


def has_invisible(text: str) -> bool:
    return not text.isascii() and INVISIBLE.search(text) is not None


def restore_offsets(article: Article, original: str, offsets: OffsetMap | None) -> Article:
    """The article with every offset (actors' mentions, events' sides and triggers,
    quotes, places, dates) moved into `original`, and each span's text, where it was
    the normalised text of the span, taken from the original."""
    normal = article.text
    article.text = original
    if normal == original:
        return article

    def span(start: int, end: int, text: str | None) -> tuple[int, int, str | None]:
        if offsets is None:
            new_start, new_end = start, end
        else:
            new_start, new_end = offsets.start(start), max(offsets.start(start),
                                                           offsets.end(end))
        if text is not None and text == normal[start:end]:
            text = original[new_start:new_end]
        return new_start, new_end, text

    for actor in article.actors:
        for mention in actor.mentions:
            mention.start, mention.end, mention.text = span(mention.start, mention.end,
                                                            mention.text)
    for event in article.events:
        for side in (event.source, event.target):
            if side is not None:
                side.start, side.end, _ = span(side.start, side.end, None)
        trigger = event.trigger
        trigger.start, trigger.end, trigger.text = span(trigger.start, trigger.end,
                                                        trigger.text)
    for quote in article.quotes:
        quote.start, quote.end, quote.text = span(quote.start, quote.end, quote.text)
        for part in getattr(quote, "parts", None) or []:
            _restore_mapping(part, span)
    for item in [*article.places, *article.dates]:
        _restore_mapping(item, span)
    return article


def _restore_mapping(item: Any, span: Any) -> None:
    if isinstance(item, dict) and isinstance(item.get("start"), int) \
            and isinstance(item.get("end"), int):
        item["start"], item["end"], text = span(item["start"], item["end"], item.get("text"))
        if "text" in item:
            item["text"] = text
    elif hasattr(item, "start") and hasattr(item, "end"):
        item.start, item.end, text = span(item.start, item.end, getattr(item, "text", None))
        if hasattr(item, "text"):
            item.text = text
