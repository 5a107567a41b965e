"""Finding quoted passages by their marks: conventions, stray marks, caps, linear work."""

from __future__ import annotations

import random

import pytest

from communique.quotes.marks import (
    MAX_CHARS,
    MAX_PARAGRAPHS,
    find_passages,
    find_transcript_lines,
    label_words,
    normalise,
    paragraphs,
)


def quoted(text: str) -> list[str]:
    return [" / ".join(text[s:e] for s, e in p.pieces) for p in find_passages(text)]


@pytest.mark.parametrize("text, expected", [
    ("\u201cWe are ready,\u201d he said.", ["We are ready,"]),
    ('"We are ready," he said.', ["We are ready,"]),
    ("\u00abNous sommes pr\u00eats\u00bb, a-t-il dit.", ["Nous sommes pr\u00eats"]),
    ('He said: "Yes." Then: "No."', ["Yes.", "No."]),
    ('"We will," he said, "stand firm."', ["We will,", "stand firm."]),
    ("He praised the \u201cstrategic\u201d ties.", ["strategic"]),
])
def test_double_marks_curly_straight_and_guillemets(text, expected):
    assert quoted(text) == expected


def test_a_quote_over_paragraphs_opens_each_and_closes_at_the_end():
    text = ("The president said: \u201cFirst paragraph.\n"
            "\u201cSecond paragraph.\n"
            "\u201cThird and last.\u201d\n"
            "Then he left.")
    passages = find_passages(text)
    assert len(passages) == 1
    assert [text[s:e] for s, e in passages[0].pieces] == [
        "First paragraph.", "Second paragraph.", "Third and last."]
    assert passages[0].closed


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = '"Our officers were attacked, he said.\nThe protesters blocked the road.'
    passages = find_passages(text)
    assert len(passages) == 1
    assert text[passages[0].start:passages[0].end] == "Our officers were attacked, he said."
    assert not passages[0].closed


@pytest.mark.parametrize("text", [
    'Protesters carried 6" nails and iron rods.',
    "The leaders\u2019 summit was held in the \u201990s, didn\u2019t it?",
    "Rock 'n' roll and the '90s.",
    "A lone \u201d closing mark, and a lone \u201c opening one at the end \u201c",
    '"',
    "\u2018",
])
def test_stray_marks_and_apostrophes_make_no_runaway_quote(text):
    for passage in find_passages(text):
        assert passage.end - passage.start < 20


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = ("\u201cWhen my critics say \u2018rewarding a coup\u2019, they forget the "
            "observers,\u201d she said.")
    assert quoted(text) == ["When my critics say \u2018rewarding a coup\u2019, they forget "
                            "the observers,"]


def test_nested_double_quotes_stay_inside_the_outer_quote():
    text = '"The so-called "peace plan" is a fraud," he said.'
    assert quoted(text) == ['The so-called "peace plan" is a fraud,']


def test_british_single_quotes_with_apostrophes_inside():
    text = ("\u2018We will not be lectured by people who don\u2019t understand Europe\u2019s "
            "history,\u2019 Mr Kovacs said. \u2018Voters decide.\u2019")
    assert quoted(text) == [
        "We will not be lectured by people who don\u2019t understand Europe\u2019s history,",
        "Voters decide."]


def test_a_plural_possessive_is_not_the_end_of_a_single_quote():
    text = "\u2018Talks on the leaders\u2019 summit have failed,\u2019 he said."
    assert quoted(text) == ["Talks on the leaders\u2019 summit have failed,"]


def test_a_misprinted_closing_mark_still_closes():
    text = "\u201cWe will defend the constitution\u201c Mr Ramos said."
    assert quoted(text) == ["We will defend the constitution"]


def test_a_speech_longer_than_the_paragraph_cap_goes_on_as_a_new_passage():
    count = MAX_PARAGRAPHS + 3
    text = "She said:\n" + "\n".join(f"\u201cParagraph {n}." for n in range(count)) + "\u201d"
    passages = find_passages(text)
    assert [len(p.pieces) for p in passages] == [MAX_PARAGRAPHS, 3]
    assert passages[1].continues and not passages[0].continues
    # nothing is lost: every paragraph is in one passage
    assert sum(len(p.pieces) for p in passages) == count


def test_a_stray_mark_in_a_text_without_line_breaks_is_cut_at_its_sentence():
    text = 'He said "yes. ' + "Then the rest of the story went on. " * 200
    passages = find_passages(text)
    assert len(passages) == 1
    assert text[passages[0].start:passages[0].end] == "yes."
    assert passages[0].end - passages[0].start <= MAX_CHARS


