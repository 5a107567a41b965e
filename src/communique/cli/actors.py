"""`communique actors`: the most active actors in the store."""

from __future__ import annotations

import click

from ..store import top_actors
from .common import user_errors
from .store_options import db_option, format_option, open_store, print_rows, store_errors


@click.command("actors")
@db_option
@click.option("--by", type=click.Choice(["code", "name"]), default="code", show_default=True,
              help="Rank actor codes (RUSGOV) or names (Vladimir Putin).")
@click.option("--since", metavar="YYYY-MM-DD", help="Count events on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Count events on or before this date.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, help="Rows to pass over first.")
@format_option
@user_errors
@store_errors
def actors_command(db, by, since, until, limit, offset, fmt) -> None:
    """The most active actors: how many events each is a side of (as source, as target),
    with its commonest name (or code) and the mean Goldstein score of its events.
    Negated events are not counted."""
    with open_store(db) as store:
        page = top_actors(store, by=by, since=since, until=until, limit=limit, offset=offset)
    print_rows(page.rows, page.columns, fmt)
