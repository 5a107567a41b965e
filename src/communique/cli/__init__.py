"""The communique command line: a thin shell over the Python API.

Each command lives in its own module and is registered here. Domain errors become user
errors only at this edge, with the message and the fix from the error catalogue.
"""

from __future__ import annotations

import logging

import click

from .. import __version__
from .actors import actors_command
from .batch import batch_command
from .code import code
from .dyad import dyad_command
from .evaluate import evaluate_command
from .events import events_command
from .export import export_command
from .ingest import ingest_command
from .quotes import quotes_command
from .serve import serve_command
from .sql import sql_command

COMMANDS = (code, evaluate_command, ingest_command, events_command, dyad_command,
            actors_command, sql_command, export_command, quotes_command, batch_command,
            serve_command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
@click.option("-v", "--verbose", count=True, help="More messages on standard error (-vv: debug).")
def main(verbose: int) -> None:
    """communique turns news text into political event data: actors, CAMEO and PLOVER
    events, quotes, dates and places."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


for _command in COMMANDS:
    main.add_command(_command)
