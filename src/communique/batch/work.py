"""What both batch engines share: the run's options and summary, and coding one chunk
(what a local run does per part and a Ray actor per task). Below both engines, so
neither imports the other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from ..coder import Coder, Rejected
from ..errors import InputError
from ..io.checks import InputRecord, Unreadable
from ..records import Article
from ..rows import COLUMNS
from .locations import Location
from .rejects import reject_line
from .sources import Chunk
from .tables import Part

PART_SIZE = 1000  # articles per part file, and records per Ray task


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to run a batch. `workers`: processes (local) or actors (Ray); default, the
    machine's cores or the cluster's CPUs. `worker_memory`: bytes Ray reserves for each
    actor when it places them."""

    engine: str = "local"
    workers: int | None = None
    part_size: int = PART_SIZE
    date: str | None = None
    overwrite: bool = False
    rejects: str | None = None
    ray_address: str | None = None
    worker_memory: int | None = None


@dataclass(slots=True)
class BatchSummary:
    """What a run did: rows written per table, records rejected, time taken."""

    engine: str
    workers: int
    input: str
    output: str
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COLUMNS, 0))
    rejected: int = 0
    parts: int = 0
    seconds: float = 0.0
    start: str = ""  # how local workers started: "fork", "spawn"; "" for none or Ray

    @property
    def articles(self) -> int:
        return self.rows["articles"]

    def add(self, counts: dict[str, int]) -> None:
        for name, count in counts.items():
            self.rows[name] += count

    def to_dict(self) -> dict:
        return {**asdict(self), "articles": self.articles}


Progress = Callable[[int], None]


# -- coding a chunk: what a Ray actor does, one chunk at a time -------------------------
@dataclass(slots=True)
class ChunkResult:
    key: str
    rows: dict[str, int]
    rejects: list[dict]


def code_chunk(coder: Coder, chunk: Chunk, output: Location) -> ChunkResult:
    """Code a chunk's records and write its part files (none if no article was coded)."""
    rejects: list[dict] = []
    records: list[InputRecord] = []
    for item in chunk.items:
        if isinstance(item, Unreadable):
            rejects.append(reject_line(item))
        else:
            records.append(item)
    part = Part()
    for article in coder.code_many(records, on_error=lambda r: rejects.append(reject_line(r))):
        add_article(part, article, rejects.append)
    if part.articles:
        part.write(output, chunk.key)
    return ChunkResult(chunk.key, part.counts, rejects)


def add_article(part: Part, article: Article, reject: Callable[[dict], None]) -> None:
    try:
        part.add(article)
    except InputError as error:
        reject(reject_line(Rejected(f"article {article.id}", article.id, error)))


