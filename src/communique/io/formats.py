"""Readers for CSV, HTML pages, RSS/Atom feeds and Parquet files.

Each yields `InputRecord`s, or `Unreadable` items naming where the trouble is (the file
and its row or entry), so a batch reports them and goes on. CSV and Parquet name their
columns through `Columns`; HTML pages go through trafilatura, which keeps the article
and drops menus, footers and adverts; feeds through feedparser.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..errors import E006, E025, InputError
from .checks import InputRecord, Unreadable, make_record

log = logging.getLogger(__name__)

CSV_SUFFIXES = frozenset({".csv", ".tsv"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
PARQUET_BATCH = 1024  # rows fetched at a time: flat memory on large files

# Articles run long; the csv module's default cell limit (128 KiB) would cut them.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class Columns:
    """Which CSV or Parquet columns hold each field of an article. `id` also falls
    back to `article_id`, the column name of communique's own Parquet and store."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    source: str = "source"
    url: str = "url"

    def resolve(self, header: list[str]) -> dict[str, str]:
        """Field -> column for the columns present; the text column must be there."""
        present = set(header)
        mapping = {f.name: getattr(self, f.name) for f in fields(self)
                   if getattr(self, f.name) in present}
        if "id" not in mapping and self.id == "id" and "article_id" in present:
            mapping["id"] = "article_id"
        return mapping


def _unreadable(where: str, problem: str, record_id: str | None = None) -> Unreadable:
    return Unreadable(where, InputError(E025, where=where, problem=problem), record_id)


def cell_text(value: Any) -> str | None:
    """A cell as a string field: empty cells are missing, dates become ISO dates."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


def _record(values: dict[str, Any], mapping: dict[str, str], origin: str
            ) -> InputRecord | Unreadable:
    """A row as a record: its cells as strings, then the one constructor's rules."""
    fields_: dict[str, Any] = {name: cell_text(values.get(column))
                               for name, column in mapping.items()}
    text = values.get(mapping["text"])
    fields_["text"] = "" if text is None else text  # an empty cell: an empty text (E004)
    return make_record(fields_, origin)


# -- CSV ------------------------------------------------------------------------------
def read_csv(path: Path, columns: Columns | None = None) -> Iterator:
    """One article a row; the first row names the columns. `.tsv` is tab-separated."""
    columns = columns or Columns()
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        raw = path.read_bytes()
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Unreadable(str(path), InputError(E006, where=str(path),
                                               reason=f"byte {exc.start}"))
        return
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter)
    header = reader.fieldnames or []
    mapping = columns.resolve(header)
    if "text" not in mapping:
        yield _unreadable(str(path), f"no column {columns.text!r} holding the text (the "
                          f"columns are {', '.join(header) or 'none'}); name it with "
                          "--text-column")
        return
    try:
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if None in row:  # more cells than the header names
                yield _unreadable(where, f"the row has {len(header) + len(row[None])} "
                                  f"cells, the header {len(header)}")
                continue
            yield _record(row, mapping, where)
    except csv.Error as exc:
        yield _unreadable(f"{path}:{reader.line_num}", f"not readable as CSV ({exc})")


# -- HTML -----------------------------------------------------------------------------
def read_html(path: Path, *, fallback_id: str | None = None) -> Iterator:
    """The main text of a web page, with its title, date and canonical URL if given.
    Its id is its canonical URL (a page fetched again is the same article), else
    `fallback_id` (the file's name)."""
    import trafilatura

    data = path.read_bytes()
    try:
        document = trafilatura.bare_extraction(data, with_metadata=True, include_tables=False,
                                               include_comments=False)
    except Exception as exc:  # the extractor's own parsing errors vary by page
        log.debug("trafilatura failed on %s", path, exc_info=exc)
        document = None
    if document is None or not (document.text or "").strip():
        yield _unreadable(str(path), "no article text found in the HTML page")
        return
    date = document.date if document.date and len(document.date) >= 10 else None
    yield make_record({"text": document.text, "id": document.url or fallback_id,
                       "date": date, "title": document.title, "source": document.sitename,
                       "url": document.url}, str(path))


# -- RSS / Atom -----------------------------------------------------------------------
def read_feed(path: Path) -> Iterator:
    """One article an entry: its content (or summary) as text, its link, date, title."""
    import feedparser

    # bytes, never a name: feedparser fetches anything that looks like a URL
    feed = feedparser.parse(path.read_bytes())
    entries = feed.get("entries") or []
    if not feed.get("version") or not entries:  # no version: not RSS, Atom or RDF at all
        reason = feed.get("bozo_exception")
        yield _unreadable(str(path), "not an RSS or Atom feed with entries"
                          + (f" ({reason})" if reason else ""))
        return
    source = (feed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        where = f"{path}:entry {number}"
        record_id = entry.get("id") or entry.get("link") or None
        html = _entry_html(entry)
        if html is None:
            yield _unreadable(where, "the entry has no content or summary", record_id)
            continue
        yield make_record({"text": html_to_text(html), "id": record_id,
                           "date": _entry_date(entry), "title": entry.get("title"),
                           "source": source, "url": entry.get("link")}, where)


def _entry_html(entry: Any) -> str | None:
    contents = [c.get("value") for c in entry.get("content") or [] if c.get("value")]
    if contents:
        return max(contents, key=len)
    return entry.get("summary") or None


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                     "blockquote", "tr", "table", "section", "article", "header", "footer"})
_SKIP = frozenset({"script", "style"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:  # line breaks in the markup are spaces; blocks make lines
            self.parts.append(data.replace("\r", " ").replace("\n", " "))


def html_to_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry), a paragraph a line."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)


# -- Parquet --------------------------------------------------------------------------
def read_parquet(path: Path, columns: Columns | None = None) -> Iterator:
    """One article a row of a local Parquet file (see `parquet_records`)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _unreadable(str(path), f"cannot read the file ({exc})")
        return
    with handle:
        yield from parquet_records(handle, str(path), columns)


def parquet_records(handle: Any, where: str, columns: Columns | None = None) -> Iterator:
    """One article a row of an open Parquet file (a local file or a pyarrow stream of a
    remote one), read in batches of rows so memory stays flat on large files. The one
    Parquet reader: `communique code`, `ingest` and `batch` all read through it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = columns or Columns()
    number = 0
    try:
        parquet = pq.ParquetFile(handle)
        header = parquet.schema_arrow.names
        mapping = columns.resolve(header)
        if "text" not in mapping:
            yield _unreadable(where, f"no column {columns.text!r} holding the text (the "
                              f"columns are {', '.join(header) or 'none'}); name it with "
                              "--text-column")
            return
        names = list(dict.fromkeys(mapping.values()))
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH, columns=names):
            for row in batch.to_pylist():
                number += 1
                yield _record(row, mapping, f"{where}:row {number}")
    except (pa.ArrowException, OSError, EOFError, ValueError) as exc:
        at = where if number == 0 else f"{where} after row {number}"
        yield _unreadable(at, f"not a readable Parquet file ({_first_line(exc)})")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def count_parquet_rows(path: Path) -> int | None:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # an unreadable file is reported when it is read
        return None
