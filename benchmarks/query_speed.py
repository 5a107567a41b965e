"""Query speed on a large store: every search the CLI and the API offer, medians.

Generates a store of EVENTS events (default 1,000,000; five an article) with random
dyads among 40 countries, random sectors and CAMEO codes over two years, links its
story events (timed), then times each search `communique events`, `dyad`, `actors`,
`quotes --db` and the API's /events, /dyads, /actors, /articles and /overview run, in
process, each REPEAT times, and prints the medians of wall and CPU time (CPU counts
DuckDB's threads too) and the load average. --db reuses a store, also one built by
`api_load.py` (real coded rows, with texts and quotes).

    python benchmarks/query_speed.py [--events 1000000] [--repeat 21] [--db PATH]
                                     [--only WORD]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from communique.quotes.search import stored_quotes
from communique.store import (
    Store,
    dyad_timeline,
    find_articles,
    find_events,
    get_article,
    overview,
    top_actors,
)
from communique.store.queries import find_stories
from communique.tables.cameo import CameoTable

COUNTRIES = ["USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "IND", "PAK",
             "IRN", "IRQ", "ISR", "PSE", "EGY", "SAU", "TUR", "GRC", "UKR", "POL", "BRA",
             "ARG", "MEX", "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "NGA", "KEN", "ETH",
             "SDN", "ZAF", "SYR", "LBN", "AFG", "VEN", "COL"]
SECTORS = ["GOV", "MIL", "COP", "OPP", "REB", "MED", "CVL", "BUS", "LEG", "JUD"]
NAMES = ["President", "Prime Minister", "army", "police", "ministry", "parliament",
         "rebels", "opposition", "protesters", "court"]


def build(path: Path, events: int) -> None:
    cameo = [(c.code, c.name, c.goldstein, c.quad, c.plover_type) for c in CameoTable.load()]
    with Store.open(path, write=True) as store:
        db = store.connection
        db.execute("SELECT setseed(0.42)")
        db.execute("CREATE TEMP TABLE cameo_codes (n INTEGER, code VARCHAR, name VARCHAR, "
                   "goldstein DOUBLE, quad INTEGER, plover VARCHAR)")
        db.executemany("INSERT INTO cameo_codes VALUES (?, ?, ?, ?, ?, ?)",
                       [(i, *row) for i, row in enumerate(cameo)])
        countries, sectors, names = (f"[{', '.join(repr(x) for x in xs)}]"
                                     for xs in (COUNTRIES, SECTORS, NAMES))
        articles = events // 5
        db.execute("BEGIN")
        db.execute(
            "INSERT INTO articles SELECT 'gen-' || i, DATE '2024-01-01' + CAST(i % 730 AS "
            "INTEGER), 'Title ' || i, 'Source ' || (i % 25), NULL, 'Text of article ' || i, "
            "'[]', '[]', md5(CAST(i AS VARCHAR)) FROM range(?) t(i)", [articles])
        db.execute(f"""
            INSERT INTO events
            WITH picks AS (
                SELECT i, floor(random() * 40)::INT + 1 AS s, floor(random() * 40)::INT + 1
                       AS t, floor(random() * 10)::INT + 1 AS ss,
                       floor(random() * 10)::INT + 1 AS ts,
                       floor(random() * {len(cameo)})::INT AS c FROM range(?) r(i))
            SELECT 'gen-' || (i // 5), 'E' || (i % 5 + 1), i % 5,
                   'A1', {countries}[s] || ' ' || {names}[ss], {countries}[s], {sectors}[ss],
                   NULL, {countries}[s] || {sectors}[ss], 0, 10,
                   'A2', {countries}[t] || ' ' || {names}[ts], {countries}[t], {sectors}[ts],
                   NULL, {countries}[t] || {sectors}[ts], 20, 30,
                   k.code, left(k.code, 2), k.name, k.goldstein, k.quad, k.plover, NULL,
                   'did', 11, 14, random() < 0.03, DATE '2024-01-01' + CAST((i // 5) % 730
                   AS INTEGER), NULL, NULL, NULL, NULL, NULL, NULL, 0.9, false, 'snippet',
                   NULL, NULL, NULL
            FROM picks JOIN cameo_codes k ON k.n = picks.c""", [events])
        db.execute("COMMIT")
        started = time.perf_counter()
        store.link_stories(window_days=3)
        print(f"linked story events for {events:,} events in "
              f"{time.perf_counter() - started:.1f}s")
        print("store:", store.counts())


def median_ms(work, repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of `work`, after one run to warm the caches."""
    work()
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def searches(store: Store) -> dict[str, object]:
    """Each search the CLI and the API offer, with filters the generated store holds."""
    some_article = store.connection.execute(
        "SELECT article_id FROM events ORDER BY article_id LIMIT 1 OFFSET 1000").fetchone()[0]
    return {
        "events, no filter (first page)": lambda: find_events(store),
        "events, page 5 (offset 200)": lambda: find_events(store, offset=200),
        "events --dyad CHN USA": lambda: find_events(store, dyad=("CHN", "USA")),
        "events --dyad USAGOV IRN --directed":
            lambda: find_events(store, dyad=("USAGOV", "IRN"), directed=True),
        "events --dyad CHN USA --type ASSAULT":
            lambda: find_events(store, dyad=("CHN", "USA"), plover_type="ASSAULT"),
        "events --actor RUSMIL (code)": lambda: find_events(store, actor="RUSMIL"),
        "events --actor 'iran army' (name)": lambda: find_events(store, actor="iran army"),
        "events --type SANCTION": lambda: find_events(store, plover_type="SANCTION"),
        "events --cameo 19 (root)": lambda: find_events(store, cameo="19"),
        "events --cameo 0311": lambda: find_events(store, cameo="0311"),
        "events --since/--until (a month)":
            lambda: find_events(store, since="2024-06-01", until="2024-06-30"),
        "events --type PROTEST, a month":
            lambda: find_events(store, plover_type="PROTEST", since="2024-06-01",
                                until="2024-06-30"),
        "events --article ID": lambda: find_events(store, article_id=some_article),
        "dyad CHN RUS (weeks, both ways)": lambda: dyad_timeline(store, "CHN", "RUS"),
        "dyad USAGOV IRN --directed": lambda: dyad_timeline(store, "USAGOV", "IRN",
                                                            directed=True),
        "dyad CHN USA --period month, a year":
            lambda: dyad_timeline(store, "CHN", "USA", period="month", since="2024-01-01",
                                  until="2024-12-31"),
        "actors (top 20 codes)": lambda: top_actors(store),
        "actors --by name": lambda: top_actors(store, by="name"),
        "actors, a month": lambda: top_actors(store, since="2024-06-01", until="2024-06-30"),
        "/actors?q=rus (search)": lambda: top_actors(store, search="rus"),
        "/articles (first page)": lambda: find_articles(store),
        "/articles?search=minister": lambda: find_articles(store, search="minister"),
        "/articles?source=Source 3": lambda: find_articles(store, source="Source 3"),
        "/articles, a month": lambda: find_articles(store, since="2024-06-01",
                                                    until="2024-06-30"),
        "/articles/ID (one whole article)": lambda: get_article(store, some_article),
        "/overview": lambda: overview(store),
        "stories --dyad CHN USA": lambda: find_stories(store, dyad=("CHN", "USA")),
        # quotes --db: two queries on the quotes, actors and mentions tables; on a store
        # of `api_load.py` (real quotes) a speaker's whole list, else none are found
        "quotes --db (first 20)": lambda: _first(stored_quotes(store), 20),
        "quotes --db --speaker Ushakov (all)": lambda: list(stored_quotes(store, "Ushakov")),
        "quotes --db --speaker RUSGOV (all)": lambda: list(stored_quotes(store, "RUSGOV")),
    }


def _first(found, count: int) -> list:
    return [item for item, _ in zip(found, range(count), strict=False)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    parser.add_argument("--only", default=None, help="time only the searches naming this")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "big.duckdb"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.events)
        print(f"built {path} in {time.perf_counter() - started:.1f}s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    with Store.open(path) as store:
        print(f"store: {store.counts()}")
        print(f"load average before: {_load()} (cores: {os.cpu_count()})")
        print(f"medians of {args.repeat} runs:   wall ms    CPU ms")
        for name, work in searches(store).items():
            if args.only and args.only.lower() not in name.lower():
                continue
            wall, cpu = median_ms(work, args.repeat)
            print(f"  {name:<40} {wall:8.1f} {cpu:9.1f}", flush=True)
        print(f"load average after: {_load()}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
