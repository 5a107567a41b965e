"""`communique ingest`: code articles and keep them in the store, each once."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..io.checks import normalise_date
from ..io.formats import Columns
from ..io.readers import count_inputs, read_inputs
from ..parallel import ParallelCoder, default_workers
from ..store import ingest
from ..store.coded import import_coded, is_coded_output
from ..store.ingest import BATCH_ARTICLES, IngestSummary
from .common import EXIT_OK, EXIT_SKIPPED, coder_options, coder_settings, user_errors
from .progress import ProgressBar
from .store_options import db_option, open_store, store_errors

EXIT_INTERRUPTED = 130


def column_options(command):
    """--text-column, --id-column, ...: which CSV or Parquet column holds each field."""
    for field in reversed(("text", "id", "date", "title", "source", "url")):
        command = click.option(f"--{field}-column", default=field, show_default=True,
                               metavar="NAME",
                               help=f"CSV/Parquet column holding the {field}.")(command)
    return command


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--date", default=None, metavar="YYYY-MM-DD",
              help="Publication date for articles that do not give one.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help=f"Coding processes (default: the machine's cores, {default_workers()}).")
@click.option("--recode", is_flag=True,
              help="Code again articles already stored unchanged (after a new dictionary).")
@click.option("--story-window", type=click.IntRange(0, 365), default=None, metavar="DAYS",
              help="Reports of the same event within this many days of its first report "
              "are one story (default 3, or the store's last setting).")
@click.option("--commit-every", type=click.IntRange(1), default=BATCH_ARTICLES,
              show_default=True, metavar="N",
              help="Articles stored per transaction (also at least every 2 seconds).")
@column_options
@click.option("--learn/--no-learn", default=True, show_default=True,
              help="Complete articles from the store's actor registry and let it learn "
              "from them (see `communique actors registry`).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on standard error (default: when it is a terminal).")
@coder_options
@user_errors
@store_errors
def ingest_command(inputs, db, date, workers, recode, story_window, commit_every, text_column,
                   id_column, date_column, title_column, source_column, url_column, learn,
                   progress, model, dictionaries, min_confidence, batch_size) -> None:
    """Code articles and store them in a DuckDB file, each article once.

    PATH is a text file, JSONL, CSV or TSV, an HTML page, an RSS or Atom feed (.rss,
    .atom, .xml), a Parquet file, a folder of these (read recursively), or - for
    standard input. A folder written by `communique batch` is imported as it is,
    without coding again. An article already stored with the same content is passed over; a
    changed one replaces the old. A run that is stopped, even killed, can be run again
    and carries on. Skipped records are reported on standard error with where they came
    from, and the exit status is then 1.
    """
    if date is not None:
        date = normalise_date(date, "--date")
    columns = Columns(text=text_column, id=id_column, date=date_column, title=title_column,
                      source=source_column, url=url_column)
    settings = coder_settings(model, dictionaries, min_confidence, batch_size, check=True)
    coder = ParallelCoder(settings, workers=workers or default_workers())
    show = progress if progress is not None else sys.stderr.isatty()

    def report(item) -> None:
        where = getattr(item, "origin", "?")
        message = item.error.message
        text = message if where in message else f"{where}: {message}"
        ProgressBar.write(f"skipped: {text} [{item.error.code}]", file=sys.stderr)

    coded = [name for name in inputs if name != "-" and is_coded_output(Path(name))]
    to_code = [name for name in inputs if name not in coded]
    total = count_inputs(to_code, columns=columns) if show and to_code else None
    summary = IngestSummary()
    with open_store(db, write=True) as store, ProgressBar(
            total=total, disable=not show or not to_code, unit=" articles", file=sys.stderr,
            dynamic_ncols=True, smoothing=0.1) as bar:
        try:
            for folder in coded:  # already coded by `communique batch`: imported as it is
                summary.add(import_coded(store, Path(folder), story_window=story_window))
            if to_code:
                summary.add(ingest(store, read_inputs(to_code, date=date, columns=columns),
                                   coder, recode=recode, on_skip=report,
                                   on_progress=bar.update, story_window=story_window,
                                   batch_articles=commit_every, learn=learn))
        except KeyboardInterrupt:
            bar.close()
            click.echo("interrupted: what was stored is kept; run the same command again "
                       "to carry on", err=True)
            sys.exit(EXIT_INTERRUPTED)
    click.echo(format_summary(summary, db))
    sys.exit(EXIT_SKIPPED if summary.skipped else EXIT_OK)


def format_summary(summary: IngestSummary, db: str) -> str:
    rate = summary.coded / summary.seconds if summary.seconds else 0.0
    imported = f", imported {summary.imported} coded by batch" if summary.imported else ""
    lines = [
        f"{db}: coded {summary.coded} article{'s' if summary.coded != 1 else ''}{imported} "
        f"({summary.replaced} replacing older versions), {summary.events} events, "
        f"{summary.quotes} quotes; {summary.unchanged} unchanged; "
        f"{len(summary.skipped)} skipped; {summary.seconds:.1f}s ({rate:.1f} articles/s)"]
    for reason, count in summary.reasons().most_common():
        lines.append(f"  skipped {count:>6}  {reason}")
    return "\n".join(lines)
