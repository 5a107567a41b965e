"""Readers for the PETRARCH / TABARI dictionary formats: actors, agents, verbs, discards.

The open event-data dictionaries (Phoenix.*.actors.txt, Phoenix.agents.txt, CAMEO.*.txt,
Phoenix.discards.txt) are flat text in formats of their own (see docs/dictionaries.md).
These readers turn a file into plain records, one per entry, each with its line. A line
that breaks the format is an error naming the file and the line; an item the format
allows but that cannot be read (a seven-digit date) is left out and kept in `skipped`,
so that a caller can say once how many were left out, and why, and go on.

Turning the records into communique's tables (names, roles, trigger patterns) is the
work of `tables/petrarch_convert.py`; this module only reads.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import E015, ErrorKind, TableError

Format = Literal["actors", "agents", "verbs", "discards"]
NULL_CODE = "---"
_CODE = re.compile(r"\[([^\[\]]*)\]")
_DATE = re.compile(r"^(\d{6}|\d{8})$")
_SUBSTITUTION = re.compile(r"^(![A-Za-z]+!)\s*=\s*(.+)$")
_BLOCK = re.compile(r"^---\s+(.*?)\s*(?:\[([^\]]*)\])?\s*---\s*$")
# two-digit years, as TABARI wrote them: 30-99 are the 1900s, 00-29 the 2000s
_PIVOT = 30


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A CAMEO actor code and the days it holds (ISO dates, either end open)."""

    code: str
    since: str | None = None
    until: str | None = None

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor record: its primary phrase and synonyms, and its codes."""

    names: tuple[str, ...]  # words joined by spaces, as written ("KOFI ANNAN")
    codes: tuple[DatedCode, ...]
    line: int


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """One agent noun: its phrase, its plural forms, and the agent code it adds."""

    phrase: str  # "FOREIGN MINISTER"
    plurals: tuple[str, ...]
    code: str  # "GOVFRM"
    before: bool  # the code is written "NGO~": it goes before the actor's code
    line: int


@dataclass(frozen=True, slots=True)
class PatternWord:
    """One element of a verb pattern."""

    kind: Literal["word", "phrase", "prep", "synset", "marker"]
    words: tuple[str, ...]  # phrase: head last; prep: the preposition, then its object


@dataclass(frozen=True, slots=True)
class VerbPattern:
    before: tuple[PatternWord, ...]  # elements before the verb ('*')
    after: tuple[PatternWord, ...]
    code: str  # as written: "173", "042:043", ":173", "---"
    line: int


@dataclass(frozen=True, slots=True)
class VerbWord:
    """A verb of a block: its words ("call on"), which word is the verb, its code."""

    words: tuple[str, ...]
    head: int  # index of the verb in `words`
    code: str | None  # None: the block's code
    line: int


@dataclass(slots=True)
class VerbBlock:
    name: str
    code: str
    line: int
    verbs: list[VerbWord] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: str
    story: bool  # '+': the whole story is not coded
    whole_word: bool  # '_' at the end: the match must end at a word boundary
    line: int


@dataclass(slots=True)
class Skipped:
    """What a reader or converter left out: a count by reason, with the first line."""

    counts: Counter[str] = field(default_factory=Counter)
    first: dict[str, str] = field(default_factory=dict)

    def add(self, reason: str, where: str) -> None:
        self.counts[reason] += 1
        self.first.setdefault(reason, where)

    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        return "; ".join(f"{n} {reason} (first at {self.first[reason]})"
                         for reason, n in self.counts.most_common())


@dataclass(slots=True)
class VerbDictionary:
    synsets: dict[str, tuple[str, ...]]  # "&FOOD" -> phrases
    blocks: list[VerbBlock]
    skipped: Skipped


# -- detecting ---------------------------------------------------------------------------
def detect_format(path: Path) -> Format | None:
    """Which PETRARCH format a file is in, from its name or, failing that, its lines;
    None for anything else (a YAML dictionary)."""
    name = path.name.lower()
    if name.endswith((".yaml", ".yml", ".json")):
        return None
    for word, fmt in (("actor", "actors"), ("agent", "agents"), ("discard", "discards"),
                      ("verb", "verbs")):
        if word in name:
            return fmt  # type: ignore[return-value]
    lines = [text for _, text in _content(path, limit=400)]
    if not lines or any(re.match(r"^[a-z_]+:", t) for t in lines[:5]):
        return None  # a YAML mapping ("patterns:", "actors:")
    if any(_BLOCK.match(t) or t.startswith("&") for t in lines):
        return "verbs"
    if any(_SUBSTITUTION.match(t) or re.search(r"\[~|~\]", t) for t in lines):
        return "agents"
    if any(_CODE.search(t) for t in lines):
        return "actors"
    return "discards" if not any(":" in t for t in lines) else None


# -- actors --------------------------------------------------------------------------------
def read_actors(path: Path, *, kind: ErrorKind = E015) -> tuple[list[ActorEntry], Skipped]:
    """Actor records: a primary phrase, `+` synonyms, and codes on the phrase's line or on
    indented lines below it, each `[CODE]`, `[CODE >date]`, `[CODE <date]` or
    `[CODE date-date]`."""
    entries: list[ActorEntry] = []
    skipped = Skipped()
    names: list[str] = []
    codes: list[DatedCode] = []
    start = 0

    def close() -> None:
        if names:
            entries.append(ActorEntry(tuple(names), tuple(codes), start))

    for number, raw in _content(path, kind=kind):
        indented = raw[:1] in {" ", "\t"}
        text = raw.strip()
        if indented and text.startswith("["):
            if not names:
                raise TableError(kind, path=path, line=number,
                                 problem="a code line before any actor's name")
            codes.extend(_codes(text, path, number, skipped, kind))
            continue
        if text.startswith("+"):
            if not names:
                raise TableError(kind, path=path, line=number,
                                 problem="a '+' synonym before any actor's name")
            phrase, rest = _split_codes(text[1:])
            if phrase:
                names.append(phrase)
            codes.extend(_codes(rest, path, number, skipped, kind))
            continue
        close()
        phrase, rest = _split_codes(text)
        if not phrase:
            raise TableError(kind, path=path, line=number, problem="a code with no name")
        names, codes, start = [phrase], list(_codes(rest, path, number, skipped, kind)), number
    close()
    return entries, skipped


def _split_codes(text: str) -> tuple[str, str]:
    """A line's phrase (underscores as spaces) and the part holding its codes."""
    at = text.find("[")
    phrase, rest = (text, "") if at < 0 else (text[:at], text[at:])
    return phrase_words(phrase), rest


