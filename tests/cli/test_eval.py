"""`communique eval` prints the figures for a gold file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.cli import main

pytestmark = pytest.mark.model


def test_eval_prints_levels_and_types(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [
        {"id": "g1", "text": "Russian President Vladimir Putin praised China's leadership.",
         "events": [{"type": "SUPPORT", "source": [{"code": "RUS"}], "target": [{"code": "CHN"}]}]},
        {"id": "g2", "text": "Israeli troops shelled Palestinian positions near Rafah.",
         "events": [{"type": "ASSAULT", "source": [{"code": "ISR"}], "target": [{"code": "PSE"}]}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    result = CliRunner().invoke(main, ["eval", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "PLOVER type" in result.stdout and "CAMEO root" in result.stdout
    assert "SUPPORT" in result.stdout and "ASSAULT" in result.stdout
    as_json = CliRunner().invoke(main, ["eval", str(path), "--json"])
    figures = json.loads(as_json.stdout)
    assert figures["texts"] == 2 and figures["gold_events"] == 2
    assert figures["levels"]["type+source+target"]["tp"] == 2
