"""Finding what someone said in a store: the same quotes as `said_by` on each article."""

from __future__ import annotations

import duckdb
import pytest

from communique.quotes.search import FOLDING, said_by, stored_quotes
from communique.records import Actor, Article, Quote, Span
from communique.store import Store

from .test_search import ARTICLE

OTHER = Article(
    id="a0",
    actors=[Actor("A1", "Johann Strauß", "person", "AUT", "GOV",
                  mentions=[Span(0, 6, "Strauß")])],
    quotes=[Quote("It is done.", 0, 11, "direct", "said", "A1", None),
            Quote("the ball goes on", 20, 36, "indirect", "said", None, "O\u2019Brien's aide")],
)
NAMES = [None, "", "ushakov", "Mr Ushakov", "RUSGOV", "CHNGOV", "governor", "Putin",
         "Jinping Ushakov", "strauss", "STRAUSS", "o'brien", "AUTGOV", "!!", "istanbul"]


@pytest.fixture()
def store(tmp_path):
    with Store.open(tmp_path / "q.duckdb", write=True) as written:
        written.write([(ARTICLE, "h1"), (OTHER, "h0")])
    with Store.open(tmp_path / "q.duckdb") as opened:
        yield opened


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("kinds", [("direct", "partial", "indirect"), ("indirect",)])
def test_store_search_finds_what_said_by_finds(store, name, kinds):
    expected = [(article.id, quote) for article in (OTHER, ARTICLE)
                for quote in said_by(article, name, kinds=kinds)]
    assert list(stored_quotes(store, name, kinds=kinds)) == expected


def test_a_folded_name_is_found():
    article = OTHER
    assert [q.text for q in said_by(article, "strauss")] == ["It is done."]


def test_folding_table_holds_every_character_duckdb_lowers_otherwise():
    rows = duckdb.connect().execute(
        "SELECT i, lower(chr(i::INTEGER)) FROM range(1, 1114112) t(i) "
        "WHERE i < 55296 OR i > 57343").fetchall()
    differ = {i for i, low in rows if chr(i).casefold() != low}
    table = {c for first, last in FOLDING for c in range(first, last + 1)}
    assert differ <= table
