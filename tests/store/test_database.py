"""Opening, creating and migrating stores, and every way a store file can be wrong."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from communique.errors import StoreError
from communique.rows import COLUMNS
from communique.store import Store, get_article
from communique.store.schema import LATEST, MIGRATIONS

from .conftest import RUS, article, event, stored


def test_a_new_store_has_every_column_of_the_rows_and_records_its_migrations(tmp_path):
    with Store.open(tmp_path / "new.duckdb", write=True) as store:
        for table, columns in COLUMNS.items():
            have = [r[0] for r in store.connection.execute(f"DESCRIBE {table}").fetchall()]
            wanted = [name for name, _ in columns]
            # in their order, beside the store's own (content_hash, an event's story)
            assert [name for name in have if name in wanted] == wanted, table
            assert set(have) - set(wanted) <= {"content_hash", "story_id", "story_articles",
                                               "story_sources"}, table
        versions = store.connection.execute(
            "SELECT version FROM communique_migrations ORDER BY 1").fetchall()
        assert [v for (v,) in versions] == [m.version for m in MIGRATIONS]
        assert MIGRATIONS[-1].version == LATEST


def test_migrations_are_numbered_one_up():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_an_older_store_is_brought_up_to_date_when_opened(tmp_path):
    path = tmp_path / "old.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE communique_migrations (version INTEGER, name VARCHAR)")
    connection.execute("CREATE TABLE communique_meta (key VARCHAR, value VARCHAR)")
    for statement in MIGRATIONS[0].statements:
        connection.execute(statement)
    connection.execute("INSERT INTO communique_migrations VALUES (1, 'first')")
    connection.close()
    with Store.open(path) as store:  # reading migrates it first
        assert store.counts()["stories"] == 0


def test_an_article_is_stored_and_read_back_whole(store):
    original = article("x1", "2026-01-02", [event(1, "051", RUS)], url="https://e.org/x")
    store.write([stored(original)])
    again = get_article(store, "x1")
    assert again.to_dict(include_text=True) == original.to_dict(include_text=True)
    assert get_article(store, "nope") is None


def test_writing_an_article_again_replaces_it(store):
    store.write([stored(article("x1", "2026-01-02", [event(1, "051", RUS), event(2, "010", RUS)]))])
    store.write([stored(article("x1", "2026-01-02", [event(1, "112", RUS)], text="changed"))])
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1
    assert store.stored_hashes(["x1", "x2"]).keys() == {"x1"}


@pytest.mark.parametrize("content, reason", [
    (b"", "the file is empty"),
    (b"hello, this is not a database at all" * 10, "first bytes are not DuckDB's"),
    (b"SQLite format 3\x00" + bytes(100), "first bytes are not DuckDB's"),
])
def test_a_file_that_is_not_duckdb_is_refused_and_left_alone(tmp_path, content, reason):
    path = tmp_path / "other.db"
    path.write_bytes(content)
    for write in (True, False):
        with pytest.raises(StoreError) as caught:
            Store.open(path, write=write)
        assert caught.value.code == "E018" and reason in caught.value.message
    assert path.read_bytes() == content


def test_a_duckdb_file_of_other_tables_is_refused(tmp_path):
    path = tmp_path / "foreign.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE sales (id INTEGER)")
    connection.close()
    with pytest.raises(StoreError) as caught:
        Store.open(path, write=True)
    assert caught.value.code == "E019" and "sales" in caught.value.message
    connection = duckdb.connect(str(path), read_only=True)
    assert [t for (t,) in connection.execute("SHOW TABLES").fetchall()] == ["sales"]
    connection.close()


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    Store.open(path, write=True).close()
    connection = duckdb.connect(str(path))
    connection.execute("INSERT INTO communique_migrations VALUES (?, 'future')", [LATEST + 1])
    connection.close()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert caught.value.code == "E020"


def test_a_missing_store_cannot_be_read(tmp_path):
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "none.duckdb")
    assert caught.value.code == "E022"
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "no-folder" / "s.duckdb", write=True)
    assert caught.value.code == "E021"


HOLD_LOCK = textwrap.dedent("""
    import sys, time
    from communique.store import Store
    store = Store.open(sys.argv[1], write=True)
    print("open", flush=True)
    sys.stdin.read()
