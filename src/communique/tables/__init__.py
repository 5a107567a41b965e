"""The knowledge communique codes with: data tables, validated on load, compiled once.

`load_knowledge()` reads the package's tables and any user dictionaries and keeps the
result for the life of the process (keyed by the dictionaries' paths and modification
times), so a pipeline, a worker or a test that asks again gets the same compiled tables.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from ..errors import E015, TableError
from .cameo import CameoCode, CameoTable
from .lexicon import Lexicon, Meaning, check_country
from .loader import TableRow, read_yaml, validate, validate_list
from .patterns import EventGrammar, Pattern, PatternEntry
from .petrarch import detect_format
from .petrarch_user import add_petrarch_dictionary

__all__ = ["CameoCode", "CameoTable", "EventGrammar", "Knowledge", "Lexicon", "Meaning",
           "Pattern", "load_knowledge"]


@dataclass(frozen=True, slots=True)
class Knowledge:
    cameo: CameoTable
    lexicon: Lexicon
    grammar: EventGrammar
    dictionaries: tuple[str, ...] = ()


class DictionaryActor(TableRow):
    names: list[str]
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: str | None = None
    org: str | None = None
    kind: Literal["person", "organization", "group", "place-as-government"] = "person"
    title: str | None = None

    @field_validator("country")
    @classmethod
    def _country(cls, code: str | None) -> str | None:
        return check_country(code)


class DictionaryRemove(TableRow):
    verbs: list[str] = []
    nouns: list[str] = []


_cache: dict[tuple[tuple[str, float], ...], Knowledge] = {}
_lock = threading.Lock()


def load_knowledge(dictionaries: tuple[str, ...] | list[str] = ()) -> Knowledge:
    """The package's tables plus user dictionaries, compiled once per process."""
    key = tuple((str(Path(p).resolve()), _mtime(p)) for p in dictionaries)
    with _lock:
        knowledge = _cache.get(key)
        if knowledge is None:
            knowledge = _build(tuple(str(p) for p in dictionaries))
            _cache[key] = knowledge
        return knowledge


def _mtime(path: str) -> float:
    try:
        return Path(path).stat().st_mtime
    except OSError:
        return -1.0


def _build(dictionaries: tuple[str, ...]) -> Knowledge:
    cameo = CameoTable.load()
    lexicon = Lexicon.load()
    grammar = EventGrammar.load(cameo)
    for name in dictionaries:
        add_dictionary(Path(name), cameo, lexicon, grammar)
    return Knowledge(cameo, lexicon, grammar, dictionaries)


def add_dictionary(path: Path, cameo: CameoTable, lexicon: Lexicon,
                   grammar: EventGrammar) -> None:
    """Add a user dictionary: `patterns` (as in triggers.yaml), `actors`, and `remove`.

    Its patterns outrank the package's for the same words; `remove` drops the package's
    patterns for words the user wants coded differently or not at all.
    """
    if not path.exists():
        raise TableError(E015, path=path, line=0, problem="no such file")
    petrarch_format = detect_format(path)
    if petrarch_format is not None:
        add_petrarch_dictionary(path, petrarch_format, cameo, lexicon, grammar)
        return
    data = read_yaml(path, kind=E015)
    if data is None:
        return
    if not isinstance(data, dict):
        raise TableError(E015, path=path, line=1,
                         problem="expected a mapping with 'patterns', 'actors' or 'remove'")
    line = data.pop("__line__", 1)
    unknown = sorted(set(data) - {"patterns", "actors", "remove"})
    if unknown:
        raise TableError(E015, path=path, line=line,
                         problem=f"unknown section(s) {', '.join(unknown)}; "
                         "expected patterns, actors, remove")
    if data.get("remove") is not None:
        remove = dict(data["remove"])
        remove_line = remove.pop("__line__", line)
        entry = validate(DictionaryRemove, remove, path=path, line=remove_line, kind=E015)
        grammar.remove_words(entry.verbs, entry.nouns)
    patterns = validate_list(data.get("patterns"), PatternEntry, path=path, kind=E015)
    grammar.add_patterns(patterns, path, cameo, kind=E015, priority=1)
    for entry_line, actor in validate_list(data.get("actors"), DictionaryActor, path=path,
                                           kind=E015):
        lexicon.check_sector_user(actor.sector, path, entry_line)
        for name in actor.names:
            lexicon.add_name(name, Meaning(actor.kind, actor.country, actor.sector, actor.org,
                                           actor.names[0], actor.title), priority=True)
