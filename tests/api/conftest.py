"""A small store of hand-made articles, and clients of the API over it (no model)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.io.checks import InputRecord
from communique.records import Actor, Article, Event, EventActor, Location, Quote, Span
from communique.store import Store, content_hash

TOKEN = "a-test-token-of-some-length"
CAMEO = {  # code: (name, goldstein, quad, plover)
    "042": ("Make a visit", 1.9, 1, "CONSULT"),
    "051": ("Praise or endorse", 3.4, 1, "SUPPORT"),
    "057": ("Sign formal agreement", 8.0, 2, "AGREE"),
    "112": ("Accuse", -2.0, 3, "ACCUSE"),
    "190": ("Use conventional military force", -10.0, 4, "ASSAULT"),
}


def side(name: str, country: str, sector: str | None = None, start: int = 0) -> EventActor:
    return EventActor(None, name, country, sector, start, start + len(name))


def event(number: int, cameo: str, source: EventActor, target: EventActor | None, date: str,
          *, negated: bool = False, location: Location | None = None) -> Event:
    name, goldstein, quad, plover = CAMEO[cameo]
    return Event(id=f"E{number}", sentence=number - 1, source=source, target=target,
                 cameo=cameo, cameo_name=name, goldstein=goldstein, quad=quad,
                 plover_type=plover, plover_mode=None, trigger=Span(7, 14, "praised"),
                 negated=negated, date=date, location=location, confidence=0.9,
                 snippet=f"{name.lower()} snippet")


def article(article_id: str, date: str, events: list[Event], *, title: str | None = None,
            source: str = "Wire") -> Article:
    text = "Russia praised China on Monday. Putin said: \"we agree\". The army shelled Kharkiv."
    actors = [Actor("A1", "Russia", "country", "RUS", mentions=[Span(0, 6, "Russia")]),
              Actor("A2", "China", "country", "CHN", mentions=[Span(15, 20, "China")]),
              Actor("A3", "Vladimir Putin", "person", "RUS", "GOV", title="President",
                    mentions=[Span(32, 37, "Putin")])]
    quotes = [Quote("we agree", 45, 53, "direct", "said", "A3", "Vladimir Putin")]
    return Article(id=article_id, date=date, title=title or f"Title of {article_id}",
                   source=source, text=text, actors=actors, events=events, quotes=quotes)


RUS, CHN, CHNGOV = side("Russia", "RUS"), side("China", "CHN", start=15), side(
    "Chinese government", "CHN", "GOV")
RUSMIL, UKR = side("Russian army", "RUS", "MIL"), side("Ukraine", "UKR")
ARTICLES = [
    article("a1", "2026-02-02", [
        event(1, "051", RUS, CHN, "2026-02-02"),
        event(2, "190", RUSMIL, UKR, "2026-02-02",
              location=Location("Kharkiv", "UKR", 49.99, 36.23))]),
    article("a2", "2026-02-03", [event(1, "051", RUS, CHNGOV, "2026-02-03"),
                                 event(2, "042", CHN, RUS, "2026-02-03", negated=True)],
            source="Courier"),
    article("wire/2026/a3", "2026-03-20", [event(1, "112", CHN, RUS, "2026-03-20"),
                                           event(2, "057", CHN, RUS, "2026-03-21")]),
]


def stored(item: Article) -> tuple[Article, str]:
    record = InputRecord(text=item.text, id=item.id, date=item.date, title=item.title,
                         source=item.source, url=item.url)
    return item, content_hash(record)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "news.duckdb"
    with Store.open(path, write=True) as store:
        store.write([stored(a) for a in ARTICLES])
        store.link_stories()
    return path


@pytest.fixture(scope="module")
def client(store_path):
    """A read-only server over the small store."""
    with TestClient(create_app(store_path)) as test_client:
        yield test_client


def error_of(response) -> dict:
    """The catalogue error of a JSON error response."""
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "status", "message", "fix"}
    assert body["error"]["status"] == response.status_code
    return body["error"]
