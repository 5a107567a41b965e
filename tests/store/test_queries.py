"""The query API: events by actor, dyad, type and date; timelines; actors; SQL."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from communique.errors import StoreError
from communique.store import (
    Store,
    dyad_timeline,
    find_articles,
    find_events,
    find_stories,
    overview,
    run_sql,
    top_actors,
)

from .conftest import RUS, article, event, side, stored


def keys(page):
    return [(r["article_id"], r["event_id"]) for r in page.rows]


@pytest.mark.parametrize("filters, expected", [
    ({"actor": "RUS"}, {("a1", "E1"), ("a1", "E2"), ("a2", "E1"), ("a2", "E2"), ("a3", "E1")}),
    ({"actor": "RUSMIL"}, {("a1", "E2")}),
    ({"actor": "russian ARMY"}, {("a1", "E2")}),
    ({"actor": "IGOUNO"}, {("a3", "E2")}),
    ({"dyad": ("CHN", "RUS")}, {("a1", "E1"), ("a2", "E1"), ("a2", "E2"), ("a3", "E1")}),
    ({"dyad": ("CHN", "RUS"), "directed": True}, {("a2", "E2"), ("a3", "E1")}),
    ({"dyad": ("rus", "CHNGOV")}, {("a2", "E1")}),
    ({"plover_type": "support"}, {("a1", "E1"), ("a2", "E1")}),
    ({"cameo": "19"}, {("a1", "E2")}),
    ({"since": "2026-02-03", "until": "2026-02-28"}, {("a2", "E1"), ("a2", "E2")}),
    ({"article_id": "a3"}, {("a3", "E1"), ("a3", "E2")}),
    ({"actor": "100%_"}, set()),  # LIKE wildcards are taken literally
])
def test_event_filters(filled, filters, expected):
    page = find_events(filled, **filters)
    assert set(keys(page)) == expected
    assert page.total == len(expected)


def test_events_come_newest_first_with_their_story_and_article(filled):
    page = find_events(filled, limit=2)
    assert page.total == 6 and page.next_offset == 2
    assert [r["date"] for r in page.rows] == [dt.date(2026, 3, 20)] * 2
    support = find_events(filled, plover_type="SUPPORT").rows
    assert {r["story_articles"] for r in support} == {2}
    assert support[0]["story_id"] == support[1]["story_id"]
    assert support[0]["article_title"] == "Title a2"
    rest = find_events(filled, limit=2, offset=4)
    assert rest.next_offset is None and len(rest.rows) == 2
    assert rest.to_dict()["rows"][0]["date"] == "2026-02-02"


@pytest.mark.parametrize("filters, code", [
    ({"plover_type": "HUG"}, "E024"), ({"cameo": "5x"}, "E024"),
    ({"dyad": ("CHN", "R")}, "E024"), ({"since": "last week"}, "E024"),
    ({"limit": 0}, "E024"), ({"actor": "  "}, "E024"),
])
def test_bad_filters_are_clear_errors(filled, filters, code):
    with pytest.raises(StoreError) as caught:
        find_events(filled, **filters)
    assert caught.value.code == code


def test_the_dyad_timeline_counts_weeks_by_quad_class_without_negated_events(filled):
    weeks = dyad_timeline(filled, "RUS", "CHN")
    assert [(w["period"], w["events"], w["verbal_cooperation"], w["verbal_conflict"])
            for w in weeks] == [(dt.date(2026, 2, 2), 2, 2, 0), (dt.date(2026, 3, 16), 1, 0, 1)]
    assert weeks[0]["goldstein"] == 3.4
    directed = dyad_timeline(filled, "RUS", "CHN", directed=True, period="month")
    assert [(m["period"], m["events"]) for m in directed] == [(dt.date(2026, 2, 1), 2)]


def test_top_actors_by_code_and_by_name(filled):
    page = top_actors(filled)
    first = page.rows[0]
    assert (first["code"], first["events"], first["as_source"], first["as_target"]) == (
        "RUS", 3, 2, 1)
    assert page.total == 6  # RUS CHN CHNGOV RUSMIL UKR IGOUNO
    names = top_actors(filled, by="name", limit=2).rows
    assert names[0]["name"] in {"Russia", "China"} and names[0]["events"] == 3


def test_stories_articles_and_overview(filled):
    stories = find_stories(filled, min_articles=2)
    assert stories.total == 1 and stories.rows[0]["event_type"] == "SUPPORT"
    assert find_stories(filled, dyad=("CHN", "RUS"), plover_type="ACCUSE").total == 1
    articles = find_articles(filled, search="a3")
    assert [r["article_id"] for r in articles.rows] == ["a3"] and articles.rows[0]["events"] == 2
    counts = overview(filled)
    assert counts["events"] == 6 and counts["first_date"] == "2026-02-02"


def test_sql_reads_and_refuses_to_write(filled):
    page = run_sql(filled, "SELECT article_id, count(*) AS n FROM events GROUP BY 1 ORDER BY 1")
    assert page.columns == ["article_id", "n"]
    assert [(r["article_id"], r["n"]) for r in page.rows] == [("a1", 2), ("a2", 2), ("a3", 2)]
    assert run_sql(filled, "SELECT * FROM events", limit=4).truncated
    assert run_sql(filled, "SELECT ? AS x", params=[5]).rows == [{"x": 5}]
    for sql, words in (("DELETE FROM events", "DELETE statements are not allowed"),
                       ("SELECT 1; SELECT 2", "one statement"),
                       ("SELECT nothing FROM nowhere", "nowhere"),
                       ("SELEKT 1", "syntax error")):
        with pytest.raises(StoreError) as caught:
            run_sql(filled, sql)
        assert caught.value.code == "E023" and words in caught.value.message


def test_sql_on_a_store_opened_without_external_access_reads_no_files(filled, tmp_path):
    path = filled.path
    filled.close()
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    with Store.open(path, external_access=False) as store:
        assert run_sql(store, "SELECT count(*) AS n FROM articles").rows == [{"n": 3}]
        with pytest.raises(StoreError) as caught:
            run_sql(store, f"SELECT * FROM read_csv('{secret}')")
        assert "disabled" in caught.value.message


def test_threads_query_the_store_each_on_its_own_cursor(filled):
    from concurrent.futures import ThreadPoolExecutor

    def search(actor):
        with filled.cursor() as store:
            return find_events(store, actor=actor).total

    with ThreadPoolExecutor(4) as pool:
        totals = list(pool.map(search, ["RUS", "CHN", "IGOUNO", "UKR"] * 10))
    assert totals == [5, 4, 1, 1] * 10


def test_a_damaged_store_queried_through_sql_is_said_to_be_damaged():
    import duckdb

    from communique.errors import StoreError
    from communique.store.queries import run_sql

    class Damaged:
        def execute(self, *args):
            raise duckdb.IOException("Corrupt database file: block checksum mismatch")

    class FakeStore:
        path = "news.duckdb"
        connection = Damaged()

    with pytest.raises(StoreError) as caught:
        run_sql(FakeStore(), "SELECT 1")
    assert caught.value.code == "E038" and "read-only" not in caught.value.fix


def test_timeline_bars_for_days_and_quarters_start_on_their_period(filled):
    days = dyad_timeline(filled, "CHN", "RUS", period="day")
    quarters = dyad_timeline(filled, "CHN", "RUS", period="quarter")
    assert len(days) >= len(quarters) >= 1
    assert all(row["period"].month in (1, 4, 7, 10) and row["period"].day == 1
               for row in quarters)
    assert sum(r["events"] for r in days) == sum(r["events"] for r in quarters)


def test_events_of_one_trigger_keep_their_stored_order_across_pages(store):
    # one trigger, many targets ("Russia praised the leaders of ... and ..."): the same
    # date, article, sentence and trigger; paging through them gives each once, in order
    targets = [side(f"Country {n}", code) for n, code in enumerate(
        ("CHN", "IRN", "IND", "BRA", "ZAF", "EGY", "TUR", "IDN", "MEX", "ARG") * 3)]
    events = [dataclasses.replace(event(n + 1, "051", RUS, target, date="2026-02-02"),
                                  sentence=0) for n, target in enumerate(targets)]
    store.write([stored(article("a1", "2026-02-02", events))])
    expected = [f"E{n + 1}" for n in range(len(targets))]
    assert [r["event_id"] for r in find_events(store).rows] == expected
    for size in (1, 4, 7):
        paged = [r["event_id"] for offset in range(0, len(expected), size)
                 for r in find_events(store, actor="RUS", limit=size, offset=offset).rows]
        assert paged == expected
