"""The reading endpoints: events, articles, dyads, actors, overview, the OpenAPI document."""

from __future__ import annotations

import pytest

from .conftest import RUS, TOKEN, article, error_of, stored


def keys(body):
    return {(r["article_id"], r["event_id"]) for r in body["rows"]}


@pytest.mark.parametrize("query, expected", [
    ({}, {("a1", "E1"), ("a1", "E2"), ("a2", "E1"), ("a2", "E2"), ("wire/2026/a3", "E1"),
          ("wire/2026/a3", "E2")}),
    ({"actor": "RUSMIL"}, {("a1", "E2")}),
    ({"actor": "chinese gov"}, {("a2", "E1")}),
    ({"dyad": "CHN,RUS"}, {("a1", "E1"), ("a2", "E1"), ("a2", "E2"), ("wire/2026/a3", "E1"),
                           ("wire/2026/a3", "E2")}),
    ({"dyad": "chn, rus", "directed": "true"}, {("a2", "E2"), ("wire/2026/a3", "E1"),
                                                ("wire/2026/a3", "E2")}),
    ({"type": "SUPPORT"}, {("a1", "E1"), ("a2", "E1")}),
    ({"cameo": "19"}, {("a1", "E2")}),
    ({"since": "2026-02-03", "until": "2026-03-20"}, {("a2", "E1"), ("a2", "E2"),
                                                      ("wire/2026/a3", "E1")}),
    ({"article": "wire/2026/a3"}, {("wire/2026/a3", "E1"), ("wire/2026/a3", "E2")}),
])
def test_events_are_filtered_like_the_command(client, query, expected):
    response = client.get("/events", params=query)
    assert response.status_code == 200
    body = response.json()
    assert keys(body) == expected
    assert body["total"] == len(expected)


def test_events_come_in_pages_newest_first_with_their_article(client):
    first = client.get("/events", params={"limit": 4}).json()
    assert first["total"] == 6 and first["limit"] == 4 and first["next_offset"] == 4
    dates = [r["date"] for r in first["rows"]]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2026-03-21"
    assert first["rows"][0]["article_title"] == "Title of wire/2026/a3"
    second = client.get("/events", params={"limit": 4, "offset": 4}).json()
    assert len(second["rows"]) == 2 and second["next_offset"] is None
    assert not keys(first) & keys(second)
    negated = [r for r in first["rows"] + second["rows"] if r["negated"]]
    assert [(r["article_id"], r["cameo"]) for r in negated] == [("a2", "042")]


@pytest.mark.parametrize("query, parameter", [
    ({"dyad": "CHN"}, "dyad"),
    ({"dyad": "CHN,R1"}, "dyad"),
    ({"type": "HUG"}, "type"),
    ({"cameo": "x9"}, "cameo"),
    ({"since": "2026-02-30"}, "since"),
    ({"until": "tomorrow"}, "until"),
    ({"limit": "0"}, "limit"),
    ({"limit": "5000"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"limit": "ten"}, "limit"),
    ({"directed": "perhaps"}, "directed"),
])
def test_a_bad_filter_is_a_400_naming_the_parameter(client, query, parameter):
    response = client.get("/events", params=query)
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "E030"
    assert f"parameter '{parameter}'" in error["message"]
    assert "openapi.json" in error["fix"]


def test_an_article_is_its_whole_record_with_text(client):
    response = client.get("/articles/a1")
    assert response.status_code == 200
    record = response.json()
    assert record["text"].startswith("Russia praised China")
    assert [a["code"] for a in record["actors"]] == ["RUS", "CHN", "RUSGOV"]
    assert record["actors"][2]["mentions"] == [{"start": 32, "end": 37, "text": "Putin"}]
    assessed = record["events"][1]
    assert assessed["plover"]["type"] == "ASSAULT" and assessed["quad"] == 4
    assert assessed["location"]["name"] == "Kharkiv"
    assert record["quotes"][0]["speaker"] == {"actor": "A3", "name": "Vladimir Putin"}
    assert record["quotes"][0]["parts"] == [[45, 53]]  # kept by the store, as coded
    # the offsets point into the text
    for actor in record["actors"]:
        for mention in actor["mentions"]:
            assert record["text"][mention["start"]:mention["end"]] == mention["text"]


def test_an_article_id_may_hold_slashes_and_a_missing_one_is_a_404(client):
    assert client.get("/articles/wire/2026/a3").json()["id"] == "wire/2026/a3"
    assert client.get("/articles/wire%2F2026%2Fa3").json()["id"] == "wire/2026/a3"
    response = client.get("/articles/a9")
    assert response.status_code == 404
    error = error_of(response)
    assert error["code"] == "E034" and "'a9'" in error["message"]


