"""Finding what someone said in coded articles (no model needed)."""

from __future__ import annotations

from communique.quotes.search import said_by
from communique.records import Actor, Article, Quote, Span

ARTICLE = Article(
    id="a1",
    actors=[Actor("A1", "Yuri Ushakov", "person", "RUS", "GOV",
                  mentions=[Span(0, 11, "Mr Ushakov")]),
            Actor("A2", "Xi Jinping", "person", "CHN", "GOV")],
    quotes=[Quote("We agree.", 0, 9, "direct", "said", "A1", "Yuri Ushakov"),
            Quote("ties are strong", 10, 25, "indirect", "said", "A1", "Yuri Ushakov"),
            Quote("a new blueprint", 30, 45, "partial", "said", "A2", "Xi Jinping"),
            Quote("talks resumed", 50, 63, "indirect", "said", None,
                  "the Istanbul governor's office")],
)


def texts(quotes):
    return [q.text for q in quotes]


def test_a_word_of_the_name_finds_the_speaker():
    assert texts(said_by(ARTICLE, "ushakov")) == ["We agree.", "ties are strong"]
    assert texts(said_by(ARTICLE, "Mr Ushakov")) == ["We agree.", "ties are strong"]


def test_an_actor_code_finds_its_speakers():
    assert texts(said_by(ARTICLE, "CHNGOV")) == ["a new blueprint"]


def test_a_speaker_without_an_actor_is_found_by_name_without_possessive():
    assert texts(said_by(ARTICLE, "governor")) == ["talks resumed"]


def test_kinds_narrow_the_list_and_no_name_lists_all():
    assert texts(said_by(ARTICLE, "Ushakov", kinds=["direct"])) == ["We agree."]
    assert len(said_by(ARTICLE)) == 4


def test_a_name_nobody_has_finds_nothing():
    assert said_by(ARTICLE, "Putin") == []
    assert said_by(ARTICLE, "Jinping Ushakov") == []