def phrase_words(text: str) -> str:
    words = text.replace("_", " ").split()
    return " ".join(words)


def _codes(text: str, path: Path, line: int, skipped: Skipped,
           kind: ErrorKind) -> list[DatedCode]:
    if text.count("[") != text.count("]"):
        raise TableError(kind, path=path, line=line, problem=f"unbalanced brackets in {text!r}")
    codes = []
    for body in _CODE.findall(text):
        parts = body.split()
        if not parts:
            raise TableError(kind, path=path, line=line, problem="an empty code []")
        code, restriction = parts[0], "".join(parts[1:])
        if restriction and not (restriction[0] in "<>" or "-" in restriction):
            # "[IGOUNO  >070201]" is read; "[USAGOV 2004017]" cannot be
            skipped.add("date restrictions that are not dates", f"{path.name}:{line}")
            continue
        try:
            codes.append(_dated(code, restriction))
        except ValueError:
            skipped.add("date restrictions that are not dates", f"{path.name}:{line}")
    return codes


def _dated(code: str, restriction: str) -> DatedCode:
    if not restriction:
        return DatedCode(code)
    if restriction[0] == ">":
        return DatedCode(code, since=iso_date(restriction[1:]))
    if restriction[0] == "<":
        return DatedCode(code, until=iso_date(restriction[1:]))
    since, _, until = restriction.partition("-")
    return DatedCode(code, iso_date(since), iso_date(until))


def iso_date(text: str) -> str:
    """YYMMDD or YYYYMMDD as an ISO date; a ValueError otherwise."""
    if not _DATE.match(text):
        raise ValueError(f"not a date: {text!r}")
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < _PIVOT else 1900 + year}{text[2:]}"
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"not a date: {text!r}")
    return f"{year:04d}-{month:02d}-{day:02d}"


