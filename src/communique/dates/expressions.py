"""Finding date expressions in news text: what the words say, before any calendar.

`find_expressions(text)` returns `Expression`s with character offsets and the parts the
words give (a month, a weekday, "last", a quarter, ...). Turning them into calendar
dates against the publication date is `resolve.py`'s job; which event an expression
belongs to is the component's.

Month names count only when written as names: capitalised, and "May" and "March"
(a verb, a protest) only next to a day, a year or a word that makes them a time ("in
May", "early March").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..tables import vocabulary

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "last": -1, "final": -1}
MONTH_CUES = vocabulary.words("month_cues")

_FULL_MONTH = (r"January|February|March|April|May|June|July|August|September|October|"
               r"November|December")
_SHORT_MONTH = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_ANY_MONTH = rf"(?:{_FULL_MONTH}|(?:{_SHORT_MONTH})\.?)"
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NUMBER = r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_UNIT = r"day|week|month|year"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"\d{4}"
_PART_MOD = (r"(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
             r"the\s+middle\s+of|end|mid|early|late)")


@dataclass(slots=True)
class Expression:
    """A date expression: where it is, what kind, and the parts its words give."""

    start: int  # character offsets into the text
    end: int
    text: str
    kind: str  # date, month, year, weekday, day, period, part, season, ago, span, numeric
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int | None = None  # -1 last, 0 this, +1 next (None: the words do not say)
    relative_year: int | None = None  # "of next year": +1; "of the year": 0
    unit: str | None = None  # day week weekend month year
    count: int | None = None
    part: str | None = None  # early mid late end start; half1 half2; q1..q4; season
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def relative(self) -> bool:
        """True when the expression needs the publication date to mean a day."""
        return self.year is None


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _number(word: str) -> int:
    word = word.lower()
    return NUMBERS[word] if word in NUMBERS else int(word)


def _mod(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.lower().split())
    return {"the end of": "late", "end": "late", "the beginning of": "early",
            "the start of": "early", "the middle of": "mid"}.get(text, text)


def _year_words(text: str | None) -> tuple[int | None, int | None]:
    """(absolute year, relative year) of "2026", "the year", "next year", "last year"."""
    if not text:
        return None, None
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text), None
    return None, {"next year": 1, "last year": -1, "the previous year": -1,
                  "the following year": 1}.get(text, 0)


# Each rule: a pattern, a function from its match to an Expression (or None to skip), and
# its cues: words one of which every match contains (in any case when the pattern ignores
# case), or a pattern every match contains that starts with a class of characters. A text
# without a rule's cue is not searched for it: a cheap test instead of a scan with the
# pattern, whose leading \b lets the engine skip no position.
Builder = Callable[[re.Match[str]], "Expression | None"]
Cues = tuple[str, ...] | re.Pattern[str]
_RULES: list[tuple[re.Pattern[str], Builder, Cues]] = []
# letters that `re.IGNORECASE` takes for an ASCII letter though `str.lower` does not make
# them one (Turkish dotted and dotless i, long s): a text with any is searched for every rule
_OTHER_CASES = frozenset("\u0130\u0131\u017f")
_MONTH_CUES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")
_UNIT_CUES = ("day", "week", "month", "year")


def _rule(pattern: str, flags: int = 0, *, cues: Cues = ()) -> Callable[[Builder], Builder]:
    if flags & re.IGNORECASE and isinstance(cues, tuple):
        cues = tuple(cue.lower() for cue in cues)

    def register(function: Builder) -> Builder:
        _RULES.append((re.compile(pattern, flags), function, cues))
        return function
    return register


@_rule(rf"\b(?P<y>{_YEAR})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b",
       cues=re.compile(r"\d{4}-\d"))
def iso(m: re.Match[str]) -> Expression:
    return Expression(m.start(), m.end(), m.group(), "date", year=int(m["y"]),
                      month=int(m["m"]), day=int(m["d"]))


@_rule(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
       r"(?![\d/-]|\.\d)", cues=re.compile(r"\d[/.-]\d"))
def numeric(m: re.Match[str]) -> Expression:
    year = int(m["y"])
    if len(m["y"]) == 2:
        year += 2000 if year < 70 else 1900
    return Expression(m.start(), m.end(), m.group(), "numeric", year=year,
                      extra={"a": int(m["a"]), "b": int(m["b"]), "sep": m["sep"]})


@_rule(rf"\b(?:{_PART_MOD}[\s-]+)?(?P<m>{_ANY_MONTH})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?\b"
       rf"(?!\s*(?:%|per\s?cent|million|billion|people|years?))(?:,?\s+(?P<y>{_YEAR})\b)?",
       cues=_MONTH_CUES)
def month_day(m: re.Match[str]) -> Expression:
    return Expression(m.start(), m.end(), m.group(), "date", month=_month(m["m"]),
                      day=int(m["d"]), year=int(m["y"]) if m["y"] else None)


@_rule(rf"\b(?:the\s+)?(?P<d>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_ANY_MONTH})"
       rf"(?![\w])(?:,?\s+(?P<y>{_YEAR})\b)?",
       cues=_MONTH_CUES)
def day_month(m: re.Match[str]) -> Expression:
    return Expression(m.start(), m.end(), m.group(), "date", month=_month(m["m"]),
                      day=int(m["d"]), year=int(m["y"]) if m["y"] else None)


@_rule(rf"\b(?:{_PART_MOD}[\s-]+)?(?P<m>{_FULL_MONTH}|(?:{_SHORT_MONTH})\.)\s+(?:of\s+)?"
       rf"(?P<y>{_YEAR})\b",
       cues=_MONTH_CUES)
def month_year(m: re.Match[str]) -> Expression:
    return Expression(m.start(), m.end(), m.group(), "month", month=_month(m["m"]),
                      year=int(m["y"]), part=_mod(m["mod"]))


@_rule(rf"\b(?:(?P<shift>last|next|this|this\s+coming|this\s+past|coming|past|the\s+coming|"
       rf"the\s+past)\s+|{_PART_MOD}[\s-]+)?(?P<m>{_FULL_MONTH})\b(?!\s+\d)",
       cues=_MONTH_CUES)
def month(m: re.Match[str]) -> Expression | None:
    shift = _shift(m["shift"])
    mod = _mod(m["mod"])
    if shift is None and mod is None and not _month_cue(m.string, m.start()):
        return None
    return Expression(m.start(), m.end(), m.group(), "month", month=_month(m["m"]),
                      shift=shift, part=mod)


@_rule(rf"\b(?:(?P<shift>last|next|this|this\s+coming|this\s+past|coming|past)\s+|"
       rf"(?P<early>early|late)\s+(?:on\s+)?)?(?P<w>{_WEEKDAY})(?!s\b)(?:['\u2019]s)?"
       rf"(?:\s+(?P<tod>morning|afternoon|evening|night))?\b",
       cues=("day",))
def weekday(m: re.Match[str]) -> Expression:
    return Expression(m.start(), m.end(), m.group(), "weekday",
                      weekday=WEEKDAYS[m["w"].lower()], shift=_shift(m["shift"]))


@_rule(r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|"
       r"today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
       re.IGNORECASE,
       cues=("yesterday", "today", "tomorrow", "night", "morning", "afternoon", "evening"))
def day(m: re.Match[str]) -> Expression:
    words = " ".join(m["w"].lower().split())
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
              "tomorrow": 1, "last night": -1}.get(words, 0)
    return Expression(m.start(), m.end(), m.group(), "day", count=offset)


@_rule(r"\b(?P<shift>last|next|this|the\s+coming|the\s+previous|the\s+following|"
       r"earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|"
       r"(?P<mod>early|late|mid)[\s-]+(?P<which>next|last|this))\s+"
       r"(?P<unit>week|weekend|month|year)\b(?!['\u2019]s\s+(?:election|vote|summit))",
       re.IGNORECASE,
       cues=("week", "month", "year"))
def period(m: re.Match[str]) -> Expression:
    words = " ".join(m["shift"].lower().split())
    part = None
    if words.startswith(("earlier", "later")):
        part, shift = ("earlier" if words.startswith("earlier") else "later"), 0
    elif m["mod"]:
        part, shift = _mod(m["mod"]), _shift(m["which"])
    else:
        shift = _shift(words)
    return Expression(m.start(), m.end(), m.group(), "period", unit=m["unit"].lower(),
                      shift=shift, part=part)


@_rule(r"\bthe\s+(?P<mod>end|beginning|start|middle)\s+of\s+(?P<which>the|this|next|last)\s+"
       r"(?P<unit>week|month|year)\b", re.IGNORECASE,
       cues=("week", "month", "year"))
def period_edge(m: re.Match[str]) -> Expression:
    which = m["which"].lower()
    return Expression(m.start(), m.end(), m.group(), "period", unit=m["unit"].lower(),
                      shift=0 if which in {"the", "this"} else _shift(which),
                      part=f"edge-{_mod('the ' + m['mod'].lower() + ' of')}")


@_rule(rf"\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})s?\s+ago\b", re.IGNORECASE,
       cues=("ago",))
def ago(m: re.Match[str]) -> Expression:
    return Expression(m.start(), m.end(), m.group(), "ago", unit=m["unit"].lower(),
                      count=-_number(m["n"]))


@_rule(rf"\b(?P<how>in|within)\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})s?(?:['\u2019]\s*time)?"
       rf"\b(?!\s+(?:of|after|before|later|earlier))", re.IGNORECASE,
       cues=_UNIT_CUES)
def ahead(m: re.Match[str]) -> Expression:
    return Expression(m.start(), m.end(), m.group(), "ago" if m["how"].lower() == "in" else
                      "span", unit=m["unit"].lower(), count=_number(m["n"]))


@_rule(rf"\b(?P<the>the\s+)?(?:past|last|previous)\s+(?:(?P<n>{_NUMBER})\s+)?"
       rf"(?P<unit>{_UNIT})s?\b", re.IGNORECASE,
       cues=_UNIT_CUES)
def rolling(m: re.Match[str]) -> Expression | None:
    if m["the"] is None and m["n"] is None:
        return None  # "last week" is a calendar week (a period), "the past week" 7 days
    return Expression(m.start(), m.end(), m.group(), "span", unit=m["unit"].lower(),
                      count=-_number(m["n"] or "1"))


@_rule(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
       r"(?P<part>half|quarter)\b(?:\s+of\s+(?P<which>the\s+year|this\s+year|next\s+year|"
       r"last\s+year|the\s+previous\s+year|the\s+following\s+year|\d{4}))?"
       r"(?:\s+(?P<y>\d{4})\b)?", re.IGNORECASE,
       cues=("half", "quarter"))
def part(m: re.Match[str]) -> Expression | None:
    number = ORDINALS[m["ord"].lower()]
    size = m["part"].lower()
    if size == "half" and number not in (1, 2, -1):
        return None
    if number == -1:
        number = 2 if size == "half" else 4
    year, relative = _year_words(m["which"] or m["y"])
    return Expression(m.start(), m.end(), m.group(), "part", year=year,
                      relative_year=relative,
                      part=f"h{number}" if size == "half" else f"q{number}")


@_rule(r"\b(?P<p>Q[1-4]|H[12])(?:\s+(?P<y>\d{4}))?\b",
       cues=("Q1", "Q2", "Q3", "Q4", "H1", "H2"))
def short_part(m: re.Match[str]) -> Expression:
    return Expression(m.start(), m.end(), m.group(), "part",
                      year=int(m["y"]) if m["y"] else None, part=m["p"].lower())


@_rule(r"\b(?P<shift>this|last|next|the|in\s+the|in|during\s+the|by\s+the)\s+"
       r"(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>\d{4})\b)?",
       re.IGNORECASE,
       cues=("spring", "summer", "autumn", "fall", "winter"))
def season(m: re.Match[str]) -> Expression | None:
    words = " ".join(m["shift"].lower().split())
    name = m["s"].lower()
    if name == "fall" and words in {"in", "the"} and not m["y"]:
        return None  # "the fall of Kabul", "in fall" is rare; "this fall" is a time
    if words == "the" and not m["y"]:
        return None
    return Expression(m.start(), m.end(), m.group(), "season",
                      year=int(m["y"]) if m["y"] else None, shift=_shift(words),
                      part="autumn" if name == "fall" else name)


@_rule(r"\b(?P<prep>in|during|since|by|until|till|before|after|from|through|throughout|"
       r"early|late|mid|of|the\s+year)[\s-]+(?P<y>1\d{3}|2\d{3})\b(?![\d%,.]\d|\s*(?:%|per))",
       re.IGNORECASE, cues=re.compile(r"[12]\d{3}"))
def year(m: re.Match[str]) -> Expression:
    prep = m["prep"].lower()
    part = prep if prep in {"early", "late", "mid"} else None
    start = m.start("y") if part is None else m.start()
    return Expression(start, m.end(), m.string[start:m.end()], "year", year=int(m["y"]),
                      part=part)


def _shift(word: str | None) -> int | None:
    if not word:
        return None
    word = " ".join(word.lower().split())
    if word in {"last", "this past", "past", "the past", "the previous"}:
        return -1
    if word in {"next", "this coming", "coming", "the coming", "the following"}:
        return 1
    if word == "this":
        return 0
    return None


def _month_cue(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].lower().split()
    return bool(before) and before[-1].strip("-,") in MONTH_CUES


def find_expressions(text: str) -> list[Expression]:
    """Every date expression of the text, in order; where two overlap, the longer wins."""
    found: list[Expression] = []
    folded = text.lower() if _OTHER_CASES.isdisjoint(text) else None
    for pattern, builder, cues in _RULES:
        if isinstance(cues, re.Pattern):
            if cues.search(text) is None:
                continue
        elif cues:
            searched = folded if pattern.flags & re.IGNORECASE else text
            if searched is not None and not any(cue in searched for cue in cues):
                continue
        for match in pattern.finditer(text):
            expression = builder(match)
            if expression is not None:
                found.append(expression)
    found.sort(key=lambda e: (e.start - e.end, e.start))
    kept: list[Expression] = []
    for expression in found:
        if all(expression.end <= k.start or expression.start >= k.end for k in kept):
            kept.append(expression)
    kept.sort(key=lambda e: e.start)
    return kept


_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\u2019\- ]*[A-Z.])(?:\s*,\s*(?P<region>[A-Z][A-Za-z.]*"
    r"(?:\s[A-Z][A-Za-z.]*)*))?\s*,?\s*(?P<date>(?:" + _ANY_MONTH + r")\s+" + _DAY +
    r"(?:,?\s+\d{4})?)?\s*(?:\((?P<agency>[^)\n]{2,40})\)\s*)?(?P<dash>[-\u2013\u2014]+|:)")


@dataclass(slots=True)
class Dateline:
    """The opening words of a wire story: "MOSCOW, Feb 4 (Reuters) -"."""

    place: str
    place_start: int
    place_end: int
    region: str | None
    date: Expression | None


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of the text, if the article has one. A dateline names
    its place in capitals and has a date, a news agency in brackets, or both."""
    match = _DATELINE.match(text[:200])
    if match is None or not (match["date"] or match["agency"]):
        return None
    place = match["place"].strip()
    if len(place.replace(".", "")) < 3:
        return None
    date = None
    if match["date"]:
        inner = month_day(re.match(rf"(?P<mod>)?(?P<m>{_ANY_MONTH})\s+(?P<d>{_DAY})"
                                   rf"(?:,?\s+(?P<y>{_YEAR}))?", match["date"]))
        date = Expression(match.start("date"), match.end("date"), match["date"], "dateline",
                          year=inner.year, month=inner.month, day=inner.day)
    return Dateline(place.title() if place.isupper() else place, match.start("place"),
                    match.start("place") + len(place), match["region"], date)
