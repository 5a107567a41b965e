"""Indirect quotes: what a verb of saying reports in a clause of its own.

"Ushakov said that Moscow and Beijing support each other" is Ushakov's statement, with
"Moscow and Beijing support each other" as its content. Found from the parse:

- a reporting verb (not one of thinking: "believe" reports nothing anyone said) with a
  clausal complement, or with the clause it interrupts ("Moscow, he said, will respond");
- "according to X" attributes the clause it modifies;
- a second clause of its own ("said the plan was final and that work would begin") is a
  second statement;
- a report of a report ("a readout said Santoso told Whitford that ...") is recorded
  once, as the inner one, whose speaker is the one who said it;
- a clause that is mostly a direct quote ("...,” he said") is that quote, not another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .reading import Reading, Speaker

MARKERS = frozenset({"that", "whether", "if"})
DATELINE = 6  # tokens of a dateline: "RIO DE JANEIRO (Reuters) -"
DATELINE_DASHES = frozenset({"-", "--", "\u2014", "\u2013"})
MAX_QUOTED_SHARE = 0.5  # a clause more quoted than this is the direct quote itself
EXPLETIVES = frozenset({"it", "there"})
# "said when the bank might cut rates", "did not say whether": a question, not a statement
QUESTION_WORDS = frozenset({"when", "whether", "why", "how", "where", "who", "what", "which",
                            "if"})


@dataclass(slots=True)
class Indirect:
    start: int  # tokens of the content, end exclusive
    end: int
    cue: Token
    speaker: Speaker


LastSpeaker = Callable[[int], Speaker | None]


def find_indirect(reading: Reading, last_speaker: LastSpeaker) -> list[Indirect]:
    """Every indirect quote of the article. `last_speaker(token)` is the speaker of the
    last direct quote before a token, for a "he" the actors stage could not resolve."""
    found: list[Indirect] = []
    doc = reading.doc
    for i in reading.reporting_candidates():
        token = doc[i]
        if reading.quoted[i]:
            continue
        obj = reading.according_to(token)
        if obj is not None:
            _according(reading, token, obj, found)
        elif reading.is_reporting(token):
            _reported(reading, token, found, last_speaker)
    return found


def _reported(reading: Reading, verb: Token, found: list[Indirect],
              last_speaker: LastSpeaker) -> None:
    if _unsaid(reading, verb):
        return
    clauses = [c for c in _clauses(verb) if c.left_edge.lower_ not in QUESTION_WORDS]
    if not clauses:
        _trailing(reading, verb, found)
        return
    subject = reading.subject_of(verb)
    if subject is None or subject.lower_ in EXPLETIVES:
        return
    speaker = reading.speaker(subject, last_speaker(verb.i))
    if speaker is None:
        return
    for clause in clauses:
        if _reports_a_report(reading, clause):
            continue
        span = _content(reading, clause, verb)
        if span is not None:
            found.append(Indirect(span[0], span[1], verb, speaker))


def _clauses(verb: Token) -> list[Token]:
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses and verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
        clauses = [verb.head]  # "Moscow, he said, will respond."
    for prep in verb.children:
        # "said in a statement that ...": the parser hangs the clause on the statement
        if prep.dep_ == "prep":
            for noun in prep.children:
                clauses += [c for c in noun.children if c.dep_ in {"acl", "ccomp"}
                            and _opens_with_that(c)]
    # "said both sides were close but that gaps remained": the parser makes the second
    # clause a conjunct of the verb of saying
    clauses += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                and _opens_with_that(c)]
    more = []
    for clause in clauses:
        # "said the plan was final and that work would begin": two statements
        more += [c for c in clause.children if c.dep_ == "conj" and
                 any(m.dep_ == "mark" and m.lower_ in MARKERS for m in c.children)]
    return clauses + more


def _unsaid(reading: Reading, verb: Token) -> bool:
    """"did not say that ...", "declined to say ...": nothing was said."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in reading.vocabulary.refusing


def _opens_with_that(clause: Token) -> bool:
    first = clause.left_edge
    if first.dep_ == "cc" and first.i + 1 < clause.i:
        first = first.nbor(1)
    return first.lower_ == "that" and first.i < clause.i


def _trailing(reading: Reading, verb: Token, found: list[Indirect]) -> None:
    """"Poland will build a plant, the country's climate minister announced." The parser
    often hangs such a closing attribution on its noun ("minister" -> "announced" as a
    modifier); the clause before the comma is what was said."""
    noun = verb.head
    if verb.dep_ not in {"acl", "relcl"} or noun.pos_ not in {"NOUN", "PROPN"} or \
            noun.i > verb.i or any(c.dep_ in {"dobj", "ccomp"} for c in verb.children):
        return
    doc = reading.doc
    start, end = reading.sentence_span(verb.i)
    while end > verb.i + 1 and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1  # the sentence's own full stop
    comma = noun.left_edge.i - 1
    if comma <= start or doc[comma].text != "," or \
            any(t.text in {".", "!", "?", ";", ","} for t in doc[verb.i + 1:end]):
        return
    span = _trim(reading, *_within_paragraph(reading, verb, start, comma))
    speaker = reading.speaker(noun)
    if span is not None and speaker is not None:
        found.append(Indirect(span[0], span[1], verb, speaker))


def _reports_a_report(reading: Reading, clause: Token) -> bool:
    """"X said Y told her that ...": the clause is itself a report, with its own speaker
    and content ("Tokyo would respond firmly" is not: nothing is reported)."""
    children = [c.dep_ for c in clause.children]
    return reading.is_reporting(clause) and "ccomp" in children and (
        "nsubj" in children or "nsubjpass" in children)


