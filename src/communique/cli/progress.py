"""The commands' progress bar."""

from __future__ import annotations

from tqdm import tqdm


class ProgressBar(tqdm):
    """tqdm without its monitor thread, which outlives even a disabled bar: local workers
    are forked only from a process that runs no other thread (see `parallel`)."""

    monitor_interval = 0
