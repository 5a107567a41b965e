"""The shared vocabulary: English word lists, CAMEO code classes and sector groups.

Data, not code (STYLE.md: one list per concept). Every stage reads its words from here:
`vocabulary.yaml` holds one list per concept ("honorifics", "locative prepositions"),
`cameo_classes.tsv` the classes of CAMEO codes a rule asks about ("violent", "placed"),
and the `groups` column of `sectors.tsv` the groups of sectors ("state", "political").
Each file is validated when first read; an error names the file and the line. A name that
no file defines is a programming error and raises at import, where the code asks for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator

from ..errors import E003, TableError
from .cameo import CameoTable
from .loader import TableRow, package_file, read_tsv, read_yaml

VOCABULARY = "vocabulary.yaml"
CAMEO_CLASSES = "cameo_classes.tsv"
SECTORS = "sectors.tsv"
NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def words(name: str) -> frozenset[str]:
    """The words of one concept of `vocabulary.yaml`, as a set."""
    return frozenset(word_list(name))


def word_list(name: str) -> tuple[str, ...]:
    """The words of one concept in their written order (for lists whose order is a
    preference, such as the prepositions tried one after another)."""
    lists = _vocabulary(package_file(VOCABULARY))
    if name not in lists:
        raise KeyError(f"{VOCABULARY} has no word list {name!r}")
    return lists[name]


def cameo_class(name: str) -> frozenset[str]:
    """The CAMEO codes (roots, or longer codes) of one class of `cameo_classes.tsv`."""
    classes = _cameo_classes(package_file(CAMEO_CLASSES))
    if name not in classes:
        raise KeyError(f"{CAMEO_CLASSES} has no class {name!r}")
    return classes[name]


def sector_group(name: str) -> frozenset[str]:
    """The sector codes `sectors.tsv` puts in one group."""
    groups = _sector_groups(package_file(SECTORS))
    if name not in groups:
        raise KeyError(f"{SECTORS} has no sector group {name!r}")
    return groups[name]


@lru_cache(maxsize=4)
def _vocabulary(path: Path) -> dict[str, tuple[str, ...]]:
    data = read_yaml(path, kind=E003)
    if not isinstance(data, dict):
        raise TableError(E003, path=path, line=1, problem="expected a mapping of word lists")
    data.pop("__line__", None)
    lines = _key_lines(path)
    lists: dict[str, tuple[str, ...]] = {}
    for name, entries in data.items():
        line = lines.get(name, 0)
        if not isinstance(name, str) or not NAME.match(name):
            raise TableError(E003, path=path, line=line,
                             problem=f"{name!r} is not a list name (lower case, underscores)")
        if not isinstance(entries, list) or not entries:
            raise TableError(E003, path=path, line=line,
                             problem=f"{name}: expected a non-empty list of words")
        seen: set[str] = set()
        for word in entries:
            if not isinstance(word, str) or not word.strip() or word != word.strip().lower():
                raise TableError(E003, path=path, line=line,
                                 problem=f"{name}: {word!r} must be a lower-case word or phrase")
            if word in seen:
                raise TableError(E003, path=path, line=line,
                                 problem=f"{name}: {word!r} twice")
            seen.add(word)
        lists[name] = tuple(entries)
    return lists


def _key_lines(path: Path) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = re.match(r"^([A-Za-z0-9_]+):", text)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


class CameoClassRow(TableRow):
    name: str = Field(pattern=NAME.pattern)
    codes: list[str]
    meaning: str

    @field_validator("codes")
    @classmethod
    def _codes(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if not re.fullmatch(r"\d{2,4}", code):
                raise ValueError(f"{code!r} is not a CAMEO code")
        return codes


@lru_cache(maxsize=4)
def _cameo_classes(path: Path) -> dict[str, frozenset[str]]:
    cameo = CameoTable.load()
    classes: dict[str, frozenset[str]] = {}
    for line, row in read_tsv(path, CameoClassRow):
        if row.name in classes:
            raise TableError(E003, path=path, line=line, problem=f"class {row.name} twice")
        unknown = [code for code in row.codes if code not in cameo]
        if unknown:
            raise TableError(E003, path=path, line=line,
                             problem=f"class {row.name}: no such CAMEO code {unknown}")
        classes[row.name] = frozenset(row.codes)
    return classes


class SectorGroupRow(TableRow):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    groups: list[str] = []


@lru_cache(maxsize=4)
def _sector_groups(path: Path) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for line, row in read_tsv(path, SectorGroupRow):
        for group in row.groups:
            if not NAME.match(group):
                raise TableError(E003, path=path, line=line,
                                 problem=f"{group!r} is not a group name (lower case)")
            groups.setdefault(group, set()).add(row.code)
    return {name: frozenset(codes) for name, codes in groups.items()}


__all__ = ["cameo_class", "sector_group", "word_list", "words"]
