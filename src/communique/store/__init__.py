"""The corpus store: coded articles in one DuckDB file, with story events, queries and
exports. `Store.open(path, write=...)` opens it; `ingest()` codes and stores articles;
the functions of `queries` answer questions as plain data; `exports.export()` writes it
out. See the docs/store.md.
"""

from .database import DEFAULT_PATH, Store, content_hash, text_id
from .ingest import IngestSummary, ingest
from .queries import (
    Page,
    dyad_timeline,
    find_articles,
    find_events,
    find_stories,
    get_article,
    overview,
    run_sql,
    top_actors,
)

__all__ = [
    "DEFAULT_PATH", "IngestSummary", "Page", "Store", "content_hash", "dyad_timeline",
    "find_articles", "find_events", "find_stories", "get_article", "ingest", "overview",
    "run_sql", "text_id", "top_actors",
]
