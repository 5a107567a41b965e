"""The shared ground of the events stage: what a draft event is, the code classes and
words the rules ask about, and the small tests on sides and words every part uses.

Below targets, placing, facts and modes, which import from here and never from each
other's callers (no import circle)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import DEP, LOWER, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token

from ..tables import vocabulary
from ..tables.lexicon import NONSTATE_COUNTRIES
from .arguments import RELATIONAL_NOUNS, Arg, ArgumentFinder
from .clauses import NOUN_POS, Clause
from .triggers import Trigger

BACKGROUND_PREPS = vocabulary.words("background_prepositions")
TOPIC_ROOTS = vocabulary.cameo_class("topical")
PREVENTING = vocabulary.words("preventing")
PAUSES = vocabulary.words("pauses")
CAUSE_NOUNS = vocabulary.words("cause_nouns")
MAX_SIDES = 4  # at most this many sources (or targets) are paired up in one event
STATE_SECTORS = vocabulary.sector_group("state")
EACH_OTHER = vocabulary.words("each_other")
PROTEST_ROOT = "14"
CONSULT_ROOT = "04"
ANSWER_ROOTS = vocabulary.cameo_class("answers")
LOCATED_ROOTS = vocabulary.cameo_class("located")
LOCATIVE_PREPS = vocabulary.words("locative_prepositions") | vocabulary.words("entry_prepositions")
DOMESTIC_ROOTS = vocabulary.cameo_class("domestic")
VICTIM_ROOTS = vocabulary.cameo_class("victims")
VIOLENT_ROOTS = vocabulary.cameo_class("violent")
POSTURE_CODE = "150"  # demonstrate military or police power
AUTHORITY_ROOTS = vocabulary.cameo_class("authority")
ANNOUNCING = vocabulary.words("announcing")
WISHING = vocabulary.words("wishing_verbs")
PLACED_ROOTS = vocabulary.cameo_class("placed")
PLACE_KINDS = frozenset({"country", "place", "place-as-government", "capital", "unidentified"})
DOMESTIC_STATE = vocabulary.sector_group("domestic_state")
DOMESTIC_SECTORS = vocabulary.sector_group("domestic")
THING_ROOTS = vocabulary.cameo_class("things_given")
THING_PREPS = vocabulary.word_list("thing_prepositions")
REQUEST_ROOTS = vocabulary.cameo_class("requests")
PROTEST_PURPOSES = vocabulary.cameo_class("protest_purposes")
# A country's missions abroad, by whole word: "the US embassy", not "the electoral commission".
MISSIONS_ABROAD = re.compile(r"\b(?:embass(?:y|ies)|consulates?|high commissions?|legations?|"
                             r"missions?)\b", re.IGNORECASE)
AGENT_ROOTS = vocabulary.cameo_class("on_the_agent")
ONE_FACT_PER_CODE = vocabulary.cameo_class("one_fact_per_code")


@dataclass(slots=True)
class Draft:
    """An event before it becomes a record."""

    sentence: int
    code: str
    trigger: Token
    source: Arg | None
    target: Arg | None
    negated: bool
    confidence: float
    reciprocal: bool
    plover: str | None
    mode: str | None
    specificity: int
    snippet: str
    top: int
    framed: bool = False
    tokens: list[int] = field(default_factory=list)
    object: int = -1  # the token of the object the pattern matched, if any
    rules: list[str] = field(default_factory=list)  # the rules that shaped it, in order
    quote: str | None = None  # the id of the quote it comes from or reports ("Q2")

    def shaped_by(self, rule: str) -> None:
        self.rules.append(rule)

    def to_plain(self) -> dict:
        trigger = self.trigger
        return {
            "sentence": self.sentence, "code": self.code,
            "trigger": {"start": trigger.idx, "end": trigger.idx + len(trigger.text),
                        "text": trigger.text},
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "negated": self.negated, "confidence": round(self.confidence, 2),
            "reciprocal": self.reciprocal, "plover": self.plover, "mode": self.mode,
            "snippet": self.snippet,
            "tokens": {"trigger": trigger.i, "top": self.top, "clause": self.tokens},
            "rules": list(self.rules), "quote": self.quote,
        }

    def dropped(self, rule: str) -> dict:
        """What `--explain` shows of a draft a rule dropped."""
        trigger = self.trigger
        return {"sentence": self.sentence, "code": self.code,
                "trigger": {"start": trigger.idx, "end": trigger.idx + len(trigger.text),
                            "text": trigger.text},
                "source": self.source.to_dict() if self.source else None,
                "target": self.target.to_dict() if self.target else None,
                "snippet": self.snippet, "rules": list(self.rules), "dropped_by": rule}


@dataclass(slots=True)
class Reading:
    """A clause on its way to drafts: the sides, frame and code the steps of
    `EventCoder.realise` have found so far, and the rules that found them."""

    clause: Clause
    number: int
    hedged: bool
    generic: bool
    sources: list[Arg]
    passive_targets: list[Arg]
    code: str
    targets: list[Arg] = field(default_factory=list)
    between: list[Arg] = field(default_factory=list)
    frame: str | None = None
    reciprocal: bool = False
    framed: bool = False
    posture: bool = False
    mode: str | None = None  # a PLOVER mode the steps found ("aerial" from "a drone")
    rules: list[str] = field(default_factory=list)
    dropped_by: str | None = None

    def apply(self, rule: str) -> None:
        self.rules.append(rule)

    def drop(self, rule: str) -> None:
        self.dropped_by = rule

    def dropped(self) -> dict:
        token = self.clause.action.token
        return {"sentence": self.number, "code": self.code,
                "trigger": {"start": token.idx, "end": token.idx + len(token.text),
                            "text": token.text},
                "source": self.sources[0].to_dict() if self.sources else None,
                "target": None, "snippet": "", "rules": list(self.rules),
                "dropped_by": self.dropped_by}


class Trace:
    """The drafts an article's rules dropped, each with the rule that dropped it."""

    def __init__(self) -> None:
        self.dropped: list[dict] = []

    def drop(self, draft: Draft, rule: str) -> None:
        self.dropped.append(draft.dropped(rule))

    def drop_reading(self, reading: Reading) -> None:
        self.dropped.append(reading.dropped())

    def drop_clause(self, clause: Clause, number: int, rule: str) -> None:
        self.drop_trigger(clause.action, number, rule)

    def drop_trigger(self, trigger: Trigger, number: int, rule: str) -> None:
        token = trigger.token
        pattern = trigger.pattern
        self.dropped.append({
            "sentence": number, "code": pattern.code if pattern else None,
            "trigger": {"start": token.idx, "end": token.idx + len(token.text),
                        "text": token.text},
            "source": None, "target": None, "snippet": "", "rules": [], "dropped_by": rule})


