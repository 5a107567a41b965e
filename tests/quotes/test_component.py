"""The quotes stage on real text with the real model: who said what, and how."""

from __future__ import annotations

import random

import pytest

from communique.quotes.marks import MAX_CHARS


def quotes_of(coder, text):
    return coder.code(text, id="t").quotes


def find(quotes, words):
    return next((q for q in quotes if words in q.text), None)


# (article, words of the quote, kind, a word of the speaker's name)
CASES = [
    ("\u201cWe will not back down,\u201d Foreign Minister Sergei Lavrov said on Monday.",
     "We will not back down", "direct", "Lavrov"),
    ('Foreign Minister Wang Yi told reporters in Beijing: "The door remains open."',
     "The door remains open", "direct", "Wang"),
    ("\u201cWe will,\u201d Chancellor Olaf Brandt said, \u201cstand firm.\u201d",
     "We will stand firm", "direct", "Brandt"),
    ('"The talks were useful," said Maria Silva, the Brazilian envoy.',
     "The talks were useful", "direct", "Silva"),
    ('Prime Minister Jan Novak met the protesters. "I hear you," he said.',
     "I hear you", "direct", "Novak"),
    ("The Kremlin said in a statement that the meeting had been \u201cconstructive\u201d.",
     "constructive", "partial", "Kremlin"),
    ("Senator Ruth Adams called the deal \u201ca historic mistake\u201d.",
     "a historic mistake", "partial", "Adams"),
    ("Turkish President Kemal Aydin said that Ankara would host the talks.",
     "Ankara would host the talks", "indirect", "Aydin"),
    ("According to the Pentagon, two drones were shot down over the Red Sea.",
     "two drones were shot down over the Red Sea", "indirect", "Pentagon"),
    ("Moscow will respond to any provocation, Kremlin spokesman Dmitry Peskov said.",
     "Moscow will respond to any provocation", "indirect", "Peskov"),
    ("\u201cNobody wins a trade war.\u201d Commerce Minister Liu Wen said this on Tuesday.",
     "Nobody wins a trade war", "direct", "Liu"),
    ("Foreign Minister Laura Ortiz was quoted as saying that the raid was illegal.",
     "the raid was illegal", "indirect", "Ortiz"),
    ('"A good day for both sides." The words came from the EU envoy, Miroslav Novak.',
     "A good day for both sides", "direct", "Novak"),
    ("\u201cHow long,\u201d the pope asked pilgrims in St Peter\u2019s Square, \u201cmust "
     "they wait?\u201d", "How long must they wait?", "direct", "pope"),
    ("Lavrov: \u201cThere will be no talks without guarantees\u201d\n"
     "Russian Foreign Minister Sergei Lavrov spoke in Moscow on Friday.",
     "There will be no talks without guarantees", "direct", "Lavrov"),
]


@pytest.mark.parametrize("text, words, kind, speaker", CASES,
                         ids=[c[1][:30] for c in CASES])
def test_quote_kind_and_speaker(coder, text, words, kind, speaker):
    quotes = quotes_of(coder, text)
    quote = next((q for q in quotes if words in q.text and q.kind == kind), None)
    assert quote is not None, [(q.kind, q.text) for q in quotes]
    assert quote.speaker_name and speaker in quote.speaker_name, quote


@pytest.mark.parametrize("text", [
    "The minister declined to say when the bank might cut rates.",
    "The spokesman did not say that the talks had failed.",
    "Asked whether the row was over, she smiled.",
    "Analysts believe the central bank will cut rates.",
])
def test_what_was_not_said_is_no_quote(coder, text):
    assert quotes_of(coder, text) == []


def test_offsets_point_at_the_quoted_words(coder):
    text = 'Officials said on Monday that the border would reopen. "We are ready," one said.'
    for quote in quotes_of(coder, text):
        assert quote.text.split()[0] in text[quote.start:quote.end]
        assert 0 <= quote.start < quote.end <= len(text)


def test_a_scare_quote_or_a_title_is_not_anyones_statement(coder):
    text = ("President Putin praised the \u201cstrategic\u201d energy ties between the two "
            "countries. The film \u201cWar and Peace\u201d was shown in Moscow.")
    quotes = quotes_of(coder, text)
    assert all(q.kind != "direct" for q in quotes)
    assert find(quotes, "War and Peace") is None