def test_a_dyad_timeline_counts_quad_classes_and_goldstein_per_period(client):
    body = client.get("/dyads/chn/RUS").json()
    assert (body["first"], body["second"], body["period"], body["directed"]) == (
        "CHN", "RUS", "week", False)
    weeks = {r["period"]: r for r in body["rows"]}
    assert set(weeks) == {"2026-02-02", "2026-03-16"}
    # the negated visit of 2026-02-03 is not counted
    assert weeks["2026-02-02"]["events"] == 2 and weeks["2026-02-02"]["verbal_cooperation"] == 2
    assert weeks["2026-03-16"]["verbal_conflict"] == 1
    # the agreement dated 2026-03-21 in an article of 2026-03-20 is a plan: left out
    assert weeks["2026-03-16"]["material_cooperation"] == 0
    assert weeks["2026-03-16"]["goldstein"] == -2.0
    planned = client.get("/dyads/CHN/RUS", params={"planned": "true"}).json()
    week = {r["period"]: r for r in planned["rows"]}["2026-03-16"]
    assert (planned["planned"], week["planned"], week["events"]) == (True, 1, 1)
    assert week["material_cooperation"] == 0 and week["goldstein"] == -2.0
    months = client.get("/dyads/CHN/RUS", params={"period": "month"}).json()["rows"]
    assert [m["period"] for m in months] == ["2026-02-01", "2026-03-01"]
    directed = client.get("/dyads/RUS/CHN", params={"directed": "true"}).json()["rows"]
    assert sum(r["events"] for r in directed) == 2


def test_a_dyad_with_a_bad_code_or_period_is_a_400(client):
    response = client.get("/dyads/CHN/12")
    assert response.status_code == 400
    assert "actor code in the path" in error_of(response)["message"]
    response = client.get("/dyads/CHN/RUS", params={"period": "fortnight"})
    assert response.status_code == 400 and "'period'" in error_of(response)["message"]


def test_actors_are_ranked_and_searched(client):
    ranked = client.get("/actors").json()
    assert [r["code"] for r in ranked["rows"][:2]] == ["RUS", "CHN"]
    assert ranked["rows"][0]["events"] == 4  # negated events are not counted
    found = client.get("/actors", params={"q": "rus"}).json()
    assert {r["code"] for r in found["rows"]} == {"RUS", "RUSMIL"}
    by_name = client.get("/actors", params={"q": "chinese", "by": "name"}).json()
    assert [(r["name"], r["code"]) for r in by_name["rows"]] == [("Chinese government",
                                                                  "CHNGOV")]


def test_the_overview_says_what_the_store_holds_and_what_filters_take(client):
    body = client.get("/overview").json()
    assert body["articles"] == 3 and body["events"] == 6
    assert (body["first_date"], body["last_date"]) == ("2026-02-02", "2026-03-21")
    assert body["writable"] is False
    assert "SUPPORT" in body["plover_types"] and len(body["quad_classes"]) == 5


def test_the_openapi_document_describes_every_endpoint(client):
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    for path, method in [("/events", "get"), ("/articles/{article_id}", "get"),
                         ("/dyads/{first}/{second}", "get"), ("/actors", "get"),
                         ("/code", "post"), ("/ingest", "post")]:
        assert method in paths[path], path
    parameters = {p["name"] for p in paths["/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "type", "since", "until", "limit", "offset"} <= parameters
    assert "ErrorBody" in document["components"]["schemas"]
    record = document["components"]["schemas"]["ArticleRecord"]["properties"]
    assert {"tone", "tone_method", "events", "actors"} <= set(record)
    assert "GDELT" in record["tone"]["description"]


def test_values_never_become_sql(client, store_path):
    hostile = "x' OR '1'='1"
    assert client.get("/events", params={"actor": hostile}).json()["total"] == 0
    assert client.get("/events", params={"article": hostile}).json()["total"] == 0
    assert client.get("/articles/" + hostile).status_code == 404
    assert client.get("/actors", params={"q": "'; DROP TABLE events; --"}).json()["total"] == 0
    assert client.get("/dyads/CHN/RUS'--").status_code == 400
    assert client.get("/events").json()["total"] == 6  # nothing was changed


def test_unknown_paths_and_methods_are_json_errors(client):
    response = client.get("/nothing/here")
    assert response.status_code == 404 and error_of(response)["code"] == "E035"
    response = client.delete("/events")
    assert response.status_code == 405 and error_of(response)["code"] == "E036"
    # FastAPI's own docs pages would load scripts from a CDN; ours is at /docs
    assert client.get("/redoc").status_code == 404


@pytest.mark.parametrize("path", ["/events", "/articles", "/actors"])
@pytest.mark.parametrize("query", ["offset=99999999999999999999", "offset=-1",
                                   "actor=" + "x" * 2000, "since=" + "9" * 100])
def test_every_parameter_has_bounds_and_is_a_400_past_them(client, path, query):
    if query.startswith("actor") and path != "/events":
        query = query.replace("actor", "q" if path == "/actors" else "search")
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert error_of(response)["code"] == "E030"


def test_an_event_from_a_quote_names_it_in_the_record_and_the_event_search(tmp_path):
    from fastapi.testclient import TestClient

    from communique.api import create_app
    from communique.records import Event, Span
    from communique.store import Store

    statement = Event(id="E1", sentence=1, source=RUS, target=None, cameo="010",
                      cameo_name="Make statement", goldstein=0.0, quad=0, plover_type=None,
                      plover_mode=None, trigger=Span(38, 42, "said"), date="2026-02-05",
                      confidence=0.7, snippet="said", quote="Q1")
    path = tmp_path / "quoted.duckdb"
    with Store.open(path, write=True) as store:
        store.write([stored(article("q1", "2026-02-05", [statement]))])
    with TestClient(create_app(path, token=TOKEN)) as client:
        record = client.get("/articles/q1").json()
        assert record["quotes"][0]["id"] == "Q1"
        assert record["events"][0]["quote"] == "Q1"
        [row] = client.get("/events", params={"article": "q1"}).json()["rows"]
        assert row["quote"] == "Q1" and row["cameo"] == "010"
