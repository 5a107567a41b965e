"""POST /code and POST /ingest with the real model: real news in, records and stored
events out; bad articles reported one by one, the rest kept."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app

from ..conftest import ROOT
from .conftest import TOKEN, error_of

EXAMPLES = [json.loads(line) for line in
            (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def server(coder, tmp_path_factory):
    """A server with a token over a new store, coding with the session's model."""
    path = tmp_path_factory.mktemp("coding") / "news.duckdb"
    with TestClient(create_app(path, token=TOKEN, coder=coder)) as test_client:
        yield test_client


def auth() -> dict:
    return {"authorization": f"Bearer {TOKEN}"}


def test_code_returns_the_record_of_a_text(server):
    text = (ROOT / "examples" / "demo-article.txt").read_text(encoding="utf-8")
    response = server.post("/code", json={"text": text, "date": "2026-03-11", "id": "demo"})
    assert response.status_code == 200
    record = response.json()
    assert record["id"] == "demo" and "text" not in record
    codes = {a["code"] for a in record["actors"]}
    assert {"TURGOV", "GRCGOV"} <= codes
    sides = {(e["source"]["country"], e["target"]["country"]) for e in record["events"]
             if e["source"] and e["target"]}
    assert ("TUR", "GRC") in sides or ("GRC", "TUR") in sides
    assert any(q["speaker"] and "Fidan" in q["speaker"]["name"] for q in record["quotes"])
    assert any(e["date"] == "2026-03-10" for e in record["events"])  # "on Tuesday"


@pytest.mark.parametrize("body, status, code", [
    ({"text": "   "}, 400, "E004"),
    ({"text": "Les deux pays ont signé un accord de coopération économique à Paris. " * 8},
     422, "E010"),
    ({"text": "Japan praised Korea.", "date": "March 2026"}, 400, "E011"),
    ({"text": "a " * 500_001}, 413, "E009"),
    ({"text": "Japan praised Korea.", "lang": "en"}, 400, "E030"),
    ({"text": 42}, 400, "E030"),
])
def test_code_refuses_what_it_cannot_code_with_the_reason(server, body, status, code):
    response = server.post("/code", json=body)
    assert response.status_code == status
    assert error_of(response)["code"] == code


def test_ingest_stores_the_good_articles_and_reports_the_bad(server):
    articles = [*EXAMPLES, {"id": "empty", "text": ""}, {"id": "no-text", "title": "?"},
                {"id": "odd", "text": "Japan praised Korea.", "author": "X"}]
    response = server.post("/ingest", json={"articles": articles}, headers=auth())
    assert response.status_code == 200
    result = response.json()
    assert result["coded"] == len(EXAMPLES) and result["events"] > 0
    skipped = {s["where"]: s for s in result["skipped_articles"]}
    n = len(EXAMPLES)
    assert skipped[f"articles[{n}]"]["code"] == "E004"
    assert skipped[f"articles[{n + 1}]"]["code"] == "E008"
    assert skipped[f"articles[{n + 2}]"]["code"] == "E012"
    assert skipped[f"articles[{n + 2}]"]["id"] == "odd"
    # what was stored is served at once
    stored = server.get("/events", params={"article": "wire-002"}).json()
    assert stored["total"] > 0
    assert {r["source_country"] for r in stored["rows"]} >= {"SDN"}
    assert server.get("/articles/wire-001").json()["title"] == EXAMPLES[0]["title"]
    # the same articles again: nothing to code
    again = server.post("/ingest", json={"articles": EXAMPLES}, headers=auth()).json()
    assert again["coded"] == 0 and again["unchanged"] == len(EXAMPLES)


def test_ingest_needs_at_least_one_article(server):
    response = server.post("/ingest", json={"articles": []}, headers=auth())
    assert response.status_code == 400 and "'articles'" in error_of(response)["message"]


def test_code_explains_its_events_on_demand(server):
    body = {"text": "If Russia invades Ukraine, NATO will respond. "
                    "Police arrested 12 protesters in Tehran."}
    plain = server.post("/code", json=body).json()
    assert "dropped" not in plain and all("rules" not in e for e in plain["events"])
    explained = server.post("/code", params={"explain": "true"}, json=body).json()
    assert explained["events"] and all(e["rules"] for e in explained["events"])
    assert any(d["dropped_by"] == "hypothetical" for d in explained["dropped"])


def test_an_articles_tone_is_in_its_record_coded_and_stored(server):
    example = EXAMPLES[0]
    coded = server.post("/code", json={"text": example["text"], "date": example.get("date"),
                                       "id": "tone-check"}).json()
    assert isinstance(coded["tone"], float) and -10 <= coded["tone"] <= 10
    assert coded["tone_method"].startswith("vader-")
    server.post("/ingest", json={"articles": [example]}, headers=auth())
    stored = server.get(f"/articles/{example['id']}").json()
    assert (stored["tone"], stored["tone_method"]) == (coded["tone"], coded["tone_method"])
    listed = server.get("/articles", params={"search": example["title"]}).json()["rows"]
    assert [row["tone"] for row in listed if row["article_id"] == example["id"]] == \
        [coded["tone"]]
