"""Statements (CAMEO 01) from the quotes stage, and the link from events to quotes.

The quotes stage has found what was said and who said it; here

- an event whose trigger is among a quote's words, or is the quote's word of saying
  (its cue), carries the quote's id (`quote-link`);
- a speaker's quote is a statement of the speaker's actor (`statement-of-speaker`, CAMEO
  010) where the sentence of its cue codes no other act of that actor and its words
  report no act: a quote that reports an accusation, a threat, a demand or praise, or
  an attack someone else made, is coded as that act, and the statement is dropped
  (`statement-carries-an-act`);
- a speaker that says how it feels ("said it was concerned", "We are hopeful") makes a
  pessimistic or optimistic comment (`statement-of-mood`: 012, 013), not a bare one;
- the target is the one addressed ("told Seoul", "said to", "in a letter to"), the one
  spoken of ("said of the West", "spoke about Iran") or, for an indirect quote, another
  country's actor it is about ("Lavrov said Washington was to blame"); reporters and
  the speaker's own side are no target. A speaker no country is known for ("local
  residents said") makes no statement to code.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..tables import vocabulary
from .arguments import Arg, ArgumentFinder
from .clauses import ClauseReader
from .drafts import Draft, Trace

STATEMENT_CODE = "010"
STATEMENT_CUES = vocabulary.words("statement_cues")
STATEMENT_PREPS = vocabulary.word_list("statement_prepositions")
MOODS = (("012", vocabulary.words("pessimistic_words")),
         ("013", vocabulary.words("optimistic_words")))
MOOD_PREPS = vocabulary.word_list("mood_prepositions")
COPULAS = vocabulary.words("mood_copulas")
PRESS_SECTOR = "MED"  # "told reporters", "told the BBC": the press is no target
CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class SpokenQuote:
    """What the events stage reads of one quote: its id, words, cue and speaker."""

    id: str
    kind: str
    words: frozenset[int]  # the tokens of its quoted words
    first: int
    last: int
    cue: int | None
    speaker_actor: str | None
    speaker_token: int | None

    @classmethod
    def from_plain(cls, number: int, plain: dict) -> SpokenQuote:
        pieces = plain.get("token_pieces") or [plain["tokens"]]
        words = frozenset(i for start, end in pieces for i in range(start, end))
        speaker = plain.get("speaker") or {}
        return cls(f"Q{number}", plain["kind"], words, min(words, default=0),
                   max(words, default=-1), plain.get("cue_token"), speaker.get("actor"),
                   plain.get("speaker_token"))


def spoken_quotes(doc: Doc) -> list[SpokenQuote]:
    """The Doc's quotes, numbered Q1, Q2 ... in text order, as the record numbers them."""
    return [SpokenQuote.from_plain(n, plain)
            for n, plain in enumerate(doc._.communique_quotes or [], start=1)]


def link_quotes(drafts: list[Draft], quotes: list[SpokenQuote]) -> None:
    """Each draft's quote: the smallest quote whose words hold its trigger, else the one
    whose cue is its trigger or a word of its clause ("said Seoul must ...")."""
    if not quotes:
        return
    for draft in drafts:
        trigger = draft.trigger.i
        holding = [q for q in quotes if trigger in q.words]
        if not holding:
            clause = {trigger, draft.top, *draft.tokens}
            holding = [q for q in quotes if q.cue is not None and q.cue in clause]
        if holding:
            draft.quote = min(holding, key=lambda q: len(q.words)).id
            draft.shaped_by("quote-link")


