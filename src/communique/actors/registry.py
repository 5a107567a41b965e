"""What articles teach about actors, remembered across articles, with dates.

An article that says "Putin's foreign affairs adviser Yuri Ushakov" teaches that Yuri
Ushakov is RUS GOV, an adviser, seen on that day. A later article that says only
"Ushakov said" can then code him. Each entry keeps its roles with the dates they were
seen (or, for roles a user gives, the dates they hold), so an actor whose role changed
is coded by the article's date. A user can add known actors from a file and correct an
entry; corrections win over what was learnt, and what the text itself says wins over
all of them: the registry only fills in what an article leaves unknown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator

from ..errors import E015, TableError
from ..records import Actor, Article, EventActor
from ..tables import vocabulary
from ..tables.lexicon import check_country, fold_name
from ..tables.loader import TableRow, read_yaml, validate_list

# lowest to highest standing; "dictionary" is the known actors converted from PETRARCH2
SOURCES = ("learnt", "dictionary", "known", "user", "correction")
HONORIFICS = vocabulary.words("honorifics") | vocabulary.words("titles_in_names")
LEARNABLE_KINDS = frozenset({"person", "organization"})
# Countries whose names put the family name first: "Xi Jinping" is Mr Xi, "Kim Jong Un"
# Mr Kim, "Nguyen Phu Trong" Mr Trong by custom but Nguyen by name; both are kept, and a
# short name two people share decides nothing.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "MNG",
                               "HUN"})
LEADERS_BODIES = vocabulary.sector_group("led_by_leader")


@dataclass(slots=True)
class Role:
    """What an actor was, and when: learnt roles span the dates they were seen."""

    country: str | None
    sector: str | None
    title: str | None = None
    org: str | None = None
    since: str | None = None  # ISO dates; None is open
    until: str | None = None
    source: str = "learnt"
    articles: int = 0

    def covers(self, day: str) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until)


@dataclass(slots=True)
class Entry:
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)

    def role_on(self, day: str | None) -> Role | None:
        """The role that holds on a day: a correction, then a role a user gave, then one
        from the built-in table of known actors, then the latest learnt role begun by that
        day (or the earliest, for days before any)."""
        if not self.roles:
            return None
        for source in ("correction", "user", "known", "dictionary"):
            given = [r for r in self.roles if r.source == source]
            if given:
                covering = [r for r in given if _holds(r, day)]
                if day is not None and len({r.country for r in covering}) > 1:
                    return None  # namesakes in office in two countries: no guess
                if covering:
                    return max(covering, key=lambda r: r.since or "")
        learnt = [r for r in self.roles if r.source == "learnt"]
        if not learnt:
            return self._out_of_office(day)
        if day is None:
            return max(learnt, key=lambda r: r.until or "")
        begun = [r for r in learnt if (r.since or "") <= day]
        if begun:
            return max(begun, key=lambda r: r.since or "")
        return min(learnt, key=lambda r: r.since or "")

    def _out_of_office(self, day: str | None) -> Role | None:
        """A person with known offices on a day none covers: still of their country; a
        former office-holder (CAMEO's elites, ELI) after the last, sectorless before."""
        # the dictionaries' tens of thousands of ministers are known by their dates only:
        # a namesake years later ("John Smith") is not taken for one of them
        dated = [r for r in self.roles if r.source not in {"learnt", "dictionary"}
                 and r.country]
        if day is None or not dated:
            return None
        ended = [r for r in dated if r.until and r.until < day]
        if ended:
            last = max(ended, key=lambda r: r.until or "")
            title = f"former {last.title}" if last.title else None
            return Role(last.country, "ELI", title, last.org, last.until, None, last.source)
        first = min(dated, key=lambda r: r.since or "")
        return Role(first.country, None, None, None, None, first.since, first.source)


PARTICLES = vocabulary.words("name_particles")


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The key a person is known by: the lexicon's (`fold_name`: no case, accents,
    hyphens or apostrophes), without full stops, commas, honorifics and inner particles
    ("Mr. Recep Tayyip Erdoğan" is "recep tayyip erdogan")."""
    words = [w.strip(".,") for w in fold_name(name).split()]
    words = [w for w in words if w and w not in HONORIFICS]
    return " ".join(w for n, w in enumerate(words) if n == 0 or w not in PARTICLES)


class RegistryActor(TableRow):
    """A known actor in a file: `actors:` entries of a YAML file."""

    names: list[str]
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    kind: Literal["person", "organization"] = "person"
    title: str | None = None
    org: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    @field_validator("country")
    @classmethod
    def _country(cls, code: str | None) -> str | None:
        return check_country(code)


class Registry:
    """Actors remembered across articles. Plain data; save and load as JSON or rows."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self._aliases: dict[str, set[str]] = {}
        self.changed: set[str] = set()  # keys of entries changed since `take_changes`

    def __len__(self) -> int:
        return len(self.entries)

    # -- finding -------------------------------------------------------------------------
    def find(self, name: str, kind: str | None = None, *, loose: bool = True
             ) -> Entry | None:
        """The one entry a name (full, or a surname known as an alias) points to; None
        when there is none or more than one. `loose` also lets a full name match one
        with a middle name more or less ("Omar Hassan al-Bashir", "Omar al-Bashir")."""
        key = name_key(name)
        entry = self.entries.get(key)
        if entry is not None and (kind is None or entry.kind == kind):
            return entry
        keys = {k for k in self._aliases.get(key, ()) if kind is None
                or self.entries[k].kind == kind}
        if len(keys) == 1:
            return self.entries[keys.pop()]
        words = key.split()
        if loose and not keys and len(words) >= 2:
            # "Omar Hassan al-Bashir" for "Omar al-Bashir": the same first name and
            # surname, with a middle name one of them leaves out
            keys = {k for k in self._aliases.get(words[-1], ())
                    if k.split()[0] == words[0] and self.entries[k].kind == "person"
                    and (kind is None or kind == "person")
                    # not the dictionaries' many ministers: "John Smith" is not the
                    # "John Hilary Smith" of Kiribati's 1970s cabinet
                    and any(r.source != "dictionary" for r in self.entries[k].roles)}
            if len(keys) == 1:
                return self.entries[keys.pop()]
        return None

    def lookup(self, name: str, *, kind: str | None = None, day: str | None = None
               ) -> Role | None:
        entry = self.find(name, kind) or self._held_on(name, kind, day)
        return entry.role_on(day) if entry is not None else None

    def country_of(self, name: str, *, kind: str | None = None, day: str | None = None
                   ) -> str | None:
        """The country of whoever a name points to: from the role held that day, or,
        for a name several actors share ("Bush"), the one country they all have."""
        role = self.lookup(name, kind=kind, day=day)
        if role is not None:
            return role.country
        keys = self._aliases.get(name_key(name), ())
        countries = {r.country for k in keys for r in self.entries[k].roles
                     if (kind is None or self.entries[k].kind == kind)
                     and (r.source != "dictionary" or _holds(r, day))}
        return countries.pop() if len(countries) == 1 else None

    def _held_on(self, name: str, kind: str | None, day: str | None) -> Entry | None:
        """Of several actors a short name points to ('Bush'), the one whose dated office
        covers the day, when exactly one does."""
        if day is None:
            return None
        keys = self._aliases.get(name_key(name), ())
        holding = [self.entries[k] for k in keys
                   if (kind is None or self.entries[k].kind == kind)
                   and any(r.source != "learnt" and r.since and r.covers(day)
                           for r in self.entries[k].roles)]
        return holding[0] if len(holding) == 1 else None

    def holder(self, title: str, country: str, day: str) -> Entry | None:
        """The one person the table has in an office (its `title`, "prime minister", in
        `country`) on `day`; None when it has none or several. An office changes hands
        on its `until` day: that day is the successor's. Only dated offices of the
        hand-written table and of the user's files count, not learnt roles."""
        holding = {entry.name: entry for entry in self.entries.values()
                   if entry.kind == "person" and any(
                       r.title == title and r.country == country and r.since
                       and r.source in {"known", "user", "correction"}
                       and r.since <= day and (r.until is None or day < r.until)
                       for r in entry.roles)}
        return holding.popitem()[1] if len(holding) == 1 else None

    def has_office(self, title: str, country: str) -> bool:
        """Whether the table dates anyone in that office of that country."""
        return any(r.title == title and r.country == country and r.since
                   for entry in self.entries.values() for r in entry.roles)

    # -- learning ------------------------------------------------------------------------
    def learn(self, article: Article) -> int:
        """Remember what this article says about its named people and organisations."""
        learnt = 0
        for actor in article.actors:
            if not _learnable(actor):
                continue
            entry = self._entry(actor.name, actor.kind)
            for alias in _aliases(actor):
                self._alias(alias, name_key(entry.name))
            role = next((r for r in entry.roles if r.source == "learnt"
                         and (r.country, r.sector) == (actor.country, actor.sector)), None)
            if role is None:
                role = Role(actor.country, actor.sector, actor.title, actor.org,
                            since=article.date, until=article.date)
                entry.roles.append(role)
            else:
                if article.date:
                    role.since = min(filter(None, (role.since, article.date)))
                    role.until = max(filter(None, (role.until, article.date)))
                role.title = role.title or actor.title
            role.articles += 1
            self.changed.add(name_key(entry.name))
            learnt += 1
        return learnt

    def add(self, names: list[str], *, country: str | None, sector: str | None,
            kind: str = "person", title: str | None = None, org: str | None = None,
            since: str | None = None, until: str | None = None,
            source: str = "user", short_names: bool = True) -> Entry:
        """Add a known actor (`user`) or correct one (`correction`). Without
        `short_names` the surname (or family name) is not made an alias."""
        if source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}")
        entry = self.find(names[0], kind, loose=False) or self._entry(names[0], kind)
        for name in names:
            self._alias(name_key(name), name_key(entry.name))
            words = name_key(name).split()
            if len(words) > 1 and kind == "person" and short_names:
                self._alias(words[-1], name_key(entry.name))
                if country in FAMILY_NAME_FIRST:  # "Xi" for Xi Jinping
                    self._alias(words[0], name_key(entry.name))
        entry.roles.append(Role(country, sector, title, org, since, until, source))
        self.changed.add(name_key(entry.name))
        return entry

    def add_file(self, path: Path, *, source: str = "user") -> int:
        """Known actors from a YAML file with an `actors:` list (see docs/actors.md)."""
        data = read_yaml(path, kind=E015)
        if not isinstance(data, dict) or "actors" not in data:
            raise TableError(E015, path=path, line=1, problem="expected an 'actors' list")
        rows = validate_list(data["actors"], RegistryActor, path=path, kind=E015)
        for _, row in rows:
            self.add(row.names, country=row.country, sector=row.sector, kind=row.kind,
                     title=row.title, org=row.org,
                     since=row.since.isoformat() if row.since else None,
                     until=row.until.isoformat() if row.until else None, source=source)
        return len(rows)

    # -- applying ------------------------------------------------------------------------
    def apply(self, article: Article) -> int:
        """Fill in what the article leaves unknown about its actors, by its date, and
        carry it to the events those actors take part in. Returns how many changed."""
        changed: dict[str, Actor] = {}
        for actor in article.actors:
            fill = self.completion(actor.name, actor.kind, country=actor.country,
                                   sector=actor.sector, day=article.date)
            if fill is None:
                continue
            before = (actor.country, actor.sector)
            actor.kind = fill.get("kind", actor.kind)
            actor.country = fill["country"]
            actor.sector = fill.get("sector", actor.sector)
            actor.title = actor.title or fill.get("title")
            actor.org = actor.org or fill.get("org")
            if (actor.country, actor.sector) != before:
                changed[actor.id] = actor
        for actor in article.actors:
            if actor.kind == "organization" and not actor.country \
                    and actor.sector in LEADERS_BODIES:
                country = self._leaders_country(actor, article)
                if country:
                    actor.country = country
                    changed[actor.id] = actor
        for event in article.events:
            for side in (event.source, event.target):
                if side is not None and side.actor in changed:
                    _copy(changed[side.actor], side)
        return len(changed)

    def completion(self, name: str, kind: str, *, country: str | None,
                   sector: str | None, day: str | None) -> dict[str, Any] | None:
        """What this registry adds, on a day, to an actor the text leaves incomplete: its
        kind, country, sector, and the role's title and org; None when it adds nothing or
        the text says otherwise. Shared by `apply` and the events stage, which reads the
        built-in known actors before the record is completed."""
        if kind not in LEARNABLE_KINDS or (country and sector):
            return None
        role = self.lookup(name, kind=kind, day=day)
        if role is None and kind == "organization" and (
                len(name.split()) == 1 or self.find(name, "person", loose=False)):
            # a lone surname, or a person's full name, the recogniser took for an
            # organisation ("Stoltenberg said", "Nursultan Nazarbayev met investors")
            role = self.lookup(name, kind="person", day=day)
            if role is not None:
                kind = "person"
        if role is None:
            found = None if country else self.country_of(name, kind=kind, day=day)
            # "Bush" between the two presidencies: American, at least
            return {"country": found} if found else None
        if country and role.country and country != role.country:
            return None  # the text says otherwise: the text wins
        return {"kind": kind, "country": country or role.country,
                "sector": sector or role.sector, "title": role.title, "org": role.org}

    def _leaders_country(self, actor: Actor, article: Article) -> str | None:
        """'The Clinton administration', 'the Erdogan government': a body named after
        its leader is of the leader's country, as the article or the registry places
        the leader."""
        texts = [actor.name, *(m.text for m in actor.mentions)]
        names = {w for text in texts for w in re.findall(r"[A-Z][\w'-]+", text)
                 if w.lower() not in HONORIFICS and w.lower() != "the"}
        if not names:
            return None
        placed = {a.country for a in article.actors if a.kind == "person" and a.country
                  and names & set(a.name.split())}
        if not placed:
            placed = {country for name in names
                      if (country := self.country_of(name, kind="person", day=article.date))}
        return placed.pop() if len(placed) == 1 else None

    # -- keeping -------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"entries": [{"name": e.name, "kind": e.kind, "aliases": sorted(e.aliases),
                             "roles": [asdict(r) for r in e.roles]}
                            for e in self.entries.values()]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Registry:
        registry = cls()
        for item in data.get("entries", []):
            entry = registry._entry(item["name"], item["kind"])
            for alias in item.get("aliases", []):
                registry._alias(alias, name_key(entry.name))
            entry.roles = [Role(**role) for role in item.get("roles", [])]
        registry.changed.clear()
        return registry

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1),
                        encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Registry:
        if not path.exists():
            return cls()
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def rows(self, keys: Iterable[str] | None = None) -> Iterable[dict[str, Any]]:
        """One row per role: the registry as a table (or the entries of some keys)."""
        entries = self.entries.values() if keys is None else (
            self.entries[k] for k in keys if k in self.entries)
        for entry in entries:
            for role in entry.roles:
                yield {"entry": name_key(entry.name), "name": entry.name, "kind": entry.kind,
                       "aliases": sorted(entry.aliases), **asdict(role)}

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> Registry:
        """A registry from the rows `rows()` gives (as a store keeps them)."""
        registry = cls()
        for row in rows:
            entry = registry._entry(row["name"], row["kind"])
            for alias in row.get("aliases") or ():
                registry._alias(alias, name_key(entry.name))
            entry.roles.append(Role(**{f: _iso(row.get(f)) if f in ("since", "until")
                                       else row.get(f) for f in ROLE_FIELDS}))
        registry.changed.clear()
        return registry

    def take_changes(self) -> tuple[list[str], list[dict[str, Any]]]:
        """The keys of the entries changed since last asked, and their rows now."""
        keys = sorted(self.changed)
        self.changed.clear()
        return keys, list(self.rows(keys))

    def _entry(self, name: str, kind: str) -> Entry:
        key = name_key(name)
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = Entry(name, kind, {key})
            self._alias(key, key)
        return entry

    def _alias(self, alias: str, key: str) -> None:
        if alias:
            self._aliases.setdefault(alias, set()).add(key)
            self.entries[key].aliases.add(alias)


