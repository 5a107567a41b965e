"""Load on the HTTP API: concurrent clients against GET /events and GET /dyads/A/B on a
store of a million events; requests per second, p50 and p99 latency, errors.

The store is built from real coded rows: news-like articles (`batch_corpus.py`) coded
by the Coder, then copied until there are EVENTS events, each copy with its own ids,
its dates shifted and its countries swapped for others (so that dyads and dates
spread), written through the store's bulk insert; then its stories are linked. The
server runs as `communique serve` in a process of its own (read-only, as without a
token); the clients are keep-alive HTTP/1.1 connections of one asyncio loop in this
process, on loopback only, each sending its next request as soon as the last is
answered. Requests are drawn at random (seeded) from dyads, actors, types and months
the store holds.

    python benchmarks/api_load.py [--events 1000000] [--clients 50] [--seconds 30]
                                  [--baseline 10] [--db PATH] [--port 8765] [--base 300]
                                  [--serve OPTIONS]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode

from batch_corpus import article as corpus_article
from batch_corpus import pieces

from communique import Coder
from communique.io.checks import InputRecord
from communique.rows import COLUMNS, article_rows
from communique.store import Store, top_actors
from communique.store.bulk import insert_rows
from communique.store.schema import TABLES
from communique.tables.cameo import PLOVER_TYPES

COUNTRIES = ["USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "IND", "PAK",
             "IRN", "IRQ", "ISR", "PSE", "EGY", "SAU", "TUR", "GRC", "UKR", "POL", "BRA",
             "ARG", "MEX", "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "NGA", "KEN", "ETH",
             "SDN", "ZAF", "SYR", "LBN", "AFG", "VEN", "COL"]
SOURCES = [f"Source {n}" for n in range(25)]
CHUNK_ARTICLES = 20_000  # copied articles per write transaction
DAYS = 730  # copies spread over two years


# -- the store ------------------------------------------------------------------------
def coded_rows(count: int) -> list[dict[str, list[dict]]]:
    """The table rows of `count` news-like articles, coded for real."""
    texts = pieces()
    records = []
    for number in range(count):
        data = corpus_article(number, texts)
        records.append(InputRecord(text=data["text"], id=data["id"], date=data["date"],
                                   title=data.get("title"), source=data.get("source"),
                                   origin=f"corpus:{number}"))
    started = time.perf_counter()
    rows = [article_rows(a) for a in Coder().code_many(records)]
    print(f"coded {len(rows)} base articles ({sum(len(r['events']) for r in rows)} events) "
          f"in {time.perf_counter() - started:.1f}s")
    return rows


def copy_rows(base: dict[str, list[dict]], copy: int, rng: random.Random
              ) -> dict[str, list[dict]]:
    """One copy of an article's rows: a new id, shifted dates, other countries."""
    shift = dt.timedelta(days=rng.randrange(DAYS))
    swap = dict(zip(COUNTRIES, rng.sample(COUNTRIES, len(COUNTRIES)), strict=True))
    source = rng.choice(SOURCES)
    article_id = f"{base['articles'][0]['article_id']}~{copy}"

    def day(value):
        if not value:
            return value
        return (dt.date.fromisoformat(str(value)[:10]) - dt.timedelta(days=365) + shift
                ).isoformat()

    def country(value):
        return swap.get(value, value)

    def code(value, old):
        if value and old and value.startswith(old):
            return country(old) + value[len(old):]
        return value

    out: dict[str, list[dict]] = {}
    for table, rows in base.items():
        copied = []
        for row in rows:
            row = {**row, "article_id": article_id}
            if table == "articles":  # a content hash of its own for each copy
                row.update(date=day(row["date"]), source=source,
                           content_hash=hashlib.sha256(article_id.encode()).hexdigest())
            elif table == "actors":
                row.update(code=code(row["code"], row["country"]), country=country(row["country"]))
            elif table == "events":
                for side in ("source", "target"):
                    old = row[f"{side}_country"]
                    row[f"{side}_code"] = code(row[f"{side}_code"], old)
                    row[f"{side}_country"] = country(old)
                row.update(date=day(row["date"]), date_end=day(row["date_end"]),
                           location_country=country(row["location_country"]))
            copied.append(row)
        out[table] = copied
    return out


