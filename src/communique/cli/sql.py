"""`communique sql`: any reading query on the store."""

from __future__ import annotations

import click

from ..store import run_sql
from .common import user_errors
from .store_options import db_option, format_option, open_store, print_rows, store_errors


@click.command("sql")
@click.argument("query", metavar="SQL")
@db_option
@click.option("--limit", type=click.IntRange(1), default=1000, show_default=True,
              help="Print at most this many rows.")
@format_option
@user_errors
@store_errors
def sql_command(query, db, limit, fmt) -> None:
    """Run one reading SQL statement (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE) on the
    store, which is opened read-only and cannot read other files.

    The tables: articles, actors, mentions, events, quotes, stories
    (see the docs/store.md). Example:

        communique sql "SELECT plover_type, count(*) FROM events GROUP BY 1"
    """
    with open_store(db, external_access=False) as store:
        page = run_sql(store, query, limit=limit)
    print_rows(page.rows, page.columns, fmt)
    if page.truncated:
        click.echo(f"(the first {limit} rows; raise --limit for more)", err=True)
