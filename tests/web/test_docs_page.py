"""The API's reference at /docs, in a real browser: drawn from the live /openapi.json,
with nothing loaded from elsewhere, and a GET tried from its form."""

from __future__ import annotations

import json
import re

import pytest

from communique.api import create_app
from communique.api.app import WEB

from ..api.conftest import store_path  # noqa: F401  (fixture: a small hand-made store)
from .conftest import LiveServer
from .test_assets import parsed
from .test_page import wait_until


def test_the_docs_page_loads_only_its_own_files():
    page = parsed(WEB / "docs.html")
    assert not page.inline_scripts
    scripts = [attrs for tag, attrs in page.elements if tag == "script"]
    assert scripts == [{"type": "module", "src": "/static/docs.js"}]
    for _, attrs in page.elements:
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("/", "#", "data:")) and not value.startswith("//")


@pytest.fixture(scope="module")
def docs_url(browser, store_path):  # noqa: F811
    with LiveServer(create_app(store_path, allowed_hosts=("127.0.0.1",))) as url:
        yield url


def test_the_docs_page_lists_every_endpoint_of_the_live_document(browser, docs_url, tmp_path):
    context = browser.new_context(viewport={"width": 1366, "height": 860})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((docs_url, "data:")) else None)
    response = page.goto(docs_url + "/docs")
    assert response.status == 200 and response.headers["content-type"].startswith("text/html")
    assert not re.search(r"https?://", response.text())
    wait_until(page, "document.querySelectorAll('article.operation').length > 0")
    document = json.loads(page.evaluate("fetch('/openapi.json').then(r => r.text())"))

    shown = page.locator("article.operation").evaluate_all(
        "nodes => nodes.map(n => [n.dataset.method, n.dataset.path])")
    expected = [[method, path] for path, item in document["paths"].items() for method in item]
    assert sorted(shown) == sorted(expected)
    assert {"/events", "/dyads/{first}/{second}", "/code"} <= {path for _, path in shown}

    # every parameter of /events with its type, default and description
    events = page.locator("article.operation[data-method=get][data-path='/events']")
    rows = events.locator("table.params tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    by_name = {row[0].replace(" required", ""): row for row in rows}
    for parameter in document["paths"]["/events"]["get"]["parameters"]:
        type_, default, description = (by_name[parameter["name"]][i] for i in (2, 3, 4))
        assert description == parameter["description"]
        if "default" in parameter["schema"]:
            assert default == json.dumps(parameter["schema"]["default"])
        assert type_ and type_ != "any"
    # the request body of /code and its schema's fields
    code = page.locator("article.operation[data-method=post][data-path='/code']")
    assert "ArticleIn" in code.locator("p.request").text_content()
    fields = page.locator("#schema-ArticleIn table.params tbody tr td:first-child code")
    assert set(fields.all_text_contents()) == set(
        document["components"]["schemas"]["ArticleIn"]["properties"])

    # try a GET from its form: the answer is the API's own
    events.locator("input[name=limit]").fill("2")
    events.locator("form.try button[type=submit]").click()
    wait_until(page, "!document.querySelector(\"[data-path='/events'] pre.answer\").hidden")
    answer = json.loads(events.locator("pre.answer").text_content())
    assert len(answer["rows"]) == 2 and answer["total"] == 6
    assert "200" in events.locator("p.status").text_content()
    page.screenshot(path=str(tmp_path / "docs.png"))
    assert not problems, problems
    assert not outside, outside
    context.close()
