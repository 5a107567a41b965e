"""Finding quoted passages by their marks, the way newspapers write them.

- Double marks (curly, straight, guillemets, low-9) and single marks (British style).
  A mark's role comes from what is around it (a word after it and space before it opens;
  a word before it and space or punctuation after it closes), and only when that says
  nothing from its shape, so a misprinted closer (“text“) still closes.
- Marks inside a quote nest: "shouting 'debt brake'" and "the so-called "threat"" stay in
  the outer quote. Single marks inside a double quote are never passages of their own.
- A quote running over paragraphs opens each paragraph with a mark and closes only at
  its end. A quote left open ends with its paragraph unless the next paragraph opens
  with a mark, so a stray mark never swallows the rest of the article.
- Caps, so no passage runs away: at most `MAX_PARAGRAPHS` paragraphs (a longer run is cut
  and goes on as a new passage that `continues` it), and at most `MAX_CHARS` characters
  in one paragraph (a longer one is taken as a stray mark and cut at its first sentence
  end).
- A single mark opens a quote only where a closing single mark follows in the paragraph;
  apostrophes (don't, Europe's, the leaders' summit, '90s) are told apart by context.

One pass over the marks of each paragraph, found by a regular expression: linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

DOUBLE_OPENERS = frozenset("\u201c\u201e\u00ab\u201f")
DOUBLE_CLOSERS = frozenset("\u201d\u00bb")
DOUBLE = DOUBLE_OPENERS | DOUBLE_CLOSERS | {'"'}
SINGLE_OPENERS = frozenset("\u2018\u201a'")
SINGLE_CLOSERS = frozenset("\u2019'")
MARKS = re.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb'\u2018\u2019\u201a]")
PARAGRAPH = re.compile(r"[^\n]+")
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?(?=\s|$)")
# What may stand before an opening mark, and after a closing one, besides space.
OPEN_AFTER = frozenset("([{\u2014\u2013-/:;\u2026")
CLOSE_BEFORE = frozenset(",.;:!?)]}\u2014\u2013-/\u2026")

CLOSING_PAIR = re.compile(r"(?<=[^\s'])''")  # two single marks closing a quote
GUILLEMETS = frozenset("\u00ab\u00bb")

MAX_PARAGRAPHS = 12  # a quoted speech longer than this goes on as a new passage
MAX_CHARS = 2500  # longer in one paragraph: a stray mark, cut at its first sentence


@dataclass(slots=True)
class Passage:
    """A quoted passage: the characters between its marks (marks excluded)."""

    start: int
    end: int
    pieces: list[tuple[int, int]]  # (start, end) of its text in each paragraph it runs over
    closed: bool  # ended by a closing mark (not by its paragraph's end or a cap)
    single: bool = False  # in single marks
    continues: bool = False  # goes on from the passage before it (cut by a cap)
    label: str | None = None  # the speaker's label of a transcript line ("KERRY", "Q")

    @property
    def close_mark(self) -> int | None:
        """Offset of the closing mark, if there is one."""
        return self.end if self.closed else None


@dataclass(slots=True)
class _Open:
    """A passage being read."""

    start: int
    single: bool
    pieces: list[tuple[int, int]] = field(default_factory=list)
    depth: int = 1
    continues: bool = False


def normalise(text: str) -> str:
    """The text with the marks of news corpora and the New York Times (``...'' and
    `...') written as curly marks, keeping every offset: "``" is a space and an opening
    mark, "''" after a word a closing mark and a space, "`" an opening single mark."""
    if "`" not in text and "''" not in text:
        return text
    text = text.replace("``", " \u201c")
    text = CLOSING_PAIR.sub("\u201d ", text)
    return text.replace("`", "\u2018")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of text that is not blank."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if not m.group().isspace()]


def find_passages(text: str) -> list[Passage]:
    """Every quoted passage of the text, in order."""
    passages: list[Passage] = []
    carried: _Open | None = None  # a passage left open at the end of the last paragraph
    for p_start, p_end in paragraphs(text):
        carried = _read_paragraph(text, p_start, p_end, carried, passages)
    if carried is not None:
        _finish(carried, passages, closed=False)
    return [p for p in passages if text[p.start:p.end].strip(" \t,.;:")]


def _read_paragraph(text: str, p_start: int, p_end: int, carried: _Open | None,
                    passages: list[Passage]) -> _Open | None:
    marks = [m.start() for m in MARKS.finditer(text, p_start, p_end)]
    lead = _first_char(text, p_start, p_end)
    current: _Open | None = None
    skip = -1
    if carried is not None:
        if lead in marks and _continues(text[lead], carried):
            if len(carried.pieces) >= MAX_PARAGRAPHS:
                _finish(carried, passages, closed=False)
                current = _Open(lead + 1, carried.single, continues=True)
            else:
                current = carried
                current.start, current.depth = lead + 1, 1
            skip = lead
        else:
            _finish(carried, passages, closed=False)
    singles = _SingleCloses(text, marks, p_end)
    index = 0
    while index < len(marks):
        i = marks[index]
        index += 1
        if i == skip:
            continue
        char = text[i]
        if current is not None and i - current.start > MAX_CHARS:
            # a runaway: cut at its first sentence; the marks up to here are text
            cut = _sentence_end(text, current.start, i)
            current.pieces.append((current.start, cut))
            _finish(current, passages, closed=False)
            current = None
        if current is None:
            if char in DOUBLE and _role(text, i, p_end, char in DOUBLE_OPENERS) == "open":
                current = _Open(i + 1, single=False)
            elif char in SINGLE_OPENERS and _single_opens(text, i, p_start, p_end):
                close = singles.after(i)
                if close is not None:
                    passages.append(Passage(i + 1, close, [(i + 1, close)], True, single=True))
                    index = bisect_right(marks, close)
                elif i == lead or text[p_start:i].rstrip().endswith(":") or \
                        _next_opens_single(text, p_end):
                    # a British quote running over paragraphs closes in a later one
                    current = _Open(i + 1, single=True)
            continue
        if current.single:
            if char in SINGLE_CLOSERS and singles.is_close(i):
                current.pieces.append((current.start, i))
                _finish(current, passages, closed=True)
                current = None
            continue
        if char not in DOUBLE:
            continue  # single marks inside a double quote: nested quotes or apostrophes
        role = _role(text, i, p_end, char in DOUBLE_OPENERS, inside=True)
        if role == "open":
            current.depth += 1
        elif role == "close":
            current.depth -= 1
            if current.depth == 0:
                current.pieces.append((current.start, i))
                _finish(current, passages, closed=True)
                current = None
    if current is None:
        return None
    if p_end - current.start > MAX_CHARS:
        cut = _sentence_end(text, current.start, p_end)
        current.pieces.append((current.start, cut))
        _finish(current, passages, closed=False)
        return None
    current.pieces.append((current.start, _trim_end(text, current.start, p_end)))
    return current


TRANSCRIPT_LINE = re.compile(
    r"[ \t]*(?P<label>Q|A|[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}"
    r"|[A-Z][A-Za-z'-]+\.?(?: [A-Z][A-Za-z'-]+\.?){0,2}):[ \t]+"
    r"(?P<words>[^\s\"\u201c\u2018\u00ab\u201e'].*)")
QUESTION_LABELS = frozenset({"Q", "QUESTION", "REPORTER", "INTERVIEWER"})
ANSWER_LABELS = frozenset({"A", "ANSWER"})


def label_words(label: str, titles: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words of a label that name someone: "PRESIDENT ZELENSKY" and "MR JOHNSON"
    are named by "zelensky" and "johnson" (`titles`: honorifics and titles, lower case)."""
    words = [w.strip(".").lower() for w in label.split()]
    return frozenset(w for w in words if w and w not in titles) or frozenset(words)


def find_transcript_lines(text: str, *, titles: frozenset[str] = frozenset()
                          ) -> list[Passage]:
    """The lines of an interview transcript: a paragraph opening with a speaker's label
    and a colon ("KERRY: We are closer ...", "Q: Will you ...", "Terekhov: ...", "Justin
    McCarthy: ..."), its words unmarked. A label counts where the article has it on two
    paragraphs or more (a label given in full once and then by one of its names, "LAURA
    KUENSSBERG" then "KUENSSBERG" or "MAO NING" then "MAO", is one label; `titles` are
    words such as "president" and "mr" that name no one), or where question and answer
    labels alternate (one question counts among labels that do); one "Kenya: talks
    resume" is a headline, not a transcript. Paragraphs without a label between two lines that count go on with the line before
    them: an answer of several paragraphs is one passage."""
    found = []
    spans = paragraphs(text)
    for number, (start, end) in enumerate(spans):
        match = TRANSCRIPT_LINE.fullmatch(text, start, end)
        if match is not None:
            words_end = _trim_end(text, match.start("words"), end)
            found.append((match.group("label"), match.start("words"), words_end, number))
    dialogue = QUESTION_LABELS | ANSWER_LABELS
    questions = sum(label.upper() in QUESTION_LABELS for label, *_ in found)
    names = [label_words(label, titles) for label, *_ in found]

    def recurs(label: str, words: frozenset[str]) -> bool:
        return label.upper() not in dialogue and \
            sum(bool(words & other) for other in names) >= 2

    named = [recurs(line[0], words) for line, words in zip(found, names, strict=True)]
    # a question between the answers of a transcript counts, if asked only once
    asked = questions >= 2 or any(named)
    lines = [line for line, counts in zip(found, named, strict=True)
             if counts or (line[0].upper() in dialogue and asked)]
    passages = []
    for index, (label, start, end, number) in enumerate(lines):
        pieces = [(start, end)]
        if index + 1 < len(lines):
            for p_start, p_end in spans[number + 1:lines[index + 1][3]]:
                pieces.append((p_start, _trim_end(text, p_start, p_end)))
        passages.append(Passage(start, pieces[-1][1], pieces, False, label=label))
    return passages


def _finish(passage: _Open, passages: list[Passage], *, closed: bool) -> None:
    if not passage.pieces:
        return
    passages.append(Passage(passage.pieces[0][0], passage.pieces[-1][1], passage.pieces,
                            closed, passage.single, passage.continues))


def _continues(char: str, passage: _Open) -> bool:
    """The mark opening a paragraph continues a passage of the same kind of marks."""
    if passage.single:
        return char in SINGLE_OPENERS
    return char in DOUBLE_OPENERS or char == '"'


def _role(text: str, i: int, p_end: int, looks_open: bool, *, inside: bool = False) -> str:
    """'open', 'close' or 'none' for a double mark, from its context, else its shape."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < p_end else "\n"
    open_left = before.isspace() or before in OPEN_AFTER or before in DOUBLE or \
        before in SINGLE_OPENERS
    close_right = after.isspace() or after in CLOSE_BEFORE or after in DOUBLE or \
        after in SINGLE_CLOSERS
    if open_left and not close_right:
        return "open"
    if close_right and not open_left:
        return "close"
    if open_left and close_right:
        # a mark alone between spaces: close an open quote, else nothing; a spaced
        # guillemet (« text ») is read by its shape
        if text[i] in GUILLEMETS:
            return "open" if looks_open else "close"
        return "close" if inside and not looks_open else "none"
    # inside a word ("6"x", "word"word"): its shape decides, a straight mark is nothing
    if text[i] == '"':
        return "none"
    return "open" if looks_open else "close"


def _single_opens(text: str, i: int, p_start: int, p_end: int) -> bool:
    """An opening single mark: space or punctuation before it, a letter after it."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    return (before.isspace() or before in OPEN_AFTER or before in DOUBLE) and after.isalpha()


class _SingleCloses:
    """The closing single marks of a paragraph, strong and weak, found by bisection.

    Strong: punctuation before it ("said,’") or after it ("’."). Weak: a word ending in s
    before and a word after ("the leaders’ summit" is an apostrophe, "our interests’ he
    said" a close); a weak one is taken only when no strong one follows.
    """

    def __init__(self, text: str, marks: list[int], p_end: int) -> None:
        self.strong: list[int] = []
        self.weak: list[int] = []
        self.all: set[int] = set()
        for i in marks:
            if text[i] not in SINGLE_CLOSERS or i == 0:
                continue
            before = text[i - 1]
            after = text[i + 1] if i + 1 < p_end else " "
            if before.isspace() or after.isalnum():
                continue  # an opener, or an apostrophe inside a word
            if before in CLOSE_BEFORE or (after in CLOSE_BEFORE or after in DOUBLE
                                          or after in SINGLE_CLOSERS) or i + 1 >= p_end:
                self.strong.append(i)
            elif before in "sS" or before.isdigit():
                self.weak.append(i)
            else:
                self.strong.append(i)
        self.all = set(self.strong) | set(self.weak)

    def after(self, i: int) -> int | None:
        for candidates in (self.strong, self.weak):
            k = bisect_right(candidates, i)
            if k < len(candidates):
                return candidates[k]
        return None

    def is_close(self, i: int) -> bool:
        return i in self.all


def _next_opens_single(text: str, p_end: int) -> bool:
    """The next paragraph opens with a single mark: a British quote left open at the end
    of this one goes on there (‘... Wait for growth.\n‘I say ...’)."""
    i = p_end
    while i < len(text) and text[i].isspace():
        i += 1
    return i < len(text) and text[i] in SINGLE_OPENERS and i + 1 < len(text) and \
        text[i + 1].isalpha()


def _first_char(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _sentence_end(text: str, start: int, limit: int) -> int:
    """End of the first sentence after `start` (a runaway quote is cut there)."""
    match = SENTENCE_END.search(text, start, limit)
    if match is None:
        return min(limit, start + MAX_CHARS)
    return match.start() + 1