class StatementCoder:
    """Codes the statements of a Doc's quotes (CAMEO 010, 012, 013)."""

    def __init__(self, reader: ClauseReader) -> None:
        self.reader = reader

    def code(self, doc: Doc, drafts: list[Draft], finder: ArgumentFinder,
             trace: Trace | None) -> list[Draft]:
        """The drafts with the quote links set and the statements added, each statement
        after its sentence's other drafts."""
        quotes = spoken_quotes(doc)
        link_quotes(drafts, quotes)
        if not quotes:
            return drafts
        starts = [sent.start for sent in doc.sents]
        statements: list[Draft] = []
        cues: set[int] = set()
        for quote in quotes:
            if quote.cue is None or quote.cue in cues:
                continue  # one statement per word of saying
            draft = self.statement(doc, quote, bisect_right(starts, quote.cue) - 1, finder)
            if draft is None:
                continue
            cues.add(quote.cue)
            if self.carries_an_act(draft, quote, drafts):
                if trace is not None:
                    trace.drop(draft, "statement-carries-an-act")
                continue
            statements.append(draft)
        if not statements:
            return drafts
        merged = drafts + statements
        merged.sort(key=lambda d: d.sentence)  # stable: a sentence's own order is kept
        return merged

    def statement(self, doc: Doc, quote: SpokenQuote, number: int,
                  finder: ArgumentFinder) -> Draft | None:
        cue = doc[quote.cue]
        if quote.speaker_actor is None or not self._says(cue):
            return None
        if self.reader.hypothetical(cue) or self.reader.negated(cue):
            return None  # "if he says", "did not say": no statement made
        source = self._speaker(doc, quote, finder)
        if source is None or source.country is None:
            return None  # "local residents said": a statement no one can place
        rules = ["statement-of-speaker"]
        code, feeling = self._mood(doc, quote, source, finder)
        targets: list[Arg] = []
        if code is not None:
            rules.append("statement-of-mood")
            targets = finder.prepositional(feeling, MOOD_PREPS)
            if targets:
                rules.append("target-of-mood")
        for rule, find in (("target-addressed", lambda: self._addressed(cue, finder)),
                           ("target-spoken-of", lambda: self._spoken_about(cue, finder)),
                           ("target-subject-of-statement", lambda: self._spoken_of(
                               doc, quote, cue, source, finder))):
            if targets:
                break
            targets = [t for t in find() if self._may_be_target(t, source)]
            if targets:
                rules.append(rule)
        targets = [t for t in targets if self._may_be_target(t, source)]
        target = targets[0] if targets else None
        confidence = CONFIDENCE - (0.1 if source.inferred else 0.0) - (
            0.1 if target is not None and target.inferred else 0.0)
        snippet = cue.text if feeling is None else f"{cue.text} ... {feeling.text}"
        tokens = sorted({cue.i} | ({feeling.i} if feeling is not None else set()))
        draft = Draft(number, code or STATEMENT_CODE, cue, source, target, False, confidence,
                      False, None, None, 0, snippet, cue.i, False, tokens, -1,
                      [f"pattern-quote-{code or STATEMENT_CODE}", *rules])
        draft.quote = quote.id
        return draft

    @staticmethod
    def _says(cue: Token) -> bool:
        lemma = cue.lemma_.lower()
        if any(c.dep_ == "prt" for c in cue.children):
            phrase = " ".join([lemma, *(c.lower_ for c in cue.children if c.dep_ == "prt")])
            return phrase in STATEMENT_CUES
        return lemma in STATEMENT_CUES or cue.lower_ in STATEMENT_CUES

    @staticmethod
    def _speaker(doc: Doc, quote: SpokenQuote, finder: ArgumentFinder) -> Arg | None:
        """The speaker's side: the words naming the speaker, as the actors stage read them,
        or the actor the quotes stage gave the quote."""
        if quote.speaker_token is not None:
            for arg in finder.args(doc[quote.speaker_token], with_conjuncts=False):
                if arg.actor == quote.speaker_actor:
                    return arg
        actor = finder.actors.get(quote.speaker_actor)
        if actor is None:
            return None
        at = doc[quote.speaker_token] if quote.speaker_token is not None else doc[quote.cue]
        return Arg(quote.speaker_actor, actor["name"], actor["country"], actor["sector"],
                   actor.get("org"), at.idx, at.idx + len(at.text), at.i, inferred=True,
                   state=actor["kind"] in {"country", "place-as-government"},
                   kind=actor["kind"])

    def _mood(self, doc: Doc, quote: SpokenQuote, source: Arg, finder: ArgumentFinder
              ) -> tuple[str | None, Token | None]:
        """012 or 013 where the quote's main clause says the speaker feels so: "(said) it
        was concerned", "(said) he remained optimistic", "We are hopeful"."""
        for head in self._heads(doc, quote):
            feeling = head
            if head.lemma_.lower() in COPULAS:
                feeling = next((c for c in head.children if c.dep_ in {"acomp", "attr"}), None)
                if feeling is None:
                    continue
            code = next((c for c, words in MOODS if feeling.lower_ in words), None)
            if code is None:
                continue
            subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(arg.key == source.key for s in subjects for arg in finder.args(s)):
                return code, feeling
        return None, None

    @staticmethod
    def _heads(doc: Doc, quote: SpokenQuote) -> list[Token]:
        """The main words of a quote's clauses: its words whose head is outside them."""
        return [doc[i] for i in sorted(quote.words)
                if (doc[i].head.i not in quote.words or doc[i].head.i == i)
                and doc[i].pos_ in {"VERB", "AUX", "ADJ"}]

    @staticmethod
    def _addressed(cue: Token, finder: ArgumentFinder) -> list[Arg]:
        """'told Seoul that', 'informed the UN', 'in a letter to Kyiv'."""
        found: list[Arg] = []
        for child in cue.children:
            if child.dep_ in {"dobj", "dative"} and child.pos_ != "ADP":
                found.extend(finder.args(child))
        return found

    @staticmethod
    def _spoken_about(cue: Token, finder: ArgumentFinder) -> list[Arg]:
        """'said of the United States', 'spoke about Iran, saying ...'."""
        found = finder.prepositional(cue, STATEMENT_PREPS)
        if not found and cue.dep_ in {"advcl", "xcomp", "conj"} and cue.tag_ == "VBG":
            found = finder.prepositional(cue.head, STATEMENT_PREPS)
        return found

    def _spoken_of(self, doc: Doc, quote: SpokenQuote, cue: Token, source: Arg,
                   finder: ArgumentFinder) -> list[Arg]:
        """An indirect quote about another country's actor: the subject of its clause."""
        if quote.kind != "indirect":
            return []
        for head in self._heads(doc, quote):
            if head.head.i != cue.i:
                continue
            for child in head.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    about = finder.args(child)
                    if any(a.country == source.country for a in about):
                        return []  # "the two countries need to ...": us and them, no one
                    return [a for a in about if a.country]
        return []

    @staticmethod
    def _may_be_target(target: Arg, source: Arg) -> bool:
        return target.key != source.key and target.sector != PRESS_SECTOR

    @staticmethod
    def carries_an_act(statement: Draft, quote: SpokenQuote, drafts: list[Draft]) -> bool:
        """Whether the statement is coded as another act: the speaker's actor does
        something else in its sentence (a reciprocal act is each side's), or the quote's
        words report an act, whoever did it ("Modi said India would send aid", "the
        military said a roadside bomb killed a soldier"): the act is what a coder codes,
        the attribution is its source. A feeling (012, 013) stands beside the act it is
        about ("said it was alarmed by the clashes")."""
        speaker = statement.source
        if speaker is None:
            return False
        reported = statement.code == STATEMENT_CODE  # a feeling may be about an act
        for draft in drafts:
            if reported and draft.trigger.i in quote.words:
                return True
            sides = [draft.source, draft.target] if draft.reciprocal else [draft.source]
            if draft.sentence == statement.sentence and any(
                    side is not None and side.key == speaker.key for side in sides):
                return True
        return False
