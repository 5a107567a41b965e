"""`communique export`: the store as JSONL, CSV, Parquet, GDELT or PLOVER records."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..store.exports import FORMATS, KEYS, export
from .common import user_errors
from .store_options import db_option, open_store, store_errors


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="jsonl: article records; csv: one table; parquet: a folder of tables; "
              "gdelt: GDELT 2.0 event rows; plover: PLOVER event records.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write (a folder for parquet; default: standard output).")
@click.option("--table", type=click.Choice(list(KEYS)), default="events", show_default=True,
              help="The table for csv.")
@click.option("--include-text", is_flag=True, help="jsonl: put each article's text in it.")
@user_errors
@store_errors
def export_command(db, fmt, output, table, include_text) -> None:
    """Write the store out in another format.

    gdelt writes the 61 columns of the GDELT 2.0 event table, tab-separated, one row per
    story event (NumArticles: the articles reporting it), with the fields communique
    does not produce left empty. Negated events are left out of gdelt and plover.
    """
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs -o FOLDER")
    with open_store(db) as store:
        count = export(store, fmt, output if output is not None else sys.stdout,
                       table=table, include_text=include_text)
    if output is not None:
        what = "tables" if fmt == "parquet" else "rows" if fmt in {"csv", "gdelt"} else "records"
        click.echo(f"wrote {count} {what} to {output}", err=True)
