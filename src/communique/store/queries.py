"""Questions asked of a store, as plain data: the Python API under the CLI and HTTP.

Every function takes an open `Store` and keyword-only filters, builds parameterised
SQL (values never go into the SQL text) and returns plain dicts, or a `Page` of them
with the total for paging. Negated events ("did not attend") are kept in event
searches, marked `negated`, and left out of counts (timelines, actor rankings), since
they did not happen.

An actor is matched by code or by name: `RUS` matches the codes RUS, RUSGOV, RUSMIL
(a code prefix); `putin` matches names containing it, in any case. A dyad (`CHN`,
`RUS`) matches events between the two, either way round unless `directed`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import duckdb

from ..errors import E023, E024, E038, StoreError
from ..records import Article
from ..rows import article_from_rows
from ..tables.cameo import PLOVER_TYPES
from .connect import DAMAGE
from .database import Store

MAX_LIMIT = 10_000
QUADS = ("statement", "verbal_cooperation", "material_cooperation", "verbal_conflict",
         "material_conflict")  # quad class 0..4
_CODE = re.compile(r"^[A-Z]{3,}$")
_CAMEO = re.compile(r"^\d{2,4}$")
ALLOWED_SQL = frozenset({"SELECT", "EXPLAIN"})


@dataclass(slots=True)
class Page:
    """One page of results and the total number there are."""

    rows: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    columns: list[str] = field(default_factory=list)
    truncated: bool = False  # more rows than the limit (SQL results)

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.rows)
        return end if end < self.total else None

    def to_dict(self, *, rows: bool = True) -> dict[str, Any]:
        """The page as plain data; its rows' dates as ISO strings, or with `rows=False`
        the rows as they are (for a JSON encoder that writes dates itself)."""
        return {"rows": [jsonable(r) for r in self.rows] if rows else self.rows,
                "total": self.total,
                "limit": self.limit, "offset": self.offset, "next_offset": self.next_offset}


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """A row with dates as ISO strings, ready for JSON."""
    return {k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v
            for k, v in row.items()}


# -- filters --------------------------------------------------------------------------
@dataclass(slots=True)
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "true"


def _side(prefix: str, value: str) -> tuple[str, list[Any]]:
    return f"starts_with(e.{prefix}_code, ?)", [value]


def _actor(where: _Where, actor: str) -> None:
    value = actor.strip()
    if not value:
        raise StoreError(E024, name="--actor", problem="the actor is empty")
    # contains(lower()) rather than ILIKE: no wildcards to escape, and many times faster
    name = "(contains(lower(e.source_name), ?) OR contains(lower(e.target_name), ?))"
    lowered = value.lower()
    if _CODE.match(value):
        where.add(f"(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?) OR {name})",
                  value, value, lowered, lowered)
    else:
        where.add(name, lowered, lowered)


def _dyad(where: _Where, dyad: tuple[str, str], directed: bool) -> None:
    first, second = (_code(code, "--dyad") for code in dyad)
    one = "(starts_with(e.source_code, ?) AND starts_with(e.target_code, ?))"
    if directed:
        where.add(one, first, second)
    else:
        where.add(f"({one} OR {one})", first, second, second, first)


def _code(value: str, option: str) -> str:
    code = value.strip().upper()
    if not _CODE.match(code):
        raise StoreError(E024, name=option, problem=f"{value!r} is not an actor code (three "
                         "or more letters: CHN, RUSGOV, IGOUNO)")
    return code


def _dates(where: _Where, since: str | dt.date | None, until: str | dt.date | None,
           column: str = "e.date") -> None:
    if since is not None:
        where.add(f"{column} >= ?", _date(since, "--since"))
    if until is not None:
        where.add(f"{column} <= ?", _date(until, "--until"))


def _date(value: str | dt.date, option: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise StoreError(E024, name=option,
                         problem=f"{value!r} is not a date (YYYY-MM-DD)") from None


def _plover(value: str) -> str:
    upper = value.strip().upper()
    if upper not in PLOVER_TYPES:
        raise StoreError(E024, name="--type", problem=f"{value!r} is not a PLOVER type "
                         f"(one of {', '.join(PLOVER_TYPES)})")
    return upper


def _cameo(value: str) -> str:
    code = value.strip()
    if not _CAMEO.match(code):
        raise StoreError(E024, name="--cameo",
                         problem=f"{value!r} is not a CAMEO code or prefix (2 to 4 digits)")
    return code


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_LIMIT:
        raise StoreError(E024, name="limit", problem=f"must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise StoreError(E024, name="offset", problem="must not be negative")
    return limit, offset


def event_filters(*, actor: str | None = None, dyad: tuple[str, str] | None = None,
                  directed: bool = False, plover_type: str | None = None,
                  cameo: str | None = None, since: str | dt.date | None = None,
                  until: str | dt.date | None = None, article_id: str | None = None,
                  negated: bool | None = None) -> _Where:
    where = _Where()
    if actor is not None:
        _actor(where, actor)
    if dyad is not None:
        _dyad(where, dyad, directed)
    if plover_type is not None:
        where.add("e.plover_type = ?", _plover(plover_type))
    if cameo is not None:
        where.add("starts_with(e.cameo, ?)", _cameo(cameo))
    _dates(where, since, until)
    if article_id is not None:
        where.add("e.article_id = ?", article_id)
    if negated is not None:
        where.add("coalesce(e.negated, false) = ?", negated)
    return where


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# -- events ---------------------------------------------------------------------------
# the last key, the order events were stored in, settles ties (two events of one
# trigger), so that a page is the same whatever plan DuckDB chooses
EVENT_ORDER = "e.date DESC NULLS LAST, e.article_id, e.sentence, e.trigger_start, e.rowid"


def find_events(store: Store, *, limit: int = 50, offset: int = 0, **filters: Any) -> Page:
    """Events matching the filters of `event_filters`, newest first, with their story
    (`story_id`, `story_articles`, `story_sources`: an event in no story is reported by
    its own article only) and their article's title, source and URL."""
    limit, offset = _page(limit, offset)
    where = event_filters(**filters)
    connection = store.connection
    # The page's row ids first (sorting narrow rows is several times faster than sorting
    # whole events), with the total as a window over the matching events (one pass over
    # the events instead of two; a page past the end counts them apart), then those rows
    # by `rowid = ANY(list)`, which DuckDB looks up, and their articles by id apart:
    # joining events with articles in one statement builds a hash table over every
    # article, which costs more than the rest of the search.
    page = connection.execute(
        f"SELECT e.rowid, e.article_id, count(*) OVER () FROM events e WHERE {where.sql()} "
        f"ORDER BY {EVENT_ORDER} LIMIT ? OFFSET ?", [*where.params, limit, offset]).fetchall()
    total = page[0][2] if page else connection.execute(
        f"SELECT count(*) FROM events e WHERE {where.sql()}", where.params).fetchone()[0]
    cursor = connection.execute(
        "SELECT e.rowid AS row_id, e.* EXCLUDE (story_articles, story_sources), "
        "coalesce(e.story_articles, 1) AS story_articles, e.story_sources "
        "FROM events e WHERE e.rowid = ANY(?)", [[r for r, _, _ in page]])
    names = [d[0] for d in cursor.description][1:]
    events = {row[0]: row[1:] for row in cursor.fetchall()}
    articles = {a: (title, source, url) for a, title, source, url in connection.execute(
        "SELECT article_id, title, source, url FROM articles WHERE article_id = ANY(?)",
        [sorted({a for _, a, _ in page})]).fetchall()}
    rows = []
    for row_id, article_id, _ in page:
        if row_id not in events or article_id not in articles:
            continue  # an event without its article is not listed (as by a join)
        row = dict(zip(names, events[row_id], strict=True))
        title, source, url = articles[article_id]
        if row["story_sources"] is None:  # an event in no story: its own article's source
            row["story_sources"] = 0 if source is None else 1
        rows.append({**row, "article_title": title, "article_source": source,
                     "article_url": url})
    columns = [*names, "article_title", "article_source", "article_url"]
    return Page(rows, total, limit, offset, columns)


