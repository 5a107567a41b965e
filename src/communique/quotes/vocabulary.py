"""The words that attribute quotes (`data/quotes.yaml`), validated on load.

Data, not code: a domain expert adds a verb of saying without touching Python. Every
entry is checked when the table is read; an error names the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import field_validator

from ..errors import E003, TableError
from ..tables.loader import TableRow, package_file, read_yaml, validate

TABLE = "quotes.yaml"


class VocabularyTable(TableRow):
    reporting_verbs: list[str]
    refusing_verbs: list[str] = []
    manner_verbs: list[str] = []
    naming_verbs: list[str] = []
    name_giving_verbs: list[str] = []
    nouns: list[str] = []
    occasion_nouns: list[str] = []

    @field_validator("reporting_verbs", "refusing_verbs", "manner_verbs", "naming_verbs",
                     "name_giving_verbs", "nouns", "occasion_nouns")
    @classmethod
    def _words(cls, words: list[str]) -> list[str]:
        for word in words:
            if not isinstance(word, str) or not word.strip() or word != word.strip().lower():
                raise ValueError(f"{word!r} must be a lower-case word or phrase")
        return words


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Lemmas of the words that attribute quotes, by what they do."""

    reporting: frozenset[str]  # with a clause: an indirect quote; next to marks: a direct one
    manner: frozenset[str]  # next to marks only
    naming: frozenset[str]  # attach marked words to a thing: partial quotes
    nouns: frozenset[str]
    refusing: frozenset[str]  # "declined to say": nothing is reported
    particles: dict[str, str]  # "point out": a verb that reports only with its particle
    name_giving: frozenset[str] = frozenset()  # "dubbed ‘X’": a name, not a statement
    occasions: frozenset[str] = frozenset()  # "at a news conference": where words were said

    @property
    def cues(self) -> frozenset[str]:
        return self.reporting | self.manner

    @classmethod
    def load(cls, path: Path | None = None) -> Vocabulary:
        path = path or package_file(TABLE)
        data = read_yaml(path, kind=E003)
        if not isinstance(data, dict):
            raise TableError(E003, path=path, line=1, problem="expected a mapping of word lists")
        data.pop("__line__", None)
        for key, words in data.items():
            # each list on its own, so that an error names the line of its key
            fields = {"reporting_verbs": [], key: words} if key != "reporting_verbs" \
                else {key: words}
            validate(VocabularyTable, fields, path=path, line=_line_of(path, key), kind=E003)
        if "reporting_verbs" not in data:
            raise TableError(E003, path=path, line=1, problem="no reporting_verbs list")
        table = VocabularyTable.model_validate(data)
        particles: dict[str, str] = {}
        verbs: dict[str, set[str]] = {"reporting": set(), "manner": set()}
        for group, words in (("reporting", table.reporting_verbs),
                             ("manner", table.manner_verbs)):
            for word in words:
                head, *rest = word.split()
                if rest:
                    particles[head] = " ".join(rest)
                verbs[group].add(head)
        return cls(frozenset(verbs["reporting"]), frozenset(verbs["manner"]),
                   frozenset(table.naming_verbs), frozenset(table.nouns),
                   frozenset(table.refusing_verbs), particles,
                   frozenset(table.name_giving_verbs), frozenset(table.occasion_nouns))


def _line_of(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{key}:") or line.startswith(f"{key} :"):
            return number
    return 1


@lru_cache(maxsize=1)
def package_vocabulary() -> Vocabulary:
    return Vocabulary.load()