class Words:
    """A document's lower-case forms, parts of speech and dependency labels as lists,
    read once, for the passes over every word of a sentence."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, POS, DEP]).tolist() if len(doc) else []
        self.lower = [strings[r[0]] for r in rows]
        self.pos = [POS_NAMES.get(r[1], "") for r in rows]
        self.dep = [strings[r[2]] if r[2] else "" for r in rows]


def place_country_lookup(doc: Doc):
    """Country of a place name, from the offline gazetteer, weighing the countries the
    article names ("in Tripoli" in a story about Lebanon)."""
    from ..places import lookup_place

    countries = [c for _, _, c, _ in doc._.communique_names or [] if c]

    def lookup(name: str) -> str | None:
        place = lookup_place(name, countries)
        return place.country if place is not None else None

    return lookup


def first_prep(token: Token, preps: tuple[str, ...]) -> int:
    """The rank, among the given prepositions, of the first one the word has."""
    ranks = [preps.index(c.lower_) for c in token.children
             if c.dep_ in {"prep", "dative"} and c.lower_ in preps]
    return min(ranks, default=len(preps))


def relational(token: Token) -> bool:
    return token.lemma_.lower() in RELATIONAL_NOUNS


def placed_by_own_words(head: Token, finder: ArgumentFinder) -> list[Arg]:
    """Where the words for a group place it: "the peacekeeping force in Liberia", "refugees
    fleeing the war in Liberia", "parties to the conflict in Iraq". Not a person: where
    someone is says nothing of whose citizen they are ("Assange, who took refuge in its
    London embassy")."""
    index = finder.mention_at[head.i]
    if index >= 0 and finder.mentions[index]["kind"] == "person":
        return []
    words = [head, *(c for c in head.children if c.dep_ in {"acl", "relcl"})]
    words += [o for w in words[1:] for o in w.children if o.dep_ == "dobj"]
    words += [o for w in words[1:] for p in w.children if p.dep_ == "agent"
              for o in p.children if o.dep_ == "pobj"]  # "displaced by the floods in X"
    words += [o for p in head.children if p.dep_ == "prep" and p.lower_ in {"to", "of"}
              for o in p.children if o.dep_ == "pobj"]
    found = finder.located(words, LOCATIVE_PREPS, places_only=True)
    return found if found and found[0].country not in NONSTATE_COUNTRIES else []


def agent_first(code: str, preps: tuple[str, ...]) -> tuple[str, ...]:
    """Where inside what is acted on the other side is: for an investigation or a
    condemnation, first whoever did it ('war crimes by Croatian extremists')."""
    return ("by", *preps) if code[:2] in AGENT_ROOTS else preps


def side_key(arg: Arg | None) -> str | None:
    return arg.key if arg else None


def family(draft: Draft) -> str:
    """Facts of one kind: assaults and fights are one kind (ASSAULT); a sanction or a
    coercion is its own kind (an arrest is not a curfew); other codes their CAMEO root."""
    root = draft.code[:2]
    if root in VIOLENT_ROOTS or draft.code.startswith("175"):
        return "ASSAULT"  # also violent repression (175): "opened fire to disperse"
    if root in ONE_FACT_PER_CODE:
        return draft.code[:3]
    return root


def through_act_noun(clause: Clause) -> bool:
    return any(t.pos_ in NOUN_POS for t in clause.chain[1:]) or (
        clause.action.token.dep_ in {"pcomp", "acl"} and clause.action.token.head.pos_ in
        NOUN_POS | {"ADP"})


POLITICAL_SECTORS = vocabulary.sector_group("political")


def political(arg: Arg | None) -> bool:
    return arg is not None and (arg.state or arg.sector in POLITICAL_SECTORS
                                or arg.country in {"IGO", "IMG"})


def is_state(arg: Arg) -> bool:
    return arg.state or arg.sector in STATE_SECTORS


def fits_agents(arg: Arg | None, agents: frozenset[str]) -> bool:
    if arg is None:
        return False
    return arg.kind in agents or arg.sector in agents


def each_other(token: Token) -> bool:
    for child in token.subtree:
        if child.lower_ in EACH_OTHER and any(c.lower_ in {"each", "one"} for c in child.lefts):
            return True
        if child.lower_ in {"each", "one"} and child.i + 1 < len(child.doc) and \
                child.nbor(1).lower_ in EACH_OTHER:
            return True
    return False


def other_of_pair(source: Arg | None, target: Arg | None, targets: list[Arg]
                   ) -> Arg | None:
    """'ties between the two countries' said by one of them points at the other."""
    if source is None or target is None:
        return target
    if source.country and target.country == source.country and len(targets) >= 2 \
            and target.inferred and target.state:
        others = [t for t in targets if t.country != source.country]
        return others[0] if others else None
    return target
