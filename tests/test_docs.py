"""The documentation tells the truth: commands are documented, README commands exist."""

from __future__ import annotations

import re

from click.testing import CliRunner

from communique.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = sorted((ROOT / "docs").glob("*.md"))


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
    for text in [README, *(page.read_text(encoding="utf-8") for page in DOCS)]:
        for path in re.findall(r"`((?:examples|src|tools|benchmarks|docs)/[\w./-]+)`", text):
            assert (ROOT / path).exists(), path


def test_the_readme_is_short_and_its_links_resolve():
    assert len(README.splitlines()) <= 200
    for page in [ROOT / "README.md", *DOCS]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_licence_and_changelog_exist():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert (ROOT / "CHANGELOG.md").exists()
