"""Story events: the same event reported by several articles, linked into one.

Two events are the same story when they have the same dyad (the source's and the
target's country, or a non-state body's own code: `IGOUNO`), the same kind of event
(PLOVER type, or CAMEO root for statements and appeals, which have no PLOVER type), the
same negation, and dates within a window. The window runs from the story's first
report: with a window of 3 days, reports on days 1, 2 and 4 are one story and a report
on day 5 starts the next, so daily fighting becomes a story every few days, not one
story for a war. A reciprocal event ("the two sides held talks") has no direction, so
its dyad is put in alphabetical order.

An event can be linked when it has a date and its source is coded to a country or a
body; the rest stand alone. Linking is a function of the stored events only, so it
gives the same stories whatever order articles came in or however often a run was
interrupted. Writing articles marks the story keys they touch as pending
(`story_pending`); `link_pending` relinks those keys and clears the marks in one
transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import Any

import duckdb

from ..records import NONSTATE
from .bulk import insert_rows

DEFAULT_WINDOW_DAYS = 3
CHUNK = 50_000  # events read, and story members written, at a time
_NONSTATE = ", ".join(f"'{code}'" for code in sorted(NONSTATE))


def side_key_sql(prefix: str) -> str:
    """SQL for one side's key: its country, or a non-state body's country and code."""
    return (f"CASE WHEN {prefix}_country IN ({_NONSTATE}) "
            f"THEN {prefix}_country || coalesce({prefix}_org, '') "
            f"ELSE {prefix}_country END")


_SOURCE = side_key_sql("e.source")
_TARGET = side_key_sql("e.target")
# (source_key, target_key, event_type, negated) of an event row `e`
KEY_SQL = (
    f"CASE WHEN e.reciprocal AND ({_TARGET}) < ({_SOURCE}) THEN ({_TARGET}) "
    f"ELSE ({_SOURCE}) END AS source_key, "
    f"CASE WHEN e.reciprocal AND ({_TARGET}) < ({_SOURCE}) THEN ({_SOURCE}) "
    f"ELSE ({_TARGET}) END AS target_key, "
    "coalesce(e.plover_type, 'CAMEO ' || e.cameo_root) AS event_type, "
    "coalesce(e.negated, false) AS negated"
)
LINKABLE_SQL = f"e.date IS NOT NULL AND ({_SOURCE}) IS NOT NULL"
_SAME_KEY = ("k.source_key IS NOT DISTINCT FROM {t}.source_key "
             "AND k.target_key IS NOT DISTINCT FROM {t}.target_key "
             "AND k.event_type = {t}.event_type AND k.negated = {t}.negated")


def mark_pending(connection: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """Mark the story keys of these articles' stored events as needing relinking."""
    if not article_ids:
        return
    connection.execute(
        f"INSERT INTO story_pending SELECT DISTINCT {KEY_SQL} FROM events e "
        f"WHERE {LINKABLE_SQL} AND e.article_id IN (SELECT unnest(?))", [article_ids])


