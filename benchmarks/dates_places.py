"""Dates and places: gazetteer load time and memory, and accuracy on the test sets.

    python benchmarks/dates_places.py

Prints the gazetteer's load time and the memory it holds (resident set, measured in a
fresh process after the package's other imports, so only the gazetteer counts), then
the accuracy of the dates and places stages on tests/dates/cases.yaml and
tests/places/cases.yaml with the real model. Run by hand; the tests hold thresholds.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure_load() -> None:
    """In this (fresh) process: import what the package imports anyway, then load."""
    import communique.tables  # noqa: F401  (pycountry, pydantic, the tables)
    from communique.places.gazetteer import Gazetteer

    gc.collect()
    before = resident_mb()
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    seconds = time.perf_counter() - started
    gc.collect()
    print(f"gazetteer: {len(gazetteer.places):,} places, {len(gazetteer.index):,} names; "
          f"loaded in {seconds:.2f} s; holds {resident_mb() - before:.0f} MB")


def measure_accuracy() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.whenwhere import DATE_CASES, PLACE_CASES, load, score_dates, score_places

    from communique import Coder

    coder = Coder()
    dates = score_dates(coder, load(DATE_CASES))
    print(f"dates:  {dates.right}/{dates.total} right = {dates.accuracy:.3f}")
    places = score_places(coder, load(PLACE_CASES))
    print(f"places: {places.right}/{places.total} right = {places.accuracy:.3f}; "
          f"country right {places.country_right}/{places.total} = "
          f"{places.country_accuracy:.3f}")
    for miss in dates.misses + places.misses:
        print("  miss:", miss)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--load":
        measure_load()
    else:
        for _ in range(3):  # three fresh processes: the first may read a cold disk
            subprocess.run([sys.executable, __file__, "--load"], check=True)
        measure_accuracy()
