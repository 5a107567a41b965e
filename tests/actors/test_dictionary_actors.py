"""Actors the PETRARCH2 dictionaries teach, on real sentences with the real model: people
by the role they held on the article's date, international bodies and armed groups,
and plain national groups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.tables import Lexicon

FIXTURES = Path(__file__).parents[1] / "tables" / "petrarch"


def actor(article, name):
    return next(a for a in article.actors if a.name == name)


@pytest.mark.parametrize(("text", "date", "name", "country", "sector"), [
    # an Afghan defence minister the hand-written table does not list
    ("Abdul Rahim Wardak met the visiting delegation in Kabul.", "2008-05-01",
     "Abdul Rahim Wardak", "AFG", "GOV"),
    # a South Korean foreign minister of 2008-2010
    ("Yu Myung Hwan said Seoul would send an envoy.", "2009-03-10", "Yu Myung Hwan",
     "KOR", "GOV"),
    # an armed group of the dictionaries, with its home country
    ("The Students Islamic Movement of India claimed the attack.", "2008-07-27",
     "Students Islamic Movement of India", "IND", "REB"),
    # international bodies whose entry has no sector take their org's ([IGOLEGIPU],
    # [IGONAFBUSCSS]), and so do the people who head them ([IGOWAFBUSWAS] ECOWAS)
    ("The IPU condemned the arrest of the lawmakers.", "2011-05-01", "IPU", "IGO", "LEG"),
    ("The Community of Sahel Saharan States called for a ceasefire in Chad.", "2009-05-01",
     "Community of Sahel Saharan States", "IGO", "BUS"),
    ("Victor Gbeho urged the junta to hand over power.", "2011-05-01", "Victor Gbeho",
     "IGO", "BUS"),
])
def test_dictionary_actors_on_real_sentences(coder, text, date, name, country, sector):
    found = actor(coder.code(text, date=date), name)
    assert (found.country, found.sector) == (country, sector)


def test_a_dictionary_minister_is_not_placed_years_outside_the_office(coder):
    found = actor(coder.code("Yu Myung Hwan said Seoul would send an envoy.",
                             date="1985-03-10"), "Yu Myung Hwan")
    assert found.sector != "GOV"


@pytest.mark.parametrize(("text", "name", "country", "sector"), [
    ("Police arrested four Saudi men at the border.", "four Saudi men", "SAU", "CVL"),
    ("Three Chinese nationals were kidnapped by gunmen.", "Three Chinese nationals", "CHN",
     "CVL"),
    ("An American destroyer fired warning shots at the boat.", "American destroyer", "USA",
     "MIL"),
    ("The Somaliland authorities detained the journalists.", "Somaliland authorities", "SOM",
     "GOV"),
])
def test_plain_national_groups_are_actors(coder, text, name, country, sector):
    found = actor(coder.code(text, date="2012-05-01"), name)
    assert (found.country, found.sector) == (country, sector)


@pytest.mark.model
def test_a_users_petrarch_dictionary_through_the_cli(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Maria Vornek told reporters in Buenos Aires she would resign. The Tovani "
                       "Liberation Front said it would keep fighting.")
    args = ["code", str(article), "--dictionary", str(FIXTURES / "actors.txt")]
    early = CliRunner().invoke(main, [*args, "--date", "2003-03-01"], catch_exceptions=False)
    assert early.exit_code == 0, early.output
    actors = {a["name"]: a for a in json.loads(early.stdout)["actors"]}
    assert actors["Maria Vornek"]["code"] == "ARGGOV"
    assert actors["Tovani Liberation Front"]["code"] == "ARGREB"
    later = CliRunner().invoke(main, [*args, "--date", "2012-03-01"], catch_exceptions=False)
    actors = {a["name"]: a for a in json.loads(later.stdout)["actors"]}
    assert actors["Maria Vornek"]["code"] == "ARGMIL"  # the role of the article's date


@pytest.mark.model
def test_a_broken_petrarch_dictionary_is_a_clear_error(tmp_path):
    bad = tmp_path / "Mine.actors.txt"
    bad.write_text("# mine\nMARIA_VORNEK_\n\t[ARGGOV 030101-030531\n")
    article = tmp_path / "a.txt"
    article.write_text("Maria Vornek met reporters.")
    result = CliRunner().invoke(main, ["code", str(article), "--dictionary", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:3" in result.stderr and "unbalanced" in result.stderr


@pytest.mark.parametrize(("text", "name", "sector"), [
    # agent phrases of the dictionaries, longer than a modifier and a noun
    ("A law enforcement official said the suspect had fled.", "law enforcement official",
     "COP"),
    ("The chief justice of the supreme court resigned on Monday.", "chief justice", "JUD"),
    ("The opposition leader called for protests.", "opposition leader", "OPP"),
    ("The central bank raised interest rates.", "central bank", "GOV"),
])
def test_agent_phrases_give_their_sector(coder, text, name, sector):
    found = actor(coder.code(text, date="2012-05-01"), name)
    assert found.sector == sector


def test_a_phrase_role_keeps_the_head_words_flags():
    # "opposition leader" refines "leader": a leader's word still, with OPP for sector
    role = Lexicon.load().role("opposition leader")
    assert (role.sector, role.leader) == ("OPP", True)


def test_a_known_person_the_recogniser_calls_an_organisation(coder):
    # spaCy tags "Nursultan Nazarbayev" ORG here; the full name is a known person's
    found = actor(coder.code("Nursultan Nazarbayev met investors.", date="2010-03-01"),
                  "Nursultan Nazarbayev")
    assert (found.kind, found.country, found.sector) == ("person", "KAZ", "GOV")
