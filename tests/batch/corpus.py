"""A small corpus for batch tests: JSONL (plain and gzipped) and Parquet files with good
records and the kinds of bad ones a real corpus holds."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

GOOD = [
    ("a1", "2026-03-02", "Japan and South Korea agreed on Monday to resume security talks "
     "suspended since 2023, the Japanese foreign ministry said."),
    ("a2", "2026-03-03", "Sudanese army artillery shelled a market in El Fasher on Tuesday, "
     "killing at least 20 civilians, local activists said."),
    ("a3", None, "The European Union imposed new sanctions on Belarus on Wednesday. Minsk "
     "condemned the decision and threatened to close its border with Lithuania."),
    ("a4", "2026-03-05", "Police arrested 12 protesters in Tehran after a rally against "
     "rising prices, state media reported."),
    ("p1", "2026-03-06", "Turkish Foreign Minister Hakan Fidan met his Greek counterpart "
     "in Athens and praised the improving ties between the two countries."),
]
NO_ID_TEXT = ("Israeli troops shelled Palestinian positions near Rafah on Sunday, the "
              "Palestinian health ministry said.")


def write_corpus(folder: Path) -> Path:
    """Three files: JSONL with a malformed line, an empty text and a missing text;
    gzipped JSONL, one record without an id; Parquet with a date column and a null text. Returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": i, "date": d, "text": t}) for i, d, t in GOOD[:3]]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"id": "empty", "text": "   "}))
    lines.append(json.dumps({"id": "no-text", "title": "a title only"}))
    (folder / "part-a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(folder / "part-b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "a4", "date": GOOD[3][1], "text": GOOD[3][2]}) + "\n")
        handle.write(json.dumps({"date": "2026-03-01", "text": NO_ID_TEXT}) + "\n")
    table = pa.table({
        "article_id": ["p1", "p2"],
        "date": pa.array([__import__("datetime").date(2026, 3, 6), None], pa.date32()),
        "text": [GOOD[4][2], None],
    })
    pq.write_table(table, folder / "part-c.parquet")
    (folder / "_SUCCESS").write_text("")
    (folder / "notes.txt").write_text("not part of the corpus")
    return folder


GOOD_IDS = ["a1", "a2", "a3", "a4", "p1"]
REJECTED_WHERE = ["part-a.jsonl:2", "part-a.jsonl:5", "part-a.jsonl:6", "part-c.parquet:row 2"]
