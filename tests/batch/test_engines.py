"""Both engines code a corpus into the same Parquet tables, record for record, and the
tables read back into the records the Coder makes."""

from __future__ import annotations

import json
import logging

import duckdb
import pytest
import ray

from communique.batch import BatchOptions, Location, read_articles, run_batch
from communique.batch.locations import OUTPUT_TABLES
from communique.io.readers import Unreadable
from communique.store import text_id

from .corpus import GOOD_IDS, NO_ID_TEXT, REJECTED_WHERE, write_corpus

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def local_output(corpus, coder, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    summary = run_batch(str(corpus), str(out), settings=coder.settings,
                        options=BatchOptions(engine="local", workers=1, part_size=2,
                                             date="2026-01-01"))
    return out, summary


@pytest.fixture(scope="module")
def ray_output(corpus, coder, tmp_path_factory):
    out = tmp_path_factory.mktemp("ray") / "out"
    # a new local instance, whatever RAY_ADDRESS or a cluster on this machine says
    ray.init(address="local", num_cpus=2, include_dashboard=False,
             logging_level=logging.WARNING)
    try:
        summary = run_batch(str(corpus), str(out), settings=coder.settings,
                            options=BatchOptions(engine="ray", workers=2, part_size=2,
                                                 date="2026-01-01"))
    finally:
        ray.shutdown()
    return out, summary


def articles(out):
    return [a.to_dict(include_text=True) for a in read_articles(Location.parse(str(out)))]


def rejects(out):
    lines = (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted((json.loads(line) for line in lines), key=lambda r: r["where"])


def test_local_engine_codes_the_good_records_and_rejects_the_bad(local_output):
    out, summary = local_output
    coded = {a["id"]: a for a in articles(out)}
    assert sorted(coded) == sorted([*GOOD_IDS, text_id(NO_ID_TEXT)])
    assert coded["a3"]["date"] == "2026-01-01"  # the default date, for a record without one
    assert coded["p1"]["date"] == "2026-03-06"  # a Parquet date column
    assert summary.articles == 6 and summary.rejected == 4
    assert [r["where"].rsplit("/", 1)[-1] for r in rejects(out)] == REJECTED_WHERE
    assert [r["code"] for r in rejects(out)] == ["E007", "E004", "E008", "E004"]


def test_batch_tables_read_back_into_the_coders_records(local_output, corpus, coder):
    out, _ = local_output
    from communique.batch.locations import input_files
    from communique.batch.sources import read_records, with_defaults

    records = [with_defaults(item, "2026-01-01")
               for file in input_files(Location.parse(str(corpus)))
               for item in read_records(file)]
    direct = coder.code_many([r for r in records if not isinstance(r, Unreadable)],
                             on_error=lambda r: None)
    expected = sorted((a.to_dict(include_text=True) for a in direct), key=lambda a: a["id"])
    assert articles(out) == expected
    assert sum(len(a["events"]) for a in expected) > 0


def test_ray_engine_output_equals_the_local_engines(local_output, ray_output):
    (local, local_summary), (remote, ray_summary) = local_output, ray_output
    assert articles(remote) == articles(local)
    assert rejects(remote) == rejects(local)
    assert ray_summary.rows == local_summary.rows
    assert ray_summary.engine == "ray" and ray_summary.workers == 2
    assert ray_summary.parts >= 3  # chunks of two records from three files


def test_duckdb_reads_the_output_tables(ray_output):
    out, summary = ray_output
    connection = duckdb.connect()
    for table in OUTPUT_TABLES:
        count = connection.execute(
            f"SELECT count(*) FROM read_parquet('{out}/{table}/*.parquet')").fetchone()[0]
        assert count == summary.rows[table]
    dates = connection.execute(
        f"SELECT typeof(date) FROM read_parquet('{out}/events/*.parquet') LIMIT 1").fetchone()
    assert dates == ("DATE",)
