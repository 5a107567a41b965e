"""Fuzzing the coder's entry points and the API's bodies and parameters with the real
model: no traceback, no 500, every record coded or reported, the others unaffected."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.api import create_app
from communique.errors import InputError
from communique.records import Article

from .strategies import any_char, hostile_text, json_value, record_mapping

JSON = {"content-type": "application/json"}
TOKEN = "a-fuzzing-token-of-some-length"
GOOD = [{"id": "good-1", "text": "Russia praised China on Monday for its support.",
         "date": "2026-02-02"},
        {"id": "good-2", "text": "The Russian army shelled Kharkiv on Tuesday.",
         "date": "2026-02-03"}]
FEWER = settings(max_examples=max(8, settings.default.max_examples // 2))


@pytest.fixture(scope="module")
def good_events(coder):
    return {a.id: [e.cameo for e in a.events] for a in coder.code_many(GOOD)}


@FEWER
@given(st.lists(st.one_of(record_mapping, hostile_text, json_value), min_size=1, max_size=4))
def test_code_many_codes_or_reports_every_record_and_the_good_ones_unchanged(
        coder, good_events, hostile):
    rejected = []
    records = [GOOD[0], *hostile, GOOD[1]]
    articles = list(coder.code_many(records, on_error=rejected.append))
    assert len(articles) + len(rejected) == len(records)
    coded = {a.id: [e.cameo for e in a.events] for a in articles}
    assert coded["good-1"] == good_events["good-1"]
    assert coded["good-2"] == good_events["good-2"]
    for item in rejected:
        str(item).encode("utf-8")
    for article in articles:
        json.dumps(article.to_dict(include_text=True), ensure_ascii=False).encode("utf-8")


@FEWER
@given(hostile_text, st.one_of(st.none(), st.text(any_char, max_size=12)))
def test_code_gives_an_article_or_an_input_error(coder, text, record_id):
    try:
        article = coder.code(text, id=record_id)
    except InputError as error:
        error.message.encode("utf-8")
        return
    assert isinstance(article, Article)
    for actor in article.actors:
        for mention in actor.mentions:
            assert article.text[mention.start:mention.end] == mention.text


@pytest.fixture(scope="module")
def server(coder, tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz-api") / "news.duckdb"
    with TestClient(create_app(path, token=TOKEN, coder=coder),
                    raise_server_exceptions=False) as client:
        yield client


def _no_fault(response) -> None:
    assert response.status_code < 500, response.text
    assert set(response.json()) != {"error"} or response.json()["error"]["code"] != "E037"


@FEWER
@given(st.one_of(record_mapping, json_value))
def test_post_code_answers_every_body_without_a_fault(server, body):
    _no_fault(server.post("/code", content=json.dumps(body), headers=JSON))


@FEWER
@given(st.lists(st.one_of(record_mapping, json_value), min_size=1, max_size=3))
def test_post_ingest_stores_the_good_articles_beside_any_others(server, hostile):
    response = server.post("/ingest", content=json.dumps({"articles": [*hostile, GOOD[0]]}),
                           headers={"authorization": f"Bearer {TOKEN}", **JSON})
    _no_fault(response)
    assert response.status_code == 200
    summary = response.json()
    assert summary["coded"] + summary["unchanged"] + summary["skipped"] >= 1
    assert server.get("/articles/good-1").status_code == 200
    assert summary["skipped"] == len(summary["skipped_articles"])


PARAMETERS = st.dictionaries(
    st.sampled_from(["offset", "limit", "since", "until", "actor", "dyad", "type", "cameo",
                     "q", "by", "period", "search", "source", "directed", "article"]),
    st.one_of(st.integers(-2**70, 2**70).map(str), st.text(any_char, max_size=30),
              st.sampled_from(["2026-02-30", "99999999999999999999", "-1", "CHN,",
                               "%", "'", "\\"])), max_size=4)


@FEWER
@given(st.sampled_from(["/events", "/articles", "/actors", "/dyads/CHN/RUS", "/overview",
                        "/articles/a1"]), PARAMETERS)
def test_reading_endpoints_answer_any_parameters_without_a_fault(server, path, params):
    safe = {k: v.encode("utf-8", "backslashreplace").decode("utf-8")
            for k, v in params.items()}
    _no_fault(server.get(path, params=safe))
