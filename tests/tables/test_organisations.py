"""The organisations table: armed groups, parties, media, agencies, banks and firms resolve
through the lexicon to their country, sector and code, each name to one meaning."""

from __future__ import annotations

import pytest

from communique.tables.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.load()


@pytest.mark.parametrize(("name", "expected"), [
    ("Hayat Tahrir al-Sham", ("SYR", "REB", "HTS")),
    ("AQAP", ("YEM", "REB", "AQAP")),
    ("Islamic State Khorasan", ("AFG", "REB", "ISK")),
    ("Tehrik-i-Taliban Pakistan", ("PAK", "REB", "TTP")),
    ("FARC", ("COL", "REB", "FARC")),
    ("Qassam Brigades", ("PSE", "REB", "HMS")),
    ("Sinaloa Cartel", ("MEX", "CRM", None)),
    ("Revolutionary Guards", ("IRN", "MIL", "IRGC")),
    ("MI6", ("GBR", "SPY", None)),
    ("Inter-Services Intelligence", ("PAK", "SPY", None)),
    ("Bharatiya Janata Party", ("IND", "PTY", None)),
    ("ZANU-PF", ("ZWE", "PTY", None)),
    ("Reuters", ("GBR", "MED", None)),
    ("UNRWA", ("IGO", "REF", "UNO")),
    ("OPCW", ("IGO", None, "OPCW")),
    ("Norwegian Refugee Council", ("NGO", "REF", "NRC")),
    ("B'Tselem", ("ISR", "HRI", None)),
    ("Bank of England", ("GBR", "GOV", None)),
    ("Saudi Aramco", ("SAU", "BUS", None)),
])
def test_a_name_resolves_to_its_organisation(lexicon, name, expected):
    meaning = lexicon.lookup(name)[0]
    assert (meaning.country, meaning.sector, meaning.org) == expected


def test_no_organisation_name_has_two_meanings(lexicon):
    clashes = {key: meanings for key, meanings in lexicon.names.items()
               if len({(m.country, m.sector, m.org) for m in meanings
                       if m.kind in {"organization", "group", "place-as-government"}}) > 1}
    assert clashes == {}


def test_short_forms_that_are_words_match_only_as_written(lexicon):
    assert lexicon.accepts_case("ice", "ICE") and not lexicon.accepts_case("ice", "Ice")
    assert lexicon.lookup("Let") == []  # Lashkar-e-Taiba is not listed as "LeT"


@pytest.mark.parametrize(("text", "expected"), [
    ("Reuters reported that Hayat Tahrir al-Sham fighters attacked Aleppo.",
     {"Reuters": "GBRMED", "Hayat Tahrir al-Sham": "SYRREB"}),
    ("Mossad and the ISI denied the report.",
     {"Mossad": "ISRSPY", "Inter-Services Intelligence": "PAKSPY"}),
])
def test_the_coder_codes_organisations_from_the_table(coder, text, expected):
    actors = {a.name: a.code for a in coder.code(text, date="2024-11-29").actors}
    assert {name: actors.get(name) for name in expected} == expected