PERIODS = ("day", "week", "month", "quarter", "year")
# An event is planned, not yet done, when its time reaches past the day its article was
# published: "will visit in March", "accepted an invitation to visit in the first half
# of the year" (an interval from January 1 that ends in June). A timeline of what
# happened leaves these out unless asked; asked, they are counted apart.
PLANNED = "coalesce(e.date_end, e.date) > a.date"


def dyad_timeline(store: Store, first: str, second: str, *, directed: bool = False,
                  since: str | dt.date | None = None, until: str | dt.date | None = None,
                  period: str = "week", planned: bool = False) -> list[dict[str, Any]]:
    """Events between two actors per day, week, month, quarter or year: the count in
    each quad class and the mean Goldstein score. Only periods with events are listed.

    Events dated after their article's publication date (plans, promises: see
    `PLANNED`) are left out; with `planned=True` each row also has a `planned` count of
    them, kept out of the quad counts and the Goldstein mean."""
    if period not in PERIODS:
        raise StoreError(E024, name="period", problem="must be " + ", ".join(PERIODS[:-1])
                         + " or year")
    where = event_filters(dyad=(first, second), directed=directed, since=since, until=until,
                          negated=False)
    where.add("e.date IS NOT NULL")
    done = f"NOT coalesce({PLANNED}, false)"
    if not planned:
        where.add(done)
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad = {n} AND {done}) AS {name}"
                      for n, name in enumerate(QUADS))
    extra = f", count(*) FILTER (WHERE {PLANNED}) AS planned" if planned else ""
    cursor = store.connection.execute(
        f"SELECT CAST(date_trunc('{period}', e.date) AS DATE) AS period, "
        f"count(*) FILTER (WHERE {done}) AS events, {quads}, "
        f"round(avg(e.goldstein) FILTER (WHERE {done}), 2) AS goldstein{extra} "
        "FROM events e JOIN articles a ON a.article_id = e.article_id "
        f"WHERE {where.sql()} GROUP BY 1 ORDER BY 1", where.params)
    return _rows(cursor)