def _content(reading: Reading, clause: Token, verb: Token) -> tuple[int, int] | None:
    """Token span of what the clause says, without its "that" and the verb of saying."""
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    for child in clause.children:
        # a second clause with its own "that", or "adding that ...": statements of their own
        if child.i > clause.i and ((child.dep_ == "conj" and any(
                m.dep_ == "mark" and m.lower_ in MARKERS for m in child.children))
                or (child.dep_ in {"advcl", "conj"} and (reading.is_reporting(child) or
                                                         reading.is_cue_word(child, naming=True)))):
            # "..., calling the accusations “a smear”": the speaker's own act of naming
            end = min(end, child.left_edge.i)
        if child.i > verb.i and child.dep_ == "prep" and child.i > start and \
                child.nbor(-1).text == "," and _names_an_occasion(reading, child):
            # "said that ..., in an interview with RTE": where the words were said
            end = min(end, child.i - 1)
    if verb.dep_ == "parataxis" and clause.i == verb.head.i:
        start, end = _around(verb, start, end)
    if start <= verb.i < end:
        return None
    start, end = _within_paragraph(reading, verb, start, end)
    return _trim(reading, start, end)


def _names_an_occasion(reading: Reading, prep: Token) -> bool:
    """"in an interview", "at a news conference": a phrase about the act of saying."""
    vocabulary = reading.vocabulary
    return any(c.dep_ == "pobj" and (c.lemma_.lower() in vocabulary.nouns or
                                     c.lemma_.lower() in vocabulary.occasions)
               for c in prep.children)


def _within_paragraph(reading: Reading, verb: Token, start: int, end: int
                      ) -> tuple[int, int]:
    """The part of a span in the verb's paragraph (the parser may run over a line break)."""
    doc = reading.doc
    paragraph = reading.paragraph_of(verb.idx)
    while start < end and reading.paragraph_of(doc[start].idx) < paragraph:
        start += 1
    while end > start and reading.paragraph_of(doc[end - 1].idx) > paragraph:
        end -= 1
    return start, end


def _around(part: Token, start: int, end: int) -> tuple[int, int]:
    """The larger side of a span once an inserted part ("he said") is taken out."""
    left = (start, part.left_edge.i)
    right = (part.right_edge.i + 1, end)
    return left if left[1] - left[0] >= right[1] - right[0] else right


def _trim(reading: Reading, start: int, end: int) -> tuple[int, int] | None:
    doc = reading.doc
    while start < end and ((doc[start].is_punct and not doc[start].is_quote)
                           or doc[start].is_space
                           or (doc[start].lower_ in MARKERS and (
                               doc[start].dep_ == "mark" or doc[start - 1].dep_ == "cc"))
                           or doc[start].dep_ == "cc"):
        start += 1
    while end > start and ((doc[end - 1].is_punct and not doc[end - 1].is_quote)
                           or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    start = _after_dateline(reading, start, end)
    if start + 2 < end and doc[start].pos_ == "ADV" and doc[start + 1].text == ",":
        start += 2  # "Meanwhile, police detained ...": the reporter's word, not the report
    if end - start < 2 or not any(t.pos_ in {"VERB", "AUX"} for t in doc[start:end]):
        return None
    end = _close_marks(doc, start, end)
    quoted = sum(reading.direct[i] for i in range(start, end) if not doc[i].is_punct)
    words = sum(1 for t in doc[start:end] if not t.is_punct)
    if words and quoted / words > MAX_QUOTED_SHARE:
        return None
    return start, end


def _after_dateline(reading: Reading, start: int, end: int) -> int:
    """"JAKARTA - Indonesia's new capital ...": a dateline opening the paragraph is no
    part of what was said ("KHARTOUM (Reuters) -", "MEXICO CITY --")."""
    doc = reading.doc
    if doc[start].idx != reading.paragraphs[reading.paragraph_of(doc[start].idx)][0]:
        return start
    for i in range(start, min(end - 1, start + DATELINE)):
        token = doc[i]
        if token.text in DATELINE_DASHES:
            return i + 1 if i > start else start
        if not (token.is_upper or token.text in "()" or
                (i > start and doc[i - 1].text == "(")):
            return start
    return start


def _close_marks(doc, start: int, end: int) -> int:
    """Take in the closing mark of a quote the span opens: 'Moscow and Beijing “support
    each other ... challenges.”' (the parser leaves the final stop and mark outside)."""
    if sum(1 for t in doc[start:end] if t.is_quote) % 2 == 0:
        return end
    for i in range(end, min(end + 3, len(doc))):
        if doc[i].is_quote:
            return i + 1
        if not doc[i].is_punct:
            break
    return end


def _according(reading: Reading, according: Token, obj: Token,
               found: list[Indirect]) -> None:
    """"According to X, the clause" and "the clause, according to X"."""
    clause = according.head
    if clause.i == according.i or clause.pos_ not in {"VERB", "AUX"}:
        return
    if reading.is_reporting(clause):
        return  # "according to a readout, X told Y that ...": X's statement is the quote
    speaker = reading.speaker(_named_in(reading, obj))
    if speaker is None:
        return
    start, end = _around(according, clause.left_edge.i, clause.right_edge.i + 1)
    span = _trim(reading, *_within_paragraph(reading, according, start, end))
    if span is not None:
        found.append(Indirect(span[0], span[1], according, speaker))


def _named_in(reading: Reading, obj: Token) -> Token:
    """'according to a statement from the Kremlin' -> the Kremlin."""
    if reading.is_noun_cue(obj):
        named = reading.noun_cue_speaker(obj)
        if named is not None:
            return named
    return obj
