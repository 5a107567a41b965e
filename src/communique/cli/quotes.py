"""`communique quotes`: what was said in articles, and by whom."""

from __future__ import annotations

import json
import sys

import click

from ..io.checks import normalise_date
from ..io.readers import read_inputs
from ..quotes.search import KINDS, said_by
from ..records import Quote
from .common import EXIT_OK, EXIT_SKIPPED, SkipReporter, coder_options, make_coder, user_errors


@click.command("quotes")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
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
def quotes_command(inputs, speaker, kinds, date, as_json, model, dictionaries,
                   min_confidence, batch_size) -> None:
    """List the quotes in articles: direct, partial and indirect, with their speakers.

    FILE is read as by `communique code` (text, JSONL, a folder, or - for standard
    input). Each line shows the article, the speaker, the kind and cue, and the words.
    Skipped records are reported on standard error, and the exit status is then 1.
    """
    if date is not None:
        date = normalise_date(date, "--date")
    coder = make_coder(model, dictionaries, min_confidence, batch_size)
    report = SkipReporter()

    found = 0
    records = report.readable(read_inputs(inputs, date=date))
    for article in coder.code_many(records, on_error=report):
        for quote in said_by(article, speaker, kinds=kinds or KINDS):
            found += 1
            if as_json:
                line = json.dumps({"article": article.id, **quote.to_dict()},
                                  ensure_ascii=False)
            else:
                line = format_quote(article.id, quote)
            click.echo(line)
    if not found and speaker:
        click.echo(f"no quotes by {speaker!r}", err=True)
    sys.exit(EXIT_SKIPPED if report.skipped else EXIT_OK)


def format_quote(article_id: str | None, quote: Quote) -> str:
    speaker = quote.speaker_name or "(unknown speaker)"
    how = quote.kind + (f", {quote.cue}" if quote.cue else "")
    return f"{article_id or '-'}  {speaker} ({how}): \u201c{quote.text}\u201d"
