"""The actor registry: what articles teach, remembered with dates; users add and correct."""

from __future__ import annotations

import pytest

from communique.actors.registry import Registry, name_key
from communique.errors import TableError
from communique.records import Actor, Article, Event, EventActor, Span
from communique.tables.lexicon import fold_name


def article(date, *actors, events=()):
    return Article(id=date, date=date, actors=list(actors), events=list(events))


def person(name, country=None, sector=None, *, mentions=(), actor_id="A1", title=None):
    spans = [Span(0, len(m), m) for m in (mentions or [name])]
    return Actor(actor_id, name, "person", country, sector, title=title, mentions=spans)


def test_a_later_article_is_completed_by_what_an_earlier_one_taught():
    registry = Registry()
    registry.learn(article("2026-02-04", person("Yuri Ushakov", "RUS", "GOV",
                                                mentions=["adviser Yuri Ushakov", "Mr Ushakov"],
                                                title="adviser")))
    later = article("2026-03-01", person("Ushakov"), events=[Event(
        id="E1", sentence=0, source=EventActor("A1", "Ushakov", None, None, 0, 7),
        target=None, cameo="010", cameo_name="", goldstein=0, quad=0, plover_type=None,
        plover_mode=None, trigger=Span(8, 12, "said"))])
    assert registry.apply(later) == 1
    assert later.actors[0].code == "RUSGOV" and later.actors[0].title == "adviser"
    assert later.events[0].source.code == "RUSGOV"


def test_roles_are_coded_by_the_date_of_the_article():
    registry = Registry()
    registry.learn(article("2020-05-01", person("Ana Lopez", "MEX", "GOV")))
    registry.learn(article("2022-01-10", person("Ana Lopez", "MEX", "GOV")))
    registry.learn(article("2024-09-01", person("Ana Lopez", "MEX", "ELI")))
    assert registry.lookup("Ana Lopez", day="2021-06-01").sector == "GOV"
    assert registry.lookup("Lopez", day="2025-01-01").sector == "ELI"
    assert registry.lookup("Ana Lopez", day="2019-01-01").sector == "GOV"
    role = registry.lookup("Ana Lopez", day="2022-01-10")
    assert (role.since, role.until, role.articles) == ("2020-05-01", "2022-01-10", 2)


def test_corrections_win_over_what_was_learnt_but_not_over_the_text():
    registry = Registry()
    registry.learn(article("2026-01-01", person("Omar Haddad", "SYR", "MIL")))
    registry.add(["Omar Haddad"], country="LBN", sector="GOV", source="correction")
    assert registry.lookup("Haddad", day="2026-02-01").country == "LBN"
    told = article("2026-02-01", person("Omar Haddad", "SYR", None))
    registry.apply(told)
    assert told.actors[0].country == "SYR"  # the article says Syria
    assert told.actors[0].sector is None  # a Lebanese role does not fit a Syrian


def test_unknown_and_ambiguous_names_stay_unknown():
    registry = Registry()
    registry.learn(article("2026-01-01", person("John Kim", "KOR", "GOV")))
    registry.learn(article("2026-01-02", person("Jane Kim", "PRK", "GOV", actor_id="A2")))
    assert registry.lookup("Kim") is None  # two Kims
    assert registry.lookup("Nobody") is None
    vague = article("2026-01-03", Actor("A1", "Russian leader", "person", "RUS", "GOV"))
    assert registry.learn(vague) == 0  # a description teaches nothing about a name


def test_known_actors_from_a_file_and_line_numbered_errors(tmp_path):
    path = tmp_path / "known.yaml"
    path.write_text("actors:\n  - {names: [Yuri Ushakov], country: RUS, sector: GOV,\n"
                    "     title: presidential aide, since: 2012-05-21}\n")
    registry = Registry()
    assert registry.add_file(path) == 1
    assert registry.lookup("Ushakov", day="2026-01-01").title == "presidential aide"
    before = registry.lookup("Ushakov", day="2010-01-01")  # before the role was held
    assert (before.country, before.sector, before.title) == ("RUS", None, None)
    path.write_text("actors:\n  - {names: [X], country: XYZ}\n")
    with pytest.raises(TableError, match=r"known\.yaml:2:"):
        Registry().add_file(path)


def test_known_actors_are_found_by_the_lexicons_key(tmp_path):
    assert name_key("Mr. Recep Tayyip Erdoğan") == fold_name("Recep Tayyip Erdogan")
    path = tmp_path / "known.yaml"
    path.write_text("actors:\n  - {names: [Michelle O'Neill], country: GBR, sector: GOV,\n"
                    "     title: first minister, since: 2024-02-03}\n", encoding="utf-8")
    registry = Registry()
    registry.add_file(path)
    for written in ["Michelle O\u2019Neill", "Michelle ONeill", "MICHELLE O'NEILL"]:
        assert registry.lookup(written, day="2026-01-01").title == "first minister"


def test_the_registry_survives_saving(tmp_path):
    registry = Registry()
    registry.learn(article("2026-01-01", person("Yuri Ushakov", "RUS", "GOV")))
    registry.add(["CCTV"], country="CHN", sector="MED", kind="organization")
    path = tmp_path / "registry.json"
    registry.save(path)
    again = Registry.load(path)
    assert again.to_dict() == registry.to_dict()
    assert again.lookup("CCTV", kind="organization").sector == "MED"


def test_coding_in_one_run_remembers_with_the_real_model(coder):
    registry = Registry()
    records = [
        {"id": "1", "date": "2026-02-04", "text": "Russian President Vladimir Putin's foreign "
         "affairs adviser Yuri Ushakov briefed reporters after the summit."},
        {"id": "2", "date": "2026-02-10", "text": "Ushakov said Moscow was ready for talks."},
    ]
    _, second = coder.code_many(records, registry=registry)
    ushakov = next(a for a in second.actors if a.name == "Ushakov")
    assert ushakov.code == "RUSGOV"
    alone = coder.code(records[1]["text"], date="2026-02-10")
    assert next(a for a in alone.actors if a.name == "Ushakov").country is None
