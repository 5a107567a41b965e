"""Where batch input comes from and where output goes: a local path or a filesystem URL.

A `Location` is a pyarrow filesystem and a path on it, so the same code reads a local
folder, `s3://bucket/prefix`, `gs://...` or `hdfs://...`. It pickles, so Ray workers
receive it and write their part files themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.fs as pafs

from ..errors import E014, E027, E028, BatchError
from ..io.formats import PARQUET_SUFFIXES

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
# what a batch run writes into its output folder, and nothing else
OUTPUT_TABLES = ("articles", "actors", "mentions", "events", "quotes")
REJECTS_FILE = "rejects.jsonl"
SUMMARY_FILE = "summary.json"


@dataclass(frozen=True, slots=True)
class Location:
    """A path on a filesystem, with the name the user gave it (for messages)."""

    filesystem: pafs.FileSystem
    path: str
    display: str

    @classmethod
    def parse(cls, text: str) -> Location:
        if "://" not in text:
            path = str(Path(text).expanduser().resolve())
            return cls(pafs.LocalFileSystem(), path, text)
        try:
            filesystem, path = pafs.FileSystem.from_uri(text)
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise BatchError(E028, location=text,
                             problem=f"cannot open this filesystem ({_first_line(exc)})") from exc
        return cls(filesystem, path.rstrip("/") or path, text)

    def child(self, *names: str) -> Location:
        tail = "/".join(names)
        return Location(self.filesystem, f"{self.path.rstrip('/')}/{tail}",
                        f"{self.display.rstrip('/')}/{tail}")

    def file_type(self) -> pafs.FileType:
        try:
            return self.filesystem.get_file_info(self.path).type
        except (pa.ArrowException, OSError) as exc:
            raise BatchError(E028, location=self.display,
                             problem=f"cannot look at it ({_first_line(exc)})") from exc


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file of the corpus: its location and its format ('jsonl' or 'parquet')."""

    location: Location
    format: str


def input_format(name: str) -> str | None:
    lowered = name.lower()
    if lowered.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lowered.endswith(tuple(PARQUET_SUFFIXES)):
        return "parquet"
    return None


def input_files(location: Location) -> list[InputFile]:
    """The JSONL and Parquet files at a location: the file itself, or a folder's files
    (recursively, in name order, leaving out hidden and `_`-prefixed files)."""
    kind = location.file_type()
    if kind == pafs.FileType.NotFound:
        raise BatchError(E014, path=location.display)
    if kind == pafs.FileType.File:
        fmt = input_format(location.path)
        if fmt is None:
            raise BatchError(E028, location=location.display,
                             problem="not a JSONL (.jsonl, .jsonl.gz) or Parquet file")
        return [InputFile(location, fmt)]
    selector = pafs.FileSelector(location.path, recursive=True)
    try:
        infos = location.filesystem.get_file_info(selector)
    except (pa.ArrowException, OSError) as exc:
        raise BatchError(E028, location=location.display,
                         problem=f"cannot list the folder ({_first_line(exc)})") from exc
    files = []
    root = location.path.rstrip("/")
    for info in sorted(infos, key=lambda i: i.path):
        relative = info.path[len(root):].lstrip("/")
        hidden = any(part.startswith((".", "_")) for part in relative.split("/"))
        fmt = input_format(info.base_name)
        if info.type == pafs.FileType.File and fmt and not hidden:
            files.append(InputFile(location.child(relative), fmt))
    if not files:
        raise BatchError(E028, location=location.display,
                         problem="the folder holds no JSONL or Parquet files")
    return files


def prepare_output(location: Location, *, overwrite: bool) -> None:
    """Make the output folder; refuse one that holds an earlier run's output unless
    `overwrite`, and then remove that output (only what a batch run writes)."""
    if location.file_type() == pafs.FileType.File:
        raise BatchError(E028, location=location.display,
                         problem="a file is there; the output is a folder")
    present = [name for name in (*OUTPUT_TABLES, REJECTS_FILE, SUMMARY_FILE)
               if location.child(name).file_type() != pafs.FileType.NotFound]
    found = [name for name in present if _holds_output(location.child(name))]
    if found and not overwrite:
        raise BatchError(E027, path=location.display, found=", ".join(found))
    fs = location.filesystem
    try:
        for name in present:
            entry = location.child(name)
            if entry.file_type() == pafs.FileType.Directory:
                fs.delete_dir(entry.path)
            else:
                fs.delete_file(entry.path)
        for name in OUTPUT_TABLES:
            fs.create_dir(location.child(name).path, recursive=True)
    except (pa.ArrowException, OSError) as exc:
        raise BatchError(E028, location=location.display,
                         problem=f"cannot write there ({_first_line(exc)})") from exc


def _holds_output(entry: Location) -> bool:
    """A part file, a summary, or a rejects line: what a run that did any work leaves
    (a run stopped before it began leaves empty folders, and may be run again)."""
    fs = entry.filesystem
    info = fs.get_file_info(entry.path)
    if info.type == pafs.FileType.Directory:
        return bool(fs.get_file_info(pafs.FileSelector(entry.path, recursive=True)))
    return entry.path.endswith(SUMMARY_FILE) or bool(info.size)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]
