"""The package's own tables load, and say what CAMEO, PLOVER and the lexicon say."""

from __future__ import annotations

import pytest

from communique.tables import load_knowledge
from communique.tables.cameo import PLOVER_MODES


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def test_every_root_and_its_plover_type(knowledge):
    cameo = knowledge.cameo
    assert cameo["051"].name == "Praise or endorse"
    assert cameo["051"].goldstein == 3.4 and cameo["051"].quad == 1
    assert cameo["01"].plover_type is None
    assert cameo["020"].plover_type == "REQUEST"
    assert cameo["0841"].plover_type == "RETREAT" and cameo["0841"].plover_mode == "release"
    assert cameo["041"].plover_mode == "phone"
    assert cameo["163"].plover_type == "SANCTION"
    assert cameo["195"].plover_type == "ASSAULT"
    for code in cameo:
        if code.plover_mode:
            assert code.plover_mode in PLOVER_MODES[code.plover_type]


def test_every_pattern_codes_a_known_code(knowledge):
    cameo = knowledge.cameo
    patterns = [p for index in (knowledge.grammar.verbs, knowledge.grammar.nouns)
                for ps in index.values() for p in ps]
    assert len(patterns) > 1000
    assert all(p.code in cameo for p in patterns)
    roots = {p.code[:2] for p in patterns}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


@pytest.mark.parametrize(("frame", "action", "expected"), [
    ("intent", "042", "036"),  # will visit: intent to meet
    ("intent", "0871", "0356"),  # agree to a ceasefire
    ("intent", "190", "1384"),  # vow to attack: a threat
    ("appeal", "04", "026"),  # call for talks
    ("demand", "0841", "1053"),  # demand the release of
    ("reject", "040", "125"),  # refuse to meet
    ("reject", "087", "1246"),  # refuse to lay down arms
    ("threaten", "161", "1313"),  # threaten to break relations
    ("threaten", "057", None),  # no threat form: the frame's own code is used
])
def test_frames_turn_an_action_into_their_own_code(knowledge, frame, action, expected):
    assert knowledge.grammar.frame_code(frame, action) == expected


@pytest.mark.parametrize(("name", "kind", "country"), [
    ("Russia", "country", "RUS"), ("Russian Federation", "country", "RUS"),
    ("Chinese", "demonym", "CHN"), ("Moscow", "capital", "RUS"),
    ("Kremlin", "place-as-government", "RUS"), ("United Nations", "organization", "IGO"),
    ("U.S.", "country", "USA"), ("Ivory Coast", "country", "CIV"),
])
def test_the_lexicon_knows_names(knowledge, name, kind, country):
    meanings = knowledge.lexicon.lookup(name)
    assert any(m.kind == kind and m.country == country for m in meanings), meanings


def test_names_match_only_as_names(knowledge):
    lexicon = knowledge.lexicon
    assert lexicon.accepts_case("us", "US") and not lexicon.accepts_case("us", "us")
    assert lexicon.accepts_case("turkey", "Turkey")
    assert lexicon.accepts_case("turkey", "TURKEY")
    assert not lexicon.accepts_case("turkey", "turkey")
    assert not lexicon.accepts_case("who", "who")


def test_roles_code_sectors(knowledge):
    roles = knowledge.lexicon.roles
    assert roles["president"].sector == "GOV" and roles["president"].leader
    assert roles["foreign minister"].sector == "GOV"
    assert roles["troop"].sector == "MIL"
    assert roles["police"].sector == "COP"
    assert roles["broadcaster"].sector == "MED"
    assert roles["rebel"].sector == "REB"
    assert roles["protester"].sector == "CVL"
    assert roles["spokesman"].sector is None  # whose spokesman decides
