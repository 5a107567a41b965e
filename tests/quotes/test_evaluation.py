"""The quote scorer: matching by word overlap, parts, null speakers, styles."""

from __future__ import annotations

import pytest

from communique.quotes.evaluation import by_style, load, score, similarity, speaker_fits


def article(style, quotes, text="x"):
    return {"id": style, "style": style, "text": text, "quotes": quotes}


def test_a_match_needs_80_percent_of_the_words():
    assert similarity("``We will,''", "We will") == 1.0
    assert similarity("one two three four five", "one two three four six") == 0.8
    assert similarity("one two three four five", "one two three six seven") < 0.8


def test_a_null_speaker_is_right_only_when_nobody_is_coded():
    assert speaker_fits(None, None)
    assert not speaker_fits(None, {"actor": None, "name": "Kerry"})
    assert speaker_fits(["John Kerry", "Kerry"], {"name": "Kerry"})


def test_parts_may_match_expected_sentences_when_asked():
    text = '"A b c d," she said. "E f g h."'
    gold = [article("wire", [{"kind": "direct", "speaker": "she", "text": "A b c d"},
                             {"kind": "direct", "speaker": "she", "text": "E f g h"}], text)]
    coded = [[{"kind": "direct", "text": "A b c d. E f g h.", "speaker": {"name": "she"},
               "parts": [[1, 9], [22, 30]]}]]
    assert score(gold, coded).found == 0
    tally = score(gold, coded, parts=True)
    assert (tally.found, tally.coded, tally.precision, tally.recall) == (2, 1, 1.0, 1.0)


def test_scores_come_per_style_and_over_all():
    gold = [article("wire", [{"kind": "direct", "speaker": "X", "text": "we agree now"}]),
            article("nyt", [{"kind": "direct", "speaker": "Y", "text": "we do not"}])]
    coded = [[{"kind": "direct", "text": "we agree now", "speaker": {"name": "X"}}], []]
    tallies = by_style(gold, coded)
    assert list(tallies) == ["wire", "nyt", "all"]
    assert tallies["wire"].f1 == 1.0 and tallies["nyt"].recall == 0.0
    assert tallies["all"].to_dict()["speaker"] == 1.0


def test_a_bad_gold_file_gets_a_clear_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- id: a\n  text: x\n  quotes: [{kind: direkt, text: y}]\n")
    with pytest.raises(ValueError, match="kind of direct"):
        load(path)
