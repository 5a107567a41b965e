"""What one API request costs, in process, and where: the store's queries, building the
answer's JSON, and the rest of the application (routing, validation, middleware).

Requests are drawn as `api_load.py` draws them (seeded) from a store it built: REQUESTS
different ones of each kind, each sent once through the ASGI application (no sockets, no
HTTP parsing) after a warm-up, and the process's CPU time is summed per part. The store
part times the query function the route calls, with the same filters; the JSON part
times turning its answer into the response's bytes; the application part is the whole
request (without an answer cache) less the other two. `--cache BYTES` also times the
same requests answered from a server's answer cache of that size.

    python benchmarks/api_cost.py --db STORE [--requests 200] [--cache 0] [--profile KIND]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import random
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from api_load import request_mix

from communique.api import create_app
from communique.api.routes import timeline_answer, to_json
from communique.store import dyad_timeline, find_events


async def call(app, path: str) -> tuple[int, bytes]:
    """One GET through the ASGI application: (status, body)."""
    parts = urlsplit(path)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": parts.path,
             "raw_path": parts.path.encode(), "query_string": parts.query.encode(),
             "root_path": "", "headers": [(b"host", b"127.0.0.1")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8000)}
    body, status = [], [0]

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            status[0] = message["status"]
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))

    await app(scope, receive, send)
    return status[0], b"".join(body)


def events_call(store, path: str):
    """The store's part of GET /events: find_events with the request's filters."""
    query = dict(parse_qsl(urlsplit(path).query))
    dyad = tuple(query["dyad"].split(",")) if "dyad" in query else None
    return find_events(store, actor=query.get("actor"), dyad=dyad,
                       plover_type=query.get("type"), since=query.get("since"),
                       until=query.get("until"), offset=int(query.get("offset", 0)))


def dyads_call(store, path: str):
    parts = urlsplit(path)
    _, _, first, second = parts.path.split("/")
    query = dict(parse_qsl(parts.query))
    return dyad_timeline(store, first, second, directed=query.get("directed") == "true",
                         period=query.get("period", "week"))


def cpu_ms(work, items) -> float:
    """CPU milliseconds per item of `work(item)` over `items`."""
    started = time.process_time()
    for item in items:
        work(item)
    return (time.process_time() - started) * 1000 / len(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--cache", type=int, default=0, help="answers the server caches")
    parser.add_argument("--profile", choices=["events", "dyads"], default=None,
                        help="print cProfile's top functions for one kind of request")
    args = parser.parse_args()
    events, dyads = request_mix(args.db)
    rng = random.Random(3)
    kinds = {"events": rng.sample(events, args.requests),
             "dyads": rng.sample(dyads, args.requests)}
    app = create_app(args.db, answer_cache=0)  # every request asks the store
    cached = create_app(args.db, answer_cache=args.cache) if args.cache else None
    loop = asyncio.new_event_loop()

    def whole(path: str, app=app) -> None:
        status, _ = loop.run_until_complete(call(app, path))
        assert status == 200, (status, path)

    def answer_json(kind: str):
        if kind == "events":
            return lambda page: to_json(page.to_dict(rows=False))
        return lambda rows: to_json(timeline_answer("A", "B", False, "week", False, rows))

    store = app.state.store
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"{args.requests} requests of each kind, CPU ms a request")
    print(f"{'':>16} {'whole':>8} {'store':>8} {'JSON':>8} {'app':>8}")
    for kind, paths in kinds.items():
        query = events_call if kind == "events" else dyads_call
        for path in paths[:20]:  # warm DuckDB's buffers and Python's caches
            whole(path)
        if args.profile == kind:
            profile = cProfile.Profile()
            profile.enable()
            for path in paths:
                whole(path)
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        with store.reading() as reading:
            answers = [query(reading, path) for path in paths]
            store_ms = cpu_ms(lambda path, r=reading, q=query: q(r, path), paths)
        json_ms = cpu_ms(answer_json(kind), answers)
        whole_ms = cpu_ms(whole, paths)
        print(f"{'GET /' + kind:>16} {whole_ms:8.1f} {store_ms:8.1f} {json_ms:8.1f} "
              f"{whole_ms - store_ms - json_ms:8.1f}")
        if cached is not None:
            for path in paths:
                whole(path, cached)
            print(f"{'  from the cache':>16} {cpu_ms(lambda p: whole(p, cached), paths):8.1f}")
    loop.close()


if __name__ == "__main__":
    main()
