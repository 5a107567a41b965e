"""The tag-map ruler gives the model's own parts of speech, morphology and lemmas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.pipeline import load_language
from communique.pipeline.attributes import TagMapRuler, _tag_map_entry, use_tag_map

ROOT = Path(__file__).resolve().parents[2]


def news() -> list[str]:
    texts = [(ROOT / "examples" / "demo-article.txt").read_text(encoding="utf-8")]
    for line in (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    texts.append("It's gonna rain, y'all. I ain't sure he'd come; there is nothing we can do.")
    return texts


@pytest.mark.model
def test_words_come_out_as_the_models_own_ruler_leaves_them(coder):
    stock = load_language(coder.settings.model)
    assert isinstance(coder.nlp.get_pipe("attribute_ruler"), TagMapRuler)
    assert not isinstance(stock.get_pipe("attribute_ruler"), TagMapRuler)
    compared = 0
    for ours, theirs in zip(coder.nlp.pipe(news()), stock.pipe(news()), strict=True):
        for a, b in zip(ours, theirs, strict=True):
            assert (a.pos_, str(a.morph), a.lemma_, a.tag_, a.dep_) == \
                   (b.pos_, str(b.morph), b.lemma_, b.tag_, b.dep_), a.text
            compared += 1
    assert compared > 300


def test_only_one_word_tag_patterns_go_into_the_table():
    assert _tag_map_entry({"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}) == ["NN"]
    assert _tag_map_entry({"patterns": [[{"TAG": {"IN": ["VB", "VBP"]}}]],
                           "attrs": {"POS": "VERB"}}) == ["VB", "VBP"]
    assert _tag_map_entry({"patterns": [[{"TAG": "IN", "DEP": "mark"}]],
                           "attrs": {"POS": "SCONJ"}}) is None
    assert _tag_map_entry({"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "x"}}) is None


def test_a_ruler_that_does_not_begin_with_a_tag_map_is_left_alone():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([{"patterns": [[{"LOWER": "nato"}]], "attrs": {"POS": "PROPN"}}])
    assert use_tag_map(nlp) is False
    assert nlp.get_pipe("attribute_ruler") is ruler
