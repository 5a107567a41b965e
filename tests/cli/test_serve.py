"""`communique serve`: a real server process on loopback, and its refusals."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
import uvicorn
from click.testing import CliRunner

from communique.cli import main
from communique.store import Store

from ..api.conftest import ARTICLES, TOKEN, stored


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "news.duckdb"
    with Store.open(path, write=True) as store:
        store.write([stored(a) for a in ARTICLES])
        store.link_stories()
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str, host: str | None = None) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"host": host} if host else {})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_serve_answers_on_loopback_and_stops_on_ctrl_c(store_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "communique", "serve", "--db", str(store_path), "--port",
         str(port)], stderr=subprocess.PIPE, text=True,
        env={**os.environ, "COMMUNIQUE_TOKEN": ""})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = get(port, "/overview")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stderr.read()) from None
                time.sleep(0.2)
        assert status == 200 and body["events"] == 6 and body["writable"] is False
        status, body = get(port, "/events?dyad=CHN,RUS&limit=2")
        assert status == 200 and body["total"] == 5 and len(body["rows"]) == 2
        status, body = get(port, "/overview", host=f"attacker.example:{port}")
        assert status == 400 and body["error"]["code"] == "E030"
    finally:
        server.send_signal(signal.SIGINT)
        _, errors = server.communicate(timeout=30)
    assert server.returncode == 0, errors
    assert f"http://127.0.0.1:{port}/" in errors and "read-only" in errors


def test_a_missing_store_is_an_error_not_a_traceback(tmp_path):
    result = run("serve", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 2
    assert "E022" in result.output and "Traceback" not in result.output


def test_a_short_token_is_refused(store_path):
    result = run("serve", "--db", store_path, "--token", "1234")
    assert result.exit_code == 2 and "at least 16 characters" in result.output
    result = run("serve", "--db", store_path, env={"COMMUNIQUE_TOKEN": "1234"})
    assert result.exit_code == 2 and "E013" in result.output


def test_other_addresses_are_served_only_when_asked_and_with_a_warning(store_path,
                                                                       monkeypatch):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    result = run("serve", "--db", store_path)
    app, options = calls[-1]
    assert options["host"] == "127.0.0.1" and options["port"] == 8000
    assert "warning" not in result.output
    app.state.store.close()
    result = run("serve", "--db", store_path, "--host", "0.0.0.0", "--port", "9000",
                 "--token", TOKEN)
    app, options = calls[-1]
    assert options["host"] == "0.0.0.0" and options["port"] == 9000
    assert "warning: listening on 0.0.0.0" in result.output
    assert "unencrypted" in result.output and app.state.store.writable
    app.state.store.close()
