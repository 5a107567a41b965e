"""The means of violence: the weapon a clause says an attack was made with, whose it is,
and the CAMEO code it gives.

CAMEO keeps root 18 for unconventional violence (bombings by non-state actors, suicide
attacks, assassinations, killings) and root 19 for conventional military force, coded by
its means: small arms and light weapons (193), artillery and tanks (194), aerial weapons
(195). "A US drone killed three militants" is the United States employing aerial weapons,
not a killing by physical assault. The means and their codes are data (`means_codes`,
`means_recoded`, `assault_modes` in `grammar.yaml`; the sector group `conventional_force`
in `sectors.tsv`)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..tables import vocabulary
from ..tables.patterns import EventGrammar
from .arguments import Arg, ArgumentFinder
from .clauses import NOUN_POS, Clause

CONVENTIONAL_FORCE = vocabulary.sector_group("conventional_force")
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


@dataclass(frozen=True, slots=True)
class Means:
    """What the words say an act of violence was done with."""

    mode: str  # a PLOVER ASSAULT mode ("aerial", "drone", ...)
    code: str  # the CAMEO code of violence by that means
    token: Token  # the weapon word
    wielded: bool  # the weapon is the clause's doer ("a drone killed"), not its instrument


class MeansReader:
    def __init__(self, grammar: EventGrammar) -> None:
        self.grammar = grammar

    def means(self, clause: Clause) -> Means | None:
        """The first means of conventional force the clause's words tell: the weapon
        that acts (its subject, or the agent of a passive), then what the act was done
        with or by, then the event noun's own modifiers."""
        for token, wielded in self._weapon_words(clause):
            mode = self.mode_of(token)
            if mode is not None and mode in self.grammar.means_codes:
                return Means(mode, self.grammar.means_codes[mode], token, wielded)
        return None

    def mode_of(self, token: Token) -> str | None:
        """The assault mode a weapon word names; its modifier's first ("a suicide
        bomber" is a suicide attack, not an aircraft); none for "think tank"."""
        if token.pos_ not in NOUN_POS and token.dep_ not in MODIFIER_DEPS:
            return None
        modes = self.grammar.assault_modes
        mode = modes.get(token.lemma_.lower()) or modes.get(token.lower_)
        if mode is None:
            return None
        for child in token.lefts:
            if child.dep_ in MODIFIER_DEPS:
                own = modes.get(child.lemma_.lower()) or modes.get(child.lower_)
                if own is not None:
                    return own
        for child in token.lefts:  # "think tank", "water cannon": no weapon
            if f"{child.lower_} {token.lemma_.lower()}" in self.grammar.not_weapons:
                return None
        if token.dep_ in MODIFIER_DEPS and \
                f"{token.lower_} {token.head.lemma_.lower()}" in self.grammar.not_weapons:
            return None  # "air quality", "shell company"
        return mode

    def owner(self, clause: Clause, finder: ArgumentFinder) -> list[Arg]:
        """Whose the weapon that acts is: "a US drone", "Russia's missiles", "a US drone
        strike" (the owner of the weapon word inside the subject)."""
        for token, wielded in self._weapon_words(clause):
            if not wielded:
                break
            if self.mode_of(token) is None:
                continue
            owner = finder.owner(token)
            if owner:
                return owner
        return []

    def _weapon_words(self, clause: Clause):
        """(word, wielded) in the order they are read: the subject's head and its
        modifiers; the objects of the action's means prepositions; the action noun's own
        modifiers."""
        action = clause.action.token
        top = clause.top
        for head in (top, action):
            for child in head.children:
                if child.dep_ == "nsubj":
                    yield from ((w, True) for w in _phrase(child))
                    for by in child.children:  # "an attack by helicopter gunships killed"
                        if by.dep_ == "prep" and by.lower_ == "by":
                            for obj in by.children:
                                if obj.dep_ == "pobj":
                                    yield from ((w, True) for w in _phrase(obj))
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            yield from ((w, True) for w in _phrase(obj))
            if head.i == action.i:
                break
        preps = self.grammar.means_prepositions
        # "struck the sites with its warplanes", the parse often hangs "with" on the object
        objects = [c for c in action.children if c.dep_ == "dobj"]
        instruments = [*action.children, *(c for o in objects for c in o.children
                                           if c.lower_ == "with")]
        for child in instruments:
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        yield from ((w, False) for w in _phrase(obj))
            elif child.dep_ in {"advcl", "xcomp"} and child.lemma_.lower() in preps:
                for obj in child.children:  # "shelled the town using howitzers"
                    if obj.dep_ == "dobj":
                        yield from ((w, False) for w in _phrase(obj))
        if action.pos_ in NOUN_POS:
            for child in action.lefts:  # "a helicopter attack", "a tank assault"
                if child.dep_ in MODIFIER_DEPS:
                    yield child, False


def conventional_doers(sources: list[Arg], means: Means) -> bool:
    """Every doer is a state, its forces or an armed group; or, for a weapon that acts,
    the country its words name ("a US drone", "Israeli airstrikes": the state's). Not
    unidentified gunmen, and not an attacker the text leaves unnamed."""
    def conventional(source: Arg) -> bool:
        if source.kind == "unidentified":
            return False
        if source.state or source.sector in CONVENTIONAL_FORCE:
            return True
        return means.wielded and source.sector is None and source.kind is None \
            and source.country is not None and source.actor is None

    return bool(sources) and all(conventional(source) for source in sources)


def _phrase(head: Token) -> list[Token]:
    """A noun phrase's head, then its modifiers nearest first ("helicopter gunships":
    gunships, helicopter), with the conjuncts of the head ("tanks and helicopters")."""
    words = [head]
    for child in reversed(list(head.lefts)):
        if child.dep_ in MODIFIER_DEPS:
            words.append(child)
            words.extend(c for c in child.lefts if c.dep_ in MODIFIER_DEPS)
    for conj in head.children:
        if conj.dep_ == "conj":
            words.append(conj)
    return words
