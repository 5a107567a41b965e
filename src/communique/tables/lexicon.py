"""What names and role words mean: countries, demonyms, capitals, organisations, roles.

The actors stage reads this lexicon; a user dictionary adds to it. Country names and
codes come from pycountry, plus the package's own table of short names, demonyms and
capitals; organisations and role words are the package's own tables.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pycountry
from pydantic import Field, field_validator, model_validator

from ..errors import E003, E015, ErrorKind, TableError
from .loader import TableRow, package_file, read_tsv

NONSTATE_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "IMG", "UNO", "ISM"})
EXTRA_COUNTRIES = {"KOS": "Kosovo"}
_ACRONYM = re.compile(r"^[A-Z][A-Z.\-&0-9]*$")


def known_country(code: str) -> bool:
    return code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def check_country(code: str | None) -> str | None:
    """A country code as actors carry it (ISO alpha-3, or one of the non-state codes);
    a ValueError that names the allowed codes otherwise."""
    if code is not None and code not in NONSTATE_COUNTRIES and not known_country(code):
        raise ValueError(f"{code} is neither an ISO alpha-3 code nor one of "
                         f"{', '.join(sorted(NONSTATE_COUNTRIES))}")
    return code


class CountryRow(TableRow):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    names: list[str]
    demonyms: list[str] = []
    capitals: list[str] = []
    # Demonyms that name citizens whatever their origin ("Chinese Americans", "Turkish
    # Cypriots"): as the head of a group they decide its country (see docs/actors.md).
    civic: list[str] = []

    @field_validator("code")
    @classmethod
    def _iso(cls, code: str) -> str:
        if not known_country(code):
            raise ValueError(f"{code} is not an ISO 3166-1 alpha-3 code")
        return code

    @model_validator(mode="after")
    def _civic_are_demonyms(self) -> CountryRow:
        unknown = [c for c in self.civic if c not in self.demonyms]
        if unknown:
            raise ValueError(f"civic demonym(s) {', '.join(unknown)} not among the demonyms")
        return self


class OrganisationRow(TableRow):
    names: list[str]
    country: str = Field(pattern=r"^[A-Z]{3}$")
    sector: str | None = None
    org: str | None = Field(default=None, pattern=r"^[A-Z0-9]{2,4}$")
    kind: Literal["organization", "place-as-government", "person", "group"] = "organization"

    @field_validator("country")
    @classmethod
    def _country(cls, code: str) -> str:
        if code not in NONSTATE_COUNTRIES and not known_country(code):
            raise ValueError(f"{code} is neither an ISO alpha-3 code nor one of "
                             f"{', '.join(sorted(NONSTATE_COUNTRIES))}")
        return code


class RoleRow(TableRow):
    role: str
    sector: str | None = None
    kind: Literal["person", "group", "organization"]
    strength: int = Field(ge=1, le=3)
    leader: Literal["yes", "no"] = "no"
    title: Literal["yes", "no"] = "no"
    name_word: Literal["yes", "no"] = "no"


class SectorRow(TableRow):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    groups: list[str] = []  # what the rules ask of a sector (tables/vocabulary.py)


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a name means when it names an actor."""

    kind: str  # country | demonym | capital | organization | place-as-government | person
    country: str | None
    sector: str | None = None
    org: str | None = None
    name: str = ""
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    sector: str | None
    kind: str
    strength: int
    leader: bool
    title: bool
    name_word: bool = False  # codes only as the last word of a name: "the Tehran Times"