# -- agents --------------------------------------------------------------------------------
def read_agents(path: Path, *, kind: ErrorKind = E015) -> tuple[list[AgentEntry], Skipped]:
    """Agent nouns: `PHRASE {plurals} [~CODE]` (or `[CODE~]`), with `!X! = A, B` markers
    substituted and regular plurals made where `{}` does not say otherwise."""
    substitutions: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    skipped = Skipped()
    for number, raw in _content(path, kind=kind):
        text = raw.strip()
        if text.startswith("<!--"):
            continue  # the XML-style headers of the validation suite's files
        marker = _SUBSTITUTION.match(text)
        if marker:
            substitutions[marker.group(1)] = [w.strip() for w in marker.group(2).split(",")
                                              if w.strip()]
            continue
        entries.extend(_agent(text, number, path, substitutions, skipped, kind))
    return entries, skipped


def _agent(text: str, line: int, path: Path, substitutions: dict[str, list[str]],
           skipped: Skipped, kind: ErrorKind) -> list[AgentEntry]:
    match = re.search(r"\[([^\]]*)[\]}]", text)  # the doc's own example closes with '}'
    if match is None:
        skipped.add("agents with no [~CODE]", f"{path.name}:{line}")
        return []
    body = match.group(1).strip()
    if body.startswith("~"):
        code, before = body[1:], False
    elif body.endswith("~"):
        code, before = body[:-1], True
    else:
        raise TableError(kind, path=path, line=line,
                         problem=f"agent code {body!r} has no '~' before or after it")
    head = text[:match.start()]
    plural_text = None
    brace = re.search(r"\{([^}]*)\}", head)
    if brace:
        plural_text = brace.group(1)
        head = head[:brace.start()] + head[brace.end():]
    markers = re.findall(r"![A-Za-z]+!", head)
    unknown = [m for m in markers if m not in substitutions]
    if unknown:
        raise TableError(kind, path=path, line=line,
                         problem=f"substitution marker {unknown[0]} is not defined above")
    if markers:
        phrases = _substitute(head, markers, substitutions)
        return [AgentEntry(phrase_words(p), (), code, before, line) for p in phrases]
    phrase = phrase_words(head)
    if not phrase:
        raise TableError(kind, path=path, line=line, problem="an agent code with no phrase")
    if plural_text is None:
        plurals: tuple[str, ...] = (regular_plural(phrase),)
    else:
        plurals = tuple(phrase_words(p) for p in plural_text.split() if p.strip("_"))
    return [AgentEntry(phrase, plurals, code, before, line)]


def _substitute(text: str, markers: list[str], substitutions: dict[str, list[str]]
                ) -> list[str]:
    phrases = [text]
    for marker in markers:
        phrases = [p.replace(marker, item, 1) for p in phrases for item in substitutions[marker]]
    return phrases


def regular_plural(phrase: str) -> str:
    """The plural the PETRARCH readers make: +S, Y -> IES, SS -> SSES, on the last word."""
    words = phrase.split()
    last = words[-1]
    upper = last.isupper()
    low = last.lower()
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        low = low[:-1] + "ies"
    elif low.endswith("ss"):
        low += "es"
    else:
        low += "s"
    words[-1] = low.upper() if upper else low
    return " ".join(words)


# -- verbs ---------------------------------------------------------------------------------
def read_verbs(path: Path, *, kind: ErrorKind = E015) -> VerbDictionary:
    """Synonym sets (`&NAME` then `+` lines), and verb blocks: `--- NAME [CODE] ---`, the
    block's verbs (`VERB {forms} [CODE]`, `+CALL_ON`, `WIRE_+TAP`), and its patterns
    (`- NOUNS * NOUNS (PREP NOUN) [CODE]`). Transformations (`~`) are read past."""
    synsets: dict[str, tuple[str, ...]] = {}
    blocks: list[VerbBlock] = []
    skipped = Skipped()
    synset: list[str] | None = None
    block: VerbBlock | None = None
    for number, raw in _content(path, kind=kind):
        text = raw.strip()
        where = f"{path.name}:{number}"
        if text.startswith("&"):
            name = text.split()[0].rstrip("_")
            synset = []
            synsets[name] = ()
            block = None
            current = name
            continue
        if text.startswith("+") and synset is not None and block is None:
            synset.append(phrase_words(text[1:].rstrip("_")))
            synsets[current] = tuple(synset)
            continue
        header = _BLOCK.match(text)
        if header:
            synset = None
            block = VerbBlock(header.group(1).replace("_", " "),
                              (header.group(2) or NULL_CODE).strip(), number)
            blocks.append(block)
            continue
        if text.startswith("~"):
            skipped.add("transformations (verb-on-verb rules)", where)
            continue
        if block is None:
            raise TableError(kind, path=path, line=number,
                             problem="a verb or pattern before any '--- VERB [CODE] ---' block")
        if text.startswith("-"):
            block.patterns.append(_pattern(text[1:], number, path, kind))
        else:
            block.verbs.append(_verb(text, number, path, kind))
    return VerbDictionary(synsets, blocks, skipped)


