"""Statements from the quotes stage (CAMEO 010, 012, 013) and the link from an event to
its quote, on real sentences with the real model; and the quote link without one."""

from __future__ import annotations

import pytest

from communique.events.statements import SpokenQuote, link_quotes

DATE = "2026-03-15"


def statements(article):
    return [e for e in article.events if e.cameo.startswith("01")]


def quote_of(article, event):
    return next(q for q in article.quotes if q.id == event.quote)


def test_a_speakers_statement_is_010_with_the_quote_it_comes_from(coder):
    article = coder.code("Kenyan President William Ruto said on Monday that the economy "
                         "was recovering.", date=DATE)
    [event] = article.events
    assert (event.cameo, event.source.code, event.target) == ("010", "KENGOV", None)
    assert (event.quad, event.plover_type, event.goldstein) == (0, None, 0.0)
    assert quote_of(article, event).text.startswith("the economy was recovering")


@pytest.mark.parametrize("text, target", [
    ("Japanese Prime Minister Fumio Kishida told the Chinese government that Tokyo "
     "wanted stable ties.", "CHNGOV"),
    ("Russian President Vladimir Putin spoke about the United States in his speech, "
     "saying relations had hit bottom.", "USA"),
    ("The Iranian foreign minister told reporters that the talks would continue next "
     "week.", "-"),
])
def test_a_statement_is_addressed_to_the_one_told_never_to_reporters(coder, text, target):
    article = coder.code(text, date=DATE)
    found = [e for e in statements(article) if e.cameo == "010"]
    assert len(found) == 1, [(e.cameo, e.snippet) for e in article.events]
    assert (found[0].target.code if found[0].target else "-") == target


@pytest.mark.parametrize("text, act, dropped", [
    ("Indian Prime Minister Narendra Modi said India would send aid to Nepal.", "03", True),
    ("The Chinese foreign minister said Beijing strongly condemned the attack on its "
     "embassy in Kabul.", "11", True),
    # a spokesman of no known country makes no statement of its own to drop
    ("The French president accused Russia of war crimes, a spokesman said.", "112", False),
])
def test_a_statement_that_reports_an_act_is_that_act_only(coder, text, act, dropped):
    article = coder.code(text, date=DATE, explain=True)
    assert any(e.cameo.startswith(act) for e in article.events), \
        [(e.cameo, e.snippet) for e in article.events]
    assert not any(e.cameo == "010" for e in article.events)
    assert ("statement-carries-an-act" in {d["dropped_by"] for d in article.dropped}) \
        == dropped
    reported = next(e for e in article.events if e.cameo.startswith(act))
    assert reported.quote is not None  # the act is reported by the quote


@pytest.mark.parametrize("text, code", [
    ("Chinese Foreign Minister Wang Yi said he was optimistic that the talks would "
     "succeed.", "013"),
    ("\u201cWe are hopeful,\u201d Turkish President Recep Tayyip Erdogan said on Monday.",
     "013"),
    ("The German government said it was deeply concerned about the fighting in Sudan.",
     "012"),
    ("Egypt's foreign ministry said it was alarmed by the clashes in Libya.", "012"),
])
def test_a_speaker_who_says_how_it_feels_makes_a_pessimistic_or_optimistic_comment(
        coder, text, code):
    article = coder.code(text, date=DATE, explain=True)
    found = [e for e in statements(article)]
    assert [e.cameo for e in found] == [code], [(e.cameo, e.snippet) for e in article.events]
    assert "statement-of-mood" in found[0].rules and found[0].quote is not None


def test_a_speaker_no_country_is_known_for_makes_no_statement(coder):
    article = coder.code("Local residents said the water had risen overnight.", date=DATE)
    assert article.quotes and not statements(article)


def test_an_event_is_linked_to_the_smallest_quote_holding_its_trigger():
    class Token:
        def __init__(self, i):
            self.i = i

    class Draft:
        def __init__(self, trigger, top, tokens):
            self.trigger, self.top, self.tokens = Token(trigger), top, tokens
            self.quote, self.rules = None, []

        def shaped_by(self, rule):
            self.rules.append(rule)

    outer = SpokenQuote("Q1", "indirect", frozenset(range(3, 12)), 3, 11, 2, "A1", 0)
    inner = SpokenQuote("Q2", "partial", frozenset(range(7, 10)), 7, 9, 2, "A1", 0)
    later = SpokenQuote("Q3", "indirect", frozenset(range(20, 25)), 20, 24, 19, "A2", 18)
    inside, by_cue, outside = Draft(8, 8, [8]), Draft(30, 19, [19, 30]), Draft(40, 40, [40])
    link_quotes([inside, by_cue, outside], [outer, inner, later])
    assert (inside.quote, by_cue.quote, outside.quote) == ("Q2", "Q3", None)
    assert inside.rules == ["quote-link"] and outside.rules == []


def test_a_statement_is_dropped_for_an_act_it_reports_or_one_of_its_speaker():
    from types import SimpleNamespace

    from communique.events.arguments import Arg
    from communique.events.statements import StatementCoder

    def arg(actor, country):
        return Arg(actor, actor, country, "GOV", None, 0, 1, 0)

    quote = SpokenQuote("Q1", "indirect", frozenset(range(3, 10)), 3, 9, 2, "A1", 0)
    statement = SimpleNamespace(source=arg("A1", "RUS"), sentence=0, code="010")
    talks = SimpleNamespace(source=arg("A2", "CHN"), target=arg("A1", "RUS"),
                            reciprocal=True, sentence=0, trigger=SimpleNamespace(i=12))
    carries = StatementCoder.carries_an_act
    assert carries(statement, quote, [talks])  # the speaker's talks, outside the quote
    talks.reciprocal = False  # China's act on the speaker, outside the quote: not his
    assert not carries(statement, quote, [talks])
    talks.trigger.i = 5  # told in the quote's words: the act is what is coded
    assert carries(statement, quote, [talks])
    statement.code = "012"  # "said it was alarmed by the clashes": beside them
    assert not carries(statement, quote, [talks])
