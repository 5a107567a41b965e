"""Coding the events of a Doc: triggers, frames, arguments, modality, one event per fact."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from ..tables import Knowledge
from .arguments import Arg, ArgumentFinder
from .clauses import FRAME_DEFAULT, NOUN_POS, Clause, ClauseReader
from .triggers import Trigger, TriggerMatcher, object_candidates

MAX_SIDES = 4  # at most this many sources (or targets) are paired up in one event
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
EACH_OTHER = frozenset({"other", "another"})


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
        }


class EventCoder:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.grammar = knowledge.grammar
        self.cameo = knowledge.cameo
        self.matcher = TriggerMatcher(knowledge.grammar)
        self.reader = ClauseReader(knowledge.grammar)
        self.hedges = knowledge.grammar.hedges

    def __call__(self, doc: Doc) -> list[dict]:
        finder = ArgumentFinder(doc)
        drafts: list[Draft] = []
        for number, sent in enumerate(doc.sents):
            drafts.extend(self.code_sentence(sent, number, finder))
        infer_counterparts(drafts, doc)
        return [draft.to_plain() for draft in drafts]

    # -- one sentence --------------------------------------------------------------------
    def code_sentence(self, sent: Span, number: int, finder: ArgumentFinder) -> list[Draft]:
        if self.reader.is_question(sent):
            return []
        triggers = self.matcher.match_sentence(sent, set(), finder.actor_tokens)
        if not triggers:
            return []
        hedged = any(t.lower_ in self.hedges for t in sent)
        used: set[int] = set()
        drafts: list[Draft] = []
        for index in sorted(triggers):
            trigger = triggers[index]
            if not trigger.is_action:
                continue
            clause = self.reader.climb(trigger, triggers)
            for framing in clause.frames + clause.transparents + clause.lights:
                used.add(framing.token.i)
            if clause.hypothetical:
                continue
            pattern = trigger.pattern
            carried = clause.frames or clause.lights or clause.transparents
            if pattern.pos == "noun" and not carried and not (
                    pattern.standalone and self._stands_alone(trigger, triggers, finder)):
                continue
            drafts.extend(self.realise(clause, number, finder, hedged))
        for index in sorted(triggers):
            trigger = triggers[index]
            if index in used or trigger.pattern is None or trigger.light:
                continue
            if trigger.frame and not trigger.pattern.transparent:
                clause = self.reader.climb(trigger, triggers)
                if clause.hypothetical:
                    continue
                drafts.extend(self.realise(clause, number, finder, hedged, generic=True))
        return one_per_fact(drafts)

    @staticmethod
    def _stands_alone(trigger: Trigger, triggers: dict[int, Trigger],
                      finder: ArgumentFinder) -> bool:
        """An event noun in the object of another action ("attend the APEC summit") is
        that action's object; it is an event of its own only when someone owns it
        ("condemned Israel's airstrikes")."""
        token = trigger.token
        governor = token.head
        if token.dep_ == "pobj":
            governor = token.head.head
        if governor.i == token.i or governor.i not in triggers \
                or token.dep_ not in {"dobj", "pobj", "nsubjpass", "attr"}:
            return True
        if any(c.dep_ == "poss" for c in token.children):
            return True
        if trigger.pattern.code.startswith("04"):
            return False
        return bool(finder.owner(token))

    # -- from a clause to events ---------------------------------------------------------
    def realise(self, clause: Clause, number: int, finder: ArgumentFinder, hedged: bool,
                generic: bool = False) -> list[Draft]:
        action = clause.action
        pattern = action.pattern
        reader = self.reader
        sources, passive_targets = reader.subject(clause.top, finder)
        if not sources:
            for transparent in clause.transparents:
                sources = finder.owner(transparent.token)
                if sources:
                    break
        frame = None if generic else clause.frame
        speaker_verb = clause.demand_by_speaker
        targets: list[Arg] = []
        if speaker_verb is not None and frame == "demand" and not any(
                t.frame == "demand" for t in clause.frames):
            # the report's subject is the one the demand is made of
            targets = sources
            sources, _ = reader.subject(speaker_verb, finder)
        if not targets and frame is not None:
            # "invited Fidan to visit Athens", "urged Ankara to withdraw": the one asked
            targets = self.addressed(clause, finder)
        if not targets:
            targets = passive_targets or self.targets(action, clause, finder, sources)
        if (not targets and frame in {"appeal", "demand"}) or (generic and not targets):
            targets = self.frame_targets(clause, finder)
        if not targets:
            for transparent in clause.transparents:
                proposer = finder.owner(transparent.token)
                if proposer and {a.key for a in proposer} != {a.key for a in sources}:
                    targets = proposer
                    break
        each_other = _each_other(action.token)
        reciprocal = pattern.reciprocal or each_other
        code = pattern.code
        if pattern.joint and len({a.country for a in sources if a.country}) >= 2:
            code = pattern.joint
        if pattern.if_state and sources and all(_is_state(a) for a in sources):
            code = pattern.if_state
        framed = False
        if frame is not None and not generic:
            framed_code = self.grammar.frame_code(frame, code)
            if framed_code is None:
                trigger = clause.frame_trigger
                framed_code = trigger.pattern.code if trigger and trigger.pattern else \
                    FRAME_DEFAULT.get(frame)
            if framed_code and framed_code != code:
                code, framed = framed_code, True
        confidence = 0.9 if pattern.pos == "verb" else 0.75
        if pattern.pos == "noun" and not (clause.lights or clause.frames):
            confidence -= 0.1
        if hedged:
            confidence -= 0.1
        if generic:
            confidence -= 0.1
        plover = None if framed else pattern.plover
        mode = None if framed else pattern.mode
        snippet = self.snippet(clause, action)
        tokens = sorted({t.i for t in clause.chain} | set(action.words))
        drafts: list[Draft] = []
        sources = sources[:MAX_SIDES]
        targets = [t for t in targets if all(t.key != s.key for s in sources)][:MAX_SIDES] \
            if targets else []
        if not targets and reciprocal and len(sources) >= 2:
            for left, right in list(combinations(sources, 2))[:6]:
                drafts.append(self._draft(number, code, action, left, right, clause, confidence,
                                          True, plover, mode, snippet, framed, tokens))
            return drafts
        pairs: list[tuple[Arg | None, Arg | None]] = []
        for source in sources or [None]:
            for target in targets or [None]:
                target = _other_of_pair(source, target, targets)
                if source is None and target is None:
                    continue
                if source is not None and target is not None and source.key == target.key:
                    target = None
                pairs.append((source, target))
        seen: set[tuple] = set()
        for source, target in pairs:
            key = (source.key if source else None, target.key if target else None)
            if key in seen:
                continue
            seen.add(key)
            score = confidence
            if source is None or target is None:
                score -= 0.1
            if (source and source.inferred) or (target and target.inferred):
                score -= 0.1
            drafts.append(self._draft(number, code, action, source, target, clause, score,
                                      reciprocal and target is not None, plover, mode,
                                      snippet, framed, tokens))
        return drafts

    def _draft(self, number, code, action: Trigger, source, target, clause: Clause, confidence,
               reciprocal, plover, mode, snippet, framed, tokens) -> Draft:
        return Draft(number, code, action.token, source, target, clause.negated,
                     max(0.05, min(1.0, confidence)), reciprocal, plover, mode,
                     action.pattern.specificity, snippet, clause.top.i, framed, tokens)

    def targets(self, action: Trigger, clause: Clause, finder: ArgumentFinder,
                sources: list[Arg]) -> list[Arg]:
        """Where the action points: its object or the objects of its prepositions."""
        pattern = action.pattern
        if pattern.target == "none":
            return []
        token = action.token
        preps = pattern.preps if pattern.preps is not None else self.grammar.target_preps
        skip = {action.object.i} if action.object is not None else set()
        found: list[Arg] = []
        if token.pos_ in NOUN_POS:
            found = finder.prepositional(token, preps)
            if not found:
                carrier = clause.lights[-1].token if clause.lights else None
                if carrier is not None:
                    found = finder.prepositional(carrier, preps)
            if not found and (clause.lights or clause.frames):
                found = finder.owner(token)
                if found and {a.key for a in found} == {a.key for a in sources}:
                    found = []
            return found
        if pattern.target == "object":
            for child in token.children:
                if child.dep_ in {"dobj", "dative", "iobj"} and child.i not in skip:
                    found = finder.inside(child)
                    if found:
                        break
            if not found and action.object is not None and action.object.dep_ == "dobj":
                found = finder.inside(action.object, ("of", "between", "with", "to", "for"))
        if not found:
            found = finder.prepositional(token, preps, skip)
        if not found and action.object is not None:
            found = finder.prepositional(action.object, preps)
        return found

    @staticmethod
    def addressed(clause: Clause, finder: ArgumentFinder) -> list[Arg]:
        """The direct object of a frame verb that asks or invites someone to act."""
        for trigger in clause.frames:
            if trigger.pattern is None or trigger.pattern.target != "object":
                continue
            for child in trigger.token.children:
                if child.dep_ in {"dobj", "dative"} and child.i not in clause.chain:
                    found = finder.args(child)
                    if found:
                        return found
            if trigger.pattern.phrase.particle in {"on", "upon", "to"}:
                found = finder.prepositional(trigger.token, (trigger.pattern.phrase.particle,))
                if found:
                    return found
        return []

    def frame_targets(self, clause: Clause, finder: ArgumentFinder) -> list[Arg]:
        """'urged Y to', 'called on Y to', 'demanded that Y', 'refused a demand from Y'."""
        for trigger in reversed(clause.frames):
            token = trigger.token
            for child in token.children:
                if child.dep_ in {"dobj", "dative"}:
                    found = finder.args(child)
                    if found:
                        return found
                if child.dep_ == "ccomp":
                    for sub in child.children:
                        if sub.dep_ in {"nsubj", "nsubjpass"}:
                            found = finder.args(sub)
                            if found:
                                return found
            found = finder.prepositional(token, ("on", "upon", "to", "with", "from"))
            if found:
                return found
        token = clause.action.token
        for child in token.children:
            if child.dep_ in {"dobj", "ccomp"}:
                for sub in child.subtree:
                    if sub.dep_ == "prep" and sub.lower_ == "from":
                        for obj in sub.children:
                            if obj.dep_ == "pobj":
                                found = finder.args(obj)
                                if found:
                                    return found
            if child.dep_ == "prep":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = finder.args(obj) or finder.owner(obj)
                        if found:
                            return found
                        for sub in obj.children:
                            if sub.dep_ == "prep" and sub.lower_ == "from":
                                for o in sub.children:
                                    found = finder.args(o)
                                    if found:
                                        return found
        return []

    @staticmethod
    def snippet(clause: Clause, action: Trigger) -> str:
        doc = action.token.doc
        keep = {t.i for t in clause.chain}
        keep.update(action.words)
        obj = action.object
        if obj is None:
            objects = object_candidates(action.token)
            obj = objects[0] if objects and objects[0].i > action.token.i else None
        if obj is not None and abs(obj.i - action.token.i) <= 8:
            keep.add(obj.i)
            keep.update(c.i for c in obj.lefts if c.dep_ in {"compound"})
        if action.token.pos_ in NOUN_POS:
            keep.update(c.i for c in action.token.lefts if c.dep_ in {"compound", "amod"}
                        and c.i >= action.token.i - 3)
        for token in list(keep):
            for child in doc[token].children:
                if child.dep_ in {"prt", "neg"}:
                    keep.add(child.i)
        ordered = sorted(i for i in keep if 0 <= i < len(doc))
        ordered = [i for i in ordered if i >= clause.top.i - 3 or i == action.token.i] or ordered
        parts: list[str] = []
        previous = None
        for i in ordered:
            if previous is not None and i != previous + 1:
                gap = doc[previous + 1:i]
                if len(gap) <= 2 and all(t.is_punct or t.pos_ in {"DET", "PART", "ADP"}
                                         for t in gap):
                    parts.append(gap.text)
                else:
                    parts.append("...")
            parts.append(doc[i].text)
            previous = i
        return " ".join(parts).replace(" ,", ",")


# Events whose other side goes without saying in a story about two countries: a call for
# closer ties, an offer, praise. Material conflict names its target, or has none.
COUNTERPART_ROOTS = frozenset({"02", "03", "04", "05", "06", "07", "08", "10", "12", "13"})
DYAD_SHARE = 0.6  # the two leading countries' share of country-coded mentions


def article_dyad(doc: Doc) -> tuple[str, str] | None:
    """The two countries a story is about, when two clearly lead it."""
    counts: dict[str, int] = {}
    for actor in doc._.communique_actors or []:
        country = actor.get("country")
        if country and len(country) == 3 and country not in {"IGO", "NGO", "IMG", "MNC"}:
            counts[country] = counts.get(country, 0) + len(actor["mentions"])
    if len(counts) < 2:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    total = sum(counts.values())
    (first, a), (second, b) = ranked[:2]
    if (a + b) / total < DYAD_SHARE or (len(ranked) > 2 and ranked[2][1] == b):
        return None
    return first, second


def infer_counterparts(drafts: list[Draft], doc: Doc) -> None:
    """'The Chinese leader called for closer exchanges' in a China-Russia story is
    addressed to Russia: fill a missing target with the other side of the story's dyad,
    at lower confidence."""
    dyad = article_dyad(doc)
    if dyad is None:
        return
    actors = doc._.communique_actors or []
    for draft in drafts:
        if draft.target is not None or draft.source is None or draft.reciprocal:
            continue
        if draft.code[:2] not in COUNTERPART_ROOTS or draft.source.country not in dyad:
            continue
        other = dyad[1] if draft.source.country == dyad[0] else dyad[0]
        candidates = [a for a in actors if a.get("country") == other]
        if not candidates:
            continue
        best = max(candidates, key=lambda a: (a["sector"] == "GOV", len(a["mentions"])))
        first = best["mentions"][0]
        draft.target = Arg(best["id"], best["name"], best["country"], best["sector"],
                           best.get("org"), first["start"], first["end"], -1, inferred=True)
        draft.confidence = max(0.05, draft.confidence - 0.2)


def one_per_fact(drafts: list[Draft]) -> list[Draft]:
    """A sentence yields one event per fact: the same actors and root coded once, the most
    specific reading kept, and a reading without a target absorbed by one with it."""
    def root(code: str) -> str:
        return code[:2]

    best: dict[tuple, Draft] = {}
    order: list[tuple] = []
    for draft in drafts:
        key = (draft.source.key if draft.source else None,
               draft.target.key if draft.target else None, root(draft.code), draft.negated)
        if draft.reciprocal and draft.source and draft.target:
            key = (frozenset({draft.source.key, draft.target.key}), None, root(draft.code),
                   draft.negated)
        current = best.get(key)
        if current is None:
            best[key] = draft
            order.append(key)
        elif _better(draft, current):
            best[key] = draft
    kept = [best[k] for k in order]
    result: list[Draft] = []
    for draft in kept:
        absorbed = False
        for other in kept:
            if other is draft or root(other.code) != root(draft.code) \
                    or other.negated != draft.negated:
                continue
            same_source = (draft.source.key if draft.source else None) == (
                other.source.key if other.source else None)
            if same_source and draft.target is None and other.target is not None:
                absorbed = True
                if _better(draft, other):
                    other.code, other.trigger, other.specificity = \
                        draft.code, draft.trigger, draft.specificity
                    other.mode, other.plover, other.snippet = \
                        draft.mode, draft.plover, draft.snippet
                break
            if draft.source is None and other.source is not None and \
                    (draft.target.key if draft.target else None) == (
                        other.target.key if other.target else None):
                absorbed = True
                break
        if not absorbed:
            result.append(draft)
    return result


def _better(a: Draft, b: Draft) -> bool:
    return (len(a.code), a.specificity, a.confidence) > (len(b.code), b.specificity,
                                                         b.confidence)


def _is_state(arg: Arg) -> bool:
    return arg.state or arg.sector in STATE_SECTORS


def _each_other(token: Token) -> bool:
    for child in token.subtree:
        if child.lower_ in EACH_OTHER and any(c.lower_ in {"each", "one"} for c in child.lefts):
            return True
        if child.lower_ == "each" and child.nbor(1).lower_ in EACH_OTHER \
                if child.i + 1 < len(child.doc) else False:
            return True
    return False


def _other_of_pair(source: Arg | None, target: Arg | None, targets: list[Arg]
                   ) -> Arg | None:
    """'ties between the two countries' said by one of them points at the other."""
    if source is None or target is None:
        return target
    if source.country and target.country == source.country and len(targets) >= 2:
        others = [t for t in targets if t.country != source.country]
        return others[0] if others else None
    return target
