"""`communique dyad`: how relations between two actors move over time."""

from __future__ import annotations

from pathlib import Path

import click

from ..store import dyad_timeline
from ..store.queries import PERIODS, QUADS
from .common import user_errors
from .store_options import db_option, format_option, open_store, print_rows, store_errors

HEADERS = {"statement": "stmt", "verbal_cooperation": "v-coop",
           "material_cooperation": "m-coop", "verbal_conflict": "v-confl",
           "material_conflict": "m-confl"}


@click.command("dyad")
@click.argument("first", metavar="CODE")
@click.argument("second", metavar="CODE")
@db_option
@click.option("--directed", is_flag=True, help="Only the first as source, the second as target.")
@click.option("--period", type=click.Choice(list(PERIODS)), default="week",
              show_default=True)
@click.option("--planned", is_flag=True,
              help="Also count, apart, events dated after their article's date (plans, "
                   "promises); left out by default, as they have not happened.")
@click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this date.")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE.png|svg", help="Also draw the timeline as a chart.")
@format_option
@user_errors
@store_errors
def dyad_command(first, second, db, directed, period, planned, since, until, plot, fmt) -> None:
    """The relation between two actors over time: events per day, week, month,
    quarter or year in each quad class (statement, verbal and material cooperation, verbal and
    material conflict) and their mean Goldstein score.

    CODE is an actor code or its prefix: CHN, RUSGOV, IGOUNO. Events either way
    round are counted unless --directed; negated events are not. Events dated after
    their article's date (a visit promised for "the first half of the year") have not
    happened: they are left out, or counted in a column of their own with --planned.
    """
    with open_store(db) as store:
        timeline = dyad_timeline(store, first, second, directed=directed, since=since,
                                 until=until, period=period, planned=planned)
    columns = ["period", "events", *QUADS, "goldstein", *(["planned"] if planned else [])]
    print_rows(timeline, columns, fmt, headers=HEADERS)
    if plot is not None:
        from ..store.chart import plot_dyad

        plot_dyad(timeline, first.upper(), second.upper(), plot, period=period)
        click.echo(f"wrote the chart to {plot}", err=True)
