"""The built-in table of known actors: office-holders the text may name without saying
whose they are ("President Bill Clinton", "Kofi Annan announced").

Two tables, one registry: `data/people.yaml`, written by hand in the format of a user's
known-actors file, and `data/petrarch/people.tsv`, converted from the PETRARCH2 country
and international actor dictionaries (tools/make_petrarch_tables.py). The hand-written
table wins (docs/actors.md): a person it lists takes nothing from the dictionaries, and
dictionary people are known by their full names only, never by a bare surname. The
registry is applied after what the text says and after the run's own
registry (corrections, the user's known actors, what earlier articles taught), so it
only fills in what is still unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import E003, TableError
from ..tables.lexicon import check_country
from ..tables.loader import table_lines
from ..tables.petrarch import detect_format
from ..tables.petrarch_user import dictionary_people
from .registry import Entry, Registry, Role, name_key

PEOPLE_TABLE = "people.yaml"
DICTIONARY_PEOPLE = "petrarch/people.tsv"


COLUMNS = ("names", "country", "sector", "org", "since", "until")
_SECTOR = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class DictionaryPerson:
    """One dated role of a person, as tools/make_petrarch_tables.py writes it."""

    names: tuple[str, ...]
    country: str
    sector: str | None
    org: str | None
    since: str | None
    until: str | None


def read_people(path: Path) -> Iterator[DictionaryPerson]:
    """The rows of people.tsv, each checked (a plain check, not a model: the table has
    some 30,000 rows and the Coder reads it at start-up); errors name file and line."""
    header = None
    countries: dict[str, bool] = {}
    for number, line in table_lines(path, E003):
        cells = line.split("\t")
        if header is None:
            header = tuple(c.strip() for c in cells)
            if header != COLUMNS:
                raise TableError(E003, path=path, line=number,
                                 problem=f"expected the columns {', '.join(COLUMNS)}")
            continue
        if len(cells) != len(COLUMNS):
            raise TableError(E003, path=path, line=number,
                             problem=f"{len(cells)} cells, expected {len(COLUMNS)}")
        names, country, sector, org, since, until = (c.strip() or None for c in cells)
        if not names:
            raise TableError(E003, path=path, line=number, problem="no name")
        if country not in countries:
            try:
                countries[country] = bool(country) and check_country(country) is not None
            except ValueError:
                countries[country] = False
        if not countries[country]:
            raise TableError(E003, path=path, line=number,
                             problem=f"country {country!r} is not a country code")
        if sector is not None and not _SECTOR.match(sector):
            raise TableError(E003, path=path, line=number, problem=f"bad sector {sector!r}")
        try:
            for day in (since, until):
                if day is not None:
                    dt.date.fromisoformat(day)
        except ValueError as exc:
            raise TableError(E003, path=path, line=number, problem=str(exc)) from exc
        yield DictionaryPerson(tuple(n.strip() for n in names.split("|")), country, sector,
                               org, since, until)


def data_file(name: str) -> Path:
    return Path(str(resources.files("communique") / "data" / name))


def load_known_actors(dictionaries: tuple[str, ...] | list[str] = ()) -> Registry:
    """The package's known actors, read and validated once per process; with the people
    of the user's PETRARCH actor dictionaries among `dictionaries`, as the user's own
    (they outrank the package's)."""
    return _load(tuple(str(Path(d).resolve()) for d in dictionaries
                       if Path(d).exists() and detect_format(Path(d)) == "actors"))


@cache
def _load(actor_files: tuple[str, ...]) -> Registry:
    registry = Registry()
    registry.add_file(data_file(PEOPLE_TABLE), source="known")
    add_dictionary_people(registry, data_file(DICTIONARY_PEOPLE))
    for name in actor_files:
        path = Path(name)
        converted = dictionary_people(path, tuple(sorted(_sectors())))
        for row in converted.people:
            registry.add(row["names"], country=row["country"], sector=row["sector"],
                         org=row["org"], since=row["since"], until=row["until"],
                         source="user", short_names=False)  # PETRARCH matches the
        # phrases a record lists, and so does communique: no surname is derived
    return registry


def _sectors() -> set[str]:
    from ..tables import load_knowledge
    return set(load_knowledge().lexicon.sectors)


def add_dictionary_people(registry: Registry, path: Path, *, source: str = "dictionary"
                          ) -> int:
    """The dictionary's people, after the hand-written ones, which win: a name already
    known is left to its entry. Dictionary people are known by their full names only: a
    bare surname among tens of thousands of ministers names a town as often ("Goma") and
    is left to the hand-written table and to what the article itself says."""
    written = {alias for entry in registry.entries.values() for alias in entry.aliases
               if " " in alias}  # every full name the hand-written table knows
    added = 0
    last: tuple[tuple[str, ...], Entry | None] = ((), None)
    for row in read_people(path):
        since, until = row.since, row.until
        if row.names == last[0]:  # the same person's next role: rows of one entry are together
            if last[1] is not None:
                last[1].roles.append(Role(row.country, row.sector, None, row.org, since,
                                          until, source))
            continue
        names = tuple(n for n in row.names if len(name_key(n).split()) > 1)  # not "Mr. Tsang"
        if not names:
            last = (row.names, None)
            continue
        keys = [name_key(n) for n in names]
        if any(k in written for k in keys):
            last = (row.names, None)
            continue
        entry = registry.add(list(names), country=row.country, sector=row.sector,
                             kind="person", org=row.org, since=since, until=until,
                             source=source, short_names=False)
        last = (row.names, entry)
        added += 1
    return added


__all__ = ["add_dictionary_people", "load_known_actors"]
