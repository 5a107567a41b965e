"""`communique events`: search the stored events."""

from __future__ import annotations

import click

from ..store import find_events
from .common import user_errors
from .store_options import db_option, format_option, open_store, print_rows, store_errors

TABLE_COLUMNS = ("date", "source_code", "cameo", "plover_type", "target_code", "negated",
                 "story_articles", "snippet", "article_id")
HEADERS = {"source_code": "source", "plover_type": "plover", "target_code": "target",
           "story_articles": "articles", "article_id": "article"}


def event_filter_options(command):
    """The filters events share: actor, dyad, type, CAMEO code, dates."""
    options = [
        click.option("--actor", metavar="NAME|CODE",
                     help="Events with this actor on either side: a code prefix (RUS, "
                     "RUSGOV) or a part of its name (putin)."),
        click.option("--dyad", nargs=2, metavar="CODE CODE",
                     help="Events between two actors (code prefixes: CHN RUS)."),
        click.option("--directed", is_flag=True,
                     help="With --dyad: only the first as source, the second as target."),
        click.option("--type", "plover_type", metavar="PLOVER",
                     help="A PLOVER type: SUPPORT, ASSAULT, ..."),
        click.option("--cameo", metavar="CODE", help="A CAMEO code or prefix: 05, 0841."),
        click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this date."),
        click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this date."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command("events")
@db_option
@event_filter_options
@click.option("--article", "article_id", metavar="ID", help="The events of one article.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, help="Rows to pass over first.")
@format_option
@user_errors
@store_errors
def events_command(db, actor, dyad, directed, plover_type, cameo, since, until, article_id,
                   limit, offset, fmt) -> None:
    """Search the stored events, newest first.

    The table shows each event's date, source and target codes, CAMEO code and PLOVER
    type, whether it is negated, how many articles report its story, and its evidence.
    JSONL and CSV give every field.
    """
    with open_store(db) as store:
        page = find_events(store, actor=actor, dyad=tuple(dyad) if dyad else None,
                           directed=directed, plover_type=plover_type, cameo=cameo,
                           since=since, until=until, article_id=article_id, limit=limit,
                           offset=offset)
    columns = TABLE_COLUMNS if fmt == "table" else page.columns
    print_rows(page.rows, columns, fmt, headers=HEADERS)
    if fmt == "table":
        shown = f"{offset + 1}-{offset + len(page.rows)}" if page.rows else "none"
        click.echo(f"{shown} of {page.total} events", err=True)
