"""The communique command line: a thin shell over the Python API.

Each command lives in its own module and is registered here. A command's module is imported
only when that command runs (or its help is asked for), so the store commands start without
loading spaCy, the model or the coder. Domain errors become user errors only at this edge,
with the message and the fix from the error catalogue.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator, MutableMapping

import click

from .. import __version__

# name: (module in this package, command object, the first sentence of its help). The
# sentence lets `communique --help` list the commands without importing them; a test
# checks it against each command's own help.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "actors": ("actors", "actors_command",
               "The most active actors: how many events each is a side of (as source, as "
               "target), with its commonest name (or code) and the mean Goldstein score of "
               "its events."),
    "batch": ("batch", "batch_command",
              "Code a corpus into Parquet tables of articles, actors, mentions, events and "
              "quotes."),
    "code": ("code", "code", "Code articles into actors, events and quotes."),
    "dyad": ("dyad", "dyad_command",
             "The relation between two actors over time: events per day, week, month, "
             "quarter or year in each quad class (statement, verbal and material "
             "cooperation, verbal and material conflict) and their mean Goldstein score."),
    "eval": ("evaluate", "evaluate_command",
             "Code the texts of a gold file and score the events against it."),
    "events": ("events", "events_command", "Search the stored events, newest first."),
    "export": ("export", "export_command", "Write the store out in another format."),
    "ingest": ("ingest", "ingest_command",
               "Code articles and store them in a DuckDB file, each article once."),
    "quotes": ("quotes", "quotes_command",
               "List the quotes in articles: direct, partial and indirect, with their "
               "speakers."),
    "serve": ("serve", "serve_command", "Serve the HTTP API and the web page over a store."),
    "sql": ("sql", "sql_command",
            "Run one reading SQL statement (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE) on the "
            "store, which is opened read-only and cannot read other files."),
}


class _Commands(MutableMapping):
    """The group's commands by name, each imported the first time it is looked up."""

    def __init__(self, table: dict[str, tuple[str, str, str]]) -> None:
        self._table = table
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            if name not in self._table:
                raise KeyError(name)
            module, attribute, _ = self._table[name]
            self._loaded[name] = getattr(importlib.import_module(f"{__name__}.{module}"),
                                         attribute)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self._loaded.pop(name, None)
        self._table.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._table, *self._loaded]))

    def __len__(self) -> int:
        return len(set(self._table) | set(self._loaded))


class _LazyGroup(click.Group):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands(dict(COMMANDS))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands from their sentences in COMMANDS, as click would from their
        help, without importing them."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, self._listed(name).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def _listed(self, name: str) -> click.Command:
        """The command itself once imported, else a stand-in with its first sentence."""
        if name in self.commands._loaded or name not in COMMANDS:
            return self.commands[name]
        return click.Command(name, help=COMMANDS[name][2])


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
@click.option("-v", "--verbose", count=True, help="More messages on standard error (-vv: debug).")
def main(verbose: int) -> None:
    """communique turns news text into political event data: actors, CAMEO and PLOVER
    events, quotes, dates and places."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
