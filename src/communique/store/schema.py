"""The store's schema, as a numbered list of migrations.

A store records the migrations applied to it (`communique_migrations`); opening it to
write applies the ones it lacks, each in its own transaction with its record, so a
store is always at one version. To change the schema, append a `Migration` with the
next number; never edit one that has shipped. Each migration's SQL is written out in
full (not built from `rows.COLUMNS`), so a store made today and one migrated from an
older version end with the same tables; a test checks that the tables hold every column
of `rows.COLUMNS`.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

TABLES = ("articles", "actors", "mentions", "events", "quotes")
OWN_TABLES = frozenset({"communique_migrations", "communique_meta"})


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, actors, mentions, events and quotes", (
        """CREATE TABLE articles (
            article_id VARCHAR NOT NULL, "date" DATE, title VARCHAR, "source" VARCHAR,
            url VARCHAR, "text" VARCHAR, places VARCHAR, dates VARCHAR,
            content_hash VARCHAR NOT NULL)""",
        """CREATE TABLE actors (
            article_id VARCHAR NOT NULL, actor_id VARCHAR, name VARCHAR, kind VARCHAR,
            country VARCHAR, sector VARCHAR, org VARCHAR, code VARCHAR, title VARCHAR,
            mention_count INTEGER)""",
        """CREATE TABLE mentions (
            article_id VARCHAR NOT NULL, actor_id VARCHAR, "start" INTEGER, "end" INTEGER,
            "text" VARCHAR)""",
        """CREATE TABLE events (
            article_id VARCHAR NOT NULL, event_id VARCHAR, sentence INTEGER,
            source_actor VARCHAR, source_name VARCHAR, source_country VARCHAR,
            source_sector VARCHAR, source_org VARCHAR, source_code VARCHAR,
            source_start INTEGER, source_end INTEGER,
            target_actor VARCHAR, target_name VARCHAR, target_country VARCHAR,
            target_sector VARCHAR, target_org VARCHAR, target_code VARCHAR,
            target_start INTEGER, target_end INTEGER,
            cameo VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR, goldstein DOUBLE,
            quad INTEGER, plover_type VARCHAR, plover_mode VARCHAR, trigger_text VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER, negated BOOLEAN, "date" DATE,
            date_end DATE, date_text VARCHAR, location_name VARCHAR,
            location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
            confidence DOUBLE, reciprocal BOOLEAN, snippet VARCHAR)""",
        """CREATE TABLE quotes (
            article_id VARCHAR NOT NULL, quote_index INTEGER, "text" VARCHAR,
            "start" INTEGER, "end" INTEGER, kind VARCHAR, cue VARCHAR,
            speaker_actor VARCHAR, speaker_name VARCHAR)""",
    )),
    Migration(2, "story events: the same event reported by several articles", (
        """CREATE TABLE stories (
            story_id VARCHAR NOT NULL, source_key VARCHAR, target_key VARCHAR,
            event_type VARCHAR, negated BOOLEAN, date_start DATE, date_end DATE,
            num_events INTEGER, num_articles INTEGER, num_sources INTEGER,
            first_article_id VARCHAR, first_event_id VARCHAR)""",
        # each event's story and how many articles and sources report it, on the event
        # itself: an event search then needs no join
        "ALTER TABLE events ADD COLUMN story_id VARCHAR",
        "ALTER TABLE events ADD COLUMN story_articles INTEGER",
        "ALTER TABLE events ADD COLUMN story_sources INTEGER",
        # story keys whose stories must be linked again (written with the articles, so a
        # run killed before it linked them leaves the work for the next run)
        """CREATE TABLE story_pending (
            source_key VARCHAR, target_key VARCHAR, event_type VARCHAR, negated BOOLEAN)""",
    )),
    Migration(3, "the actor registry: what articles taught about actors, and corrections", (
        # one row per role of an actor; `entry` is the actor's name as it is matched
        """CREATE TABLE actor_registry (
            entry VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            aliases VARCHAR[], country VARCHAR, sector VARCHAR, title VARCHAR, org VARCHAR,
            since DATE, "until" DATE, "source" VARCHAR NOT NULL, articles INTEGER)""",
    )),
    Migration(4, "quote parts: the spans of each part of a quote broken by its attribution", (
        # JSON [[start, end], ...]; null in rows written before: the whole span
        "ALTER TABLE quotes ADD COLUMN parts VARCHAR",
    )),
    Migration(5, "article tone: how positive or negative an article's words are", (
        # null in rows written before: their tone was not measured
        "ALTER TABLE articles ADD COLUMN tone DOUBLE",
        "ALTER TABLE articles ADD COLUMN tone_method VARCHAR",
    )),
    Migration(6, "event quotes: the quote an event comes from or reports", (
        # the quote's id ("Q2", its quote_index + 1); null in rows written before
        "ALTER TABLE events ADD COLUMN quote VARCHAR",
    )),
)
LATEST = MIGRATIONS[-1].version
REGISTRY_COLUMNS = ("entry", "name", "kind", "aliases", "country", "sector", "title", "org",
                    "since", "until", "source", "articles")


def schema_version(connection: duckdb.DuckDBPyConnection) -> int | None:
    """The store's version; 0 for an empty database; None for a database of other tables."""
    tables = user_tables(connection)
    if "communique_migrations" not in tables:
        return 0 if not tables else None
    row = connection.execute("SELECT max(version) FROM communique_migrations").fetchone()
    return int(row[0] or 0)


def user_tables(connection: duckdb.DuckDBPyConnection) -> list[str]:
    rows = connection.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database() ORDER BY table_name").fetchall()
    return [name for (name,) in rows]


def migrate(connection: duckdb.DuckDBPyConnection, current: int) -> list[Migration]:
    """Apply the migrations after `current`, each in one transaction; the ones applied."""
    applied = []
    if current == 0:
        connection.execute("CREATE TABLE IF NOT EXISTS communique_migrations "
                           "(version INTEGER NOT NULL, name VARCHAR)")
        connection.execute("CREATE TABLE IF NOT EXISTS communique_meta "
                           "(key VARCHAR NOT NULL, value VARCHAR)")
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        connection.execute("BEGIN")
        try:
            for statement in migration.statements:
                connection.execute(statement)
            connection.execute("INSERT INTO communique_migrations VALUES (?, ?)",
                               [migration.version, migration.name])
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        applied.append(migration)
    return applied
