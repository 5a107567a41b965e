"""Articles built by hand for the store's fast tests, and a way to compare stores."""

from __future__ import annotations

import pytest

from communique.io.checks import InputRecord
from communique.records import Actor, Article, Event, EventActor, Location, Quote, Span
from communique.store import Store, content_hash
from communique.store.schema import TABLES

CAMEO = {  # code: (name, goldstein, quad, plover)
    "036": ("Express intent to meet or negotiate", 4.0, 1, "AGREE"),
    "042": ("Make a visit", 1.9, 1, "CONSULT"),
    "051": ("Praise or endorse", 3.4, 1, "SUPPORT"),
    "010": ("Make statement", 0.0, 0, None),
    "112": ("Accuse", -2.0, 3, "ACCUSE"),
    "163": ("Impose embargo, boycott, or sanctions", -8.0, 4, "SANCTION"),
    "190": ("Use conventional military force", -10.0, 4, "ASSAULT"),
}


def side(name, country, sector=None, org=None, start=0):
    return EventActor(None, name, country, sector, start, start + len(name), org)


def event(number, cameo, source, target=None, *, date=None, negated=False,
          reciprocal=False, location=None):
    name, goldstein, quad, plover = CAMEO[cameo]
    return Event(id=f"E{number}", sentence=number - 1, source=source, target=target,
                 cameo=cameo, cameo_name=name, goldstein=goldstein, quad=quad,
                 plover_type=plover, plover_mode=None, trigger=Span(10, 16, "did it"),
                 negated=negated, date=date, location=location, confidence=0.9,
                 reciprocal=reciprocal, snippet=f"{cameo} snippet")


def article(article_id, date, events, *, source="Wire", text=None, url=None):
    text = text or f"Text of {article_id}: " + " ".join(e.snippet for e in events)
    actors = [Actor("A1", "Vladimir Putin", "person", "RUS", "GOV", title="President",
                    mentions=[Span(0, 14, "Vladimir Putin"), Span(40, 46, "Putin")])]
    quotes = [Quote("we agree", 20, 28, "direct", "said", "A1", "Vladimir Putin")]
    for e in events:
        e.date = e.date or date
    return Article(id=article_id, date=date, title=f"Title {article_id}", source=source,
                   url=url, text=text, actors=actors, events=events, quotes=quotes,
                   places=[{"name": "Moscow"}], dates=[{"text": "Monday"}])


def stored(article_):
    """(article, content hash) as `Store.write` takes them."""
    record = InputRecord(text=article_.text, id=article_.id, date=article_.date,
                         title=article_.title, source=article_.source, url=article_.url)
    return article_, content_hash(record)


def dump(store):
    """Every row of every table, sorted: two stores with equal dumps hold the same data."""
    tables = (*TABLES, "stories", "story_pending", "communique_meta",
              "communique_migrations")
    return {t: sorted(store.connection.execute(f"SELECT * FROM {t}").fetchall(),
                      key=repr) for t in tables}


RUS = side("Russia", "RUS")
CHN = side("China", "CHN")
CHNGOV = side("Chinese government", "CHN", "GOV")
UN = side("United Nations", "IGO", None, "UNO")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "test.duckdb", write=True) as opened:
        yield opened


@pytest.fixture
def filled(store):
    """A small store: Russia-China support reported twice, an assault, a negated visit."""
    store.write([stored(a) for a in (
        article("a1", "2026-02-02", [event(1, "051", RUS, CHN),
                                     event(2, "190", side("Russian army", "RUS", "MIL"),
                                           side("Ukraine", "UKR"),
                                           location=Location("Kharkiv", "UKR", 49.99, 36.23))]),
        article("a2", "2026-02-03", [event(1, "051", RUS, CHNGOV),
                                     event(2, "042", CHN, RUS, negated=True)],
                source="Courier"),
        article("a3", "2026-03-20", [event(1, "112", CHN, RUS), event(2, "010", UN)],
                source="Courier", url="https://example.org/a3"),
    )])
    store.link_stories()
    return store
