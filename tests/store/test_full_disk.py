"""A full disk (here: a file size limit, as a small disk would set) stops writing with a
clear error, and the store keeps every batch committed before it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from communique.store import Store

FILL = textwrap.dedent("""
    import resource, signal, sys
    sys.path.insert(0, sys.argv[2])
    from communique.errors import StoreError
    from communique.store import Store
    from tests.store.conftest import RUS, CHN, article, event, stored

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    store = Store.open(sys.argv[1], write=True)
    limit = 4 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    committed = 0
    try:
        for batch in range(1000):
            store.write([stored(article(f"b{batch}-{n}", "2026-01-01",
                                        [event(1, "051", RUS, CHN)],
                                        text=f"{batch} {n} " + "words of news " * 2000))
                         for n in range(10)])
            committed += 10
    except StoreError as error:
        print(committed, error.code, error.message)
""")


def test_a_full_disk_is_a_clear_error_and_the_store_stays_whole(tmp_path):
    from ..conftest import ROOT

    path = tmp_path / "small.duckdb"
    result = subprocess.run([sys.executable, "-c", FILL, str(path), str(ROOT)],
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    committed, code, message = result.stdout.split(" ", 2)
    assert code == "E021" and ("size allowed" in message or "disk is full" in message), message
    assert int(committed) > 0
    with Store.open(path) as store:  # reopened without the limit
        counts = store.counts()
        assert counts["articles"] == int(committed) == counts["events"] == counts["quotes"]
        orphans = store.connection.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.article_id = e.article_id)").fetchone()[0]
        assert orphans == 0
    with Store.open(path, write=True) as store:  # and it can be written again
        store.link_stories()
        assert store.counts()["stories"] == 1
