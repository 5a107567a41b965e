"""Finding the lexicon's names in text (`LexiconMatcher`), whatever their punctuation."""

from __future__ import annotations

import pytest
from spacy.lang.en import English

from communique.actors.mentions import LexiconMatcher, folded_words
from communique.tables import Lexicon, Meaning


@pytest.fixture(scope="module")
def nlp():
    return English()


@pytest.fixture(scope="module")
def matcher(nlp):
    lexicon = Lexicon()
    for name, org in [("Inter Parliamentary Union", "IPU"), ("al Shabaab", "SHB"),
                      ("Hayat Tahrir al-Sham", "HTS"), ("Sinn Féin", None),
                      ("US", None), ("Union", None)]:
        lexicon.add_name(name, Meaning("organization", None, None, org, name))
    return LexiconMatcher(nlp.vocab, lexicon)


def found(matcher, nlp, text: str) -> list[str]:
    doc = nlp(text)
    return sorted({doc[start:end].text for start, end, _ in matcher(doc).values()})


@pytest.mark.parametrize("text, names", [
    ("The Inter-Parliamentary Union met.", ["Inter-Parliamentary Union"]),
    ("Fighters of Al-Shabaab and al Shabaab.", ["Al-Shabaab", "al Shabaab"]),
    ("Hay\u2019at Tahrir al-Sham and Hay'at Tahrir al Sham.",
     ["Hay'at Tahrir al Sham", "Hay\u2019at Tahrir al-Sham"]),
    ("Sinn Fein and SINN FÉIN.", ["SINN FÉIN", "Sinn Fein"]),
])
def test_names_are_found_with_other_hyphens_apostrophes_and_accents(matcher, nlp, text,
                                                                    names):
    assert found(matcher, nlp, text) == names


def test_the_longest_name_wins_and_case_still_counts(matcher, nlp):
    assert found(matcher, nlp, "The Inter-Parliamentary Union told us.") == [
        "Inter-Parliamentary Union"]
    assert found(matcher, nlp, "The union told us.") == []


def test_folded_words_point_back_at_their_tokens(nlp):
    doc = nlp("Jaish-e-Mohammed\u2019s U.S.-led rivals")
    words, owners = folded_words(doc)
    assert [(word, doc[i].text) for word, i in zip(words, owners, strict=True)] == [
        ("jaish", "Jaish"), ("e", "e"), ("mohammed", "Mohammed"), ("s", "\u2019s"),
        ("u.s.", "U.S.-led"), ("led", "U.S.-led"), ("rivals", "rivals")]


def test_a_name_is_not_found_in_part_of_a_token(nlp):
    lexicon = Lexicon()
    lexicon.add_name("U.S.", Meaning("country", "USA"))
    assert LexiconMatcher(nlp.vocab, lexicon)(nlp("U.S.-led troops")) == {}
