"""`communique code`: code articles, JSONL out (or a readable view with --pretty)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from ..actors.registry import Registry
from ..io.checks import normalise_date
from ..io.readers import read_inputs
from ..pretty import dateline_date, format_article
from .common import EXIT_OK, EXIT_SKIPPED, SkipReporter, coder_options, make_coder, user_errors
from .progress import ProgressBar


@click.command("code")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@click.option("--date", default=None, metavar="YYYY-MM-DD",
              help="Publication date for articles that do not give one. Relative dates "
              "(\"on Monday\") are read from it, except in an article that opens with a "
              "dateline giving a date (\"ANKARA, March 11 (Reuters) -\"): they are read "
              "from the dateline's date there.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write JSONL here (default: standard output).")
@click.option("--pretty", is_flag=True, help="A human-readable view instead of JSONL.")
@click.option("--include-text", is_flag=True, help="Put each article's text in its record.")
@click.option("--statements/--no-statements", default=None,
              help="Code CAMEO 01 statements (quad class 0, no PLOVER type); default: on "
              "(env COMMUNIQUE_STATEMENTS).")
@click.option("--explain", is_flag=True,
              help="Give each event the rules that shaped it (`rules`) and each record the "
              "drafts the rules dropped (`dropped`), each with the rule that dropped it.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on standard error (default: when it is a terminal).")
@click.option("--learn/--no-learn", default=True,
              help="Remember what each article teaches about its actors for the articles "
              "after it (default: on).")
@click.option("--registry", "registry_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Actor registry file (JSON) to start from and to save what was learnt to.")
@click.option("--known-actors", multiple=True, metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML file of known actors (names, country, sector, title, since, until) "
              "to add to the registry; may be repeated.")
@coder_options
@user_errors
def code(inputs, date, output, pretty, include_text, statements, explain, progress, learn,
         registry_path,
         known_actors, model, dictionaries, min_confidence, batch_size) -> None:
    """Code articles into actors, events and quotes.

    FILE is a text file (one article), a JSONL file (one article a line: id, text and
    optional date, title, source, url), a folder of such files, or - for standard input.
    Prints one JSON record per article; `id` and `date` pass through unchanged.
    Skipped records are reported on standard error, and the exit status is then 1.
    """
    if date is not None:
        date = normalise_date(date, "--date")
    coder = make_coder(model, dictionaries, min_confidence, batch_size, statements=statements)
    registry = None
    if learn or registry_path or known_actors:
        registry = Registry.load(registry_path) if registry_path else Registry()
        for path in known_actors:
            registry.add_file(path)
    report = SkipReporter()

    show = progress if progress is not None else (sys.stderr.isatty() and not pretty)
    started = time.monotonic()
    undated: list[str] = []
    count = 0
    events = 0
    with ProgressBar(disable=not show, unit=" articles", file=sys.stderr,
                     dynamic_ncols=True) as bar:
        records = report.readable(read_inputs(inputs, date=date))
        for article in coder.code_many(records, on_error=report, registry=registry,
                                       learn=learn, explain=explain):
            count += 1
            events += len(article.events)
            if article.date is None and dateline_date(article) is None:
                undated.append(article.id or f"article {count}")
            if pretty:
                output.write(format_article(article) + "\n")
            else:
                output.write(json.dumps(article.to_dict(include_text=include_text),
                                        ensure_ascii=False) + "\n")
            bar.update(1)
    output.flush()
    warn_undated(undated)
    if registry_path and registry is not None:
        registry.save(registry_path)
    if show or report.skipped:
        seconds = time.monotonic() - started
        click.echo(f"coded {count} article{'s' if count != 1 else ''} ({events} events) in "
                   f"{seconds:.1f}s; skipped {len(report.skipped)}", err=True)
    sys.exit(EXIT_SKIPPED if report.skipped else EXIT_OK)


def warn_undated(undated: list[str], shown: int = 3) -> None:
    """One warning for the articles coded without a date: their events have none, and
    relative dates ("on Monday") are not resolved."""
    if not undated:
        return
    names = ", ".join(undated[:shown]) + (f" and {len(undated) - shown} more"
                                           if len(undated) > shown else "")
    click.echo(f"warning: {len(undated)} article{'s' if len(undated) != 1 else ''} had no "
               f"date ({names}): their events are undated and relative dates (\"on Monday\") "
               "are not resolved; give one with --date YYYY-MM-DD or a date field",
               err=True)
