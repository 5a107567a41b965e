"""The documentation tells the truth: commands are documented, README commands exist."""

from __future__ import annotations

import re

from click.testing import CliRunner

from communique.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_has_help_and_a_readme_row():
    for name, command in main.commands.items():
        assert command.help, name
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert f"`communique {name}`" in README, f"README does not document {name}"


def test_the_readme_gives_the_two_commands_ci_runs():
    for marker in ("setup-command", "test-command"):
        match = re.search(rf"<!-- {marker} -->\n```sh\n(.+)\n```", README)
        assert match, marker
    ci = (ROOT / ".ci" / "run").read_text()
    assert "setup-command" in ci and "test-command" in ci


def test_readme_files_exist():
    for path in re.findall(r"`((?:examples|src|tools|benchmarks)/[\w./-]+)`", README):
        assert (ROOT / path).exists(), path