def top_actors(store: Store, *, limit: int = 20, offset: int = 0,
               since: str | dt.date | None = None, until: str | dt.date | None = None,
               by: str = "code", search: str | None = None) -> Page:
    """The most active actors: events in which each is the source or the target.
    `by="code"` ranks actor codes (RUSGOV) with their commonest name; `by="name"` ranks
    names with their commonest code. `search` keeps the sides whose code starts with it
    or whose name contains it, in any case ("rus", "putin")."""
    limit, offset = _page(limit, offset)
    if by not in {"code", "name"}:
        raise StoreError(E024, name="--by", problem="must be code or name")
    other = "name" if by == "code" else "code"
    where = _Where()
    _dates(where, since, until)
    where.add("NOT coalesce(e.negated, false)")
    matching, params = "", where.params
    if search is not None and search.strip():
        matching = " AND (starts_with(e.{0}_code, ?) OR contains(lower(e.{0}_name), ?))"
        params = [*where.params, search.strip().upper(), search.strip().lower()]
    sides = " UNION ALL ".join(
        f"SELECT e.{side}_code AS code, e.{side}_name AS name, e.{side}_country AS country, "
        f"'{side}' AS side, e.goldstein FROM events e WHERE {where.sql()} "
        f"AND e.{side}_{by} IS NOT NULL{matching.format(side)}" for side in ("source", "target"))
    connection = store.connection
    # the total (the number of groups) comes with the page, as a window over the groups:
    # one pass over the events instead of two; a page past the end counts them apart
    cursor = connection.execute(
        f"SELECT {by}, mode({other}) AS {other}, mode(country) AS country, "
        "count(*) AS events, count(*) FILTER (WHERE side = 'source') AS as_source, "
        "count(*) FILTER (WHERE side = 'target') AS as_target, "
        f"round(avg(goldstein), 2) AS goldstein, count(*) OVER () AS groups "
        f"FROM ({sides}) GROUP BY {by} "
        f"ORDER BY events DESC, {by} LIMIT ? OFFSET ?", [*params * 2, limit, offset])
    rows = _rows(cursor)
    columns = [d[0] for d in cursor.description][:-1]  # before the cursor runs again
    total = rows[0]["groups"] if rows else connection.execute(
        f"SELECT count(DISTINCT {by}) FROM ({sides})", params * 2).fetchone()[0]
    for row in rows:
        del row["groups"]
    return Page(rows, total, limit, offset, columns)