def test_a_quote_running_over_paragraphs_is_one_statement(coder):
    text = ("In further remarks, the Russian president said: \u201cWe are ready to work.\n"
            "\u201cThe link between Moscow and Beijing is a stabilising factor.\u201d\n"
            "He then left the room.")
    quote = find(quotes_of(coder, text), "We are ready")
    assert quote.kind == "direct"
    assert "stabilising factor" in quote.text


def test_a_paragraph_that_is_only_a_quote_goes_on_in_the_same_voice(coder):
    text = ('"Our doors are open," Turkish Foreign Minister Kemal Aydin told reporters.\n'
            '"Istanbul has hosted these talks before and can do so again."\n'
            "The ministry gave no date.")
    quote = find(quotes_of(coder, text), "Istanbul has hosted")
    assert quote.kind == "direct" and "Aydin" in quote.speaker_name


def test_he_is_the_person_named_in_the_sentence_before(coder):
    text = ("Kenyan President William Otieno opened the summit. The AU chairman, Moussa "
            "Kane, agreed with him. \u201cWe have heard many promises,\u201d he said.")
    quote = find(quotes_of(coder, text), "many promises")
    assert "Kane" in quote.speaker_name


def test_i_and_we_in_a_quote_are_the_speaker_and_you_the_one_addressed(coder):
    text = ("Chinese President Xi Jinping held talks with Russian President Vladimir Putin. "
            "Mr Putin said: \u201cI would like to assure you of our firm support.\u201d")
    article = coder.code(text, id="t")
    putin = next(a for a in article.actors if a.name == "Vladimir Putin")
    xi = next(a for a in article.actors if a.name == "Xi Jinping")
    quote_start = text.index("I would")
    assert any(m.text == "I" and m.start == quote_start for m in putin.mentions)
    assert any(m.text == "our" for m in putin.mentions)
    assert any(m.text == "you" and m.start > quote_start for m in xi.mentions)


def test_an_unclosed_quote_stops_at_its_paragraph_and_finds_its_speaker(coder):
    text = ('Police Commissioner Habib Rahman spoke to reporters. "Our officers were '
            'attacked with stones, he said.\nThe protesters blocked the highway.')
    quotes = quotes_of(coder, text)
    quote = find(quotes, "Our officers were attacked")
    assert "highway" not in quote.text and "he said" not in quote.text
    assert "Rahman" in quote.speaker_name


def test_bad_marks_in_a_long_article_never_raise_nor_run_away(coder):
    rng = random.Random(7)
    marks = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019"]
    sentences = ["The minister said the talks would resume.", "Officials denied it.",
                 "He said we will win.", "It was 6 feet tall.", "Don't go, she added."]
    paragraphs = []
    for _ in range(500):
        words = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3))).split()
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randint(0, len(words)), rng.choice(marks))
        paragraphs.append(" ".join(words))
    text = "\n".join(paragraphs)
    article = coder.code(text, id="long")
    for quote in article.quotes:
        assert quote.end - quote.start <= MAX_CHARS * 13
        assert quote.end - quote.start < len(text) / 10


def test_every_required_seed_quote_has_its_speaker(seed_article, seed_gold):
    for gold in seed_gold["quotes"]:
        if not gold.get("required"):
            continue
        quote = next((q for q in seed_article.quotes
                      if gold["contains"] in q.text and q.kind != "indirect"), None)
        assert quote is not None, gold
        assert quote.speaker_name == gold["speaker"], (gold, quote)


def test_the_seed_scare_quote_is_not_a_statement(seed_article, seed_gold):
    for gold in seed_gold["not_quotes"]:
        assert all(q.text.strip(" ,.") != gold["contains"] or q.kind != "direct"
                   for q in seed_article.quotes)


def test_the_seed_indirect_quote_of_ushakov(seed_article):
    quote = next(q for q in seed_article.quotes if q.kind == "indirect"
                 and q.text.startswith("Moscow and Beijing"))
    assert quote.speaker_name == "Yuri Ushakov"
    assert seed_article.text[quote.start:quote.end] == quote.text


def test_a_quote_broken_by_its_attribution_is_one_quote_with_its_parts(coder):
    text = ('Iran is ready to talk, Foreign Minister Hossein Karimi said on Sunday.\n'
            '"We have made progress," Karimi said at a news conference. "But the other '
            'side must show that it is serious."\n')
    [quote] = [q for q in quotes_of(coder, text) if q.kind == "direct"]
    assert quote.text == "We have made progress. But the other side must show that it is serious."
    assert len(quote.parts) == 2 and quote.start == quote.parts[0][0] and \
        quote.end == quote.parts[1][1]
    assert [text[s:e] for s, e in quote.parts] == [
        "We have made progress,", "But the other side must show that it is serious."]
    assert quote.speaker_name == "Hossein Karimi"


