"""Ingest: code articles and keep them in the store, each once.

An article is known by its id, or by its text when it has none. Before coding, each
record is looked up in the store: one stored with the same content is passed over
(unchanged), one whose content changed is coded again and replaces the old. Coded
articles are written in batches, each batch one transaction, so a run killed at any
moment and run again ends with the same store as a run never interrupted. Story events
are linked at the end of a run (and the keys still pending from a killed run with them).
"""

from __future__ import annotations

import logging
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Protocol

from ..actors.registry import Registry
from ..io.checks import InputRecord
from ..io.readers import Unreadable
from ..records import Article
from .database import Store, content_hash, text_id

if TYPE_CHECKING:  # the coder imports spaCy: the store's readers must not need it
    from ..coder import Rejected

log = logging.getLogger(__name__)
LOOKUP_CHUNK = 256  # records looked up in the store at a time
BATCH_ARTICLES = 64  # articles per write transaction ...
BATCH_SECONDS = 2.0  # ... or fewer, when coding is slow

Skipped = "Rejected | Unreadable"  # a record not stored (a type, named as a string: see above)


class ArticleCoder(Protocol):
    def code_many(self, records: Iterable[InputRecord], *,
                  on_error: Callable[[Rejected], None] | None = None,
                  registry: Registry | None = None) -> Iterator[Article]: ...


@dataclass
class IngestSummary:
    """What a run did."""

    coded: int = 0  # articles coded and stored
    imported: int = 0  # articles stored as `communique batch` coded them
    replaced: int = 0  # ... of which (coded or imported) replaced an older version
    unchanged: int = 0  # already stored with the same content (or twice in the input)
    events: int = 0
    quotes: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    story_keys: int = 0  # story keys linked at the end
    seconds: float = 0.0

    def add(self, other: IngestSummary) -> None:
        """Count another run's work in with this one's."""
        for name in ("coded", "imported", "replaced", "unchanged", "events", "quotes", "story_keys",
                     "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skipped.extend(other.skipped)

    def reasons(self) -> Counter:
        """Skipped records by error code and message template."""
        return Counter(f"{item.error.code} {_reason(item)}" for item in self.skipped)

    def to_dict(self) -> dict[str, Any]:
        return {"coded": self.coded, "imported": self.imported, "replaced": self.replaced,
                "unchanged": self.unchanged, "events": self.events, "quotes": self.quotes, "skipped": len(self.skipped),
                "skipped_by_reason": dict(self.reasons()), "story_keys": self.story_keys,
                "seconds": round(self.seconds, 2)}


def _reason(item: Skipped) -> str:
    """The kind of problem, without the place: 'the input looks binary'."""
    message = item.error.message
    where = str(item.error.fields.get("where") or item.error.fields.get("path") or "")
    if where and message.startswith(where):
        message = message[len(where):].lstrip(":").strip()
    return message.split(" (")[0].rstrip(".")


def ingest(store: Store, items: Iterable[InputRecord | Unreadable], coder: ArticleCoder, *,
           recode: bool = False, on_skip: Callable[[Skipped], None] | None = None,
           on_progress: Callable[[int], None] | None = None,
           story_window: int | None = None, batch_articles: int = BATCH_ARTICLES,
           batch_seconds: float = BATCH_SECONDS, learn: bool = True) -> IngestSummary:
    """Code the records that are new or changed and store them; link their stories.

    With `learn`, the store's actor registry completes each article from what earlier
    articles taught (and the corrections and known actors it was given), learns from
    it in turn, and is kept with each batch of articles."""
    started = time.monotonic()
    summary = IngestSummary()
    progress = on_progress or (lambda n: None)

    def skip(item: Skipped) -> None:
        summary.skipped.append(item)
        progress(1)
        if on_skip is not None:
            on_skip(item)

    expected: deque[tuple[str, str, bool]] = deque()  # (id, hash, replaces) per record out
    records = _to_code(store, items, summary, expected, skip, progress, recode=recode)
    first = next(records, None)
    # nothing new (a run done again): no coder is started, no model loaded
    registry = store.registry() if learn and first else None
    coded = coder.code_many(chain([first], records), on_error=skip,
                            registry=registry) if first else iter(())
    batch: list[tuple[Article, str]] = []
    flushed = time.monotonic()
    for article in coded:
        while expected and expected[0][0] != article.id:
            expected.popleft()  # a record the coder rejected
        _, digest, replaces = expected.popleft()
        batch.append((article, digest))
        summary.coded += 1
        summary.replaced += replaces
        summary.events += len(article.events)
        summary.quotes += len(article.quotes)
        progress(1)
        if len(batch) >= batch_articles or time.monotonic() - flushed >= batch_seconds:
            store.write(batch, registry=registry)
            log.info("stored %d articles (%d so far)", len(batch), summary.coded)
            batch = []
            flushed = time.monotonic()
    store.write(batch, registry=registry)
    if batch:
        log.info("stored %d articles (%d so far)", len(batch), summary.coded)
    summary.story_keys = store.link_stories(window_days=story_window)
    summary.seconds = time.monotonic() - started
    return summary


def _to_code(store: Store, items: Iterable[InputRecord | Unreadable], summary: IngestSummary,
             expected: deque, skip: Callable[[Skipped], None],
             progress: Callable[[int], None], *, recode: bool) -> Iterator[InputRecord]:
    """The records to code: new or changed ones, each with an id."""
    seen: dict[str, str] = {}  # id -> content hash, for this run
    stream = iter(items)
    while chunk := list(islice(stream, LOOKUP_CHUNK)):
        records: list[tuple[InputRecord, str]] = []
        for item in chunk:
            if isinstance(item, Unreadable):
                skip(item)
                continue
            if item.id is None and isinstance(item.text, str):
                item = replace(item, id=text_id(item.text))
            records.append((item, content_hash(item) if isinstance(item.text, str) else ""))
        stored = store.stored_hashes(r.id for r, _ in records if isinstance(r.id, str))
        for record, digest in records:
            before = seen.get(record.id, stored.get(record.id))
            if before == digest and not (recode and record.id not in seen):
                summary.unchanged += 1
                progress(1)
                continue
            if record.id in seen:
                log.warning("%s: the id %s comes twice with different texts; the later "
                            "one is kept", record.where, record.id)
            seen[record.id] = digest
            expected.append((record.id, digest, before is not None))
            yield record
