"""Story events: the same event from several articles linked into one, whatever the
order the articles came in."""

from __future__ import annotations

import datetime as dt

from communique.store import Store
from communique.store.stories import group_stories

from .conftest import CHN, CHNGOV, RUS, UN, article, dump, event, side, stored


def stories(store):
    return store.connection.execute(
        "SELECT source_key, target_key, event_type, negated, date_start, date_end, "
        "num_events, num_articles, num_sources FROM stories "
        "ORDER BY source_key, target_key NULLS FIRST, event_type, date_start").fetchall()


def test_two_articles_reporting_the_same_support_are_one_story(filled):
    rows = {(r[0], r[1], r[2]): r for r in stories(filled)}
    support = rows[("RUS", "CHN", "SUPPORT")]
    # a1 says China, a2 the Chinese government: the same dyad of countries
    assert support[4:] == (dt.date(2026, 2, 2), dt.date(2026, 2, 3), 2, 2, 2)
    assert rows[("RUS", "UKR", "ASSAULT")][6:] == (1, 1, 1)
    assert rows[("IGOUNO", None, "CAMEO 01")][6:] == (1, 1, 1)


def test_negated_events_are_a_story_of_their_own(filled):
    negated = [r for r in stories(filled) if r[3]]
    assert [(r[0], r[1], r[2]) for r in negated] == [("CHN", "RUS", "CONSULT")]


def test_reports_outside_the_window_start_a_new_story(store):
    store.write([stored(article(f"d{day}", f"2026-05-{day:02d}", [event(1, "190", RUS, CHN)],
                                source=f"S{day % 2}")) for day in (1, 2, 4, 5, 9)])
    store.link_stories(window_days=3)
    spans = [(r[4].day, r[5].day, r[7]) for r in stories(store)]
    assert spans == [(1, 4, 3), (5, 5, 1), (9, 9, 1)]  # anchored at each story's first day
    store.link_stories(window_days=10)  # a new window relinks everything
    assert [(r[4].day, r[5].day, r[7], r[8]) for r in stories(store)] == [(1, 9, 5, 2)]
    assert store.story_window() == 10


def test_a_reciprocal_event_links_whichever_side_comes_first(store):
    store.write([stored(article("r1", "2026-05-01", [event(1, "036", CHN, RUS, reciprocal=True)])),
                 stored(article("r2", "2026-05-02", [event(1, "036", RUS, CHNGOV, reciprocal=True)]))])
    store.link_stories()
    assert [(r[0], r[1], r[7]) for r in stories(store)] == [("CHN", "RUS", 2)]


def test_events_without_a_date_or_a_coded_source_stand_alone(store):
    undated = article("u1", None, [event(1, "051", RUS, CHN)])
    uncoded = article("u2", "2026-05-01", [event(1, "051", side("gunmen", None), CHN)])
    store.write([stored(undated), stored(uncoded)])
    store.link_stories()
    assert stories(store) == []


def test_replacing_an_article_relinks_its_stories(filled):
    filled.write([stored(article("a2", "2026-03-19", [event(1, "112", CHN, RUS)],
                                 source="Courier", text="a2 corrected"))])
    filled.link_stories()
    rows = {(r[0], r[1], r[2]): r for r in stories(filled)}
    assert rows[("RUS", "CHN", "SUPPORT")][7] == 1
    assert rows[("CHN", "RUS", "ACCUSE")][6:] == (2, 2, 1)  # a2 and a3, both Courier
    assert ("CHN", "RUS", "CONSULT") not in rows
    unlinked = filled.connection.execute(
        "SELECT count(*) FROM events WHERE story_id IS NULL").fetchone()[0]
    assert unlinked == 0


def test_the_same_articles_in_any_order_and_batches_give_the_same_stories(tmp_path):
    articles = [article(f"o{n}", f"2026-06-{1 + n % 6:02d}",
                        [event(1, "190" if n % 3 else "051", RUS if n % 2 else CHN,
                               CHN if n % 2 else UN)], source=f"S{n % 4}")
                for n in range(24)]
    dumps = []
    for name, order, batch in (("a", articles, 24), ("b", articles[::-1], 5),
                               ("c", articles[1::2] + articles[::2], 1)):
        with Store.open(tmp_path / f"{name}.duckdb", write=True) as store:
            for start in range(0, len(order), batch):
                store.write([stored(a) for a in order[start:start + batch]])
                if start == batch:
                    store.link_stories()  # linking midway changes nothing at the end
            store.link_stories()
            dumps.append(dump(store))
    assert dumps[0] == dumps[1] == dumps[2]
    assert dumps[0]["story_pending"] == []


def test_group_stories_counts_articles_and_sources_once_each():
    day = dt.date(2026, 1, 1)
    rows = [("RUS", "CHN", "SUPPORT", False, day, "a1", "E1", "Wire"),
            ("RUS", "CHN", "SUPPORT", False, day, "a1", "E2", "Wire"),
            ("RUS", "CHN", "SUPPORT", False, day, "a2", "E1", None),
            ("RUS", "CHN", "SUPPORT", False, day, "a3", "E1", "Post")]
    [(story, members)] = list(group_stories(iter(rows), 3))
    assert story[7:10] == (4, 3, 2)
    assert len(members) == 4 and story[0].startswith("S")


def test_linking_in_small_chunks_gives_the_same_stories(tmp_path, monkeypatch):
    from communique.store import stories as module

    articles = [article(f"c{n}", f"2026-07-{1 + n % 9:02d}", [event(1, "190", RUS, CHN),
                                                              event(2, "051", CHN, RUS)],
                        source=f"S{n % 3}") for n in range(20)]
    dumps = []
    for chunk in (50_000, 3):
        monkeypatch.setattr(module, "CHUNK", chunk)
        with Store.open(tmp_path / f"{chunk}.duckdb", write=True) as store:
            store.write([stored(a) for a in articles])
            store.link_stories()
            dumps.append(dump(store))
    assert dumps[0] == dumps[1] and len(dumps[0]["stories"]) == 6
