"""How the server holds the store: reads on their own cursors go on while a write runs,
and see each write whole or not at all."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.api.access import AnswerCache, StoreAccess
from communique.errors import CommuniqueError
from communique.store import find_events

from .conftest import CHN, RUS, article, event, stored

WRITES = 10


def test_reads_go_on_during_writes_and_see_whole_transactions(tmp_path):
    access = StoreAccess(tmp_path / "busy.duckdb", writable=True)
    seen: list[int] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            for n in range(WRITES):
                # each transaction stores an article with two events
                day = f"2026-01-{n % 28 + 1:02d}"
                item = article(f"w{n}", day, [event(1, "051", RUS, CHN, day),
                                              event(2, "112", CHN, RUS, day)])
                with access.writing("Ingest") as store:
                    store.write([stored(item)])
        except BaseException as exc:  # reported by the test, not lost in the thread
            failures.append(exc)
        finally:
            done.set()

    def read() -> None:
        try:
            while not done.is_set():
                with access.reading() as store:
                    seen.append(find_events(store, dyad=("CHN", "RUS"), limit=5).total)
        except BaseException as exc:
            failures.append(exc)

    readers = [threading.Thread(target=read) for _ in range(3)]
    writer = threading.Thread(target=write)
    for thread in (*readers, writer):
        thread.start()
    for thread in (writer, *readers):
        thread.join(timeout=60)
    access.close()
    assert not failures, failures
    assert seen, "the readers ran"
    assert all(total % 2 == 0 for total in seen)  # never half an article
    assert max(seen) <= 2 * WRITES


def test_a_read_only_store_refuses_writing(store_path):
    access = StoreAccess(store_path, writable=False)
    try:
        with pytest.raises(CommuniqueError) as raised, access.writing("Ingest"):
            pass
        assert raised.value.code == "E032"
        with access.reading() as store:
            assert find_events(store).total == 6
    finally:
        access.close()


def test_queries_take_turns_with_the_duckdb_threads_set(store_path):
    access = StoreAccess(store_path, writable=False, db_threads=1, readers=2)
    try:
        inside, release, done = [], threading.Event(), []

        def read():
            with access.reading() as store:
                inside.append(store.connection.execute(
                    "SELECT current_setting('threads')").fetchone()[0])
                release.wait(5)
            done.append(True)

        readers = [threading.Thread(target=read) for _ in range(3)]
        for reader in readers:
            reader.start()
        deadline = threading.Event()
        deadline.wait(0.5)
        assert len(inside) == 2  # the third waits for a turn
        release.set()
        for reader in readers:
            reader.join(5)
        assert inside == [1, 1, 1] and len(done) == 3
    finally:
        access.close()


def test_answers_are_kept_within_their_bytes_the_least_recently_asked_dropped_first():
    cache = AnswerCache(capacity=10)
    computed: list[str] = []

    def answer(key: str, body: bytes) -> bytes:
        return cache.answer(key, lambda: computed.append(key) or body)

    assert answer("a", b"1234") == b"1234" and answer("a", b"other") == b"1234"
    answer("b", b"1234")
    answer("a", b"")  # now "b" is the least recently asked
    answer("c", b"1234")  # 12 bytes: "b" goes
    answer("a", b""), answer("b", b"1234")
    assert computed == ["a", "b", "c", "b"]
    answer("big", b"x" * 11)  # more than the whole cache: given, not kept
    answer("big", b"x" * 11)
    assert computed.count("big") == 2 and len(cache) <= 3


def test_a_write_empties_the_answers_kept_before_and_during_it(tmp_path):
    app = create_app(tmp_path / "news.duckdb", token="t" * 20)
    with TestClient(app) as client:
        access = app.state.store
        assert client.get("/events?dyad=CHN,RUS").json()["total"] == 0
        assert client.get("/events?dyad=CHN,RUS").json()["total"] == 0
        assert len(access.answers) == 1
        with access.writing("Ingest") as store:
            store.write([stored(article("w1", "2026-01-05", [event(1, "051", RUS, CHN,
                                                                   "2026-01-05")]))])
            # asked between the batch's commit and the end of the write: the new answer
            assert client.get("/events?dyad=CHN,RUS").json()["total"] == 1
        assert len(access.answers) == 0  # nothing read during a write is kept after it
        assert client.get("/events?dyad=CHN,RUS").json()["total"] == 1
        assert client.get("/dyads/CHN/RUS").json()["rows"][0]["events"] == 1


def test_a_server_without_a_cache_asks_the_store_each_time(store_path):
    app = create_app(store_path, answer_cache=0)
    with TestClient(app) as client:
        first = client.get("/events?actor=RUS")
        assert first.json()["total"] > 0
        assert client.get("/events?actor=RUS").content == first.content
        assert len(app.state.store.answers) == 0
