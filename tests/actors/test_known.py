"""Known actors: the built-in table of office-holders fills in what the text leaves
unknown, by the article's date, below the text and the run's own registry."""

from __future__ import annotations

import pytest

from communique import Coder
from communique.actors.registry import Registry

TABLE = """\
actors:
  - names: [George Bush, George H. W. Bush]
    country: USA
    sector: GOV
    title: president
    since: 1989-01-20
    until: 1993-01-20
  - names: [George W. Bush]
    country: USA
    sector: GOV
    title: president
    since: 2001-01-20
    until: 2009-01-20
  - names: [Kofi Annan]
    country: IGO
    org: UNO
    sector: GOV
    title: secretary-general
    since: 1997-01-01
    until: 2006-12-31
  - names: [Pedro Alvarez]
    country: CHL
    sector: GOV
    title: minister
    since: 2010-03-11
    until: 2014-03-11
  - names: [Pedro Alvarez]
    country: PER
    sector: GOV
    title: minister
    since: 2011-07-28
    until: 2013-01-01
"""


@pytest.fixture()
def known(tmp_path):
    path = tmp_path / "people.yaml"
    path.write_text(TABLE, encoding="utf-8")
    registry = Registry()
    registry.add_file(path, source="known")
    return registry


def test_an_office_is_found_by_the_date_it_was_held(known):
    role = known.lookup("Kofi Annan", day="2003-03-01")
    assert (role.country, role.org, role.sector) == ("IGO", "UNO", "GOV")


def test_a_surname_two_office_holders_share_goes_to_the_one_in_office_that_day(known):
    assert known.lookup("Bush", day="1991-02-01").since == "1989-01-20"
    assert known.lookup("Bush", day="2005-02-01").since == "2001-01-20"
    assert known.lookup("Bush", day="1997-02-01") is None  # neither: no guess
    assert known.lookup("Bush") is None


def test_after_their_last_office_a_person_is_a_former_office_holder(known):
    role = known.lookup("Kofi Annan", day="2012-01-01")
    assert (role.country, role.sector, role.title) == ("IGO", "ELI", "former secretary-general")


def test_before_any_office_a_person_keeps_the_country_but_no_sector(known):
    role = known.lookup("Kofi Annan", day="1990-01-01")
    assert (role.country, role.sector) == ("IGO", None)


def test_one_name_held_in_two_countries_at_once_is_not_guessed(known):
    assert known.lookup("Pedro Alvarez", day="2012-01-01") is None


def test_a_users_known_actor_wins_over_the_built_in_table(known):
    known.add(["Kofi Annan"], country="GHA", sector="ELI", source="user")
    assert known.lookup("Kofi Annan", day="2003-03-01").country == "GHA"


@pytest.mark.parametrize("text, date, expected", [
    ("President Bill Clinton has imposed sanctions on the Taliban.", "1999-07-06",
     ("USA", "GOV")),
    ("Putin offered to negotiate with the president of Armenia.", "2010-03-01",
     ("RUS", "GOV")),
])
def test_the_coder_places_known_office_holders_the_text_does_not(coder, text, date, expected):
    article = coder.code(text, date=date)
    source = article.events[0].source
    assert (source.country, source.sector) == expected


def test_the_text_wins_over_the_table(coder):
    article = coder.code("Former President Bill Clinton criticised the Taliban.",
                         date="2015-01-01")
    clinton = next(a for a in article.actors if "Clinton" in a.name)
    assert clinton.country == "USA" and clinton.sector == "ELI"


def test_known_actors_can_be_switched_off(coder):
    plain = Coder(known_actors=False, nlp=coder.nlp)
    article = plain.code("Putin offered to negotiate with the president of Armenia.")
    assert article.events[0].source.country is None


def test_a_name_several_office_holders_share_still_gives_their_one_country(known):
    assert known.country_of("Bush", day="1997-02-01") == "USA"
    assert known.country_of("Pedro Alvarez", day="2012-01-01") is None  # CHL or PER


@pytest.mark.parametrize("text, date, expected", [
    ("The Bush administration imposed new sanctions on Iran.", "2003-05-01", "USAGOV"),
    ("The Clinton administration declared that China must drop barriers to exports.",
     "1998-03-01", "USAGOV"),
])
def test_a_body_named_after_its_leader_is_of_the_leaders_country(coder, text, date, expected):
    article = coder.code(text, date=date)
    assert article.events[0].source.code == expected


def test_name_particles_are_matched_in_any_spelling_but_never_as_a_first_name():
    registry = Registry()
    registry.add(["Omar al-Bashir"], country="SDN", sector="GOV", source="known")
    registry.add(["Ben Wallace"], country="GBR", sector="GOV", source="known")
    registry.add(["Ash Carter"], country="USA", sector="GOV", source="known")
    registry.add(["Jimmy Carter"], country="USA", sector="GOV", source="known")
    assert registry.lookup("Omar El Bashir").country == "SDN"
    assert registry.lookup("Omar Hassan al-Bashir").country == "SDN"
    assert len(registry) == 4  # no namesake merged into another
    assert registry.lookup("Ben Wallace").country == "GBR"


@pytest.mark.parametrize("text, expected", [
    ("Xi said China would respond to the tariffs.", ("Xi", "CHN", "GOV")),
    ("Stoltenberg said the alliance would respond.", ("Stoltenberg", "IGO", "GOV")),
])
def test_family_names_first_and_lone_surnames_taken_for_organisations(coder, text, expected):
    article = coder.code(text, date="2019-06-01")
    actor = article.actors[0]
    assert (actor.name, actor.country, actor.sector) == expected and actor.kind == "person"