@dataclass(slots=True)
class Lexicon:
    """Names (lower-cased phrases) to meanings, and role words to sectors."""

    names: dict[str, list[Meaning]] = field(default_factory=dict)
    exact_case: set[str] = field(default_factory=set)  # acronyms matched case-sensitively
    spellings: dict[str, set[str]] = field(default_factory=dict)  # phrase -> written forms
    roles: dict[str, Role] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    civic: set[str] = field(default_factory=set)  # keys of civic demonyms ("americans")
    # the words of the role phrases of more than one word, and how many roles they are of
    _phrase_words: tuple[int, frozenset[str]] = field(default=(0, frozenset()), repr=False,
                                                      compare=False)

    @classmethod
    def load(cls, data_dir: Path | None = None, *, dictionaries: bool = True) -> Lexicon:
        """The package's tables; without `dictionaries`, only the hand-written ones (not
        data/petrarch/, which tools/make_petrarch_tables.py writes)."""
        def path(name: str) -> Path:
            return data_dir / name if data_dir else package_file(name)

        lexicon = cls()
        sectors_path = path("sectors.tsv")
        for _, row in read_tsv(sectors_path, SectorRow):
            lexicon.sectors[row.code] = row.name
        countries_path = path("countries.tsv")
        seen: set[str] = set()
        rows = read_tsv(countries_path, CountryRow)
        # a name the table gives one country is not another's by pycountry: "Congo" is
        # the table's DR Congo, though pycountry calls the Republic of the Congo so
        claimed = {fold_name(name): row.code for _, row in rows for name in row.names}
        for line, row in rows:
            if row.code in seen:
                raise TableError(E003, path=countries_path, line=line,
                                 problem=f"country {row.code} twice")
            seen.add(row.code)
            lexicon.add_country(row, claimed=claimed)
        orgs_path = path("organisations.tsv")
        for line, row in read_tsv(orgs_path, OrganisationRow):
            lexicon.check_sector(row.sector, orgs_path, line)
            lexicon.add_organisation(row)
        roles_path = path("roles.tsv")
        for line, row in read_tsv(roles_path, RoleRow):
            lexicon.check_sector(row.sector, roles_path, line)
            key = normalize(row.role)
            if key in lexicon.roles:
                raise TableError(E003, path=roles_path, line=line,
                                 problem=f"role {row.role!r} twice")
            lexicon.roles[key] = Role(key, row.sector, row.kind, row.strength,
                                      row.leader == "yes", row.title == "yes",
                                      row.name_word == "yes")
        if dictionaries:
            lexicon.add_petrarch(path)
        return lexicon

    def add_petrarch(self, path) -> None:
        """The names and role words converted from the PETRARCH2 dictionaries
        (data/petrarch/): added after the hand-written tables, which win for every name
        and role word they already have (docs/actors.md)."""
        orgs_path = path("petrarch/organisations.tsv")
        for line, row in read_tsv(orgs_path, OrganisationRow):
            self.check_sector(row.sector, orgs_path, line)
            names = [n for n in row.names if fold_name(_drop_article(n)) not in self.names]
            if names:
                self.add_organisation(row.model_copy(update={"names": names}))
        roles_path = path("petrarch/roles.tsv")
        for line, row in read_tsv(roles_path, RoleRow):
            self.check_sector(row.sector, roles_path, line)
            key = normalize(row.role)
            if key not in self.roles:
                self.roles[key] = Role(key, row.sector, row.kind, row.strength,
                                      row.leader == "yes", row.title == "yes")

    def check_sector(self, sector: str | None, path: Path, line: int,
                     kind: ErrorKind = E003) -> None:
        if sector is not None and sector not in self.sectors:
            raise TableError(kind, path=path, line=line,
                             problem=f"unknown sector {sector!r}; known: "
                             f"{', '.join(sorted(self.sectors))}")

    def check_sector_user(self, sector: str | None, path: Path, line: int) -> None:
        self.check_sector(sector, path, line, kind=E015)

    def add_country(self, row: CountryRow, *, claimed: dict[str, str] | None = None) -> None:
        country = pycountry.countries.get(alpha_3=row.code)
        official = []
        if country is not None:
            official = [name for attr in ("name", "common_name", "official_name")
                        if (name := getattr(country, attr, None))
                        and (claimed or {}).get(fold_name(name), row.code) == row.code]
        display = row.names[0] if row.names else (country.name if country else row.code)
        self.country_names[row.code] = display
        for name in [*row.names, *(n for n in official if n)]:
            self.add_name(name, Meaning("country", row.code, name=display))
        for demonym in row.demonyms:
            self.add_name(demonym, Meaning("demonym", row.code, name=display))
        self.civic.update(fold_name(demonym) for demonym in row.civic)
        for capital in row.capitals:
            self.add_name(capital, Meaning("capital", row.code, "GOV", name=capital))

    def add_organisation(self, row: OrganisationRow) -> None:
        display = row.names[0]
        for name in row.names:
            self.add_name(name, Meaning(row.kind, row.country, row.sector, row.org, display))

    def add_name(self, name: str, meaning: Meaning, *, priority: bool = False) -> None:
        name = _drop_article(name)
        key = fold_name(name)
        if not key:
            return
        meanings = self.names.setdefault(key, [])
        if meaning not in meanings:
            if priority:
                meanings.insert(0, meaning)
            else:
                meanings.append(meaning)
        self.spellings.setdefault(key, set()).add(name)
        if _ACRONYM.match(name.replace(" ", "")) and len(name.replace(".", "")) <= 5:
            self.exact_case.add(name)

    def lookup(self, text: str) -> list[Meaning]:
        return self.names.get(fold_name(text), [])

    def accepts_case(self, key: str, written: str) -> bool:
        """A name matches only as a name: "Turkey", "TURKEY", not "turkey"; "US", not "us"."""
        spellings = self.spellings.get(key, ())
        if written in spellings:
            return True
        if any(s in self.exact_case for s in spellings):
            return False
        letters = [c for c in written if c.isalpha()]
        return bool(letters) and letters[0].isupper()

    def role_phrase_words(self) -> frozenset[str]:
        """Every word of a role phrase of two words or more ("vice", "foreign",
        "minister"): a noun that is none of them heads no such phrase. Made again when
        roles have been added since."""
        count, words = self._phrase_words
        if count != len(self.roles):
            words = frozenset(word for key in self.roles if " " in key
                              for word in key.split(" "))
            self._phrase_words = (len(self.roles), words)
        return words

    def role(self, phrase: str) -> Role | None:
        return self.roles.get(normalize(phrase))


def _drop_article(name: str) -> str:
    return re.sub(r"^(the|The)\s+", "", name.strip())


def normalize(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces: the key role words are looked up
    by ("vice-president" keeps its hyphen: roles.tsv spells role words as lemmas)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-")
    return " ".join(text.lower().split())


# hyphens are spaces and apostrophes nothing: "Al-Shabaab" is "al Shabaab", "Hay'at" is
# "Hayat"; dashes between words (en and em dashes) are not folded
_FOLD = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "'": None, "\u2019": None,
                       "\u2018": None, "\u02bc": None, "\u02bb": None, "`": None,
                       "\u00b4": None})


@lru_cache(maxsize=1 << 16)
def fold_name(text: str) -> str:
    """The key a name is looked up by, the same for a table's spelling and the text's
    (the actors stage folds each token by it): lower case, accents dropped ("Sinn Féin"
    is "sinn fein"), hyphens as spaces ("Inter-Parliamentary Union" is the dictionary's
    "inter parliamentary union"), apostrophes dropped ("Hay'at" is "hayat"), single
    spaces."""
    text = text.translate(_FOLD)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    return " ".join(text.lower().split())
