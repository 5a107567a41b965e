"""Article tone: VADER's compound score of each sentence, averaged, times 10.

Fast unit tests on sentences, then articles coded by the real Coder."""

from __future__ import annotations

import pytest

from communique import tone as tone_module
from communique.tone import method, sentence_score, tone

PRAISE = "The minister warmly welcomed the agreement and praised the generous support."
ATTACK = "Troops killed ten protesters and wounded dozens in a brutal attack."
PLAIN = "The delegation arrived in the capital on Tuesday."


def test_positive_words_make_a_positive_tone_and_negative_a_negative_one():
    assert tone([PRAISE]) > 0
    assert tone([ATTACK]) < 0


def test_a_text_without_words_has_no_tone():
    assert tone([]) is None
    assert tone(["", "  ", "-- * --"]) is None


def test_the_tone_is_the_sentence_mean_on_a_ten_point_scale():
    praise, attack = sentence_score(PRAISE), sentence_score(ATTACK)
    assert -1 <= attack < 0 < praise <= 1
    assert tone([PRAISE, ATTACK]) == pytest.approx(10 * (praise + attack) / 2, abs=1e-3)
    # a sentence of plain facts counts, as GDELT counts every word: it dilutes the tone
    assert sentence_score(PLAIN) == 0
    assert abs(tone([ATTACK, PLAIN])) < abs(tone([ATTACK]))
    assert -10 <= tone([ATTACK] * 5) <= tone([PRAISE] * 5) <= 10


def test_negation_turns_the_tone():
    assert tone(["The talks did not succeed."]) < 0 < tone(["The talks succeeded."])


def test_the_tone_is_the_same_every_time_and_names_its_lexicon():
    assert tone([PRAISE, ATTACK, PLAIN]) == tone([PRAISE, ATTACK, PLAIN])
    assert method().startswith("vader-") and method()[len("vader-"):][0].isdigit()
    assert tone_module.SCALE == 10


# -- through the Coder, with the real model ---------------------------------------------
def test_a_coded_article_carries_its_tone(coder):
    article = coder.code(f"{PRAISE} {PLAIN} Beijing hailed the visit as a success.",
                         date="2026-03-02", id="warm")
    grim = coder.code(f"{ATTACK} The army shelled the city, and rebels threatened "
                      "revenge for the massacre.", date="2026-03-02", id="grim")
    assert article.tone > 0 > grim.tone
    assert article.tone_method == grim.tone_method == method()
    data = grim.to_dict()
    assert data["tone"] == grim.tone and data["tone_method"] == method()


def test_an_articles_tone_is_the_mean_of_its_parsed_sentences(coder):
    text = f"{PRAISE} {ATTACK}\n\n{PLAIN}"
    article = coder.code(text, date="2026-03-02", id="mixed")
    sentences = [s.text for s in coder.nlp(text).sents]
    assert article.tone == tone(sentences)


def test_the_seed_articles_tone_is_on_gdelts_scale(seed_article):
    assert seed_article.tone is not None and -10 <= seed_article.tone <= 10
    assert seed_article.to_dict()["tone_method"] == method()


def test_invisible_characters_do_not_change_the_tone(coder):
    clean = coder.code(f"{PRAISE} {ATTACK}", date="2026-03-02", id="clean")
    marked = coder.code(f"{PRAISE} {ATTACK}".replace("welcomed", "wel\u200bcomed")
                        .replace("killed", "kil\u00adled"), date="2026-03-02", id="marked")
    assert marked.tone == clean.tone
