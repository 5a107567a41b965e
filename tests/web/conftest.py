"""A real server over a store coded with the real model, and a real browser (Debian's
Chromium, driven by Playwright) to look at it.

Without Chromium or Playwright the browser test is skipped with the reason, unless
COMMUNIQUE_REQUIRE_BROWSER=1 (CI sets it): then it fails.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from communique.api import create_app
from communique.io.checks import InputRecord
from communique.store import Store, ingest

from ..conftest import ROOT

CHROMIUM = Path(os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium"))
# as root and without a network: no sandbox, no calls home
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

# An article that tries every way into the page: tags, attributes, script URLs.
HOSTILE = {
    "id": "hostile",
    "date": "2026-01-20",
    "title": "<img src=x onerror=\"window.__pwned='title'\">Japan praises South Korea",
    "source": "<svg onload=\"window.__pwned='source'\">Wire",
    "url": "javascript:window.__pwned='url'",
    "text": (
        "Japan praised South Korea on Monday for its help with the investigation, officials "
        "said. <script>window.__pwned = 'script'; alert('script')</script> The Japanese "
        "foreign ministry said the two countries would hold talks in Seoul next month. "
        "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\"> \"We will <b "
        "onmouseover=\"window.__pwned='b'\">never</b> give up on peace,\" the ministry said "
        "in a statement. <a href=\"javascript:window.__pwned='link'\">more</a> <iframe "
        "src=\"/events\"></iframe>"),
}
# More of China and Russia on other weeks, so that their timeline has several points.
CHINA_RUSSIA = [
    {"id": "cr-talks", "date": "2026-01-13", "source": "Test Wire",
     "title": "Chinese and Russian ministers meet in Beijing",
     "text": "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in "
             "Beijing on Tuesday, and the two countries signed an agreement on energy "
             "co-operation. Lavrov praised China for its support, the Russian foreign "
             "ministry said."},
    {"id": "cr-dispute", "date": "2026-01-28", "source": "Test Wire",
     "title": "Russia accuses China over border trade",
     "text": "Russia accused China on Wednesday of violating a border trade agreement, and "
             "the Russian government threatened to impose sanctions on Chinese companies. "
             "Beijing rejected the accusation, the Chinese foreign ministry said."},
    {"id": "cr-call", "date": "2026-02-04", "source": "Test Wire",
     "title": "Xi and Putin speak by video link",
     "text": "Chinese President Xi Jinping held a video call with Russian President Vladimir "
             "Putin on Wednesday. Putin praised China for its support and accepted an "
             "invitation to visit Beijing in the spring. \"Our countries stand together,\" "
             "Putin said. Xi said China would deepen energy cooperation with Russia."},
]


def records() -> list[InputRecord]:
    demo = (ROOT / "examples" / "demo-article.txt").read_text(encoding="utf-8")
    items = [{"id": "demo", "text": demo, "date": "2026-03-11", "source": "Communique Wire",
              "title": "Turkish and Greek foreign ministers meet in Ankara"},
             *(json.loads(line) for line in
               (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()),
             *CHINA_RUSSIA, HOSTILE]
    return [InputRecord(**item, origin=f"test:{item['id']}") for item in items]


class LiveServer:
    """uvicorn in a thread of this process, on a free port of 127.0.0.1."""

    def __init__(self, app) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def live_url(browser, request, tmp_path_factory):
    # the model only once there is a browser: pytest would set up the session's coder
    # before the module's browser, and load the model only to skip
    coder = request.getfixturevalue("coder")
    path = tmp_path_factory.mktemp("web") / "news.duckdb"
    with Store.open(path, write=True) as store:
        summary = ingest(store, records(), coder)
    assert not summary.skipped, summary.skipped
    with LiveServer(create_app(path, coder=coder, allowed_hosts=("127.0.0.1",))) as url:
        yield url


def _browser_or_skip() -> None:
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    if missing:
        reason = "the browser test needs " + " and ".join(missing)
        if os.environ.get("COMMUNIQUE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + "; COMMUNIQUE_REQUIRE_BROWSER=1 says it must run")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    _browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()