def _holds(role: Role, day: str | None) -> bool:
    """A given role holds on a day; on no day, only a role the table gives for all days
    or, for the hand-written and user tables, any role (a dictionary's dated role of a
    minister of 2003 says nothing of an undated article's namesake)."""
    if day is not None:
        return role.covers(day)
    return role.source != "dictionary" or (role.since, role.until) == (None, None)


ROLE_FIELDS = ("country", "sector", "title", "org", "since", "until", "source", "articles")


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _learnable(actor: Actor) -> bool:
    """Named people and organisations the text places: 'Yuri Ushakov' (RUS GOV), not
    'the Russian leader' (a description) or 'Putin' with no country given."""
    if actor.kind not in LEARNABLE_KINDS or not actor.country:
        return False
    words = actor.name.split()
    if not words or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    return actor.kind != "person" or len(words) >= 2


def _aliases(actor: Actor) -> list[str]:
    """Short names a person goes by in this article: 'Ushakov' from 'Mr Ushakov'."""
    if actor.kind != "person":
        return []
    name_words = {name_key(w) for w in actor.name.split()}
    aliases = {name_key(actor.name).split()[-1]} if name_key(actor.name) else set()
    for mention in actor.mentions:
        words = [w for w in re.findall(r"[\w'-]+", mention.text) if w[:1].isupper()]
        rest = [w for w in words if name_key(w) in name_words]
        if rest and len(rest) < len(name_words):
            aliases.add(name_key(" ".join(rest)))
    return sorted(aliases)


def _copy(actor: Actor, side: EventActor) -> None:
    side.country, side.sector, side.org = actor.country, actor.sector, actor.org


__all__ = ["Entry", "Registry", "Role", "name_key"]
