"""The PETRARCH / TABARI dictionary readers and their conversion, on small fixtures
written for these tests (tests/tables/petrarch/), and on the real dictionaries where
../shared has them."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from communique.errors import TableError
from communique.tables import load_knowledge
from communique.tables.petrarch import (
    DatedCode,
    detect_format,
    iso_date,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
    regular_plural,
)
from communique.tables.petrarch_convert import (
    ActorCode,
    Converted,
    actor_code,
    agent_head,
    convert_actors,
    convert_agents,
    convert_verbs,
    display_name,
    org_sectors,
)
from communique.tables.petrarch_user import merge_patterns

from ..shared import SHARED, shared_file

FIXTURES = Path(__file__).parent / "petrarch"
SECTORS = {"GOV", "MIL", "OPP", "JUD", "REB", "AGR", "COP", "NGO", "ELI", "REF", "CVL"}


# -- reading -------------------------------------------------------------------------
def test_actor_records_keep_synonyms_and_date_restricted_codes():
    entries, skipped = read_actors(FIXTURES / "actors.txt")
    by_name = {e.names[0]: e for e in entries}
    kirchner = by_name["NESTOR KIRCHNER"]
    assert kirchner.names == ("NESTOR KIRCHNER", "NESTOR CARLOS KIRCHNER")
    assert kirchner.codes == (DatedCode("ARGGOV", "2003-05-25", "2007-12-10"),
                              DatedCode("ARGELI"))
    assert by_name["MARIA VORNEK"].codes == (
        DatedCode("ARGGOV", "2003-01-01", "2003-05-31"), DatedCode("ARGMIL", "2010-01-01"),
        DatedCode("ARGOPP", None, "1999-12-31"))
    assert by_name["ORLA MEEKINS"].codes == (DatedCode("IRLGOVJUD"),)
    assert by_name["TOVANI LIBERATION FRONT"].names == ("TOVANI LIBERATION FRONT", "TLF")
    # a seven-digit date is left out, counted, and the record's other codes kept
    assert by_name["BROKEN DATE PERSON"].codes == (DatedCode("ARGGOV", "2005-01-01",
                                                             "2005-12-31"),)
    assert skipped.counts == {"date restrictions that are not dates": 1}
    assert "actors.txt:" in skipped.summary()


@pytest.mark.parametrize(("text", "iso"), [("030101", "2003-01-01"), ("450703", "1945-07-03"),
                                           ("18970101", "1897-01-01")])
def test_six_and_eight_digit_dates(text, iso):
    assert iso_date(text) == iso


def test_agents_substitute_markers_and_make_plurals():
    entries, skipped = read_agents(FIXTURES / "agents.txt")
    phrases = {e.phrase: e for e in entries}
    assert {"DAIRYMAN", "DAIRYMEN", "DAIRYWOMAN", "DAIRYWOMEN"} <= set(phrases)
    assert phrases["TEA GROWER"].plurals == ("TEA GROWERS",)
    assert phrases["POLICE"].plurals == ()
    assert phrases["ATTORNEY GENERAL"].plurals == ("ATTORNEYS GENERAL",)
    assert phrases["RELIEF CHARITY"].before and phrases["RELIEF CHARITY"].code == "NGO"
    assert skipped.counts == {"agents with no [~CODE]": 1}


@pytest.mark.parametrize(("word", "plural"), [("FARMER", "FARMERS"), ("ARMY", "ARMIES"),
                                              ("BOSS", "BOSSES"), ("DAY", "DAYS")])
def test_regular_plurals(word, plural):
    assert regular_plural(word) == plural


def test_verb_blocks_synsets_forms_and_patterns():
    verbs = read_verbs(FIXTURES / "verbs.txt")
    assert verbs.synsets["&SNACK"] == ("BISCUIT", "WAFFLE")
    lavish, scold = verbs.blocks
    assert (lavish.name, lavish.code, scold.code) == ("LAVISH", "---", "111")
    assert [v.words for v in lavish.verbs] == [("LAVISH",), ("SHOWER",), ("HEAP", "ON"),
                                               ("WIRE", "TAP")]
    assert lavish.verbs[3].head == 1  # WIRE_+TAP: the verb is the second word
    assert [v.code for v in scold.verbs] == [None, "112"]
    first = lavish.patterns[0]
    assert (first.code, first.before, first.after[0].words) == ("051", (), ("PRAISE",))
    assert lavish.patterns[3].after[0].kind == "phrase"
    assert verbs.skipped.counts == {"transformations (verb-on-verb rules)": 1}


def test_discards():
    entries, _ = read_discards(FIXTURES / "discards.txt")
    assert [(d.phrase, d.story, d.whole_word) for d in entries] == [
        ("WORLD CUP", True, False), ("BADMINTON", False, False), ("CRICKET", False, True)]


@pytest.mark.parametrize(("name", "fmt"), [("actors.txt", "actors"), ("agents.txt", "agents"),
                                           ("verbs.txt", "verbs"), ("discards.txt", "discards")])
def test_the_format_is_told_by_name_or_by_content(tmp_path, name, fmt):
    assert detect_format(FIXTURES / name) == fmt
    anonymous = tmp_path / "mine.txt"
    anonymous.write_text((FIXTURES / name).read_text())
    assert detect_format(anonymous) == fmt
    yaml = tmp_path / "mine.dict"
    yaml.write_text("patterns:\n  - {code: '051', verbs: [extol]}\n")
    assert detect_format(yaml) is None


@pytest.mark.parametrize(("reader", "content", "line", "problem"), [
    (read_actors, "+SYNONYM_FIRST\n", 1, "before any actor's name"),
    (read_actors, "NAME_ [ARGGOV\n", 1, "unbalanced brackets"),
    (read_actors, "# c\n\n\t[ARGGOV]\n", 3, "code line before"),
    (read_agents, "FARMER [AGR]\n", 1, "no '~'"),
    (read_agents, "CATTLE!PERSON! [~AGR]\n", 1, "!PERSON! is not defined"),
    (read_verbs, "- * AID [070]\n", 1, "before any"),
    (read_verbs, "--- AID [070] ---\nAID\n- AID [070]\n", 3, "exactly one '*'"),
    (read_verbs, "--- AID [070] ---\nAID\n- * AID\n", 3, "no [CODE]"),
])
def test_errors_name_the_file_and_line(tmp_path, reader, content, line, problem):
    path = tmp_path / "bad.txt"
    path.write_text(content)
    with pytest.raises(TableError) as caught:
        reader(path)
    assert f"{path}:{line}" in str(caught.value) and problem in str(caught.value)


# -- converting ----------------------------------------------------------------------
@pytest.mark.parametrize(("code", "meaning"), [
    ("AFGGOVAGR", ActorCode("AFG", "GOV", None)),
    ("SYRREBMUS", ActorCode("SYR", "REB", None)),
    ("IGOUNOREFHCR", ActorCode("IGO", "REF", "UNO")),
    ("IGOWSTNAT", ActorCode("IGO", None, "NAT")),
    ("USRGOV", ActorCode("RUS", "GOV", None)),  # the Soviet Union, as countries.tsv codes it
    ("KSVMIL", ActorCode("KOS", "MIL", None)),
    ("IMGMUSALQ", ActorCode("IMG", "REL", None)),
])
def test_actor_codes_become_country_sector_and_org(code, meaning):
    assert actor_code(code, SECTORS) == meaning


@pytest.mark.parametrize("code", ["MEAGOV", "ELI", "GBRGIB", "---"])
def test_regions_places_and_null_codes_are_reasons(code):
    assert isinstance(actor_code(code, SECTORS), str)


def test_people_are_dated_roles_and_bodies_are_names():
    entries, _ = read_actors(FIXTURES / "actors.txt")
    out = Converted()
    convert_actors(entries, SECTORS, out, where="actors.txt", titles=["president"])
    kirchner = [p for p in out.people if p["names"][0] == "Nestor Kirchner"]
    assert [(p["country"], p["sector"], p["since"], p["until"]) for p in kirchner] == [
        ("ARG", "GOV", "2003-05-25", "2007-12-10"), ("ARG", "ELI", None, None)]
    names = {row["names"][0]: row for row in out.names}
    assert names["Tovani Liberation Front"]["names"] == ["Tovani Liberation Front", "TLF"]
    assert (names["Tovani Liberation Front"]["country"],
            names["Tovani Liberation Front"]["sector"]) == ("ARG", "REB")
    assert names["European Energy Agency"]["org"] == "EUR"
    assert "Argentina" not in names and "Gibraltar" not in names
    assert {"country names and places (countries.tsv and the gazetteer place them)",
            "codes of regions or of no known country (ELI, MEA, KKL, ...)"} \
        <= set(out.skipped.counts)


def test_an_international_body_without_a_sector_takes_its_orgs():
    """One body, one trade: an entry with no sector takes the one most entries of its
    org give; a family's code (UNO), a region's (WAF) and a body never given one lend none."""
    entries, _ = read_actors(FIXTURES / "org_sectors.txt")
    sectors = SECTORS | {"BUS", "ENV"}
    assert org_sectors(entries, sectors) == {"PXC": "BUS", "SSL": "AGR"}
    out = Converted()
    convert_actors(entries, sectors, out, where="org_sectors.txt")
    names = {row["names"][0]: row["sector"] for row in out.names}
    people = {row["names"][0]: row["sector"] for row in out.people}
    assert names["Petroleum Exporters Secretariat"] == "BUS"
    assert people["Tana Kello"] == "BUS"
    assert names["Savanna States League"] == "AGR"  # the most common of JUD, AGR, AGR
    assert names["Savanna States Court"] == "JUD"  # its own sector stands
    assert names["West African Lakes Forum"] is None
    assert names["United Nations Liaison Office"] is None
    assert names["Northern Defence Pact"] is None
    assert out.kept["codes of international bodies given their org's sector"] == 3


def test_org_sectors_are_decided_over_all_the_files_given():
    entries, _ = read_actors(FIXTURES / "org_sectors.txt")
    secretariat = [e for e in entries if "SECRETARIAT" in e.names[0]]
    out = Converted()
    convert_actors(secretariat, SECTORS | {"BUS"}, out, where="org_sectors.txt",
                   by_org=org_sectors(entries, SECTORS | {"BUS"}))
    assert out.names[0]["sector"] == "BUS"
    alone = Converted()
    convert_actors(secretariat, SECTORS | {"BUS"}, alone, where="org_sectors.txt")
    assert alone.names[0]["sector"] is None


def test_open_roles_close_at_the_dictionaries_end():
    entries, _ = read_actors(FIXTURES / "actors.txt")
    out = Converted()
    convert_actors(entries, SECTORS, out, where="actors.txt", open_until="2014-01-30")
    vornek = [(p["sector"], p["since"], p["until"]) for p in out.people
              if p["names"][0] == "Maria Vornek"]
    assert ("MIL", "2010-01-01", "2014-01-30") in vornek and ("OPP", None, "1999-12-31") in vornek


@pytest.mark.parametrize(("written", "shown"), [
    ("KOFI ANNAN", "Kofi Annan"), ("IAEA", "IAEA"), ("U.N.", "U.N."),
    ("ADEN ABYAN ISLAMIC ARMY (AAIA)", "Aden Abyan Islamic Army"),
    ("OMAR AL-BASHIR", "Omar al-Bashir"), ("SEAN O'BRIEN", "Sean O'Brien")])
def test_display_names(written, shown):
    assert display_name(written) == shown


def test_agents_become_role_words():
    entries, _ = read_agents(FIXTURES / "agents.txt")
    out = Converted()
    convert_agents(entries, SECTORS, out, where="agents.txt")
    roles = {r["role"]: r for r in out.roles}
    assert roles["dairyman"]["sector"] == "AGR" and roles["police"]["sector"] == "COP"
    assert roles["relief charity"]["sector"] == "NGO"


@pytest.mark.parametrize(("phrase", "head"), [
    ("vice foreign minister", "minister"), ("member of parliament", "member"),
    ("chief justice of the supreme court", "justice"), ("central bank", "bank")])
def test_the_head_of_an_agent_phrase(phrase, head):
    assert agent_head(phrase.split()) == head


def test_long_agent_phrases_are_converted_up_to_six_words(tmp_path):
    path = tmp_path / "Mine.agents.txt"
    path.write_text("CHIEF_JUSTICE_OF_THE_SUPREME_COURT [~JUD]\n"
                    "MINISTER_OF_STATE_FOR_THE_ENVIRONMENT_AND_TOURISM [~GOV]\n")
    entries, _ = read_agents(path)
    out = Converted()
    convert_agents(entries, SECTORS, out, where=path.name)
    assert [r["role"] for r in out.roles] == ["chief justice of the supreme court"]
    assert sum(out.skipped.counts.values()) == 1


def test_verb_patterns_become_trigger_entries_or_reasons():
    cameo = {c.code for c in load_knowledge().cameo}
    out = Converted()
    convert_verbs(read_verbs(FIXTURES / "verbs.txt"), cameo, out, where="verbs.txt")
    entries = [{k: v for k, v in p.items() if k != "origin"} for p in out.patterns]
    assert {"code": "051", "objects": ["praise"], "verbs": ["lavish", "shower", "heap on"]} \
        in entries
    assert {"code": "073", "objects": ["biscuit", "waffle"],
            "verbs": ["lavish", "shower", "heap on"]} in entries
    assert {"code": "071", "objects": ["gifts"],
            "verbs": ["lavish with", "shower with", "heap on with"]} in entries
    assert {"code": "190", "objects": ["fire"], "subjects": ["soldier", "troops"],
            "verbs": ["lavish with", "shower with", "heap on with"]} in entries
    assert {"code": "111", "verbs": ["scold"]} in entries  # the block's code
    assert {"code": "112", "verbs": ["berate"]} in entries  # the verb's own
    assert out.skipped.counts["verbs with words before the verb (WIRE_+TAP)"] == 1
    for reason in ("patterns with more than one phrase after the verb",
                   "patterns placing the source or target ($ + % ^)",
                   "patterns coding only the reverse direction ([:173])",
                   "patterns with the null code [---]"):
        assert out.skipped.counts[reason] == 1, reason
    warm = next(p for p in out.patterns if p.get("objects") == ["warm welcome"])
    assert warm["code"] == "042" and "reciprocal" not in warm
    merged = merge_patterns(out.patterns)
    assert len(merged) <= len(out.patterns)


PARTICLE_VERBS = """---  CLAMP   [---]  ---
CLAMP
CRACK
- * DOWN                                  [173]
- * ON                                    [020]
- * DOWN PROTEST                          [173]