def test_quotes_of_two_speakers_stay_apart(coder):
    text = ('"We agree," said Senator Ann Holt. "We do not," Senator Luis Ortega replied.\n')
    direct = [q for q in quotes_of(coder, text) if q.kind == "direct"]
    assert [q.text for q in direct] == ["We agree,", "We do not,"]


def test_news_corpus_marks_make_direct_quotes(coder):
    text = ("Mayor Rachel Stein announced a housing plan on Monday.\n"
            "``We have talked about this for 20 years,'' Ms. Stein said. ``Now we are "
            "going to build.''\n")
    [quote] = [q for q in quotes_of(coder, text) if q.kind == "direct"]
    assert quote.text == "We have talked about this for 20 years. Now we are going to build."
    assert quote.speaker_name == "Rachel Stein"


@pytest.mark.parametrize("text, who", [
    ("Foreign Minister Hossein Karimi spoke in Tehran on Sunday. The minister said a date "
     "had not been set.", "Hossein Karimi"),
    ("The interior minister, Kithure Kindiki, visited Nakuru. \u201cThose who broke the law "
     "will face the law,\u201d the minister said.", "Kithure Kindiki"),
])
def test_a_bare_title_is_the_person_it_titles(coder, text, who):
    quotes = quotes_of(coder, text)
    assert quotes and all(q.speaker_name == who for q in quotes), [q.to_dict() for q in quotes]


def test_transcript_lines_are_direct_quotes_of_the_labelled_speaker(coder):
    text = ("Secretary of State John Kerry appeared on television on Sunday.\n"
            "Q: Are you any closer to a ceasefire?\n"
            "KERRY: We are closer than we were a week ago.\n"
            "Q: What is holding it up?\n"
            "KERRY: Both sides want guarantees.\n")
    quotes = quotes_of(coder, text)
    assert [(q.kind, q.speaker_name) for q in quotes] == [
        ("direct", None), ("direct", "John Kerry"), ("direct", None), ("direct", "John Kerry")]
    assert quotes[1].text == "We are closer than we were a week ago."


@pytest.mark.parametrize("text", [
    "Residents of the camp, which locals call \u201cthe island\u201d, said food was short.",
    "The laws, dubbed \u2018Maggie\u2019s revenge\u2019 by some MPs, take effect in spring.",
    "Protesters have nicknamed the bill \u201cthe Hunger Act\u201d.",
])
def test_a_name_given_is_not_a_quote(coder, text):
    assert not [q for q in quotes_of(coder, text) if q.kind != "indirect"]


def test_a_label_in_full_then_by_surname_is_one_speaker(coder):
    text = ("Chancellor Rachel Reeves was interviewed by Emma Barnett on Tuesday.\n"
            "EMMA BARNETT: Will taxes rise in the budget?\n"
            "RACHEL REEVES: We will not raise taxes on working people.\n"
            "BARNETT: Can you promise that?\n"
            "REEVES: I can. That is my promise.\n")
    quotes = quotes_of(coder, text)
    assert [(q.kind, q.speaker_name) for q in quotes] == [
        ("direct", "Emma Barnett"), ("direct", "Rachel Reeves"),
        ("direct", "Emma Barnett"), ("direct", "Rachel Reeves")]


@pytest.mark.parametrize("text, who", [
    ("President Gustavo Arce took questions in La Paz.\n"
     "PRESIDENT ARCE: Bolivia will not default.\n"
     "Q: And the lithium deal?\n"
     "PRESIDENT ARCE: It will be signed this year.\n", "Gustavo Arce"),
    ("Questions were put by the committee's counsel, Helen Marsh, to Mr Daniel Okafor.\n"
     "MS MARSH: When did you learn of the losses?\n"
     "MR OKAFOR: In March, from the auditors.\n"
     "MS MARSH: Why did you not tell the board?\n"
     "MR OKAFOR: I did, in writing.\n", "Daniel Okafor"),
])
def test_a_title_in_a_transcript_label_is_no_part_of_the_name(coder, text, who):
    quotes = [q for q in quotes_of(coder, text) if q.kind == "direct"]
    answers = [q for q in quotes if q.text.split()[0] in {"Bolivia", "It", "In", "I"}]
    assert len(answers) == 2 and all(q.speaker_name == who for q in answers), \
        [q.to_dict() for q in quotes]


