"""The tag-map ruler gives the model's own parts of speech, morphology and lemmas."""

from __future__ import annotations

import json
import os

import pytest

from communique.pipeline import load_language
from communique.pipeline.attributes import TagMapRuler, _tag_map_entry, use_tag_map

from ..shared import REQUIRE, ROOT, SHARED


def news() -> list[str]:
    texts = [(ROOT / "examples" / "demo-article.txt").read_text(encoding="utf-8")]
    for line in (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    texts.append("It's gonna rain, y'all. I ain't sure he'd come; there is nothing we can do.")
    texts.append("Let's go. You're sure? I'd've done it myself, but nothin' doin'. He gets it, "
                 "they got it, and there's more: do you? She does. We had had enough, 'nuff "
                 "said. Who's there? Them 'em, cause coz I'll, we'll. What's that to us?\n\n"
                 "  Double  spaces\tand tabs; it's its own; y'know. Ca n't, wo n't, do n't.")
    shared = SHARED / "eval" / "plover_gsr_dev.jsonl"
    if shared.exists() or os.environ.get(REQUIRE) == "1":  # news of other decades and places, where the repository has it
        texts.extend(json.loads(line)["text"] for line in
                     shared.read_text(encoding="utf-8").splitlines())
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


def test_one_word_exceptions_tested_by_form_tag_and_dependency_are_looked_up_by_word():
    from communique.pipeline.attributes import _word_entry

    entry = _word_entry({"patterns": [[{"LOWER": "you", "DEP": {"IN": ["dobj", "pobj"]}}]],
                         "attrs": {"MORPH": "Case=Acc"}})
    assert entry == [(["you"], [("DEP", frozenset({"dobj", "pobj"}), True)])]
    assert _word_entry({"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],
                        "attrs": {"LEMMA": "you"}}) is None  # two words: left to spaCy
    assert _word_entry({"patterns": [[{"TAG": "IN", "DEP": "mark"}]],
                        "attrs": {"POS": "SCONJ"}}) is None  # no word to look up
