"""The built-in table of known actors: office-holders the text may name without saying
whose they are ("President Bill Clinton", "Kofi Annan announced").

The table (`data/people.yaml`) is in the format of a user's known-actors file, with the
dates each office was held, and is applied after what the text says and after the run's
own registry (corrections, the user's known actors, what earlier articles taught), so it
only fills in what is still unknown.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from .registry import Registry

PEOPLE_TABLE = "people.yaml"


@cache
def load_known_actors() -> Registry:
    """The package's known actors, read and validated once per process."""
    registry = Registry()
    path = Path(str(resources.files("communique") / "data" / PEOPLE_TABLE))
    registry.add_file(path, source="known")
    return registry


__all__ = ["load_known_actors"]