def test_five_hundred_paragraphs_of_unbalanced_marks():
    rng = random.Random(5)
    marks = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"]
    lines = []
    for _ in range(500):
        words = [rng.choice(["the", "minister", "said", "we", "will", "6", "don't"])
                 for _ in range(rng.randint(3, 40))]
        for _ in range(rng.randint(0, 4)):
            words.insert(rng.randint(0, len(words)), rng.choice(marks))
        lines.append(" ".join(words).replace(" \u201d", "\u201d"))
    text = "\n".join(lines)
    spans = paragraphs(text)
    for passage in find_passages(text):
        assert 0 <= passage.start <= passage.end <= len(text)
        assert len(passage.pieces) <= MAX_PARAGRAPHS
        for start, end in passage.pieces:
            # every piece lies within one paragraph
            assert any(s <= start and end <= e for s, e in spans)
            assert end - start <= MAX_CHARS + 1


def test_the_work_grows_with_the_text_not_faster():
    # a single paragraph full of opening marks that never close: each mark is read once
    text = ' "a' * 200_000
    passages = find_passages(text)
    assert sum(p.end - p.start for p in passages) <= len(text)


def test_news_corpus_marks_are_read_as_curly_marks_keeping_offsets():
    text = "``We have talked,'' Ms. Stein said. He had `changed the terms' and left."
    normal = normalise(text)
    assert len(normal) == len(text)
    assert quoted(normal) == ["We have talked,", "changed the terms"]
    assert normalise("No marks here, don't worry.") == "No marks here, don't worry."


def test_spaced_guillemets_are_read_by_their_shape():
    assert quoted("\u00ab Neutrality has served us \u00bb, said Wobmann.") == \
        [" Neutrality has served us "]


def test_a_british_quote_left_open_runs_on_where_the_next_paragraph_opens_with_a_mark():
    text = ("\u2018Wait,\u2019 he said. \u2018Wait for growth.\n"
            "\u2018I say the waiting is over.\u2019\n")
    assert quoted(text) == ["Wait,", "Wait for growth. / I say the waiting is over."]


@pytest.mark.parametrize("text, labels", [
    ("Intro.\nQ: Will you go?\nKERRY: We are closer.\nQ: When?\nKERRY: Soon.\n",
     ["Q", "KERRY", "Q", "KERRY"]),
    ("Intro.\nTerekhov: We have generators.\nTerekhov: Many come back.\n",
     ["Terekhov", "Terekhov"]),
    ("Kenya: talks resume in Nairobi\nThe talks resumed on Monday.\n", []),  # a headline
    ("Intro.\nEMMA BARNETT: Why now?\nRACHEL REEVES: Growth.\nBARNETT: And taxes?\n"
     "REEVES: No rises.\n", ["EMMA BARNETT", "RACHEL REEVES", "BARNETT", "REEVES"]),
    ("Intro.\nAnna McNally: Why?\nTomas Ruiz: Because.\nMcNally: Sure?\nRuiz: Yes.\n",
     ["Anna McNally", "Tomas Ruiz", "McNally", "Ruiz"]),
    ("Intro.\nQUESTION: Why?\nLIN JIAN: Because.\nQUESTION: Sure?\nLIN: Yes.\n",
     ["QUESTION", "LIN JIAN", "QUESTION", "LIN"]),
    ("Intro.\nEU summit: leaders meet\nNato summit: allies agree\n", []),  # two headlines
    ("Intro.\nLAVROV: \u201cWe will respond.\u201d\nLAVROV: \u201cSoon.\u201d\n", []),  # marked
])
def test_transcript_lines_count_where_their_label_recurs(text, labels):
    lines = find_transcript_lines(text, titles=frozenset({"president", "mr"}))
    assert [line.label for line in lines] == labels
    assert all(text[line.end - 1] != "\n" and text[line.start - 2] == ":" for line in lines)


def test_a_title_in_a_label_is_no_name_it_shares():
    text = "Intro.\nPRESIDENT ARCE: We are ready.\nPRESIDENT NOBOA: So are we.\n"
    assert find_transcript_lines(text, titles=frozenset({"president"})) == []
    assert label_words("MR. JOHNSON", frozenset({"mr"})) == {"johnson"}


def test_paragraphs_between_transcript_lines_go_on_with_the_answer():
    text = ("Intro.\nQ: Why?\nMARLES: Because.\nIt is the law.\nQ: Sure?\nMARLES: Yes.\n"
            "The interview was edited.\n")
    lines = find_transcript_lines(text)
    assert [line.label for line in lines] == ["Q", "MARLES", "Q", "MARLES"]
    answer = lines[1]
    assert [text[s:e] for s, e in answer.pieces] == ["Because.", "It is the law."]
    assert text[lines[3].start:lines[3].end] == "Yes."  # the closing note is not an answer


def test_a_label_with_an_abbreviated_honorific_counts():
    text = ("Intro.\nMr. Robinson: Why?\nMs. Truss: Growth.\nMr. Robinson: And?\n"
            "Ms. Truss: Jobs.\n")
    lines = find_transcript_lines(text, titles=frozenset({"mr", "ms"}))
    assert [line.label for line in lines] == [
        "Mr. Robinson", "Ms. Truss", "Mr. Robinson", "Ms. Truss"]
