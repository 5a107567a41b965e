"""The means of violence (`events/means.py`): conventional military means used by a state or
an armed group are CAMEO 19, coded by the means; the weapon's owner is the doer."""

from __future__ import annotations

import pytest

from communique.errors import TableError
from communique.events.arguments import Arg
from communique.events.means import Means, conventional_doers
from communique.tables import load_knowledge
from communique.tables.cameo import PLOVER_MODES
from communique.tables.loader import package_file
from communique.tables.patterns import EventGrammar


def side(country, sector=None, *, kind=None, actor=None, state=False):
    return Arg(actor, "x", country, sector, None, 0, 1, 0, state=state, kind=kind)


def test_every_means_codes_conventional_force_of_its_own_mode():
    knowledge = load_knowledge()
    grammar, cameo = knowledge.grammar, knowledge.cameo
    assert grammar.means_codes
    for mode, code in grammar.means_codes.items():
        assert cameo[code].root == "19" and cameo[code].plover_type == "ASSAULT"
        assert mode in PLOVER_MODES["ASSAULT"]
    assert all(cameo[code].root in {"18", "19"} for code in grammar.means_recoded)
    assert "186" not in grammar.means_recoded  # an assassination stays one


def test_a_means_of_an_unknown_mode_is_refused(tmp_path):
    text = package_file("grammar.yaml").read_text(encoding="utf-8")
    path = tmp_path / "grammar.yaml"
    path.write_text(text.replace('  aerial: "195"', '  laser: "195"'), encoding="utf-8")
    with pytest.raises(TableError, match="means_codes: laser"):
        EventGrammar.load(load_knowledge().cameo, grammar=path)


@pytest.mark.parametrize(("sources", "wielded", "expected"), [
    ([side("ISR", "MIL", kind="group", actor="A1")], False, True),  # Israeli troops
    ([side("RUS", kind="country", actor="A1", state=True)], False, True),  # Russia
    ([side("YEM", "REB", kind="organization", actor="A2")], False, True),  # the Houthis
    ([side("USA")], True, True),  # "a US drone": the country its words name
    ([side("USA")], False, False),  # "US men ... with guns": not the state's
    ([side("NGA", "UAF", kind="group", actor="A1")], False, False),  # gunmen
    ([side("KEN", "COP", kind="group", actor="A1")], False, False),  # police
    ([side("SOM", "UAF", kind="unidentified")], True, False),  # unnamed attackers
    ([], True, False),
])
def test_conventional_doers_are_states_and_armed_groups(sources, wielded, expected):
    means = Means("aerial", "195", None, wielded)
    assert conventional_doers(sources, means) is expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "mode", "rules"), [
    ("A US drone strike on a compound in Somalia killed four al-Shabaab fighters.", "1952",
     "drone", ["owner-of-weapon", "means-drone"]),
    ("Syrian warplanes pounded rebel-held villages in Idlib province.", "195", "aerial",
     ["pattern-verb-194", "means-aerial"]),
    ("Pakistani troops killed six militants in a gunfight in North Waziristan.", "193",
     "firearms", ["pattern-verb-1823", "means-firearms"]),
])
def test_the_means_recodes_with_its_mode_and_leaves_a_trace(coder, text, code, mode, rules):
    article = coder.code(text, date="2026-03-15", explain=True)
    assert [e.cameo for e in article.events] == [code]
    event = article.events[0]
    assert event.plover_type == "ASSAULT" and event.plover_mode == mode
    positions = [event.rules.index(rule) for rule in rules]
    assert positions == sorted(positions)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A suicide bomber killed 12 people at a market in Mogadishu.",  # not an aircraft
    "Police shot dead two protesters with rubber bullets in Nairobi.",  # not armed forces
    "Gunmen killed five villagers in Zamfara state.",  # no means, no named group
])
def test_unconventional_violence_stays_root_18(coder, text):
    article = coder.code(text, date="2026-03-15", explain=True)
    assert article.events and all(e.cameo.startswith("18") for e in article.events)
    assert not any(rule.startswith("means-") for e in article.events for rule in e.rules)
