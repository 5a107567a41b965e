"""Choosing the targets of an event: where the action points, whom a frame asks or
threatens, and what falls on whom when the text names no one."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..tables.lexicon import NONSTATE_COUNTRIES
from ..tables.patterns import EventGrammar
from .arguments import Arg, ArgumentFinder
from .clauses import NOUN_POS, Clause
from .drafts import (
    AGENT_ROOTS,
    DOMESTIC_ROOTS,
    LOCATED_ROOTS,
    LOCATIVE_PREPS,
    PROTEST_ROOT,
    THING_PREPS,
    THING_ROOTS,
    VICTIM_ROOTS,
    agent_first,
    first_prep,
    is_state,
    placed_by_own_words,
)
from .triggers import Trigger, infinitive_tagged_noun, object_candidates


class TargetChooser:
    """Finds the target sides of a clause's action."""

    def __init__(self, grammar: EventGrammar) -> None:
        self.grammar = grammar

    # -- targets -------------------------------------------------------------------------
    def targets(self, action: Trigger, clause: Clause, finder: ArgumentFinder,
                sources: list[Arg]) -> list[Arg]:
        """Where the action points. A matched object is the target when the pattern says
        so ("expelled inspectors"); otherwise it is what is acted with ("signed an
        agreement", "offered troops") and the target is after a preposition ("to
        Lebanon"), inside the object ("Haiti's efforts", "ties between the two
        countries") or the one behind a proposal ("a demand from the US")."""
        pattern = action.pattern
        if pattern.target == "none":
            return []
        token = action.token
        preps = pattern.preps if pattern.preps is not None else self.grammar.target_preps
        matched = action.object
        if token.pos_ in NOUN_POS and not infinitive_tagged_noun(token):
            found = finder.prepositional(token, preps)
            if not found:  # "the normalisation of relations with Vietnam"
                for of in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
                    for obj in (o for o in of.children if o.dep_ == "pobj"):
                        found = found or finder.prepositional(obj, preps)
            if not found and clause.lights:
                found = finder.prepositional(clause.lights[-1].token, preps)
            if not found and (clause.lights or clause.frames):
                found = finder.owner(token)
                if found and {a.key for a in found} == {a.key for a in sources}:
                    found = []
            if not found:
                for modifier in token.lefts:  # "the APEC summit"
                    if modifier.dep_ in {"compound", "nmod"} and finder.mention_at[modifier.i] >= 0:
                        found = finder.args(modifier, with_conjuncts=False)
                        if found:
                            break
            return found
        if matched is not None and finder.mention_at[matched.i] >= 0 and \
                pattern.object_target is not False and not (
                pattern.code[:2] in THING_ROOTS or pattern.code.startswith("087")):
            # an actor as the object is the one acted on: "banned the opposition party";
            # but the source's own ("withdrew its peacekeepers from Mali") are moved, and
            # the place they are moved from is acted on
            found = finder.args(matched)
            own = {a.country for a in sources if a.country}
            if found and own and pattern.preps and all(a.country in own for a in found):
                elsewhere = finder.prepositional(token, pattern.preps, {matched.i})
                if elsewhere:
                    return elsewhere
            if found:
                return found
        if matched is not None and (pattern.object_target or pattern.object_actor):
            if pattern.preps is not None:  # "withdrew inspectors from Iraq": Iraq
                found = finder.prepositional(token, pattern.preps, {matched.i})
                for part in (matched, *(c for c in matched.children if c.dep_ == "conj")):
                    found = found or finder.prepositional(part, pattern.preps)
                if found:
                    return found
            # "invited Olmert, Abbas and King Abdullah": each of them
            found = finder.args(matched) if finder.mention_at[matched.i] >= 0 else \
                finder.inside(matched)
            if found:
                return found
        if pattern.target == "object":
            # the direct object, or what a quantity counts ("kidnapped up to 16 advisers")
            objects = [c for c in token.children if c.dep_ in {"dative", "iobj"}]
            objects += object_candidates(token, pattern.phrase.particle, action.words,
                                         self.grammar.quantity_heads, direct_only=True)
            objects += [s for c in token.children if c.dep_ in {"ccomp", "xcomp"}
                        for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]  # "let X go"
            for child in objects:
                if matched is None or child.i != matched.i:
                    found = finder.args(child)
                    if found:
                        return found
        found = finder.prepositional(token, preps, {matched.i} if matched is not None else None)
        if matched is not None and pattern.objects and pattern.code[:2] not in AGENT_ROOTS:
            # "expressed regrets to Congo for ...": the object's own preposition, when it
            # ranks first
            on_object = finder.prepositional(matched, preps)
            if on_object and (not found or first_prep(matched, preps) < first_prep(
                    token, preps)):
                return on_object
        if found:
            return found
        if matched is not None:
            found = finder.inside(matched, ("by",)) if pattern.code[:2] in AGENT_ROOTS else []
            found = found or self.behind(matched, finder) or finder.prepositional(matched, preps)
            if found:
                return found
            if not pattern.object_target and finder.mention_at[matched.i] < 0:
                found = finder.inside(matched, agent_first(pattern.code, THING_PREPS))
                if found:
                    return found
        elif pattern.target == "object":
            for child in token.children:
                if child.dep_ == "dobj":
                    return finder.inside(child, agent_first(
                        pattern.code, ("of", "between", "with", "to", "for")))
        if pattern.code[:2] in THING_ROOTS:
            # "agreed to lend Egypt $3 billion": the one given to, as an indirect object
            for given in token.children:
                if given.dep_ == "dative" and given.pos_ in NOUN_POS:
                    found = finder.args(given)
                    if found:
                        return found
            # "rice to families displaced by the floods in Bangladesh": those it goes to,
            # placed by their own words, when the words name no actor
            for prep in (*token.children, *(matched.children if matched is not None else ())):
                if prep.dep_ == "prep" and prep.lower_ in {"to", "for", "of"}:
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and finder.mention_at[obj.i] < 0:
                            found = placed_by_own_words(obj, finder)
                            if found:
                                return found
        return []

    def default_target(self, code: str, clause: Clause, finder: ArgumentFinder,
                       sources: list[Arg], frame: str | None = None) -> list[Arg]:
        """Where the text names no target: a protest is against the protesters' own
        government (PLOVER codes it so); a curfew, a deployment, an aid cut, an attack
        falls on the country where it happens ("lifted a curfew in Montenegro")."""
        root = code[:2]
        tokens = [clause.action.token, *clause.chain]
        if clause.action.object is not None:
            tokens.append(clause.action.object)
        tokens.extend(c for c in clause.action.token.children if c.dep_ == "dobj")
        for token in list(tokens):
            for child in token.children:
                if child.dep_ == "xcomp":
                    tokens.append(child)
                    tokens.extend(c for c in child.children if c.dep_ == "dobj")
        if root == PROTEST_ROOT:
            against = self.protested(clause.action.token.sent, finder)
            if against:
                return against
            if sources and all(is_state(a) for a in sources):
                return []  # a state's protest is a diplomatic one, aimed at someone else
        if root in VICTIM_ROOTS:
            # "airstrikes on militant targets in northern Iraq": where what was hit is
            for token in list(tokens):
                tokens.extend(o for p in token.children if p.dep_ == "prep"
                              and p.lower_ in {"on", "against", "at"}
                              for o in p.children if o.dep_ == "pobj")
        if root in LOCATED_ROOTS or root == "13":
            # a posture "on" or "along" a border is aimed at the neighbour across it
            preps = LOCATIVE_PREPS | {"on", "along", "to", "towards", "toward"} \
                if root == "15" else LOCATIVE_PREPS
            located = [a for a in finder.located(tokens, preps)
                       if all(a.country != s.country for s in sources)]
            if located:
                return located
        if root in DOMESTIC_ROOTS and clause.action.pattern.plover not in {"RETREAT"} \
                and frame in {None, "intent"}:
            # a concession or curfew done (or promised) falls on the country; one refused
            # or asked for ("rebuffed calls for a ceasefire") on whoever asked
            countries = {a.country for a in sources if a.country and len(a.country) == 3
                         and a.country not in NONSTATE_COUNTRIES}
            if len(countries) == 1:
                country = countries.pop()
                return [Arg(None, country, country, None, None, sources[0].start,
                            sources[0].end, sources[0].token, inferred=True, state=True,
                            kind="country")]
        return []

    @staticmethod
    def protested(sent: Span, finder: ArgumentFinder) -> list[Arg]:
        """'... in protest of/against X': what a protest is against."""
        for token in sent:
            if token.lemma_.lower() != "protest" or token.dep_ != "pobj":
                continue
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "against", "at", "over"}:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            found = finder.args(obj) or finder.owner(obj)
                            if found:
                                return found
        return []

    def behind(self, noun: Token, finder: ArgumentFinder) -> list[Arg]:
        """Who is behind a proposal, demand or invitation named as an object: 'accepted
        demands from UNITA', 'rejected an Indian proposal'."""
        nouns = self.grammar.nouns
        for key in (noun.lemma_.lower(), noun.lower_):
            for pattern in nouns.get(key, ()):
                if pattern.frame or pattern.transparent:
                    return finder.owner(noun)
        return []

    def asked(self, clause: Clause, finder: ArgumentFinder, sources: list[Arg]) -> list[Arg]:
        """Whom a demand or appeal is made of: the subject of the demanded act ('demanded
        that the US cancel'), or the owner of a demanded act ('demanded the withdrawal of
        Serbian forces')."""
        action = clause.action.token
        if action.pos_ in NOUN_POS and not any(c.dep_ == "nsubj" for c in action.children):
            agent = finder.prepositional(action, ("of",))  # "the withdrawal of Serbian forces"
            if agent and {a.key for a in agent} != {a.key for a in sources}:
                return agent
            owner = finder.owner(action)
            if owner and {a.key for a in owner} != {a.key for a in sources}:
                return owner
            return []
        for child in action.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                found = finder.args(child)
                if found and {a.key for a in found} != {a.key for a in sources}:
                    return found
        return []

    def conditioned(self, clause: Clause, finder: ArgumentFinder,
                    sources: list[Arg]) -> list[Arg]:
        """Whom a threat is aimed at: whoever's act its condition names ("threatened to
        ban voting if Hamas ran", "will withdraw unless Serbia complies")."""
        marks = self.grammar.conditional_marks
        tokens = [*clause.chain, *(c for t in clause.chain for c in t.children
                                   if c.dep_ == "xcomp")]
        for token in tokens:
            for child in token.children:
                if child.dep_ != "advcl" or not any(
                        m.dep_ == "mark" and m.lower_ in marks for m in child.children):
                    continue
                for subject in child.children:
                    if subject.dep_ in {"nsubj", "nsubjpass"}:
                        found = [a for a in finder.args(subject) if a.country
                                 and all(a.key != s.key for s in sources)]
                        if found:
                            return found
        return []

    @staticmethod
    def addressed(clause: Clause, finder: ArgumentFinder) -> list[Arg]:
        """The direct object of a frame verb that asks or invites someone to act."""
        for trigger in clause.frames:
            if trigger.pattern is None or trigger.pattern.target != "object":
                continue
            for child in trigger.token.children:
                if child.dep_ in {"dobj", "dative"} and child.i not in {
                        t.i for t in clause.chain}:
                    found = finder.args(child)
                    if found:
                        return found
            if trigger.pattern.phrase.particle in {"on", "upon", "to"}:
                found = finder.prepositional(trigger.token, (trigger.pattern.phrase.particle,))
                if found:
                    return found
        return []

    def frame_targets(self, clause: Clause, finder: ArgumentFinder) -> list[Arg]:
        """For a frame with no action of its own ('threatened to deliver blows to the US',
        'demanded that the Turkish government provide'): the one its complement names."""
        token = clause.action.token
        frames = [t.token for t in clause.frames] or [token]
        for frame in reversed(frames):
            for child in frame.children:
                if child.dep_ == "ccomp":
                    for sub in child.children:
                        if sub.dep_ in {"nsubj", "nsubjpass"}:
                            found = finder.args(sub)
                            if found:
                                return found
                if child.dep_ in {"dobj", "dative"}:
                    found = finder.args(child) or self.behind(child, finder)
                    if found:
                        return found  # "rejected calls by Kofi Annan": Annan
                    if clause.frame in {"demand", "appeal"} or (
                            clause.action.pattern.frame in {"demand", "appeal"}):
                        # "demanded support from the assembly", "autonomy from Belgrade"
                        found = finder.prepositional(child, ("from",))
                        if found:
                            return found
            found = finder.prepositional(frame, ("on", "upon", "to", "with", "against", "from"))
            if found:
                return found
            for child in frame.children:
                if child.dep_ == "xcomp" and child.i > frame.i:
                    found = finder.prepositional(child, self.grammar.target_preps)
                    for obj in child.children:
                        if not found and obj.dep_ == "dobj":
                            found = finder.args(obj) or self.behind(obj, finder)
                            if not found:
                                for prep in obj.children:
                                    if prep.dep_ == "prep" and prep.lower_ == "from":
                                        found = finder.prepositional(obj, ("from",))
                    if not found:
                        for prep in child.children:
                            if prep.dep_ == "prep":
                                for obj in prep.children:
                                    if obj.dep_ == "pobj":
                                        # "refused to commit to assistance to the US-led
                                        # war": whoever the thing is for
                                        found = self.behind(obj, finder) or finder.inside(
                                            obj, THING_PREPS)
                                        if found:
                                            break
                    if found:
                        return found
        return []
