"""The record contract: field names, serialisation and the round trip."""

from __future__ import annotations

from communique.records import Actor, Article, Event, EventActor, Location, Quote, Span, actor_code


def make_article() -> Article:
    source = EventActor("A1", "Vladimir Putin", "RUS", "GOV", 0, 14)
    target = EventActor(None, "China", "CHN", None, 20, 25)
    event = Event(id="E1", sentence=0, source=source, target=target, cameo="051",
                  cameo_name="Praise or endorse", goldstein=3.4, quad=1,
                  plover_type="SUPPORT", plover_mode=None, trigger=Span(15, 22, "praised"),
                  date="2026-02-04", location=Location("Shenzhen", "CHN", 22.5, 114.1),
                  confidence=0.8, snippet="praised China")
    return Article(
        id="seed", date="2026-02-04", text="Vladimir Putin praised China.",
        actors=[Actor("A1", "Vladimir Putin", "person", "RUS", "GOV", title="President",
                      mentions=[Span(0, 14, "Vladimir Putin")])],
        events=[event],
        quotes=[Quote("any season", 1, 11, "direct", "said", "A1", "Vladimir Putin")])


def test_article_has_the_contract_fields():
    data = make_article().to_dict()
    assert list(data)[:5] == ["id", "date", "title", "source", "url"]
    assert {"actors", "events", "quotes", "places", "dates"} <= set(data)
    assert "text" not in data
    event = data["events"][0]
    for name in ("id", "sentence", "source", "target", "cameo", "cameo_name", "goldstein",
                 "quad", "plover", "trigger", "negated", "date", "date_end", "date_text",
                 "location", "confidence", "quote"):
        assert name in event
    assert event["plover"] == {"type": "SUPPORT", "mode": None}
    assert event["source"]["code"] == "RUSGOV"
    assert data["quotes"][0]["speaker"] == {"actor": "A1", "name": "Vladimir Putin"}


def test_round_trip_keeps_every_field():
    article = make_article()
    again = Article.from_dict(article.to_dict(include_text=True))
    assert again.to_dict(include_text=True) == article.to_dict(include_text=True)


def test_actor_codes_join_what_is_known():
    assert actor_code("RUS", "GOV") == "RUSGOV"
    assert actor_code("CHN", None) == "CHN"
    assert actor_code(None, "MED") == "MED"
    assert actor_code(None, None) is None
    assert actor_code("IGO", None, "UNO") == "IGOUNO"
    assert actor_code("PSE", "REB", "HMS") == "PSEREB"


def test_rows_round_trip_to_the_same_article():
    from communique.rows import COLUMNS, article_from_rows, article_rows

    article = make_article()
    rows = article_rows(article)
    for table, columns in COLUMNS.items():
        for row in rows[table]:
            assert list(row) == [name for name, _ in columns], table
    again = article_from_rows(rows["articles"][0], rows["actors"], rows["mentions"],
                              rows["events"], rows["quotes"])
    assert again.to_dict(include_text=True) == article.to_dict(include_text=True)


def test_an_event_names_its_quote_and_old_records_without_ids_still_load():
    article = make_article()
    article.events[0].quote = "Q1"
    data = article.to_dict()
    assert data["quotes"][0]["id"] == "Q1" and data["events"][0]["quote"] == "Q1"
    assert Article.from_dict(data).to_dict() == data
    # a record written before quotes had ids and events their quote
    old = article.to_dict()
    del old["events"][0]["quote"]
    old["quotes"].append({**old["quotes"][0], "text": "a second"})
    for quote in old["quotes"]:
        del quote["id"]
    read = Article.from_dict(old)
    assert read.events[0].quote is None
    assert [q.id for q in read.quotes] == ["Q1", "Q2"]  # numbered in order, as coded


def test_rows_keep_the_quote_of_an_event():
    from communique.rows import article_from_rows, article_rows

    article = make_article()
    article.events[0].quote = "Q1"
    rows = article_rows(article)
    assert rows["events"][0]["quote"] == "Q1"
    back = article_from_rows(rows["articles"][0], rows["actors"], rows["mentions"],
                             rows["events"], rows["quotes"])
    assert back.events[0].quote == "Q1" and back.quotes[0].id == "Q1"
