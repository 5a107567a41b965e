"""The page's files: everything they load comes from the server itself, nothing runs
inline, and they are served with the types browsers need."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from communique.api.app import WEB

from ..api.conftest import client, store_path  # noqa: F401  (fixtures)

SVG_NAMESPACE = "http://www.w3.org/2000/svg"


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def parsed(path: Path) -> Elements:
    elements = Elements()
    elements.feed(path.read_text(encoding="utf-8"))
    return elements


def test_the_page_loads_only_its_own_files():
    page = parsed(WEB / "index.html")
    assert not page.inline_scripts
    for tag, attrs in page.elements:
        assert not any(name.startswith("on") for name in attrs), tag  # no inline handlers
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("/", "#", "data:")) and not value.startswith("//"), (
                    tag, value)
    scripts = [attrs for tag, attrs in page.elements if tag == "script"]
    assert scripts == [{"type": "module", "src": "/static/app.js"}]
    for name in re.findall(r'href="/static/([^"]+)"|src="/static/([^"]+)"',
                           (WEB / "index.html").read_text()):
        assert (WEB / "".join(name)).is_file()


def test_scripts_import_only_each_other_and_fetch_only_the_server():
    for script in WEB.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        for module in re.findall(r'from\s+"([^"]+)"', text):
            assert module.startswith("./") and (WEB / module[2:]).is_file(), (script, module)
        addresses = set(re.findall(r"\w+://[^\s\"'`]*", text)) - {SVG_NAMESPACE}
        assert not addresses, (script.name, addresses)
        # text from the store is never parsed as HTML
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", text)
    css = (WEB / "style.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css


def test_the_files_are_served_with_their_types(client):  # noqa: F811
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    # browsers run module scripts only when served as JavaScript
    for name in ("app.js", "dom.js", "chart.js", "highlight.js"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert "javascript" in response.headers["content-type"]
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/../api/app.py").status_code == 404
