"""Exports: JSONL records, CSV, Parquet, GDELT 2.0 rows and PLOVER records."""

from __future__ import annotations

import csv
import io
import json

import duckdb

from communique.rows import COLUMNS
from communique.store.exports import GDELT_COLUMNS, export

from .conftest import RUS, article, event, stored


def written(store, fmt, **options):
    out = io.StringIO()
    count = export(store, fmt, out, **options)
    return count, out.getvalue()


def test_jsonl_gives_the_record_contract_back(filled):
    count, text = written(filled, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert count == 3 and [r["id"] for r in records] == ["a1", "a2", "a3"]
    assert records[0]["events"][1]["location"]["name"] == "Kharkiv"
    assert records[0]["actors"][0]["mentions"][1] == {"start": 40, "end": 46, "text": "Putin"}
    assert "text" not in records[0]
    _, with_text = written(filled, "jsonl", include_text=True)
    assert json.loads(with_text.splitlines()[0])["text"].startswith("Text of a1")


def test_csv_writes_a_table_with_its_columns(filled):
    count, text = written(filled, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [*(name for name, _ in COLUMNS["events"]), "story_id", "story_articles",
                       "story_sources"]
    assert count == 6 == len(rows) - 1
    _, quotes = written(filled, "csv", table="quotes")
    assert quotes.splitlines()[1].startswith("a1,0,we agree")


def test_gdelt_rows_have_61_fields_one_row_per_story(filled):
    count, text = written(filled, "gdelt")
    rows = [line.split("\t") for line in text.splitlines()]
    assert len(GDELT_COLUMNS) == 61 and all(len(r) == 61 for r in rows)
    # 6 events, one of them negated, two of them one story: 4 rows
    assert count == 4 == len(rows)
    field = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    support = next(r for r in rows if r[field["EventCode"]] == "051")
    assert support[field["NumArticles"]] == "2" and support[field["NumSources"]] == "2"
    assert support[field["Day"]] == "20260202" and support[field["Actor1Code"]] == "RUS"
    assert support[field["Actor2CountryCode"]] == "CHN"
    statement = next(r for r in rows if r[field["EventCode"]] == "010")
    assert statement[field["QuadClass"]] == "1"  # our class 0 is GDELT's verbal cooperation
    assert statement[field["Actor1CountryCode"]] == ""
    assert statement[field["Actor1KnownGroupCode"]] == "UNO"
    assert statement[field["SOURCEURL"]] == "https://example.org/a3"
    assault = next(r for r in rows if r[field["EventCode"]] == "190")
    assert assault[field["QuadClass"]] == "4" and assault[field["ActionGeo_Lat"]] == "49.99"
    assert assault[field["Actor1Type1Code"]] == "MIL" and assault[field["AvgTone"]] == ""
    assert len({r[0] for r in rows}) == 4  # distinct GlobalEventIDs


def test_gdelt_avgtone_is_the_articles_tone(store):
    toned = article("t1", "2026-02-02", [event(1, "190", RUS)])
    toned.tone, toned.tone_method = -3.25, "vader-3.3.2"
    store.write([stored(toned), stored(article("t2", "2026-02-03", [event(1, "051", RUS)]))])
    _, text = written(store, "gdelt")
    field = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    tones = {r[field["EventCode"]]: r[field["AvgTone"]]
             for r in (line.split("\t") for line in text.splitlines())}
    assert tones == {"190": "-3.2500", "051": ""}  # an article stored without a tone: empty


def test_plover_records(filled):
    count, text = written(filled, "plover")
    records = [json.loads(line) for line in text.splitlines()]
    # statements (010) have no PLOVER type, negated events did not happen
    assert count == 4 and {r["event"][0] for r in records} == {"SUPPORT", "ASSAULT", "ACCUSE"}
    first = records[0]
    assert first["actor"] == [{"code": "RUS", "sector": None, "entity_text": "Russia"}]
    assert first["recipient"][0]["code"] == "CHN" and first["quad_code"] == 1
    assault = next(r for r in records if r["event"] == ["ASSAULT"])
    assert assault["quad_code"] == 4 and assault["event_loc"]["extracted_place"] == "Kharkiv"


def test_parquet_writes_one_readable_file_per_table(filled, tmp_path):
    folder = tmp_path / "out"
    assert export(filled, "parquet", folder) == 6
    connection = duckdb.connect()
    events = connection.execute("SELECT * FROM read_parquet(?)",
                                [str(folder / "events.parquet")])
    assert [d[0] for d in events.description] == [
        *(name for name, _ in COLUMNS["events"]), "story_id", "story_articles", "story_sources"]
    assert len(events.fetchall()) == 6
    count = connection.execute("SELECT count(*) FROM read_parquet(?)",
                               [str(folder / "stories.parquet")]).fetchone()[0]
    assert count == filled.counts()["stories"]


def test_a_reciprocal_plover_event_lists_both_sides_as_actors(store):
    from .conftest import CHN, RUS, article, event, stored

    store.write([stored(article("t1", "2026-01-01", [event(1, "036", RUS, CHN,
                                                           reciprocal=True)]))])
    [record] = [json.loads(line) for line in written(store, "plover")[1].splitlines()]
    assert [a["code"] for a in record["actor"]] == ["RUS", "CHN"] and record["recipient"] == []
