"""The store commands start without spaCy: `--help`, sql, events, dyad, actors, export and
quotes --db import neither spaCy, the coder nor the tone lexicon (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys

import click

from communique.cli import COMMANDS, main
from communique.store import Store

from ..store.conftest import CHN, RUS, article, event, stored

CHECK = """
import json, sys
from click.testing import CliRunner
from communique.cli import main
db = sys.argv[1]
runs = [["--help"], ["sql", "--db", db, "SELECT count(*) FROM events"],
        ["events", "--db", db, "--dyad", "RUS", "CHN", "--type", "SUPPORT"],
        ["events", "--db", db, "--actor", "Russia"], ["dyad", "--db", db, "RUS", "CHN"],
        ["actors", "--db", db], ["export", "--db", db, "--format", "gdelt"],
        ["quotes", "--db", db, "--speaker", "putin"]]
report = []
for args in runs:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    heavy = sorted(m for m in sys.modules
                   if m.split(".")[0] in ("spacy", "thinc", "vaderSentiment")
                   or m == "communique.coder")
    report.append({"args": args[:1], "exit": result.exit_code, "out": len(result.output),
                   "heavy": heavy[:3]})
print(json.dumps(report))
"""


def test_store_commands_do_not_import_spacy(tmp_path):
    path = tmp_path / "store.duckdb"
    with Store.open(path, write=True) as store:
        store.write([stored(article("a1", "2026-02-02", [event(1, "051", RUS, CHN)]))])
    done = subprocess.run([sys.executable, "-c", CHECK, str(path)], capture_output=True,
                          text=True, check=True)
    report = json.loads(done.stdout)
    assert len(report) == 8
    for run in report:
        assert run["exit"] == 0 and run["out"] > 0, run
        assert run["heavy"] == [], run


def test_the_command_table_gives_each_command_its_own_help():
    ctx = click.Context(main)
    assert sorted(main.list_commands(ctx)) == sorted(COMMANDS)
    for name, (_, _, sentence) in COMMANDS.items():
        command = main.get_command(ctx, name)
        assert command.name == name
        stand_in = click.Command(name, help=sentence)
        for limit in (30, 45, 70, 200):
            assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit)


PACKAGE = """
import json, sys
import communique
before = sorted(m for m in sys.modules if m.split(".")[0] == "spacy" or m == "communique.coder")
coder_class = communique.Coder
from communique import Coder, Rejected
from communique.coder import Coder as Direct, Rejected as DirectRejected
try:
    communique.NoSuchThing
    missing = None
except AttributeError as error:
    missing = str(error)
print(json.dumps({"before": before[:3], "same": coder_class is Coder is Direct,
                  "rejected": Rejected is DirectRejected, "missing": missing,
                  "listed": sorted(set(communique.__all__) - set(dir(communique)))}))
"""


def test_the_package_gives_the_coder_when_asked_and_not_before():
    done = subprocess.run([sys.executable, "-c", PACKAGE], capture_output=True, text=True,
                          check=True)
    report = json.loads(done.stdout)
    assert report["before"] == []
    assert report["same"] and report["rejected"]
    assert report["missing"] == "module 'communique' has no attribute 'NoSuchThing'"
    assert set(report["listed"]) <= {"Coder", "Rejected"}
