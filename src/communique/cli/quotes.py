"""`communique quotes`: what was said in articles, and by whom."""

from __future__ import annotations

import json
import sys

import click

from ..io.checks import normalise_date
from ..io.readers import read_inputs
from ..quotes.search import KINDS, said_by, stored_quotes
from ..records import Quote
from .common import EXIT_OK, EXIT_SKIPPED, SkipReporter, coder_options, make_coder, user_errors
from .store_options import open_store, store_errors


@click.command("quotes")
@click.argument("inputs", nargs=-1, metavar="FILE...")
@click.option("--db", default=None, metavar="FILE",
              help="Read the quotes of a store (a DuckDB file) instead of coding files.")
@click.option("--speaker", metavar="NAME|CODE",
              help="Only what this speaker said: words of a name (putin, 'Mr Ushakov') or "
              "an actor code (RUSGOV).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Only quotes of this kind (repeatable; default: all).")
@click.option("--date", default=None, metavar="YYYY-MM-DD",
              help="Publication date for articles that do not give one.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object a line: the article id and the quote record.")
@coder_options
@user_errors
@store_errors
def quotes_command(inputs, db, speaker, kinds, date, as_json, model, dictionaries,
                   min_confidence, batch_size) -> None:
    """List the quotes in articles: direct, partial and indirect, with their speakers.

    FILE is read as by `communique code` (text, JSONL, a folder, or - for standard
    input). Each line shows the article, the speaker, the kind and cue, and the words.
    Skipped records are reported on standard error, and the exit status is then 1.
    With --db, the quotes of a store are listed as they were coded, and no FILE is read.
    """
    if db is not None:
        if inputs:
            raise click.UsageError("give FILE... or --db, not both")
        found = 0
        with open_store(db) as store:
            for article_id, quote in stored_quotes(store, speaker, kinds=kinds or KINDS):
                found += 1
                click.echo(_line(article_id, quote, as_json))
        if not found and speaker:
            click.echo(f"no quotes by {speaker!r}", err=True)
        sys.exit(EXIT_OK)
    if not inputs:
        raise click.UsageError("give FILE... (or --db for a store)")
    if date is not None:
        date = normalise_date(date, "--date")
    coder = make_coder(model, dictionaries, min_confidence, batch_size)
    report = SkipReporter()

    found = 0
    records = report.readable(read_inputs(inputs, date=date))
    for article in coder.code_many(records, on_error=report):
        for quote in said_by(article, speaker, kinds=kinds or KINDS):
            found += 1
            click.echo(_line(article.id, quote, as_json))
    if not found and speaker:
        click.echo(f"no quotes by {speaker!r}", err=True)
    sys.exit(EXIT_SKIPPED if report.skipped else EXIT_OK)


def _line(article_id: str | None, quote: Quote, as_json: bool) -> str:
    if as_json:
        return json.dumps({"article": article_id, **quote.to_dict()}, ensure_ascii=False)
    return format_quote(article_id, quote)


def format_quote(article_id: str | None, quote: Quote) -> str:
    speaker = quote.speaker_name or "(unknown speaker)"
    how = quote.kind + (f", {quote.cue}" if quote.cue else "")
    return f"{article_id or '-'}  {speaker} ({how}): \u201c{quote.text}\u201d"
