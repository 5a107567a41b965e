"""Ingest with the real model: each article stored once, changed ones replaced, bad
records reported with where they came from."""

from __future__ import annotations

import json

import pytest

from communique.io.checks import InputRecord
from communique.io.readers import read_inputs
from communique.store import Store, find_events, get_article, ingest

from .conftest import dump

pytestmark = pytest.mark.model

ARTICLES = [
    {"id": "k1", "date": "2026-03-02", "source": "Wire One",
     "text": "Japan and South Korea agreed on Monday to resume security talks."},
    {"id": "k2", "date": "2026-03-03", "source": "Daily Courier",
     "text": "Japan and South Korea agreed on Tuesday to resume security talks, "
             "officials said."},
    {"id": "k3", "date": "2026-03-03",
     "text": "Police arrested 12 protesters in Tehran on Tuesday."},
]


class Counting:
    """The real coder, counting the records it is given."""

    def __init__(self, coder):
        self.coder = coder
        self.records = []

    def code_many(self, records, *, on_error=None, registry=None):
        def counted():
            for record in records:
                self.records.append(record.id)
                yield record
        return self.coder.code_many(counted(), on_error=on_error, registry=registry)


def write_jsonl(path, records, *extra_lines):
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "".join(extra_lines))
    return path


def test_ingest_stores_reports_and_links_stories(coder, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES, "not json\n",
                         '{"id": "k4", "text": ""}\n')
    skipped = []
    with Store.open(tmp_path / "s.duckdb", write=True) as store:
        summary = ingest(store, read_inputs([str(source)]), coder, on_skip=skipped.append)
        assert (summary.coded, summary.unchanged, len(summary.skipped)) == (3, 0, 2)
        assert [s.origin for s in skipped] == [f"{source}:4", f"{source}:5"]
        assert sorted(summary.reasons()) == ["E004 the text is empty or only whitespace",
                                             "E007 the line is not valid JSON"]
        assert summary.events == store.counts()["events"] > 0
        talks = find_events(store, dyad=("JPN", "KOR"), cameo="03")
        assert {r["article_id"] for r in talks.rows} == {"k1", "k2"}
        assert {r["story_articles"] for r in talks.rows} == {2}  # two reports, one story


