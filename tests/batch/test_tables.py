"""Articles become typed Parquet rows with the shared columns, and read back whole."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from communique.batch.locations import OUTPUT_TABLES, Location, prepare_output
from communique.batch.tables import SCHEMAS, Part, article_tables, read_articles
from communique.errors import InputError
from communique.records import Actor, Article, Event, EventActor, Quote, Span
from communique.records import Location as Place
from communique.rows import COLUMNS


def article(aid="x1", date="2026-02-04", event_date="2026-02-03") -> Article:
    putin = Actor(id="A1", name="Vladimir Putin", kind="person", country="RUS", sector="GOV",
                  mentions=[Span(0, 14, "Vladimir Putin")])
    china = Actor(id="A2", name="China", kind="country", country="CHN",
                  mentions=[Span(24, 29, "China")])
    event = Event(id="E1", sentence=0, source=EventActor("A1", "Vladimir Putin", "RUS", "GOV",
                                                         0, 14),
                  target=EventActor("A2", "China", "CHN", None, 24, 29), cameo="051",
                  cameo_name="Praise or endorse", goldstein=3.4, quad=1, plover_type="SUPPORT",
                  plover_mode=None, trigger=Span(15, 23, "praised"), negated=False,
                  date=event_date, location=Place("Moscow", "RUS", 55.75, 37.62),
                  confidence=0.9, snippet="praised China")
    return Article(id=aid, date=date, title="t", text="Vladimir Putin praised China.",
                   actors=[putin, china], events=[event],
                   quotes=[Quote("praised", 15, 23, "partial", None, "A1", "Vladimir Putin")],
                   places=[{"name": "Moscow"}], dates=[])


def test_the_schemas_are_the_shared_columns():
    for table, columns in COLUMNS.items():
        assert SCHEMAS[table].names == [name for name, _ in columns]
    assert str(SCHEMAS["events"].field("date").type) == "date32[day]"


def test_a_value_that_does_not_fit_its_column_rejects_the_article():
    with pytest.raises(InputError) as caught:
        article_tables(article(event_date="last week"))
    assert caught.value.code == "E012" and "events table" in caught.value.message


def test_every_table_gets_a_file_and_the_articles_read_back(tmp_path):
    out = Location.parse(str(tmp_path))
    prepare_output(out, overwrite=False)
    part = Part()
    part.add(article("x2"))
    part.add(article("x1", date=None))
    part.write(out, "k1")
    Part().write(out, "k2")  # a part with no articles: files with the columns, no rows
    for table in OUTPUT_TABLES:
        empty = pq.read_table(tmp_path / table / "part-k2.parquet")
        assert empty.num_rows == 0 and empty.schema.equals(SCHEMAS[table])
    assert part.counts == {"articles": 2, "actors": 4, "mentions": 4, "events": 2, "quotes": 2}
    back = list(read_articles(out))
    assert [a.id for a in back] == ["x1", "x2"]
    assert back[1].to_dict(include_text=True) == article("x2").to_dict(include_text=True)