""")


def test_a_second_process_is_told_another_one_writes(tmp_path):
    path = tmp_path / "busy.duckdb"
    writer = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        for write in (True, False):
            with pytest.raises(StoreError) as caught:
                Store.open(path, write=write)
            assert caught.value.code == "E017"
            assert "another process is writing" in caught.value.message
    finally:
        writer.communicate("")
    with Store.open(path) as store:  # and once it is done, the store is whole
        assert store.counts()["articles"] == 0


def test_a_read_only_location_is_a_clear_error():
    # /proc takes no new files, whoever asks (root ignores a folder's permissions)
    with pytest.raises(StoreError) as caught:
        Store.open("/proc/communique-test.duckdb", write=True)
    assert caught.value.code == "E021" and "cannot write the store" in caught.value.message


def test_a_damaged_store_is_said_to_be_damaged_and_left_alone(tmp_path):
    from .conftest import stored as as_stored

    path = tmp_path / "damaged.duckdb"
    with Store.open(path, write=True) as store:
        store.write([as_stored(article(f"d{n}", "2026-01-01", [event(1, "051", RUS)]))
                     for n in range(50)])
        store.connection.execute("CHECKPOINT")
    size = path.stat().st_size
    with path.open("r+b") as handle:  # overwrite blocks past the header
        handle.seek(12288)
        handle.write(bytes(range(256)) * 32)
    damaged = path.read_bytes()
    for write in (False, True):
        with pytest.raises(StoreError) as caught:
            Store.open(path, write=write)
        assert caught.value.code == "E038" and "damaged" in caught.value.message
    assert path.read_bytes() == damaged and path.stat().st_size == size
    path.write_bytes(damaged[:20000])  # and cut short
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert caught.value.code == "E038"


def test_a_store_from_before_tone_gets_the_column_null_for_its_old_articles(tmp_path):
    path = tmp_path / "v4.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE communique_migrations (version INTEGER, name VARCHAR)")
    connection.execute("CREATE TABLE communique_meta (key VARCHAR, value VARCHAR)")
    for migration in MIGRATIONS[:4]:
        for statement in migration.statements:
            connection.execute(statement)
        connection.execute("INSERT INTO communique_migrations VALUES (?, ?)",
                           [migration.version, migration.name])
    connection.execute("INSERT INTO articles (article_id, \"date\", \"text\", places, dates, "
                       "content_hash) VALUES ('old', '2026-01-02', 'Old text.', '[]', '[]', "
                       "'x')")
    connection.close()
    with Store.open(path) as store:  # reading migrates it first
        columns = {r[0]: r[1] for r in store.connection.execute("DESCRIBE articles").fetchall()}
        assert (columns["tone"], columns["tone_method"]) == ("DOUBLE", "VARCHAR")
        old = get_article(store, "old")
        assert old.text == "Old text." and old.tone is None and old.tone_method is None
    with Store.open(path, write=True) as store:
        toned = article("new", "2026-01-03", [event(1, "051", RUS)])
        toned.tone, toned.tone_method = -2.5, "vader-3.3.2"
        store.write([stored(toned)])
        again = get_article(store, "new")
        assert (again.tone, again.tone_method) == (-2.5, "vader-3.3.2")
        assert again.to_dict() == toned.to_dict()


def test_a_store_from_before_event_quotes_reads_them_null_and_keeps_new_ones(tmp_path):
    path = tmp_path / "v5.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE communique_migrations (version INTEGER, name VARCHAR)")
    connection.execute("CREATE TABLE communique_meta (key VARCHAR, value VARCHAR)")
    for migration in MIGRATIONS[:5]:
        for statement in migration.statements:
            connection.execute(statement)
        connection.execute("INSERT INTO communique_migrations VALUES (?, ?)",
                           [migration.version, migration.name])
    connection.close()
    with Store.open(path, write=True) as store:  # brought up to date, then written
        columns = {r[0]: r[1] for r in store.connection.execute("DESCRIBE events").fetchall()}
        assert columns["quote"] == "VARCHAR"
        old = article("old", "2026-01-02", [event(1, "051", RUS)])
        stated = article("new", "2026-01-03", [event(1, "010", RUS)])
        stated.events[0].quote = "Q1"
        store.write([stored(old), stored(stated)])
        assert get_article(store, "old").events[0].quote is None
        again = get_article(store, "new")
        assert again.events[0].quote == "Q1" and again.quotes[0].id == "Q1"
        assert again.to_dict() == stated.to_dict()
