"""Sense checks: when a trigger word's object, modifiers, subject or sentence say another
sense ("kicked off talks", "shot down the proposal", "a parting shot"), its pattern's
event is not coded, or another code is.

`senses.yaml` holds named word sets and the checks; both are validated entry by entry,
an error naming the file and the line. Checks are indexed by their head word."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from ..errors import E003, TableError
from .cameo import CameoTable
from .loader import TableRow, package_file, read_yaml, validate_list

SENSE_NAME = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class SenseEntry(TableRow):
    name: str = Field(pattern=SENSE_NAME)
    verbs: list[str] = []
    nouns: list[str] = []
    objects: list[str] = []
    modifiers: list[str] = []
    subjects: list[str] = []
    context: list[str] = []
    then: Literal["none", "carry"] | str

    @model_validator(mode="after")
    def _well_formed(self) -> SenseEntry:
        if bool(self.verbs) == bool(self.nouns):
            raise ValueError("a check needs verbs or nouns (not both)")
        if not (self.objects or self.modifiers or self.subjects or self.context):
            raise ValueError("a check needs a condition: objects, modifiers, subjects "
                             "or context")
        if self.objects and self.nouns:
            raise ValueError("objects are for verbs; a noun's words are modifiers")
        return self


@dataclass(frozen=True, slots=True)
class SenseCheck:
    """One compiled check: a head word, the words after it, and what must hold."""

    name: str
    pos: str  # verb | noun
    head: str
    rest: tuple[str, ...] = ()  # a verb's particle or other words ("kick off")
    objects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    then: str = "none"  # none | carry | a CAMEO code
    origin: str = ""

    @property
    def rule(self) -> str:
        return f"sense-{self.name}"


@dataclass(slots=True)
class SenseTable:
    verbs: dict[str, list[SenseCheck]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[SenseCheck]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def load(cls, cameo: CameoTable, path: Path | None = None) -> SenseTable:
        from .patterns import norm_phrase, parse_phrase

        path = path or package_file("senses.yaml")
        data = read_yaml(path, kind=E003)
        if not isinstance(data, dict) or "checks" not in data:
            raise TableError(E003, path=path, line=1, problem="expected a top-level 'checks' list")
        sets: dict[str, frozenset[str]] = {}
        for name, words in (data.get("sets") or {}).items():
            if name == "__line__":
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise TableError(E003, path=path, line=data.get("__line__", 1),
                                 problem=f"set {name!r}: expected a list of words")
            sets[name] = frozenset(norm_phrase(w) for w in words)
        table = cls()
        for line, entry in validate_list(data["checks"], SenseEntry, path=path, kind=E003):
            if entry.then not in {"none", "carry"} and entry.then not in cameo:
                raise TableError(E003, path=path, line=line,
                                 problem=f"then: {entry.then!r} is neither none, carry nor "
                                 "a CAMEO code")

            def words(values: list[str], line: int = line) -> frozenset[str]:
                found: set[str] = set()
                for value in values:
                    if value.startswith("$"):
                        if value[1:] not in sets:
                            raise TableError(E003, path=path, line=line,
                                             problem=f"unknown word set {value}")
                        found |= sets[value[1:]]
                    else:
                        found.add(norm_phrase(value))
                return frozenset(found)

            conditions = {"objects": words(entry.objects), "modifiers": words(entry.modifiers),
                          "subjects": words(entry.subjects), "context": words(entry.context)}
            for pos, heads in (("verb", entry.verbs), ("noun", entry.nouns)):
                for text in heads:
                    phrase = parse_phrase(text, pos)
                    check = SenseCheck(entry.name, pos, phrase.head, phrase.rest,
                                       then=entry.then, origin=f"{path.name}:{line}",
                                       **conditions)
                    (table.verbs if pos == "verb" else table.nouns)[phrase.head].append(check)
        return table