def build(path: Path, events: int, base_count: int) -> None:
    base = [rows for rows in coded_rows(base_count) if rows["events"]]
    per_round = sum(len(rows["events"]) for rows in base)
    rng = random.Random(7)
    columns = {table: [name for name, _ in COLUMNS[table]] for table in TABLES}
    columns["articles"].append("content_hash")
    started = time.perf_counter()
    written = 0
    copy = 0
    with Store.open(path, write=True) as store:
        connection = store.connection
        while written < events:
            chunk: dict[str, list[tuple]] = defaultdict(list)
            for _ in range(CHUNK_ARTICLES):
                rows = copy_rows(base[copy % len(base)], copy // len(base), rng)
                copy += 1
                for table in TABLES:
                    chunk[table].extend(tuple(r[c] for c in columns[table])
                                        for r in rows[table])
                written += len(rows["events"])
                if written >= events:
                    break
            connection.execute("BEGIN")
            for table in TABLES:
                insert_rows(connection, table, columns[table], chunk[table])
            connection.execute("COMMIT")
            print(f"  {written:,} events in {copy:,} articles "
                  f"({time.perf_counter() - started:.0f}s)", flush=True)
        print(f"wrote {written:,} events ({per_round:,} a round of {len(base)} articles) in "
              f"{time.perf_counter() - started:.1f}s")
        started = time.perf_counter()
        store.link_stories(window_days=3)
        print(f"linked stories in {time.perf_counter() - started:.1f}s; {store.counts()}")


# -- the requests ---------------------------------------------------------------------
def request_mix(path: Path, seed: int = 11) -> tuple[list[str], list[str]]:
    """Event searches and dyad timelines to draw from, from what the store holds."""
    with Store.open(path) as store:
        actors = [r["code"] for r in top_actors(store, limit=60).rows]
        first, last = store.connection.execute(
            "SELECT min(date), max(date) FROM events WHERE date > DATE '2000-01-01' "
            "AND date < DATE '2100-01-01'").fetchone()
    countries = sorted({code[:3] for code in actors if code[:3] in COUNTRIES})[:20]
    rng = random.Random(seed)
    months = []
    day = first.replace(day=1)
    while day <= last:
        end = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        months.append((day.isoformat(), end.isoformat()))
        day = end + dt.timedelta(days=1)
    events, dyads = [], []
    for _ in range(2000):
        a, b = rng.sample(countries, 2)
        kind = rng.random()
        if kind < 0.45:
            query = {"dyad": f"{a},{b}"}
        elif kind < 0.65:
            query = {"actor": rng.choice(actors)}
        elif kind < 0.85:
            since, until = rng.choice(months)
            query = {"type": rng.choice(PLOVER_TYPES), "since": since, "until": until}
        else:
            query = {"dyad": f"{a},{b}", "type": rng.choice(PLOVER_TYPES)}
        if rng.random() < 0.2:
            query["offset"] = rng.choice([50, 100, 200])
        events.append("/events?" + urlencode(query))
        timeline = {"period": "month"} if rng.random() < 0.3 else {}
        if rng.random() < 0.2:
            timeline["directed"] = "true"
        dyads.append(f"/dyads/{a}/{b}" + ("?" + urlencode(timeline) if timeline else ""))
    return events, dyads


# -- the clients ----------------------------------------------------------------------
async def fetch(reader, writer, host: str, path: str) -> tuple[int, int]:
    """One GET on a keep-alive connection: (status, body bytes)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n"
                 .encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    body = await reader.readexactly(length)
    return status, len(body)


async def client(port: int, paths: dict[str, list[str]], deadline: float, rng: random.Random,
                 results: list[tuple[str, float, int]]) -> None:
    host = f"127.0.0.1:{port}"
    reader = writer = None
    while time.perf_counter() < deadline:
        kind = "events" if rng.random() < 0.5 else "dyads"
        path = rng.choice(paths[kind])
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            status, _ = await fetch(reader, writer, host, path)
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
            status = -1
            if writer is not None:
                writer.close()
            reader = writer = None
        results.append((kind, time.perf_counter() - started, status))
    if writer is not None:
        writer.close()


async def load(port: int, paths: dict[str, list[str]], clients: int, seconds: float
               ) -> tuple[list[tuple[str, float, int]], float]:
    results: list[tuple[str, float, int]] = []
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(client(port, paths, deadline, random.Random(n), results)
                           for n in range(clients)))
    return results, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(results: list[tuple[str, float, int]], elapsed: float) -> None:
    print(f"{'requests':>20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
          f"{'errors':>7}")
    for kind in ("events", "dyads", "all"):
        chosen = [r for r in results if kind in ("all", r[0])]
        if not chosen:
            continue
        latencies = [r[1] * 1000 for r in chosen]
        errors = sum(1 for r in chosen if r[2] != 200)
        name = {"events": "GET /events", "dyads": "GET /dyads/A/B", "all": "all"}[kind]
        print(f"{name:>20} {len(chosen) / elapsed:8.1f} {percentile(latencies, 0.5):8.1f} "
              f"{percentile(latencies, 0.99):8.1f} {max(latencies):8.1f} {errors:7d}")
    statuses = Counter(r[2] for r in results)
    print(f"{len(results):,} requests in {elapsed:.1f}s; statuses {dict(statuses)}")


def start_server(path: Path, port: int, options: list[str]) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", str(path),
                               "--port", str(port), *options], stderr=subprocess.PIPE,
                              text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read()}")
        try:
            import urllib.request
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/overview", timeout=5) as r:
                print("server:", json.loads(r.read())["events"], "events")
                return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not answer within 120 s")


def load_average() -> str:
    """The machine's load over the last minute, to read the figures by: on 2 cores,
    anything above 2 means other work took processor time from the server."""
    return f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def cpu_seconds(pid: int) -> float:
    """Processor time the server and the workers it started have used so far."""
    total = 0.0
    for child in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        path = task / "children"
        if path.exists():
            found.extend(int(c) for c in path.read_text().split())
    return [*found, *(grandchild for child in found for grandchild in _children(child))]


def measured(server: subprocess.Popen, port: int, paths: dict[str, list[str]], clients: int,
             seconds: float) -> None:
    """One run of `clients` for `seconds`, reported with the processor time it took."""
    server_cpu, own_cpu = cpu_seconds(server.pid), time.process_time()
    results, elapsed = asyncio.run(load(port, paths, clients, seconds))
    server_cpu, own_cpu = cpu_seconds(server.pid) - server_cpu, time.process_time() - own_cpu
    print(f"{clients} client{'s' if clients > 1 else ''} for {seconds:.0f}s on loopback "
          f"(load average {load_average()}):")
    report(results, elapsed)
    print(f"CPU: server {server_cpu:.1f} s ({server_cpu * 1000 / max(1, len(results)):.1f} "
          f"ms a request, {server_cpu / elapsed:.2f} cores), clients {own_cpu:.1f} s")


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--baseline", type=float, default=10,
                        help="seconds of one client first (0: none)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--base", type=int, default=300, help="real articles to code")
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    parser.add_argument("--serve", default="", metavar="OPTIONS",
                        help="more options for `communique serve`, e.g. '--workers 2'")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "load.duckdb"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.events, args.base)
        print(f"built {path} in {time.perf_counter() - started:.0f}s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    events, dyads = request_mix(path)
    server = start_server(path, args.port, shlex.split(args.serve))
    paths = {"events": events, "dyads": dyads}
    try:
        asyncio.run(load(args.port, paths, 5, 3))  # warm up
        if args.baseline:  # one client alone: the time a request takes without queueing
            measured(server, args.port, paths, 1, args.baseline)
        measured(server, args.port, paths, args.clients, args.seconds)
        print(f"server peak resident memory: {peak_memory_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
