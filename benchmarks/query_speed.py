"""Query speed on a large store: a dyad timeline and an actor search, medians.

Generates a store of EVENTS events (default 1,000,000; five an article) with random
dyads among 40 countries, random sectors and CAMEO codes over two years, links its
story events (timed), then times the queries `communique dyad` and `communique events
--actor` run, each REPEAT times, and prints the medians.

    python benchmarks/query_speed.py [--events 1000000] [--repeat 21] [--db PATH]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from communique.store import Store, dyad_timeline, find_events, top_actors
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


def median_ms(work, repeat: int) -> float:
    work()  # the first run warms DuckDB's caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "big.duckdb"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.events)
        print(f"built {path} in {time.perf_counter() - started:.1f}s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    with Store.open(path) as store:
        figures = {
            "dyad timeline CHN-RUS (weeks, both ways)":
                lambda: dyad_timeline(store, "CHN", "RUS"),
            "dyad timeline USAGOV->IRN (directed)":
                lambda: dyad_timeline(store, "USAGOV", "IRN", directed=True),
            "actor search by code (--actor RUSMIL), first page and total":
                lambda: find_events(store, actor="RUSMIL"),
            "actor search by name (--actor 'iran army'), first page and total":
                lambda: find_events(store, actor="iran army"),
            "events of a dyad and type (--dyad CHN USA --type ASSAULT)":
                lambda: find_events(store, dyad=("CHN", "USA"), plover_type="ASSAULT"),
            "top 20 actors": lambda: top_actors(store),
        }
        print(f"medians of {args.repeat} runs:")
        for name, work in figures.items():
            print(f"  {median_ms(work, args.repeat):8.1f} ms  {name}")


if __name__ == "__main__":
    main()