def test_running_again_codes_nothing_and_changes_nothing(coder, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    with Store.open(tmp_path / "s.duckdb", write=True) as store:
        ingest(store, read_inputs([str(source)]), coder)
        before = dump(store)
        counting = Counting(coder)
        summary = ingest(store, read_inputs([str(source)]), counting)
        assert counting.records == [] and summary.unchanged == 3 and summary.coded == 0
        assert dump(store) == before
        again = ingest(store, read_inputs([str(source)]), Counting(coder), recode=True)
        assert again.coded == 3 and dump(store) == before


def test_a_changed_article_replaces_the_old_one(coder, tmp_path):
    with Store.open(tmp_path / "s.duckdb", write=True) as store:
        ingest(store, [InputRecord(**ARTICLES[2], origin="x")], coder)
        changed = {**ARTICLES[2], "text": "Iranian police released 12 protesters in Tehran."}
        counting = Counting(coder)
        summary = ingest(store, [InputRecord(**ARTICLES[0], origin="x"),
                                 InputRecord(**changed, origin="x")], counting)
        assert (summary.coded, summary.replaced) == (2, 1)
        stored = store.connection.execute(
            "SELECT text FROM articles WHERE article_id = 'k3'").fetchall()
        assert stored == [(changed["text"],)]
        codes = {r["cameo"][:2] for r in find_events(store, article_id="k3").rows}
        assert "17" not in codes  # the arrest went with the old text


def test_the_same_text_without_an_id_is_stored_once(coder, tmp_path):
    text = ARTICLES[2]["text"]
    with Store.open(tmp_path / "s.duckdb", write=True) as store:
        summary = ingest(store, [InputRecord(text=text, origin="a"),
                                 InputRecord(text=text, origin="b")], coder)
        assert (summary.coded, summary.unchanged) == (1, 1)
        [(article_id,)] = store.connection.execute("SELECT article_id FROM articles").fetchall()
        assert article_id.startswith("sha256:")


def test_an_id_given_twice_keeps_the_later_text(coder, tmp_path):
    first = InputRecord(text=ARTICLES[0]["text"], id="dup", origin="a")
    second = InputRecord(text=ARTICLES[2]["text"], id="dup", origin="b")
    with Store.open(tmp_path / "s.duckdb", write=True) as store:
        summary = ingest(store, [first, second], coder, batch_articles=1)
        assert summary.coded == 2 and store.counts()["articles"] == 1
        assert store.connection.execute("SELECT text FROM articles").fetchone()[0] == \
            second.text


def test_batch_output_imports_as_it_is_and_equals_ingest(coder, tmp_path):
    from communique.batch.engines import BatchOptions, run_batch
    from communique.store.coded import import_coded, is_coded_output

    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "batch"
    run_batch(str(source), str(out), settings=coder.settings,
              options=BatchOptions(engine="local", workers=1, part_size=2))
    assert is_coded_output(out) and not is_coded_output(tmp_path)
    with Store.open(tmp_path / "imported.duckdb", write=True) as imported, \
            Store.open(tmp_path / "ingested.duckdb", write=True) as ingested:
        summary = import_coded(imported, out)
        assert (summary.imported, summary.coded, summary.unchanged) == (3, 0, 0)
        ingest(ingested, read_inputs([str(source)]), coder)
        assert dump(imported) == dump(ingested)
        assert import_coded(imported, out).unchanged == 3
        counting = Counting(coder)  # the same articles from their JSONL: nothing to code
        assert ingest(imported, read_inputs([str(source)]), counting).unchanged == 3
        assert counting.records == []


def test_batch_output_from_before_tone_imports_with_tone_null(tmp_path):
    import pyarrow.parquet as pq

    from communique.batch.tables import article_tables
    from communique.store.coded import import_coded

    from .conftest import RUS, article, event

    old = article("old", "2026-01-02", [event(1, "051", RUS)])
    old.tone, old.tone_method = 3.0, "vader-3.3.2"
    for table, rows in article_tables(old).items():
        (tmp_path / "batch" / table).mkdir(parents=True)
        if table == "articles":  # as a batch run of before wrote it
            rows = rows.drop_columns(["tone", "tone_method"])
        pq.write_table(rows, tmp_path / "batch" / table / "part-0.parquet")
    with Store.open(tmp_path / "s.duckdb", write=True) as store:
        assert import_coded(store, tmp_path / "batch").imported == 1
        back = get_article(store, "old")
    assert back.tone is None and back.tone_method is None
    assert [e.cameo for e in back.events] == ["051"]


def test_the_registry_learns_across_runs_and_is_kept_with_the_articles(coder, tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", [
        {"id": "a1", "date": "2026-02-04", "text": "Russian President Vladimir Putin's "
         "foreign affairs adviser Yuri Ushakov told reporters the talks went well."}])
    later = write_jsonl(tmp_path / "later.jsonl", [
        {"id": "a2", "date": "2026-03-01", "text": "Ushakov criticised the European Union "
         "for its new sanctions."}])
    with Store.open(tmp_path / "s.duckdb", write=True) as store:
        ingest(store, read_inputs([str(first)]), coder)
        kept = store.registry().lookup("Yuri Ushakov", day="2026-02-04")
        assert (kept.country, kept.sector) == ("RUS", "GOV")
    with Store.open(tmp_path / "s.duckdb", write=True) as store:  # another run, later
        ingest(store, read_inputs([str(later)]), coder)
        article = get_article(store, "a2")
    ushakov = next(a for a in article.actors if a.name == "Ushakov")
    assert (ushakov.country, ushakov.sector) == ("RUS", "GOV")
    assert article.events[0].source.code == "RUSGOV"


def test_without_learning_the_registry_is_left_alone(coder, tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", [
        {"id": "a1", "date": "2026-02-04", "text": "Russian President Vladimir Putin's "
         "foreign affairs adviser Yuri Ushakov told reporters the talks went well."}])
    with Store.open(tmp_path / "s.duckdb", write=True) as store:
        ingest(store, read_inputs([str(first)]), coder, learn=False)
        assert len(store.registry()) == 0