def test_an_answer_label_is_the_person_a_bare_title_introduced(coder):
    text = ("Interview: Chile's finance minister on copper\n"
            "Finance Minister Mario Marcel answered our questions in Santiago.\n"
            "Q: Will copper prices hold?\n"
            "A: We expect them to stay high for two years.\n"
            "Q: And the budget?\n"
            "A: It will be balanced by 2026.\n")
    answers = [q for q in quotes_of(coder, text) if q.text.startswith(("We", "It"))]
    assert [q.speaker_name for q in answers] == ["Mario Marcel", "Mario Marcel"]


@pytest.mark.parametrize("text, said", [
    ("Prime Minister Petr Fiala said on Monday that Prague would send more shells to "
     "Ukraine, in an interview with Czech Television.",
     "Prague would send more shells to Ukraine"),
    ("Foreign Minister Penny Wong said the embassy would reopen in May, at a news "
     "conference in Canberra.", "the embassy would reopen in May"),
])
def test_where_the_words_were_said_is_no_part_of_an_indirect_quote(coder, text, said):
    [quote] = [q for q in quotes_of(coder, text) if q.kind == "indirect"]
    assert quote.text == said


def test_a_dateline_is_no_part_of_an_indirect_quote(coder):
    text = ("Peru sets date for vote\n"
            "LIMA - Peru will hold a general election in April, the electoral board said "
            "on Tuesday.\n")
    [quote] = [q for q in quotes_of(coder, text) if q.kind == "indirect"]
    assert quote.text == "Peru will hold a general election in April"


@pytest.mark.parametrize("text, who", [
    ("After the killing of three journalists, the foreign secretary, Lord Cameron, has "
     "said Israel must \"answer for it\".", "Cameron"),
    ("Prime Minister Viktor Orban's Fidesz party said in a statement that the vote had "
     "been \"free and fair\".", "Fidesz"),
    ("Senegal's Faye says elections will be held in March\n"
     "DAKAR (Reuters) - Senegalese President Bassirou Diomaye Faye said on Tuesday that "
     "the vote would be free.\n", "Bassirou Diomaye Faye"),
])
def test_the_speaker_is_the_name_the_parse_hides(coder, text, who):
    quotes = quotes_of(coder, text)
    assert quotes and all(who in (q.speaker_name or "") for q in quotes), \
        [q.to_dict() for q in quotes]


def test_a_transcript_label_of_a_title_only_is_the_person_given_it(coder):
    text = ("President Joe Biden spoke to reporters at the White House on Friday.\n"
            "THE PRESIDENT: Thank you all for coming. I will take a few questions.\n"
            "Q: Mr President, will you veto the bill?\n"
            "THE PRESIDENT: Yes. I will veto it.\n")
    quotes = quotes_of(coder, text)
    assert [q.speaker_name for q in quotes] == ["Joe Biden", None, "Joe Biden"]


def test_an_answer_over_several_paragraphs_is_one_quote(coder):
    text = ("Defence Minister Richard Marles was interviewed on Sunday.\n"
            "Q: Will Australia buy more submarines?\n"
            "MARLES: We are committed to the program.\n"
            "It is the biggest investment in our history.\n"
            "Q: What about the cost?\n"
            "MARLES: It is worth every dollar.\n")
    quotes = quotes_of(coder, text)
    assert [(q.text, q.speaker_name) for q in quotes][1] == (
        "We are committed to the program. It is the biggest investment in our history.",
        "Richard Marles")
    assert len(quotes[1].parts) == 2


@pytest.mark.parametrize("text, who", [
    ("German chancellor on Ukraine aid\n"
     "BERLIN - Chancellor Olaf Scholz spoke to ARD on Sunday.\n"
     "Question: Why not send the Taurus?\n"
     "Scholz: Because German soldiers would have to be involved.\n"
     "Question: Does that not weaken Ukraine?\n"
     "Scholz: Nobody can say we are not helping.\n", "Olaf Scholz"),
    ("Kemi Badenoch, the Conservative leader, spoke in the Commons on Wednesday. "
     "'This is a Budget for the state,' Mrs Badenoch said.", "Kemi Badenoch"),
])
def test_a_surname_is_the_one_name_in_full_the_actors_stage_missed(coder, text, who):
    quotes = [q for q in quotes_of(coder, text) if q.speaker_name]
    assert quotes and all(q.speaker_name == who for q in quotes), \
        [q.to_dict() for q in quotes]
