"""The package's table of known political actors (data/people.yaml): it loads through the
registry, its rows are consistent, and it says what the public record says."""

from __future__ import annotations

import itertools
from collections import defaultdict

import pytest

from communique.actors.known import load_known_actors
from communique.actors.registry import RegistryActor, name_key
from communique.errors import E015
from communique.tables.lexicon import Lexicon
from communique.tables.loader import package_file, read_yaml_list

# Forms of address that are not part of anyone's name ("Sheikh Hasina" and "Lord
# Carrington" are how those two are named).
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame",
              "madam", "prof", "prof.", "professor"}
HEAD_TITLES = {"president", "prime minister", "premier", "chancellor", "king", "queen",
               "emir", "sultan", "emperor", "prince", "taoiseach", "head of state",
               "head of government", "general secretary", "first secretary", "leader",
               "supreme leader", "chairman of the State Council"}


@pytest.fixture(scope="module")
def rows():
    """Each entry with its line in the file, validated as the registry validates it."""
    return read_yaml_list(package_file("people.yaml"), RegistryActor, kind=E015,
                          key="actors")


@pytest.fixture(scope="module")
def known():
    return load_known_actors()  # Registry.add_file over the package's table


@pytest.fixture(scope="module")
def people(rows):
    """Entries grouped by person: the first name of each entry names the person."""
    by_person = defaultdict(list)
    for line, row in rows:
        by_person[row.names[0]].append((line, row))
    return by_person


def test_the_table_loads_through_the_registry(rows, known, people):
    assert len(rows) > 2500 and len(people) > 2000
    written = [e for e in known.entries.values() if any(r.source == "known" for r in e.roles)]
    assert len(written) == len(people)  # the rest come from the PETRARCH2 dictionaries


def test_no_office_is_listed_twice(rows):
    seen: dict[tuple[str, object], int] = {}
    for line, row in rows:
        key = (row.names[0], row.since)
        assert key not in seen, f"line {line} repeats line {seen[key]}"
        seen[key] = line


def test_every_office_ends_after_it_begins(rows):
    bad = [line for line, row in rows if row.since and row.until and row.since > row.until]
    assert bad == []


def test_every_sector_and_organisation_code_is_one_the_package_knows(rows):
    lexicon = Lexicon.load()
    orgs = {m.org for meanings in lexicon.names.values() for m in meanings if m.org}
    assert {row.sector for _, row in rows} <= set(lexicon.sectors)
    assert {row.org for _, row in rows if row.org} <= orgs


def test_each_person_is_an_entry_of_their_own_with_all_their_offices(known, people):
    for first, entries in people.items():
        entry = known.entries.get(name_key(first))
        assert entry is not None and len(entry.roles) == len(entries), first


def test_names_carry_no_honorifics_and_no_bare_surnames(rows):
    for line, row in rows:
        surnames = {name_key(n.split()[-1]) for n in row.names if len(n.split()) > 1}
        for name in row.names:
            assert name.split()[0].lower() not in HONORIFICS, (line, name)
            assert len(name.split()) > 1 or name_key(name) not in surnames, (line, name)


def test_one_persons_offices_in_two_countries_never_overlap(people):
    # Overlapping offices in two countries would read as namesakes, and not be coded.
    for first, entries in people.items():
        for (_, a), (_, b) in itertools.combinations(entries, 2):
            if a.country != b.country and a.since and b.since:
                assert (a.until and a.until < b.since) or (b.until and b.until < a.since), \
                    first


def test_heads_of_state_or_government_of_nearly_every_un_member(rows):
    countries = {row.country for _, row in rows
                 if row.title in HEAD_TITLES and row.country not in {"IGO", "IMG"}}
    assert len(countries) >= 190


@pytest.mark.parametrize(("name", "day", "expected"), [
    ("Bill Clinton", "1998-06-01", ("USA", "GOV", None, "president")),
    ("Putin", "2010-01-01", ("RUS", "GOV", None, "prime minister")),
    ("Putin", "2015-01-01", ("RUS", "GOV", None, "president")),
    ("Kofi Annan", "2003-03-01", ("IGO", "GOV", "UNO", "secretary-general")),
    ("Yoweri Museveni", "1995-06-01", ("UGA", "GOV", None, "president")),
    ("Aung San Suu Kyi", "2005-06-01", ("MMR", "OPP", None, "opposition leader")),
    ("Aung San Suu Kyi", "2018-01-01", ("MMR", "GOV", None, "state counsellor")),
    ("Moammar Gadhafi", "1986-04-15", ("LBY", "GOV", None, "leader")),
    ("Erdogan", "2012-01-01", ("TUR", "GOV", None, "prime minister")),
    ("Osama bin Laden", "2001-09-11", ("IMG", "REB", "AQD", "al-Qaeda leader")),
    ("Nasrallah", "2006-07-12", ("LBN", "REB", "HEZ", "Hezbollah secretary-general")),
    ("Stoltenberg", "2018-01-01", ("IGO", "GOV", "NAT", "secretary-general")),
    ("Guterres", "1999-01-01", ("PRT", "GOV", None, "prime minister")),
    ("Mandela", "1992-01-01", ("ZAF", "OPP", None, "ANC leader")),
    ("Khamenei", "1985-01-01", ("IRN", "GOV", None, "president")),
    ("Khamenei", "2000-01-01", ("IRN", "GOV", None, "supreme leader")),
    ("Pinochet", "1995-01-01", ("CHL", "MIL", None, "army commander")),
    ("Kim Jong-un", "2018-06-12", ("PRK", "GOV", None, "leader")),
    ("Francis", "2015-09-24", ("VAT", "REL", None, "pope")),
    ("Lula", "2005-01-01", ("BRA", "GOV", None, "president")),
])
def test_an_office_holder_is_found_by_the_date(known, name, day, expected):
    role = known.lookup(name, kind="person", day=day)
    assert (role.country, role.sector, role.org, role.title) == expected


def test_a_surname_two_presidents_share_goes_to_the_one_in_office(known):
    assert known.lookup("Bush", day="1991-01-17").since == "1989-01-20"
    assert known.lookup("Bush", day="2003-03-20").since == "2001-01-20"


def test_a_name_two_leaders_of_the_same_years_share_is_not_guessed(known):
    assert known.lookup("Hussein", day="1990-08-02") is None  # Saddam, King Hussein
    assert known.lookup("Saddam Hussein", day="1990-08-02").country == "IRQ"


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Kagame met Tshisekedi in Luanda on Tuesday to discuss the fighting in eastern Congo.",
     "2024-07-30", ("RWAGOV", "040", "CODGOV")),
    ("Ban Ki-moon urged Mahinda Rajapaksa to allow aid into the north.", "2009-04-20",
     ("IGOUNOGOV", "0255", "LKAGOV")),
    ("Erdogan criticised Netanyahu after the raid.", "2010-06-01",
     ("TURGOV", "111", "ISRGOV")),
])
def test_the_coder_places_both_sides_from_the_table(coder, text, date, expected):
    event = coder.code(text, date=date).events[0]
    assert (event.source.code, event.cameo, event.target.code) == expected
