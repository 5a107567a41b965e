"""A bare office title as a speaker is whoever held the office in the article's country
on its date: on real text with the real model, and the table lookup without it."""

from __future__ import annotations

import pytest

from communique.actors.known import load_known_actors
from communique.quotes.offices import office_words


def speaker_of(coder, text, words, date):
    quotes = coder.code(text, id="t", date=date).quotes
    quote = next(q for q in quotes if words in q.text)
    return quote.speaker_name


LONDON = ("Britain to send more missiles to Ukraine\n"
          "LONDON - The prime minister said on Tuesday that Britain would send more air "
          "defence missiles to Ukraine.\n"
          "\u201cWe will stand with Ukraine for as long as it takes,\u201d the prime "
          "minister told MPs.")


@pytest.mark.parametrize(("date", "holder"), [
    ("2023-05-02", "Rishi Sunak"),
    ("2019-03-12", "Theresa May"),
    ("2019-10-02", "Boris Johnson"),
    ("2024-07-05", "Keir Starmer"),  # the day the office changed hands: the successor's
    ("2008-01-15", "Gordon Brown"),
])
def test_bare_title_is_the_office_holder_of_the_day(coder, date, holder):
    assert speaker_of(coder, LONDON, "as long as it takes", date) == holder
    assert speaker_of(coder, LONDON, "more air defence missiles", date) == holder


def test_foreign_secretary_of_a_wire_dateline(coder):
    text = ("LONDON, March 4 (Reuters) - The foreign secretary said on Monday that Britain "
            "would expel two Russian diplomats over the poisoning.")
    assert speaker_of(coder, text, "expel two Russian diplomats", "2018-03-05") == \
        "Boris Johnson"


def test_chancellor_is_the_chancellor_of_the_articles_country(coder):
    london = ("Autumn statement cuts national insurance\n"
              "LONDON - The chancellor told MPs on Wednesday that national insurance would "
              "fall by two percentage points from January.")
    berlin = ("BERLIN - The chancellor told reporters on Tuesday that Germany would cut its "
              "budget deficit by 80 billion euros.")
    assert speaker_of(coder, london, "national insurance", "2023-11-22") == "Jeremy Hunt"
    assert speaker_of(coder, berlin, "budget deficit", "2010-06-01") == "Angela Merkel"


def test_an_office_the_actors_country_lacks_is_the_articles(coder):
    # the actors stage may place the title by a country the sentence names ("China's")
    text = ("LONDON - The foreign secretary said on Sunday that China's treatment of the "
            "Uighurs amounted to gross human rights abuses.")
    assert speaker_of(coder, text, "treatment of the Uighurs", "2021-01-10") == \
        "Dominic Raab"


def test_country_from_the_government_actors_without_a_dateline(coder):
    text = ("British police arrested two men in Manchester on Monday. Downing Street said "
            "the government would act. "
            "\u201cThe system is broken and we will fix it,\u201d the prime minister said.")
    assert speaker_of(coder, text, "The system is broken", "2023-03-07") == "Rishi Sunak"


def test_an_article_that_names_the_office_holder_keeps_that_name(coder):
    text = ("LONDON - Prime Minister Alan Whitcombe met union leaders on Tuesday.\n"
            "\u201cWe will find a settlement,\u201d the prime minister said.")
    assert speaker_of(coder, text, "find a settlement", "2023-05-02") == "Alan Whitcombe"


def test_no_clear_country_keeps_the_title(coder):
    text = ("Leaders met at the summit on Tuesday. "
            "\u201cWe will find a settlement,\u201d the prime minister said.")
    assert speaker_of(coder, text, "find a settlement", "2023-05-02") == "prime minister"


def test_two_countries_and_no_dateline_keep_the_title(coder):
    text = ("The French government and the Italian government met in Nice on Tuesday. "
            "\u201cWe will find a settlement,\u201d the prime minister said.")
    assert speaker_of(coder, text, "find a settlement", "2023-05-02") == "prime minister"


def test_no_date_keeps_the_title(coder):
    assert speaker_of(coder, LONDON, "as long as it takes", None) == "prime minister"


@pytest.mark.parametrize(("name", "title", "office"), [
    ("The prime minister", "minister", "prime minister"),
    ("the Foreign Secretary", "secretary", "foreign secretary"),
    ("chancellor", "chancellor", "chancellor"),
    ("Britain's prime minister", "minister", None),
    ("prime minister", "secretary", None),
])
def test_office_words(name, title, office):
    assert office_words(name, title) == office


@pytest.mark.parametrize(("title", "country", "day", "holder"), [
    ("prime minister", "GBR", "2016-07-12", "David Cameron"),
    ("prime minister", "GBR", "2016-07-13", "Theresa May"),
    ("chancellor", "DEU", "2010-06-01", "Angela Merkel"),
    ("foreign secretary", "GBR", "2021-01-10", "Dominic Raab"),
])
def test_holder_of_an_office_on_a_day(title, country, day, holder):
    entry = load_known_actors().holder(title, country, day)
    assert entry is not None and entry.name == holder


@pytest.mark.parametrize(("title", "country", "day"), [
    ("prime minister", "GBR", "1850-01-01"),  # before the table
    ("rural affairs minister", "GBR", "2023-05-02"),  # an office the table lacks
    ("prime minister", "USA", "2023-05-02"),  # an office the country lacks
])
def test_no_holder_where_the_table_does_not_say(title, country, day):
    assert load_known_actors().holder(title, country, day) is None
