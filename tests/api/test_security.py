"""What keeps the server safe: the write token, body limits, the Host check, the headers,
and faults answered without their traceback."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.api import routes as api_routes
from communique.api.security import LOOPBACK_NAMES, check_token, is_loopback
from communique.errors import CommuniqueError, SettingError

from .conftest import TOKEN, error_of

ONE_ARTICLE = {"articles": [{"id": "x", "text": "Russia praised China on Monday."}]}


@pytest.fixture
def writable(store_path, tmp_path):
    """A server with a token, over a copy of the small store."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(store_path, path)
    with TestClient(create_app(path, token=TOKEN)) as test_client:
        yield test_client


def test_a_server_without_a_token_refuses_every_write(client):
    for headers in ({}, {"authorization": f"Bearer {TOKEN}"}):
        response = client.post("/ingest", json=ONE_ARTICLE, headers=headers)
        assert response.status_code == 403
        error = error_of(response)
        assert error["code"] == "E032" and "--token" in error["fix"]


@pytest.mark.parametrize("authorization, problem", [
    (None, "no Authorization header"),
    ("", "no Authorization header"),
    ("Bearer", "not 'Bearer TOKEN'"),
    (f"Basic {TOKEN}", "not 'Bearer TOKEN'"),
    ("Bearer not-the-token-at-all", "not the server's"),
    (f"Bearer {TOKEN}x", "not the server's"),
])
def test_a_write_without_the_right_token_is_a_401(writable, authorization, problem):
    headers = {} if authorization is None else {"authorization": authorization}
    response = writable.post("/ingest", json=ONE_ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    error = error_of(response)
    assert error["code"] == "E031" and problem in error["message"]
    assert writable.get("/articles/x").status_code == 404  # nothing was stored


def test_the_token_is_checked_in_constant_time_and_needs_length():
    check_token(f"bearer {TOKEN}", TOKEN, action="Ingest")  # the scheme in any case
    with pytest.raises(CommuniqueError):
        check_token(f"Bearer {TOKEN[:-1]}", TOKEN, action="Ingest")
    with pytest.raises(SettingError, match="at least 16 characters"):
        create_app("unused.duckdb", token="short")


def test_a_body_over_the_limit_is_refused_before_the_route(store_path):
    with TestClient(create_app(store_path, max_body=1000)) as small:
        response = small.post("/code", json={"text": "word " * 400})
        assert response.status_code == 413
        error = error_of(response)
        assert error["code"] == "E033" and "1,000 bytes" in error["message"]

        def chunks():  # no Content-Length: sent in chunks
            for _ in range(10):
                yield b"x" * 200

        response = small.post("/code", content=chunks(),
                              headers={"content-type": "application/json"})
        assert response.status_code == 413 and error_of(response)["code"] == "E033"
        response = small.post("/code", content=b"{}", headers={
            "content-type": "application/json", "content-length": "lots"})
        assert response.status_code == 400
        # under the limit, the request reaches the route (and fails there, for no text)
        response = small.post("/code", json={"id": "x"})
        assert response.status_code == 400 and "'text'" in error_of(response)["message"]


def test_on_loopback_only_loopback_host_names_are_answered(store_path):
    app = create_app(store_path, allowed_hosts=LOOPBACK_NAMES)
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/overview").status_code == 200
        for host in ("localhost:8000", "[::1]:8000", "127.0.0.1"):
            assert local.get("/overview", headers={"host": host}).status_code == 200
        # a page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding)
        response = local.get("/overview", headers={"host": "attacker.example:8000"})
        assert response.status_code == 400
        assert "Host header" in error_of(response)["message"]


def test_loopback_addresses():
    assert all(map(is_loopback, ["127.0.0.1", "127.8.0.1", "::1", "[::1]", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.4", "::", "example.org"]))


def test_every_response_forbids_scripts_from_elsewhere(client):
    for response in (client.get("/"), client.get("/events"), client.get("/missing"),
                     client.get("/static/app.js")):
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_a_fault_is_answered_without_its_traceback(store_path, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals at /srv/private/path")

    monkeypatch.setattr(api_routes, "find_events", broken)
    with TestClient(create_app(store_path), raise_server_exceptions=False) as faulty:
        response = faulty.get("/events")
    assert response.status_code == 500
    error = error_of(response)
    assert error["code"] == "E037"
    assert "secret" not in response.text and "Traceback" not in response.text
    assert "secret internals" in caplog.text  # the server's log keeps it
