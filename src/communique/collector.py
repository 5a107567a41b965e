"""Pausing Python's cyclic garbage collector while a stage builds its many small objects.

A long article makes a stage create tens of thousands of tuples, dicts and spaCy tokens;
the collector's full passes then walk every live object again and again, and the stage's
time grows faster than the article. The objects a stage makes hold no cycles, so the
collector is paused for the stage's call and resumed after it: linear time, and cyclic
garbage, if any, is collected when the stage is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
