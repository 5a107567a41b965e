"""Batch coding of a corpus into Parquet tables, on local processes or a Ray cluster.

    from communique.batch import BatchOptions, run_batch
    summary = run_batch("corpus/", "coded/", options=BatchOptions(engine="ray"))

The output folder holds `articles/`, `actors/`, `mentions/`, `events/` and `quotes/`
(Parquet part files with the columns of `communique.rows.COLUMNS`), `rejects.jsonl`
(records not coded, with where they came from and why) and `summary.json`.
"""

from .engines import ENGINES, PART_SIZE, BatchOptions, BatchSummary, run_batch
from .locations import Location
from .tables import read_articles

__all__ = ["ENGINES", "PART_SIZE", "BatchOptions", "BatchSummary", "Location",
           "read_articles", "run_batch"]