def _verb(text: str, line: int, path: Path, kind: ErrorKind) -> VerbWord:
    code = None
    codes = _CODE.findall(text)
    if codes:
        code = codes[0].strip()
        text = text[:text.find("[")]
    text = re.sub(r"\{[^}]*\}", " ", text).strip()
    if not text or " " in text.strip():
        raise TableError(kind, path=path, line=line, problem=f"not a verb: {text!r}")
    words = [w for w in text.split("_") if w]
    head = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    return VerbWord(tuple(words), head, code, line)


def _pattern(text: str, line: int, path: Path, kind: ErrorKind) -> VerbPattern:
    codes = _CODE.findall(text)
    if not codes:
        raise TableError(kind, path=path, line=line, problem="a pattern with no [CODE]")
    body = text[:text.find("[")]
    if body.count("*") != 1:
        raise TableError(kind, path=path, line=line,
                         problem="a pattern needs exactly one '*' for the verb")
    before, after = body.split("*")
    return VerbPattern(_elements(before, path, line, kind), _elements(after, path, line, kind),
                       codes[0].strip(), line)


def _elements(text: str, path: Path, line: int, kind: ErrorKind) -> tuple[PatternWord, ...]:
    elements: list[PatternWord] = []
    for token in re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", text):
        if token.startswith("("):
            inner = re.findall(r"\{[^}]*\}|\S+", token[1:-1])
            if not inner:
                raise TableError(kind, path=path, line=line, problem="an empty '( )'")
            elements.append(PatternWord("prep", tuple(w.strip("{}") for w in inner)))
        elif token.startswith("{"):
            if not token.endswith("}"):
                raise TableError(kind, path=path, line=line, problem="an unclosed '{'")
            elements.append(PatternWord("phrase", tuple(token[1:-1].split())))
        elif token in {"$", "+", "%", "^"}:
            elements.append(PatternWord("marker", (token,)))
        elif token.startswith("&"):
            elements.append(PatternWord("synset", (token.rstrip("_"),)))
        elif token.startswith((")", "}")):
            raise TableError(kind, path=path, line=line, problem=f"a stray {token[0]!r}")
        else:
            elements.append(PatternWord("word", (token,)))
    return tuple(elements)


# -- discards ------------------------------------------------------------------------------
def read_discards(path: Path, *, kind: ErrorKind = E015) -> tuple[list[Discard], Skipped]:
    entries = []
    for number, raw in _content(path, kind=kind):
        text = raw.strip()
        story = text.startswith("+")
        text = text.lstrip("+").strip()
        whole = text.endswith("_")
        phrase = phrase_words(text.rstrip("_"))
        if phrase:
            entries.append(Discard(phrase, story, whole, number))
    return entries, Skipped()


# -- lines ---------------------------------------------------------------------------------
def _content(path: Path, *, kind: ErrorKind = E015, limit: int | None = None):
    """(line number, text) of the lines that hold something: comments (`#`, and the `;`
    of older TABARI files) cut off, blank lines left out, leading whitespace kept."""
    try:
        handle = path.open(encoding="utf-8", errors="strict")
    except FileNotFoundError as exc:
        raise TableError(kind, path=path, line=0, problem="no such file") from exc
    with handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if limit is not None and number > limit:
                    return
                text = raw.rstrip("\r\n")
                cut = text.find("#")
                if cut >= 0:
                    text = text[:cut]
                semi = text.find(";")
                if semi >= 0:
                    text = text[:semi]
                if text.strip():
                    yield number, text.rstrip()
        except UnicodeDecodeError as exc:
            raise TableError(kind, path=path, line=0,
                             problem=f"not UTF-8 ({exc.reason})") from exc


__all__ = ["ActorEntry", "AgentEntry", "DatedCode", "Discard", "Skipped", "VerbBlock",
           "VerbDictionary", "VerbPattern", "VerbWord", "detect_format", "iso_date",
           "read_actors", "read_agents", "read_discards", "read_verbs", "regular_plural"]