---  BUILD   [---]  ---
BUILD
SET_UP
- * UP                                    [154]
"""


def test_a_lone_particle_after_the_verb_is_the_verbs(tmp_path):
    """"- * DOWN" is "clamp down", not "clamp" with the object "down"; a verb that ends in
    the particle already ("set up" under "- * UP") would be the bare verb, and is left
    out; "- * ON" names no object of its preposition."""
    path = tmp_path / "Mine.verbs.txt"
    path.write_text(PARTICLE_VERBS)
    cameo = {c.code for c in load_knowledge().cameo}
    out = Converted()
    convert_verbs(read_verbs(path), cameo, out, where=path.name)
    by_line = {int(p["origin"].rsplit(":", 1)[1]): p for p in out.patterns}
    assert by_line[4]["verbs"] == ["clamp down", "crack down"] and "objects" not in by_line[4]
    assert by_line[6] == {"code": "173", "verbs": ["clamp down", "crack down"],
                          "objects": ["protest"], "origin": f"{path.name}:6"}
    assert by_line[11]["verbs"] == ["build up"]
    assert {f"{path.name}:4", f"{path.name}:11"} == out.particle_patterns
    assert by_line[5]["verbs"] == ["clamp on", "crack on"]  # a pattern, but not a particle's
    import tools.make_petrarch_tables as tool

    original = tool.OUT
    try:
        tool.OUT = tmp_path
        tool.write_triggers(out.patterns, out.particle_patterns)
    finally:
        tool.OUT = original
    shipped = [json.loads(line) for line in
               (tmp_path / "verb_patterns.jsonl").read_text().splitlines()
               if line.startswith("{")]
    verbs = {v for entry in shipped for v in entry["verbs"]}
    assert "crack down" in verbs and "build up" in verbs
    assert "clamp on" not in verbs  # no object: left out as a bare preposition is


def test_a_shipped_particle_pattern_codes_on_a_real_sentence(coder):
    """"- * DOWN [173]" under TRACK: "tracked down" is an arrest; "- * ON [190]" under
    CAMPAIGN names no object, and "campaigned on" is no use of force."""
    article = coder.code("Kenyan police tracked down the suspected gunmen in Mombasa.",
                         date="2012-05-01")
    assert [(e.cameo, e.source.country, e.source.sector) for e in article.events] == [
        ("173", "KEN", "COP")]
    article = coder.code("The opposition party campaigned on a promise of lower taxes.",
                         date="2012-05-01")
    assert not any(e.cameo.startswith("19") for e in article.events)


# -- as user dictionaries --------------------------------------------------------------
def test_user_petrarch_dictionaries_feed_the_tables(caplog):
    paths = tuple(str(FIXTURES / n) for n in ("actors.txt", "agents.txt", "verbs.txt",
                                              "discards.txt"))
    with caplog.at_level(logging.WARNING, logger="communique.dictionaries"):
        knowledge = load_knowledge(paths)
    front = knowledge.lexicon.lookup("Tovani Liberation Front")[0]
    assert (front.country, front.sector) == ("ARG", "REB")
    assert knowledge.lexicon.role("dairyman").sector == "AGR"
    assert any(p.code == "071" for p in knowledge.grammar.verbs["shower"])
    assert knowledge.grammar.verbs["berate"][0].priority == 1
    assert "badminton" in knowledge.grammar.off_topic_cues
    # what cannot be said is said once per file, with counts and where
    warnings = [r.getMessage() for r in caplog.records]
    assert any("verbs.txt" in w and "left out" in w and "verbs.txt:" in w for w in warnings)


def test_user_dated_people_join_the_known_actors():
    from communique.actors.known import load_known_actors

    known = load_known_actors((str(FIXTURES / "actors.txt"),))
    assert known.lookup("Maria Vornek", day="2003-03-01").sector == "GOV"
    assert known.lookup("Maria Vornek", day="2012-03-01").sector == "MIL"
    assert known.lookup("Maria Vornek", day="1995-03-01").sector == "OPP"
    assert load_known_actors().find("Maria Vornek") is None  # the package's alone


# -- the package's tables --------------------------------------------------------------
def test_hand_written_people_win_and_dictionary_people_are_dated():
    from communique.actors.known import load_known_actors

    known = load_known_actors()
    putin = known.find("Vladimir Putin")
    assert putin is not None and {r.source for r in putin.roles} == {"known"}
    wardak = known.find("Abdul Rahim Wardak")  # Afghan defence minister, dictionaries only
    assert wardak.role_on("2008-06-01").country == "AFG"
    assert known.lookup("Abdul Rahim Wardak", day="1990-01-01") is None
    assert known.lookup("John Smith") is None  # no namesake from a 1970s cabinet


def test_the_shipped_tables_are_what_the_converter_writes():
    """The converter, rerun from ../shared, writes the tables the package carries."""
    source = shared_file(SHARED / "reference" / "petrarch2" / "LICENSE").parent
    import tools.make_petrarch_tables as tool

    shipped = {p.name: p.read_text(encoding="utf-8") for p in tool.OUT.iterdir()}
    original = tool.OUT
    try:
        tool.OUT = Path(__import__("tempfile").mkdtemp())
        tool.main(source)
        fresh = {p.name: p.read_text(encoding="utf-8") for p in tool.OUT.iterdir()}
    finally:
        tool.OUT = original
    assert fresh == shipped


def test_converted_patterns_leave_the_hand_written_verbs_alone(tmp_path):
    from communique.tables import CameoTable, EventGrammar
    from communique.tables.loader import read_yaml_list
    from communique.tables.patterns import PatternEntry

    cameo = CameoTable.load()
    hand = tmp_path / "triggers.yaml"
    hand.write_text("patterns:\n- {code: '111', verbs: [condemn]}\n"
                    "- {code: '1711', verbs: [confiscate], objects: [asset]}\n")
    converted = tmp_path / "verb_patterns.yaml"
    converted.write_text("patterns:\n- {code: '112', verbs: [condemn], objects: [attack]}\n"
                         "- {code: '1711', verbs: [confiscate], objects: [asset, weapon]}\n"
                         "- {code: '073', verbs: [airdrop], objects: [food]}\n")
    grammar = EventGrammar.load(cameo, triggers=hand)
    grammar.add_patterns(read_yaml_list(converted, PatternEntry, key="patterns"), converted,
                         cameo, new_heads_only=True)
    assert [p.code for p in grammar.verbs["condemn"]] == ["111"]  # takes anything: closed
    assert [sorted(p.objects) for p in grammar.verbs["confiscate"]] == [["asset"], ["weapon"]]
    assert grammar.verbs["airdrop"][0].code == "073"  # a verb the table lacks
