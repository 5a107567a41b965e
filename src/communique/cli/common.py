"""What commands share: coder options, error handling at the edge, exit statuses."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from ..errors import CommuniqueError

EXIT_OK = 0
EXIT_SKIPPED = 1  # the run finished, but some records were skipped (reported on stderr)
EXIT_ERROR = 2  # the run could not be done: bad option, missing model, invalid dictionary


def coder_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--model, --dictionary, --min-confidence, --batch-size: the Coder's settings."""
    options = [
        click.option("--model", default=None, metavar="NAME",
                     help="spaCy pipeline to use (default: the best installed English one; "
                     "env COMMUNIQUE_MODEL)."),
        click.option("--dictionary", "dictionaries", multiple=True, metavar="FILE",
                     type=click.Path(dir_okay=False),
                     help="User dictionary (YAML, or a PETRARCH/TABARI actors, agents, "
                     "verbs or discards file) adding or overriding trigger patterns and "
                     "actors; may be repeated."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
                     help="Leave out events whose confidence is below this."),
        click.option("--batch-size", type=click.IntRange(1), default=None,
                     help="Articles per batch (default 32)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def coder_settings(model: str | None, dictionaries: tuple[str, ...],
                   min_confidence: float | None, batch_size: int | None, *,
                   check: bool = False, statements: bool | None = None):
    """The settings the coder options give. With `check`, a missing model or a bad
    dictionary is said now, before workers, a cluster or a server start."""
    from ..pipeline.model import choose_model
    from ..settings import Settings
    from ..tables import load_knowledge

    overrides: dict[str, Any] = {"model": model, "min_confidence": min_confidence,
                                 "batch_size": batch_size, "statements": statements}
    if dictionaries:
        overrides["dictionaries"] = tuple(dictionaries)
    settings = Settings.load(**overrides)
    if check:
        choose_model(settings.model)
        load_knowledge(settings.dictionaries)
    return settings


def make_coder(model: str | None, dictionaries: tuple[str, ...], min_confidence: float | None,
               batch_size: int | None, *, statements: bool | None = None):
    from ..coder import Coder

    return Coder(coder_settings(model, dictionaries, min_confidence, batch_size,
                                statements=statements))


class SkipReporter:
    """Records skipped by a command: each said on standard error as it happens, and
    counted for the exit status."""

    def __init__(self) -> None:
        self.skipped: list[Any] = []

    def __call__(self, item: Any) -> None:
        self.skipped.append(item)
        message = getattr(item.error, "message", str(item.error))
        click.echo(f"skipped: {message} [{item.error.code}]", err=True)

    def readable(self, items: Any) -> Any:
        """The records of a reader, reporting the ones that could not be read."""
        from ..io.readers import Unreadable

        for item in items:
            if isinstance(item, Unreadable):
                self(item)
            else:
                yield item


def user_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn catalogue errors into a message and exit status 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CommuniqueError as error:
            click.echo(f"Error [{error.code}]: {error.message}", err=True)
            click.echo(f"  Fix: {error.fix}", err=True)
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:
            sys.exit(EXIT_OK)

    return wrapper
