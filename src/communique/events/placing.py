"""Placing the sides the text leaves unplaced, and the unnamed sides a sentence implies
(authorities who arrest, attackers who bomb, crowds who protest where they are)."""

from __future__ import annotations

from spacy.tokens import Span

from ..tables.lexicon import NONSTATE_COUNTRIES
from ..tables.patterns import EventGrammar
from .arguments import WATERS, Arg, ArgumentFinder, names_a_settlement
from .clauses import NOUN_POS, Clause
from .drafts import (
    DOMESTIC_SECTORS,
    DOMESTIC_STATE,
    LOCATIVE_PREPS,
    MISSIONS_ABROAD,
    PLACE_KINDS,
    PLACED_ROOTS,
    PROTEST_ROOT,
    STATE_SECTORS,
    VICTIM_ROOTS,
    VIOLENT_ROOTS,
    Draft,
    placed_by_own_words,
    relational,
)


class SidePlacer:
    """Gives unplaced sides the country where the sentence puts the event."""

    def __init__(self, grammar: EventGrammar) -> None:
        self.grammar = grammar

    # -- placing sides the text leaves unplaced ----------------------------------------
    def place_unplaced(self, code: str, clause: Clause, finder: ArgumentFinder,
                       sources: list[Arg], targets: list[Arg]) -> None:
        """Groups the text does not place by name ("rebels", "opposition leaders", "20
        people", "a judge") are of the country where the sentence puts the event: "agreed
        to postpone the demonstration in Baku", "killing 20 people in Juba". Failing a
        place, a domestic group acting with one state's government is of that state ("a
        judge opened investigations against Chilean officials"). Soldiers are placed so
        only when they are the victims or fight: troops are often abroad."""
        root = code[:2]
        doc = clause.action.token.doc
        for side in (*sources, *targets):
            token = doc[side.token]
            # "the town of Goma", or a name shelled, bombed or occupied ("shelled Kharkiv"):
            # a place, whatever the recogniser took it for
            if not side.country and (side.kind == "place" or (
                    side.kind == "person" and not side.sector and (
                        names_a_settlement(token) or (root == "19" and side in targets)))):
                country = None if WATERS.search(side.name) else (
                    finder.place_country(token) or (
                        finder.place_lookup(side.name) if finder.place_lookup else None))
                if country:
                    side.country, side.kind, side.sector = country, "place", None
        # a named person of no known country or role is not placed by where things happen
        unplaced = [a for a in targets if not a.country and a.kind not in PLACE_KINDS
                    and (a.kind != "person" or a.sector or relational(doc[a.token]))]
        unplaced += [a for a in sources if not a.country and a.kind not in PLACE_KINDS
                     and (a.kind != "person" or a.sector or relational(doc[a.token]))
                     and (a.sector != "MIL" or root in VIOLENT_ROOTS)]
        for side in list(unplaced):
            if relational(doc[side.token]):
                # "urging the counterpart to sign": the other state the sentence names
                other = finder.other_state(doc[side.token], {a.key for a in sources},
                                           others_of_subject=True)
                if other:
                    side.country, side.inferred = other[0].country, True
                    unplaced.remove(side)
                continue
            own = placed_by_own_words(doc[side.token], finder)
            if own:
                side.country, side.inferred = own[0].country, True
                unplaced.remove(side)
        if not unplaced:
            return
        action = clause.action
        tokens = [action.token, *clause.chain]
        if action.object is not None:
            tokens.append(action.object)
        tokens.extend(c for c in action.token.children if c.dep_ in {"dobj", "nsubj"})
        country = None
        if root not in PLACED_ROOTS:
            # talks, agreements, appeals: where they are held says nothing of the sides
            # ("signed a ceasefire in Doha"); only what they are about may place them
            tokens = [t for t in tokens if t.i != action.token.i and t not in clause.chain]
        if root in VICTIM_ROOTS and action.token.dep_ == "advcl":
            # "a camp for Congolese refugees was attacked ..., killing 156 people": the
            # dead are of those attacked
            attacked = [c for c in action.token.head.children
                        if c.dep_ in {"nsubjpass", "dobj"}]
            for word in attacked:
                found = [a for a in finder.args(word) or finder.inside(word) if a.country]
                found = found or placed_by_own_words(word, finder) or [
                    a for a in finder.located([word], frozenset({"of"}), places_only=True)]
                named = found[0].country if found else finder.place_country(word)
                if named and named not in NONSTATE_COUNTRIES:  # "shelled Kharkiv, killing"
                    country = named
                    break
        if country is None:
            located = finder.located(tokens, LOCATIVE_PREPS, places_only=True)
            country = located[0].country if located else None
        if country is None and root in VICTIM_ROOTS:
            # "rebels seized the town of Goma": where it happened is the place attacked
            attacked_places = {t.country for t in targets if t.kind == "place" and t.country}
            if len(attacked_places) == 1:
                country = attacked_places.pop()
        placed_sides = [a for a in (*sources, *targets) if a.country]
        if country is None and root in VICTIM_ROOTS:
            # "Egyptian police opened fire on demonstrators", "Burmese troops captured a
            # Karen guerrilla stronghold": at home, when nothing places it elsewhere
            own = {a.country for a in sources if a.country and a.sector in STATE_SECTORS}
            if len(own) == 1:
                country = own.pop()
        if country is None:
            # the one country the sentence places anything in, but not where those who
            # report it are ("relief officials in Nairobi said")
            named = self.sentence_countries(action.token.sent, finder)
            if len(named) == 1 and (root in VICTIM_ROOTS or not placed_sides) \
                    and root in PLACED_ROOTS:
                country = named.pop()
            elif not named or named <= {a.country for a in placed_sides}:
                # domestic politics: rebels, opposition, courts and a government of one
                # country dealing with each other ("Rebels in the Ivory Coast dismissed an
                # appeal from President X"); soldiers are often abroad, so they place no one
                states = {a.country for a in placed_sides
                          if (a.sector in DOMESTIC_STATE or (a.state and not a.sector))
                          and a.country and a.country not in NONSTATE_COUNTRIES}
                if not states:
                    states = {a.country for a in placed_sides
                              if a.sector in DOMESTIC_SECTORS and a.sector != "MIL"
                              and a.country and a.country not in NONSTATE_COUNTRIES}
                    unplaced = [a for a in unplaced if a.sector in DOMESTIC_STATE]
                else:  # officials of unknown country dealing with a government are
                    # as often foreign as not: only the groups of its own politics
                    unplaced = [a for a in unplaced if a.sector in DOMESTIC_SECTORS
                                and a.sector not in {"GOV", "MIL"}]
                if len(states) == 1:
                    country = states.pop()
        if country is None or country in NONSTATE_COUNTRIES:
            return
        for side in unplaced:
            side.country, side.inferred = country, True

    def sentence_countries(self, sent: Span, finder: ArgumentFinder) -> set[str]:
        """The countries a sentence places things in ("in Tel Aviv", "near Samarra"),
        leaving out where its reporters are."""
        reporters = {t.i for verb in sent if verb.lemma_.lower() in self.grammar.speech_verbs
                     for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}
                     for t in child.subtree}
        return {a.country for token in sent if token.i not in reporters
                for a in finder.located([token], LOCATIVE_PREPS, places_only=True)
                if a.country}

    def unnamed_authorities(self, clause: Clause, finder: ArgumentFinder,
                            passive_targets: list[Arg]) -> list[Arg]:
        """An arrest, an indictment or a ban in the passive with no one named ("a US
        national was put under investigation in Italy", "the former president was
        indicted") is the act of the authorities of the country where it happened or,
        failing a place, of the country of the one it falls on."""
        action = clause.action.token
        located = finder.located([action, *clause.chain], LOCATIVE_PREPS, places_only=True)
        country = located[0].country if located else None
        if country is None:
            countries = {a.country for a in passive_targets if a.country and a.kind != "place"}
            country = countries.pop() if len(countries) == 1 else None
        if country is None or country in NONSTATE_COUNTRIES:
            return []
        return [Arg(None, "authorities", country, None, None, action.idx, action.idx,
                    action.i, inferred=True, kind="unidentified")]

    def unnamed_protesters(self, clause: Clause, finder: ArgumentFinder) -> list[Arg]:
        """'Thousands rallied in Tel Aviv', 'hundreds marched through Dhaka': people the
        text counts but does not name protest where they are, as civilians of that
        country (PLOVER codes such protests so)."""
        action = clause.action.token
        subject = next((c for c in action.children if c.dep_ == "nsubj"), None)
        # (words for people, such as "crowd" or "protesters", are the actors stage's
        # mentions and come as sources already)
        if subject is None or finder.mention_at[subject.i] >= 0 or not (
                subject.like_num or subject.lemma_.lower() in finder.quantity_heads):
            return []
        located = finder.located([action, *clause.chain], LOCATIVE_PREPS, places_only=True)
        if not located or located[0].country in NONSTATE_COUNTRIES:
            return []
        span = action.doc[subject.left_edge.i:subject.right_edge.i + 1]
        return [Arg(None, span.text, located[0].country, "CVL", None, span.start_char,
                    span.end_char, subject.i, inferred=True, kind="group")]

    def unnamed_attacker(self, clause: Clause, finder: ArgumentFinder) -> list[Arg]:
        """Violence whose perpetrator the text does not name ("a roadside bomb near
        Samarra killed a US soldier", "was killed in a car bomb in Beirut") is coded, as
        the PLOVER and ICEWS coders do, to an unidentified actor of the country where it
        happened. The side keeps the words that stand for the perpetrator, is marked
        inferred, and stays unknown when the text gives no place."""
        action = clause.action.token
        # "a car bomb exploded in Kandahar, killing four policemen": the clause it hangs on
        verbs = [action, *([action.head] if action.dep_ in {"advcl", "conj"} else [])]
        means = next((c for verb in verbs for c in verb.children if c.dep_ == "nsubj"
                      and c.pos_ in NOUN_POS), None)
        if means is None:
            for agent in (c for c in action.children if c.dep_ == "agent"):
                means = next((o for o in agent.children if o.dep_ == "pobj"), None)
        if means is not None and finder.mention_at[means.i] >= 0:
            return []
        # only violence: "an earthquake killed 300 people in Turkey" has no attacker
        violent = self.grammar.violent_means
        words = [w for v in verbs for w in v.subtree if abs(w.i - v.i) <= 8]
        words += list(means.subtree) if means is not None else []
        if not any(w.lemma_.lower() in violent or w.lower_ in violent for w in words):
            return []
        tokens = [*verbs, *clause.chain, *([means] if means is not None else [])]
        located = finder.located(tokens, LOCATIVE_PREPS | {"outside", "from"}, places_only=True)
        if not located or located[0].country in NONSTATE_COUNTRIES:
            return []
        if means is not None:
            span = action.doc[means.left_edge.i:means.i + 1]
            name, start, end, head = span.text, span.start_char, span.end_char, means.i
        else:
            name, start, end, head = "unidentified attackers", action.idx, action.idx, action.i
        return [Arg(None, name, located[0].country, None, None, start, end, head,
                    inferred=True, kind="unidentified")]


def place_protesters(draft: Draft) -> None:
    """Protesters the text does not place, against one country's government or people,
    protest where they are: in that country. Not against a country's mission abroad
    ('outside the US embassy')."""
    source, target = draft.source, draft.target
    if draft.code[:2] != PROTEST_ROOT or source is None or source.country or target is None:
        return
    if not target.country or len(target.country) != 3 or target.country in NONSTATE_COUNTRIES:
        return
    if MISSIONS_ABROAD.search(target.name):
        return
    source.country, source.inferred = target.country, True
    draft.confidence = max(0.05, draft.confidence - 0.1)  # an inferred side, as elsewhere
    draft.shaped_by("protesters-where-their-target-is")