def mark_all_pending(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute("DELETE FROM story_pending")
    connection.execute(
        f"INSERT INTO story_pending SELECT DISTINCT {KEY_SQL} FROM events e "
        f"WHERE {LINKABLE_SQL}")
    connection.execute(
        "INSERT INTO story_pending SELECT DISTINCT source_key, target_key, event_type, "
        "negated FROM stories")


def link_pending(connection: duckdb.DuckDBPyConnection, *, window_days: int) -> int:
    """Relink the stories of every pending key, in one transaction; how many keys."""
    connection.execute("BEGIN")
    try:
        connection.execute(
            "CREATE OR REPLACE TEMP TABLE link_keys AS SELECT DISTINCT * FROM story_pending")
        keys = connection.execute("SELECT count(*) FROM link_keys").fetchone()[0]
        if keys:
            _relink(connection, window_days)
        connection.execute("DELETE FROM story_pending")
        connection.execute("DROP TABLE link_keys")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return keys


def _relink(connection: duckdb.DuckDBPyConnection, window_days: int) -> None:
    old = (f"SELECT s.story_id FROM stories s JOIN link_keys k ON {_SAME_KEY.format(t='s')}")
    connection.execute("UPDATE events SET story_id = NULL, story_articles = NULL, "
                       f"story_sources = NULL WHERE story_id IN ({old})")
    connection.execute(f"DELETE FROM stories WHERE story_id IN ({old})")
    # the events to link, in order, numbered: read back a chunk at a time, since
    # inserting on the connection would end a result still being read
    connection.execute(
        "CREATE OR REPLACE TEMP TABLE link_rows AS SELECT row_number() OVER (ORDER BY "
        "x.source_key NULLS FIRST, x.target_key NULLS FIRST, x.event_type, x.negated, "
        "x.date, x.article_id, x.event_id) AS n, x.source_key, x.target_key, x.event_type, "
        "x.negated, x.date, x.article_id, x.event_id, a.source "
        f"FROM (SELECT {KEY_SQL}, e.date, e.article_id, e.event_id "
        f"FROM events e WHERE {LINKABLE_SQL}) x "
        f"JOIN link_keys k ON {_SAME_KEY.format(t='x')} "
        "JOIN articles a ON a.article_id = x.article_id")
    connection.execute("CREATE OR REPLACE TEMP TABLE link_members (article_id VARCHAR, "
                       "event_id VARCHAR, story_id VARCHAR, story_articles INTEGER, "
                       "story_sources INTEGER)")
    stories: list[tuple] = []
    members: list[tuple] = []
    for story, story_members in group_stories(_rows(connection), window_days):
        stories.append(story)
        members.extend(story_members)
        if len(members) >= CHUNK:
            _insert(connection, stories, members)
            stories, members = [], []
    _insert(connection, stories, members)
    connection.execute(
        "UPDATE events SET story_id = m.story_id, story_articles = m.story_articles, "
        "story_sources = m.story_sources FROM link_members m "
        "WHERE events.article_id = m.article_id AND events.event_id = m.event_id")
    connection.execute("DROP TABLE link_rows")
    connection.execute("DROP TABLE link_members")


def _rows(connection: duckdb.DuckDBPyConnection) -> Iterator[tuple]:
    done = 0
    while batch := connection.execute(
            "SELECT source_key, target_key, event_type, negated, date, article_id, event_id, "
            "source FROM link_rows WHERE n > ? AND n <= ? ORDER BY n",
            [done, done + CHUNK]).fetchall():
        done += len(batch)
        yield from batch


STORY_COLUMNS = ("story_id", "source_key", "target_key", "event_type", "negated",
                 "date_start", "date_end", "num_events", "num_articles", "num_sources",
                 "first_article_id", "first_event_id")


def _insert(connection: duckdb.DuckDBPyConnection, stories: list[tuple],
            members: list[tuple]) -> None:
    insert_rows(connection, "stories", STORY_COLUMNS, stories)
    insert_rows(connection, "link_members", ("article_id", "event_id", "story_id",
                                             "story_articles", "story_sources"), members)


def group_stories(rows: Iterator[tuple], window_days: int
                  ) -> Iterator[tuple[tuple, list[tuple]]]:
    """Stories from event rows sorted by key, date, article and event:
    (source_key, target_key, event_type, negated, date, article_id, event_id, source).
    Each story comes with its members: (article_id, event_id, story_id, articles,
    sources)."""
    window = dt.timedelta(days=window_days)
    current: list[tuple] = []
    for row in rows:
        if current and (row[:4] != current[0][:4] or row[4] - current[0][4] > window):
            yield _story(current)
            current = []
        current.append(row)
    if current:
        yield _story(current)


def _story(rows: list[tuple]) -> tuple[tuple, list[tuple]]:
    first = rows[0]
    source_key, target_key, event_type, negated = first[:4]
    identity = "|".join(str(v) for v in (*first[:4], first[4], first[5], first[6]))
    story_id = "S" + hashlib.sha1(identity.encode("utf-8")).hexdigest()[:16]
    story: tuple[Any, ...] = (
        story_id, source_key, target_key, event_type, negated, first[4], rows[-1][4],
        len(rows), len({r[5] for r in rows}), len({r[7] for r in rows if r[7]}),
        first[5], first[6])
    return story, [(r[5], r[6], story_id, story[8], story[9]) for r in rows]
