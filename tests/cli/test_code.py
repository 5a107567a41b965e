"""`communique code` on real files with the real model: JSONL out, errors reported."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.cli import main

from ..conftest import ROOT

pytestmark = pytest.mark.model
DEMO = ROOT / "examples" / "demo-article.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_a_text_file_gives_one_record_with_the_date_passed_through():
    result = run("code", str(DEMO), "--date", "2026-03-11")
    assert result.exit_code == 0, result.output
    [line] = result.stdout.strip().splitlines()
    record = json.loads(line)
    assert record["id"] == "demo-article" and record["date"] == "2026-03-11"
    assert any(e["cameo"].startswith("04") for e in record["events"])
    assert "text" not in record


def test_jsonl_in_jsonl_out_in_order_with_bad_lines_reported(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "x1", "date": "2026-01-05", "text": "Israel and Egypt held talks in Cairo."}\n'
        'not json\n'
        '{"id": "x2", "text": ""}\n'
        '{"id": "x3", "text": "Police arrested 12 protesters in Tehran."}\n')
    out = tmp_path / "out.jsonl"
    result = run("code", str(path), "-o", str(out))
    assert result.exit_code == 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["x1", "x3"]
    assert records[0]["date"] == "2026-01-05" and records[1]["date"] is None
    assert f"{path}:2" in result.stderr and "E007" in result.stderr
    assert f"{path}:3" in result.stderr and "E004" in result.stderr


def test_pretty_prints_actors_and_event_lines():
    result = run("code", str(DEMO), "--date", "2026-03-11", "--pretty")
    assert result.exit_code == 0
    assert "Actors" in result.stdout and "Events" in result.stdout
    assert "TURGOV" in result.stdout


def test_standard_input_and_a_bad_date():
    result = run("code", "-", "--date", "2026-02-04",
                 input="Russian President Vladimir Putin praised China on Wednesday.")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["date"] == "2026-02-04"
    assert record["events"][0]["source"]["code"] == "RUSGOV"
    bad = run("code", "-", "--date", "yesterday", input="text")
    assert bad.exit_code == 2 and "E011" in bad.stderr and "Traceback" not in bad.output


def test_a_bad_dictionary_is_a_clear_error(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("patterns:\n  - {code: '051'}\n")
    result = run("code", str(DEMO), "--dictionary", str(path))
    assert result.exit_code == 2
    assert f"{path}:2" in result.stderr and "needs verbs or nouns" in result.stderr


def test_a_huge_and_a_binary_article_are_skipped_not_fatal(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("The army attacked the town. " * 200_000)  # 5.6 MB
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    result = run("code", str(big), str(binary), str(DEMO))
    assert result.exit_code == 1
    assert "E009" in result.stderr and "E006" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def test_a_registry_file_carries_actors_to_the_next_run(tmp_path):
    registry = tmp_path / "registry.json"
    first = tmp_path / "first.txt"
    first.write_text("Russian President Vladimir Putin's foreign affairs adviser Yuri Ushakov "
                     "briefed reporters after the summit.")
    second = tmp_path / "second.txt"
    second.write_text("Ushakov said Moscow was ready for talks with Washington.")
    assert run("code", str(first), "--date", "2026-02-04", "--registry", str(registry)
               ).exit_code == 0
    result = run("code", str(second), "--date", "2026-02-10", "--registry", str(registry))
    record = json.loads(result.stdout)
    assert next(a for a in record["actors"] if a["name"] == "Ushakov")["code"] == "RUSGOV"
    alone = json.loads(run("code", str(second), "--no-learn").stdout)
    assert next(a for a in alone["actors"] if a["name"] == "Ushakov")["code"] is None
    # --no-learn with a registry: what it knows is used, nothing new is remembered
    kept = registry.read_text()
    third = tmp_path / "third.txt"
    third.write_text("Kenyan Foreign Minister Amina Wekesa's spokesman Otieno Barasa said "
                     "the talks went well.")
    used = run("code", str(second), str(third), "--date", "2026-02-11", "--registry",
               str(registry), "--no-learn")
    first_record = json.loads(used.stdout.splitlines()[0])
    assert next(a for a in first_record["actors"] if a["name"] == "Ushakov")["code"] == "RUSGOV"
    assert registry.read_text() == kept


def test_explain_gives_each_event_its_rules_and_lists_dropped_drafts():
    text = "If Russia invades Ukraine, NATO will respond. Police arrested 12 protesters in Tehran."
    result = run("code", "-", "--explain", input=text)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    [event] = record["events"]
    assert event["rules"][0] == "pattern-verb-173" and "target-of-action" in event["rules"]
    assert {"code": "190", "dropped_by": "hypothetical"}.items() <= next(
        d for d in record["dropped"] if d["trigger"]["text"] == "invades").items()
    pretty = run("code", "-", "--explain", "--pretty", input=text)
    assert "rules: pattern-verb-173" in pretty.stdout
    assert "Dropped drafts" in pretty.stdout and "dropped by hypothetical" in pretty.stdout


def test_no_statements_leaves_cameo_01_out():
    text = ("Moscow denied any involvement in the poisoning. Police arrested 12 protesters. "
            "Kenyan President William Ruto said the economy was recovering.")
    coded = json.loads(run("code", "-", input=text).stdout)
    assert {"016", "010"} <= {e["cameo"] for e in coded["events"]}
    left_out = json.loads(run("code", "-", "--no-statements", input=text).stdout)
    assert left_out["events"] and not any(e["cameo"].startswith("01")
                                          for e in left_out["events"])


def test_a_dateline_that_dates_the_article_is_said_in_the_pretty_view_and_help(tmp_path):
    path = tmp_path / "ankara.txt"
    path.write_text("ANKARA, March 11 (Reuters) - Turkey accused Greece on Monday of "
                    "violating its airspace over the Aegean.")
    result = run("code", str(path), "--date", "2024-05-02", "--pretty")
    assert result.exit_code == 0, result.output
    assert "dated by its dateline: 2024-03-11" in result.stdout
    assert "2024-03-11" in result.stdout.split("Events")[1]  # "on Monday" read from it
    assert "warning" not in result.stderr
    plain = run("code", str(DEMO), "--date", "2026-03-11", "--pretty")
    assert "dateline" not in plain.stdout
    assert "dateline" in " ".join(run("code", "--help").stdout.split())


def test_an_undated_text_file_gets_one_warning_and_the_same_records(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Turkey accused Greece on Monday of violating its airspace.")
    result = run("code", str(path))
    assert result.exit_code == 0, result.output
    assert "warning: 1 article had no date (undated)" in result.stderr
    assert "--date" in result.stderr
    record = json.loads(result.stdout)
    assert record["date"] is None and record["events"]
    dated = run("code", str(path), "--date", "2024-05-02")
    assert "warning" not in dated.stderr
    assert json.loads(dated.stdout)["events"][0]["date"] is not None
