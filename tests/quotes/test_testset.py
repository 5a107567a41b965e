"""The quote test sets (`articles.yaml`, 33 articles written for communique, and the two
held-out sets written later): detection, kind and speaker against the expected quotes.
The aims are 0.95 detection F1 and 0.9 speaker accuracy; the floors below are near what
the stage reaches now, so a change that loses ground fails here (`python -m
tests.quotes.scoring FILE --errors` shows the cases)."""

from __future__ import annotations

import pytest

from .scoring import HERE, code_all, load, score, similarity, speaker_fits


@pytest.fixture(scope="module")
def test_set(coder):
    articles = load()
    return articles, code_all(coder, articles)


@pytest.fixture(scope="module", params=["heldout.yaml", "heldout2.yaml"])
def held_out(coder, request):
    articles = load(HERE / request.param)
    return articles, code_all(coder, articles)


def test_the_set_covers_the_conventions():
    articles = load()
    assert len(articles) >= 30
    assert sum(len(a["quotes"]) for a in articles) >= 150
    conventions = {c for a in articles for c in a["conventions"]}
    assert {"curly", "straight", "single-marks", "multi-paragraph", "split", "nested-single",
            "opens-paragraph", "next-sentence", "partial", "indirect", "unbalanced",
            "stray-mark", "headline", "apostrophes", "according-to", "in-a-statement",
            "scare-quotes"} <= conventions


@pytest.mark.parametrize("kinds, f1, speakers", [
    (("direct", "partial", "indirect"), 0.95, 0.95),
    (("direct", "partial"), 0.97, 0.95),
    (("indirect",), 0.90, 0.95),
])
def test_detection_and_speakers(test_set, kinds, f1, speakers):
    articles, coded = test_set
    tally = score(articles, coded, kinds)
    assert tally.f1 >= f1, "\n".join(tally.errors)
    assert tally.speaker_accuracy >= speakers, "\n".join(tally.errors)
    assert tally.kind_accuracy >= 0.95, "\n".join(tally.errors)


def test_held_out_sets(held_out):
    articles, coded = held_out
    tally = score(articles, coded)
    assert tally.f1 >= 0.95, "\n".join(tally.errors)
    assert tally.speaker_accuracy >= 0.95, "\n".join(tally.errors)


def test_the_scorer_matches_words_not_marks():
    assert similarity("\u201cWe will,\u201d", "We will") == 1.0
    assert similarity("the plan was final", "Moscow had nothing to hide") < 0.75
    assert speaker_fits(["Tor Hansen", "minister"], {"name": "the minister"})
    assert not speaker_fits("Dmitry Orlov", {"name": "Orlov"})
    assert not speaker_fits("Orlov", None)


@pytest.fixture(scope="module", params=["conventions.yaml", "styles2.yaml"])
def styled(coder, request):
    articles = load(HERE / request.param)
    return articles, code_all(coder, articles)


def test_every_house_style_reaches_the_aims(styled):
    """Quote F1 >= 0.85 in every style (an expected quote matches when the words overlap
    by 80%, one quote per utterance), speakers >= 0.92 over all and >= 0.8 in each style
    of ten quotes or more (the aim of 0.92 per style is not reached in every one yet:
    docs/quotes.md)."""
    from communique.quotes.evaluation import by_style

    articles, coded = styled
    assert {a["style"] for a in articles} >= {"wire", "nyt", "british", "curly", "interview",
                                              "multipara"}
    tallies = by_style(articles, coded)
    for style, tally in tallies.items():
        assert tally.f1 >= 0.85, (style, "\n".join(tally.errors))
        if tally.found >= 10:
            assert tally.speaker_accuracy >= 0.8, (style, "\n".join(tally.errors))
    assert tallies["all"].speaker_accuracy >= 0.92, "\n".join(tallies["all"].errors)
