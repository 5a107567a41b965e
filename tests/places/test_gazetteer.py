"""The offline gazetteer: names to places, ranked by size, kind and the article's
countries."""

from __future__ import annotations

import pytest

from communique.places import gazetteer, lookup_place
from communique.places.gazetteer import fold


@pytest.mark.parametrize("name, country, kind", [
    ("Istanbul", "TUR", "city"), ("Shenzhen", "CHN", "city"), ("Kiev", "UKR", "city"),
    ("Kyiv", "UKR", "city"), ("Britain", "GBR", "country"), ("the US", "USA", "country"),
    ("Georgia", "GEO", "country"), ("Gaza", "PSE", "city"), ("West Bank", "PSE", "region"),
    ("Punjab", "PAK", "region"), ("Washington", "USA", "city"), ("Tripoli", "LBY", "city"),
])
def test_names_mean_their_usual_place(name, country, kind):
    place = lookup_place(name)
    assert place is not None and (place.country, place.kind) == (country, kind)


def test_the_article_countries_decide_between_namesakes():
    assert lookup_place("Tripoli", ["LBN"]).country == "LBN"
    assert lookup_place("Hyderabad", ["PAK"]).country == "PAK"
    assert lookup_place("Hyderabad", ["IND"]).country == "IND"


def test_a_qualifier_holds():
    places = gazetteer()
    assert places.lookup("Shenzhen", within="CHN").lat == pytest.approx(22.5, abs=0.2)
    illinois = places.lookup("Illinois")
    assert illinois is not None and illinois.kind == "region"
    springfield = places.lookup("Springfield", near=illinois)
    assert springfield.country == "USA" and springfield.lon == pytest.approx(-89.6, abs=0.3)
    assert places.lookup("Donetsk", kind="region").kind == "region"
    assert places.lookup("Paris", within="KEN") is None


def test_unknown_names_are_none():
    assert lookup_place("Atlantis of the North") is None
    assert lookup_place("") is None


def test_capitals_and_countries_have_points():
    places = gazetteer()
    assert places.capital("KEN").name == "Nairobi"
    assert places.capital("USA").name == "Washington"
    russia = places.country("RUS")
    assert russia.name == "Russia" and 40 < russia.lat < 70


def test_the_gazetteer_loads_once_per_process():
    assert gazetteer() is gazetteer()


def test_names_fold_for_lookup():
    assert fold("Al-Hasakah") == fold("al hasakah") == fold("AL-HASAKAH")
    assert fold("Khān Yūnis") == "khan yunis"
    assert fold("the Gambia") == "gambia"


def test_a_broken_areas_table_names_the_line(tmp_path):
    from communique.errors import TableError
    from communique.places.gazetteer import Gazetteer

    table = tmp_path / "areas.tsv"
    table.write_text("kind\tcountry\tname\taliases\tlat\tlon\tpopulation\n"
                     "country\tKEN\tKenya\t\t-1\t37\t100\n"
                     "region\tKEN\tNowhere\t\t95\t37\t5\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"areas.tsv:3:.*lat"):
        Gazetteer.load(areas=table)


def test_a_world_city_is_not_displaced_by_a_small_namesake_in_a_named_country():
    assert lookup_place("Geneva", ["USA", "IRN"]).country == "CHE"
    assert lookup_place("Vienna", ["USA"]).country == "AUT"
    assert lookup_place("Birmingham", ["USA"]).country == "USA"  # both well known: context