def find_stories(store: Store, *, dyad: tuple[str, str] | None = None,
                 plover_type: str | None = None, since: str | dt.date | None = None,
                 until: str | dt.date | None = None, min_articles: int = 1,
                 limit: int = 50, offset: int = 0) -> Page:
    """Story events, the most reported first: key, dates and counts."""
    limit, offset = _page(limit, offset)
    where = _Where()
    if dyad is not None:
        first, second = (_code(code, "--dyad") for code in dyad)
        where.add("((starts_with(s.source_key, ?) AND starts_with(s.target_key, ?)) OR "
                  "(starts_with(s.source_key, ?) AND starts_with(s.target_key, ?)))",
                  first, second, second, first)
    if plover_type is not None:
        where.add("s.event_type = ?", _plover(plover_type))
    _dates(where, since, until, column="s.date_start")
    where.add("s.num_articles >= ?", min_articles)
    connection = store.connection
    total = connection.execute(f"SELECT count(*) FROM stories s WHERE {where.sql()}",
                               where.params).fetchone()[0]
    cursor = connection.execute(
        f"SELECT s.* FROM stories s WHERE {where.sql()} ORDER BY s.num_articles DESC, "
        "s.date_start DESC, s.story_id LIMIT ? OFFSET ?", [*where.params, limit, offset])
    return Page(_rows(cursor), total, limit, offset, [d[0] for d in cursor.description])


# -- articles -------------------------------------------------------------------------
def find_articles(store: Store, *, search: str | None = None, source: str | None = None,
                  since: str | dt.date | None = None, until: str | dt.date | None = None,
                  limit: int = 50, offset: int = 0) -> Page:
    """Articles (without their text), newest first, with their tone and their numbers of
    events."""
    limit, offset = _page(limit, offset)
    where = _Where()
    if search:
        where.add("(contains(lower(a.title), ?) OR contains(lower(a.text), ?))",
                  search.lower(), search.lower())
    if source:
        where.add("a.source = ?", source)
    _dates(where, since, until, column="a.date")
    connection = store.connection
    total = connection.execute(f"SELECT count(*) FROM articles a WHERE {where.sql()}",
                               where.params).fetchone()[0]
    cursor = connection.execute(
        "SELECT a.article_id, a.date, a.title, a.source, a.url, a.tone, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events "
        f"FROM articles a WHERE {where.sql()} ORDER BY a.date DESC NULLS LAST, "
        "a.article_id LIMIT ? OFFSET ?", [*where.params, limit, offset])
    return Page(_rows(cursor), total, limit, offset, [d[0] for d in cursor.description])


def get_article(store: Store, article_id: str) -> Article | None:
    """The whole article record, text included, or None."""
    connection = store.connection

    def rows(table: str) -> list[dict[str, Any]]:
        return _rows(connection.execute(f"SELECT * FROM {table} WHERE article_id = ?",
                                        [article_id]))

    found = rows("articles")
    if not found:
        return None
    return article_from_rows(found[0], rows("actors"), rows("mentions"), rows("events"),
                             rows("quotes"))


def overview(store: Store) -> dict[str, Any]:
    """Counts of each table and the span of event dates."""
    first, last = store.connection.execute(
        "SELECT min(date), max(date) FROM events").fetchone()
    return jsonable({**store.counts(), "first_date": first, "last_date": last,
                     "story_window_days": store.story_window()})


# -- SQL ------------------------------------------------------------------------------
def run_sql(store: Store, sql: str, *, params: list[Any] | None = None,
            limit: int | None = None) -> Page:
    """One reading statement (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); at most
    `limit` rows are returned, `total` counts them all."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError(E023, problem=_first_line(exc)) from exc
    if len(statements) != 1:
        raise StoreError(E023, problem=f"give one statement, not {len(statements)}")
    kind = statements[0].type.name
    if kind not in ALLOWED_SQL:
        raise StoreError(E023, problem=f"{kind} statements are not allowed; the store is "
                         "read-only here")
    try:
        cursor = store.connection.execute(sql, params or [])
        names = [d[0] for d in cursor.description] if cursor.description else []
        fetched = cursor.fetchmany(limit + 1) if limit is not None else cursor.fetchall()
    except duckdb.Error as exc:
        if any(sign in str(exc) for sign in DAMAGE):  # the file, not the statement
            raise StoreError(E038, path=store.path, reason=_first_line(exc)) from exc
        raise StoreError(E023, problem=_first_line(exc)) from exc
    rows = [dict(zip(names, row, strict=True)) for row in fetched]
    truncated = limit is not None and len(rows) > limit
    rows = rows[:limit] if truncated else rows
    return Page(rows, len(rows), limit or len(rows), 0, names, truncated=truncated)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return " ".join(text.splitlines()[:1]) if text else type(exc).__name__
