"""Coding the events of a Doc: triggers and their clauses become drafts, drafts get
their sides, and one event per fact is kept.

The parts, each in its module: `drafts` (the draft and the shared words and tests),
`targets` (choosing targets), `placing` (placing unplaced sides), `facts` (one event per
fact), `modes` (PLOVER modes). This module reads clauses into drafts and runs the steps."""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Doc, Span

from ..actors.known import load_known_actors
from ..tables import Knowledge
from .arguments import Arg, ArgumentFinder
from .clauses import FRAME_DEFAULT, NOUN_POS, Clause, ClauseReader
from .drafts import (
    ANNOUNCING,
    ANSWER_ROOTS,
    AUTHORITY_ROOTS,
    BACKGROUND_PREPS,
    CAUSE_NOUNS,
    CONSULT_ROOT,
    DOMESTIC_ROOTS,
    MAX_SIDES,
    PAUSES,
    POSTURE_CODE,
    PREVENTING,
    PROTEST_ROOT,
    STATE_SECTORS,
    TOPIC_ROOTS,
    VIOLENT_ROOTS,
    WISHING,
    Draft,
    Reading,
    Trace,
    Words,
    each_other,
    fits_agents,
    is_state,
    other_of_pair,
    place_country_lookup,
    political,
    through_act_noun,
)
from .facts import infer_counterparts, one_per_fact
from .means import MeansReader, conventional_doers
from .modes import fill_mode
from .placing import SidePlacer, place_protesters
from .statements import StatementCoder
from .targets import TargetChooser
from .triggers import Trigger, TriggerMatcher, object_candidates


class EventCoder:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.grammar = knowledge.grammar
        self.cameo = knowledge.cameo
        self.matcher = TriggerMatcher(knowledge.grammar)
        self.reader = ClauseReader(knowledge.grammar)
        self.hedges = knowledge.grammar.hedges
        self.choose = TargetChooser(knowledge.grammar)
        self.place = SidePlacer(knowledge.grammar)
        self.means = MeansReader(knowledge.grammar)
        self.statements = StatementCoder(self.reader)
        self.trace: Trace | None = None

    def __call__(self, doc: Doc) -> list[dict]:
        return self.code(doc)[0]

    def code(self, doc: Doc) -> tuple[list[dict], list[dict]]:
        """The events of a Doc as plain dicts, each with the rules that shaped it, and the
        drafts the rules dropped, each with the rule that dropped it."""
        # The built-in known actors, when the record asks for them (`known_actors` in
        # `doc._.communique_meta`, set by the Coder): the event rules that read a side's
        # country see what the table says of unplaced named people.
        known = load_known_actors() if (doc._.communique_meta or {}).get("known_actors") \
            else None
        finder = ArgumentFinder(doc, self.grammar.quantity_heads, place_country_lookup(doc),
                                known)
        self._words = Words(doc)
        self.trace = trace = Trace()
        drafts: list[Draft] = []
        for number, sent in enumerate(doc.sents):
            drafts.extend(self.code_sentence(sent, number, finder))
        infer_counterparts(drafts, doc)
        kept = []
        for draft in drafts:
            fill_mode(draft, self.cameo, self.grammar)
            place_protesters(draft)
            if draft.source is None and (draft.target is None or not draft.target.country
                                         or draft.target.inferred):
                # "28 people have been killed (in Montenegro)": no one to code
                trace.drop(draft, "no-one-to-code")
                continue
            if draft.code.startswith(CONSULT_ROOT) and draft.source and draft.target \
                    and draft.target.kind == "place" \
                    and draft.target.country == draft.source.country:
                trace.drop(draft, "travel-at-home")  # "visited a shrine in Tokyo": no one met
                continue
            if draft.code.startswith(CONSULT_ROOT) and not draft.negated and (
                    draft.source is None or (draft.target is None and draft.mode != "multilateral"
                                             and (draft.source.kind == "organization"
                                                  or draft.code.startswith("042")))):
                # "the cabinet met on Sunday": a body's own session; "visited a shrine": no
                # host; "talks with X" with no one named on this side
                trace.drop(draft, "meeting-without-two-sides")
                continue
            kept.append(draft)
        # what the speakers said: statements (CAMEO 010, 012, 013), and each event's quote
        kept = self.statements.code(doc, kept, finder, trace)
        self.trace = None
        return [draft.to_plain() for draft in kept], trace.dropped

    # -- one sentence --------------------------------------------------------------------
    def code_sentence(self, sent: Span, number: int, finder: ArgumentFinder) -> list[Draft]:
        if self.reader.is_question(sent):
            return []
        triggers = self.matcher.match_sentence(sent, set(), finder.actor_tokens)
        for silenced, check in self.matcher.sense_hits:
            if check.then == "none":  # "fired his adviser", "a parting shot"
                self.trace.drop_trigger(silenced, number, check.rule)
        words = self._words
        span = range(sent.start, sent.end)
        hedged = any(words.lower[i] in self.hedges for i in span)
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
                self.trace.drop_clause(clause, number, "hypothetical")
                continue
            pattern = trigger.pattern
            carried = clause.frames or clause.lights or clause.transparents
            if pattern.pos == "noun" and not carried and not (
                    (pattern.standalone or self._done_by(trigger, triggers, finder))
                    and self._stands_alone(trigger, triggers, finder)):
                self.trace.drop_clause(clause, number, "event-noun-not-an-act-of-its-own")
                continue
            drafts.extend(self.realise(clause, number, finder, hedged))
        for index in sorted(triggers):
            trigger = triggers[index]
            if index in used or trigger.pattern is None or trigger.light:
                continue
            if not trigger.frame or trigger.pattern.transparent or not trigger.pattern.standalone:
                continue
            if trigger.token.dep_ in {"acl", "amod"} and trigger.token.tag_ == "VBN":
                continue  # "aliens ordered out of Nigeria": a description, not an act
            clause = self.reader.climb(trigger, triggers)
            if not clause.hypothetical:
                for draft in self.realise(clause, number, finder, hedged, generic=True):
                    draft.shaped_by("frame-without-action")
                    drafts.append(draft)
        drafts.extend(self.demands_by_report(sent, number, finder, drafts))
        # "accepted demands from the rebels that it initiate reforms", "rejected an
        # invitation to attend": the answer is the event; what was asked is its object
        answered = {d.object for d in drafts if d.object >= 0 and d.code[:2] in ANSWER_ROOTS}
        if answered:
            drafts = self._keep(drafts, lambda d: d.object in answered or not answered & set(
                d.tokens), "asked-is-object-of-answer")
        if any(words.lower[i] in self.grammar.off_topic_cues and (
                words.pos[i] in NOUN_POS or words.lower[i] == "scored") for i in span):
            # sport, markets, entertainment: keep only what political actors do
            drafts = self._keep(drafts, lambda d: political(d.source) or political(d.target),
                                "off-topic-without-political-actor")
        return one_per_fact(drafts, self.trace.drop)

    def _keep(self, drafts: list[Draft], keeps, rule: str) -> list[Draft]:
        kept = []
        for draft in drafts:
            if keeps(draft):
                kept.append(draft)
            else:
                self.trace.drop(draft, rule)
        return kept

    @staticmethod
    def _done_by(trigger: Trigger, triggers: dict[int, Trigger], finder: ArgumentFinder
                 ) -> bool:
        """An event noun whose doer the sentence names with "by", as the subject of what
        is said of it, is an act told in nominal form: "the arrest of the journalist by
        Turkish police drew condemnation". (Alone, "the arrest" is often an earlier act.)"""
        token = trigger.token
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.i in triggers:
            return False
        return any(prep.dep_ in {"prep", "agent"} and prep.lower_ == "by"
                   and any(finder.args(obj) for obj in prep.children if obj.dep_ == "pobj")
                   for prep in token.children)

    @staticmethod
    def _stands_alone(trigger: Trigger, triggers: dict[int, Trigger],
                      finder: ArgumentFinder) -> bool:
        """An event noun in the object of another action ("attend the APEC summit") is
        that action's object; it is an event of its own only when someone owns it
        ("condemned Israel's airstrikes")."""
        token = trigger.token
        governor = token.head
        if token.dep_ == "compound":
            return False  # "riot police", "war crimes", "protest movement": a modifier
        if token.dep_ == "pobj" and token.head.lower_ in BACKGROUND_PREPS:
            return False  # "since last month's US invasion": the time of another act
        if token.dep_ in {"appos", "npadvmod"}:
            return False  # "..., the deadliest attack on Canadian troops since 1953"
        if token.dep_ == "pobj" and token.head.lower_ in {"to", "for"} \
                and token.head.head.lemma_.lower() in CAUSE_NOUNS:
            return False  # "in response to Chinese missile tests": the cause of another
        if token.dep_ == "pobj" and token.head.lower_ == "of" \
                and token.head.head.pos_ in NOUN_POS and token.head.head.i not in triggers \
                and token.head.head.lemma_.lower() not in finder.quantity_heads:
            return False  # "the mastermind of the bombing", "the anniversary of the war"
        if governor.lemma_.lower() in PREVENTING or (
                token.dep_ == "pobj" and token.head.head.lemma_.lower() in PREVENTING):
            return False  # "to avert US air strikes": what did not happen
        if token.dep_ == "pobj" and token.head.head.lemma_.lower() in PAUSES:
            return False  # "a four-day pause in the fighting": a pause, not fighting
        if token.dep_ == "pobj":
            governor = token.head.head
            if governor.lemma_.lower() in finder.quantity_heads and governor.dep_ == "dobj" \
                    and token.head.lower_ == "of":
                governor = governor.head  # "host a new round of talks": the host's object
        if token.dep_ == "nsubj" and governor.i != token.i and governor.i in triggers \
                and not triggers[governor.i].light:
            # "a roadside bombing killed a soldier", "a US drone strike killed ...": the
            # means of the killing; but "fighting between the army and the RSF killed
            # dozens" names its sides
            return bool(finder.prepositional(token, ("between",)))
        if governor.i == token.i or governor.i not in triggers \
                or token.dep_ not in {"dobj", "pobj", "nsubjpass", "attr"}:
            return True
        speaking = triggers[governor.i].pattern
        if speaking is not None and speaking.code[:2] in TOPIC_ROOTS:
            # "condemned Iraq's invasion of Kuwait", "protest against Sweden's decision":
            # what the words are about, told as background, not an event of the day
            return False
        if any(c.dep_ == "poss" for c in token.children):
            return True
        if trigger.pattern.code.startswith("04") or token.dep_ == "pobj":
            return False
        return bool(finder.owner(token))

    def demands_by_report(self, sent: Span, number: int, finder: ArgumentFinder,
                          drafts: list[Draft]) -> list[Draft]:
        """'The US declared that China must drop barriers': a demand of the US on China,
        even where the demanded act has no pattern of its own."""
        found: list[Draft] = []
        covered = {d.top for d in drafts}
        modals = self.grammar.demand_modals
        doc = sent.doc
        for i in range(sent.start, sent.end):
            if self._words.dep[i] != "ccomp" or i in covered:
                continue
            token = doc[i]
            if not any(c.dep_ == "aux" and c.lower_ in modals for c in token.children):
                continue
            speaker_verb = token.head
            if speaker_verb.lemma_.lower() not in self.grammar.speech_verbs:
                continue
            sources, _ = self.reader.subject(speaker_verb, finder)
            targets, _ = self.reader.subject(token, finder)
            if not sources or not targets or self.reader.hypothetical(token):
                continue
            for source in sources[:MAX_SIDES]:
                for target in targets[:MAX_SIDES]:
                    if source.key != target.key:
                        found.append(Draft(number, "100", token, source, target,
                                           self.reader.negated(speaker_verb), 0.7, False, None,
                                           None, 0, f"{speaker_verb.text} ... {token.text}",
                                           token.i, True, [speaker_verb.i, token.i],
                                           rules=["demand-by-report"]))
        return found

    # -- from a clause to events ---------------------------------------------------------
    def realise(self, clause: Clause, number: int, finder: ArgumentFinder, hedged: bool,
                generic: bool = False) -> list[Draft]:
        """A clause's drafts, by named steps; each step may drop the reading (the trace
        keeps the rule that did) or record the rules that shaped it."""
        sources, passive_targets = self.reader.subject(clause.top, finder)
        reading = Reading(clause, number, hedged, generic, sources, passive_targets,
                          clause.action.pattern.code)
        for step in (self.check_wishes, self.find_doers, self.check_doers, self.choose_frame,
                     self.choose_targets, self.fill_unnamed_sides, self.decide_code):
            step(reading, finder)
            if reading.dropped_by is not None:
                if self.trace is not None:
                    self.trace.drop_reading(reading)
                return []
        return self.make_drafts(reading)

    # -- the steps of realise ------------------------------------------------------------
    def check_wishes(self, reading: Reading, finder: ArgumentFinder) -> None:
        """What one actor hopes, wants, expects or fears another will do is not done:
        "Iran hopes the United States will attack Iraq", "Obama wants Putin to attack"
        (its own infinitive, "Russia wants to attack", is its intent, read as a frame)."""
        top = reading.clause.top
        wisher = top.head
        if top.i == wisher.i or (wisher.lemma_.lower() not in WISHING
                                 and wisher.lower_ not in WISHING):
            return
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in top.children)
        object_control = top.dep_ == "xcomp" and any(c.dep_ in {"dobj", "nsubj"} and c.i > wisher.i
                                                     for c in wisher.children)
        if (top.dep_ == "ccomp" and own_subject) or object_control:
            reading.drop("wished-for-not-done")

    def find_doers(self, reading: Reading, finder: ArgumentFinder) -> None:
        """Who did it when the clause's subject does not say: the passive's subject for a
        posture, the one who announced it, the authorities, the owner of a proposal."""
        clause, pattern = reading.clause, reading.clause.action.pattern
        if not reading.sources and pattern.code[:2] in VIOLENT_ROOTS:
            # "a US drone strike killed", "Russia's missiles hit": the weapon's owner
            reading.sources = self.means.owner(clause, finder)
            if reading.sources:
                reading.apply("owner-of-weapon")
        if not reading.sources and reading.passive_targets and pattern.code[:2] == "15":
            # "the army was put on alert"
            reading.sources, reading.passive_targets = reading.passive_targets, []
            reading.apply("posture-of-passive-subject")
        if not reading.sources and reading.passive_targets and clause.top.dep_ == "ccomp" \
                and clause.top.head.lemma_.lower() in ANNOUNCING:
            # "De Klerk announced that the ban would be lifted": the one announcing
            # decides it, when they hold power over it
            speaker, _ = self.reader.subject(clause.top.head, finder)
            reading.sources = [a for a in speaker if a.sector in STATE_SECTORS or a.state]
            if reading.sources:
                reading.apply("announcer-decides")
        if not reading.sources and reading.passive_targets and any(
                pattern.code.startswith(root) for root in AUTHORITY_ROOTS):
            reading.sources = self.place.unnamed_authorities(clause, finder,
                                                             reading.passive_targets)
            if reading.sources:
                reading.apply("unnamed-authorities")
        if not reading.sources:
            for transparent in clause.transparents:
                reading.sources = finder.owner(transparent.token)
                if reading.sources:
                    reading.apply("owner-of-proposal-acts")
                    break
            if not reading.sources and (clause.transparents or through_act_noun(clause)):
                # "an invitation to attend", "the decision of sending troops"
                reading.drop("no-doer-of-proposed-act")

    def check_doers(self, reading: Reading, finder: ArgumentFinder) -> None:
        clause = reading.clause
        action, pattern = clause.action, clause.action.pattern
        if pattern.agents and not clause.frames and not all(
                fits_agents(a, pattern.agents) for a in reading.sources or [None]):
            reading.drop("doer-not-of-pattern-agents")  # "troops arrived in Bosnia": no visit
        elif not reading.sources and not reading.passive_targets \
                and action.token.dep_ == "acl" and action.token.tag_ == "VBN":
            reading.drop("description-not-act")  # "militiamen armed with machetes"

    def choose_frame(self, reading: Reading, finder: ArgumentFinder) -> None:
        clause = reading.clause
        if not reading.generic:
            reading.frame = clause.frame
        else:
            reading.frame = "demand" if clause.demand_by_speaker is not None else next(
                (t.frame for t in reversed(clause.frames) if t.frame in
                 {"reject", "threaten", "demand", "appeal"}), None)
        if reading.frame is not None:
            reading.apply(f"frame-{reading.frame}")

    def choose_targets(self, reading: Reading, finder: ArgumentFinder) -> None:
        """The target, by the first rule that finds one; then the source's own left out."""
        clause, frame = reading.clause, reading.frame
        action, pattern = clause.action, clause.action.pattern
        sources = reading.sources
        targets: list[Arg] = []
        if clause.demand_by_speaker is not None and frame == "demand" and not any(
                t.frame == "demand" for t in clause.frames):
            # "X said Y must ...": X demands, of Y
            targets = sources
            sources, _ = self.reader.subject(clause.demand_by_speaker, finder)
            reading.apply("speaker-demands-of-subject")
        if frame in {"reject", "intent"} and clause.transparents:
            for transparent in clause.transparents:  # "rejected a UN appeal for ..."
                proposer = finder.owner(transparent.token)
                if proposer and {a.key for a in proposer} != {a.key for a in sources}:
                    targets = proposer
                    reading.apply("target-is-proposer")
                    break
                # "reneged on his commitment to the Zambian people": to whom it was made
                addressee = [a for a in finder.prepositional(transparent.token, ("to",))
                             if all(a.key != s.key for s in sources)]
                if addressee:
                    targets = addressee
                    reading.apply("target-is-addressee-of-commitment")
                    break
        steps = (
            ("target-of-threat-condition", lambda: (
                frame == "threaten" or clause.ultimatum or pattern.code[:2] == "13"),
             lambda: self.choose.conditioned(clause, finder, sources)),
            ("target-asked", lambda: frame in {"demand", "appeal"},
             lambda: self.choose.asked(clause, finder, sources)),
            ("target-addressed-by-frame", lambda: frame is not None,
             lambda: self.choose.addressed(clause, finder)),
            ("target-of-passive", lambda: bool(reading.passive_targets),
             lambda: reading.passive_targets),
            ("target-of-action", lambda: True,
             lambda: self.choose.targets(action, clause, finder, sources)),
            ("target-of-frame", lambda: frame in {"appeal", "demand"} or reading.generic,
             lambda: self.choose.frame_targets(clause, finder)),
            ("target-is-proposer", lambda: True, lambda: self._proposer(clause, finder, sources)),
        )
        for rule, applies, find in steps:
            if targets:
                break
            if applies():
                targets = find()
                if targets:
                    reading.apply(rule)
        # the source's own ("massed troops on its border"): no target; look further
        own = [t for t in targets if any(t.key == s.key for s in sources)]
        if own:
            reading.apply("own-side-not-target")
        targets = [t for t in targets if all(t.key != s.key for s in sources)]
        pairs = len(sources) >= 2 and (pattern.reciprocal or any(
            t.pattern is not None and t.pattern.reciprocal for t in clause.frames))
        if not targets and not pairs:  # "the army and the RSF agreed to a ceasefire"
            targets = self.choose.default_target(pattern.code, clause, finder, sources, frame)
            if targets:
                reading.apply("default-target")
        reading.sources, reading.targets = sources, targets

    def _proposer(self, clause: Clause, finder: ArgumentFinder, sources: list[Arg]
                  ) -> list[Arg]:
        for transparent in clause.transparents:
            proposer = finder.owner(transparent.token)
            if proposer and {a.key for a in proposer} != {a.key for a in sources}:
                return proposer
        return []

    def fill_unnamed_sides(self, reading: Reading, finder: ArgumentFinder) -> None:
        """Sides 'between' names, unnamed attackers and protesters, and the country of
        sides the text leaves unplaced."""
        clause = reading.clause
        action, pattern = clause.action, clause.action.pattern
        reading.between = [] if reading.sources else finder.prepositional(action.token,
                                                                           ("between",))
        if len(reading.between) >= 2:  # "fighting between the army and the RSF"
            reading.sources, reading.targets = reading.between[:1], reading.between[1:]
            reading.apply("sides-between")
        if not reading.sources and pattern.code[:2] in VIOLENT_ROOTS:
            reading.sources = self.place.unnamed_attacker(clause, finder)
            if reading.sources:
                reading.apply("unnamed-attacker")
        if not reading.sources and pattern.code[:2] == PROTEST_ROOT:
            reading.sources = self.place.unnamed_protesters(clause, finder)
            if reading.sources:
                reading.apply("unnamed-protesters")
        sides = (*reading.sources, *reading.targets)
        before = [side.country for side in sides]
        self.place.place_unplaced(pattern.code, clause, finder, reading.sources,
                                  reading.targets)
        if before != [side.country for side in sides]:
            reading.apply("placed-unplaced-sides")
        if not reading.targets and pattern.code[:2] in DOMESTIC_ROOTS and any(
                a.inferred and a.country for a in reading.sources):
            # protesters placed only now ("rioters looted shops in Caracas"): against
            # their own government, as PLOVER codes it
            reading.targets = self.choose.default_target(pattern.code, clause, finder,
                                                         reading.sources, reading.frame)
            if reading.targets:
                reading.apply("domestic-target")

    def decide_code(self, reading: Reading, finder: ArgumentFinder) -> None:
        """The code: the pattern's, a joint or state variant, a posture, or the frame's."""
        clause, frame = reading.clause, reading.frame
        action, pattern = clause.action, clause.action.pattern
        sources = reading.sources
        reading.reciprocal = pattern.reciprocal or len(reading.between) >= 2 or each_other(
            action.token) or any(t.pattern is not None and t.pattern.reciprocal
                                 for t in clause.frames)
        code = pattern.code
        if pattern.joint and len({a.country for a in sources if a.country}) >= 2:
            code, reading.reciprocal = pattern.joint, True
            reading.apply("joint-code")
        if pattern.if_state and sources and all(is_state(a) for a in sources):
            code = pattern.if_state
            reading.apply("code-if-state")
        if code in self.grammar.means_recoded:
            # CAMEO 19: conventional force, coded by its means ("a US drone killed")
            means = self.means.means(clause)
            if means is not None and conventional_doers(sources, means):
                if not code.startswith(means.code[:3]):
                    code = means.code
                reading.mode = means.mode
                reading.apply(f"means-{means.mode}")
        if frame == "intent" and code[:2] in VIOLENT_ROOTS and any(
                t.lemma_.lower() in self.grammar.preparing_words
                or t.lower_ in self.grammar.preparing_words for t in clause.chain[1:]):
            # "prepared to resume shelling"
            frame, code, reading.posture = None, POSTURE_CODE, True
            reading.apply("preparing-is-posture")
        if frame is not None:
            framed_code = self.grammar.frame_code(frame, code)
            if framed_code is None:
                trigger = clause.frame_trigger
                framed_code = trigger.pattern.code if trigger and trigger.pattern else \
                    FRAME_DEFAULT.get(frame)
            if framed_code and framed_code != code:
                code, reading.framed = framed_code, True
                reading.apply(f"framed-as-{frame}")
                # "refused to commit to ...": the refusal is one side's, whatever the
                # framed words would be on their own
                trigger = clause.frame_trigger
                reading.reciprocal = each_other(action.token) or bool(
                    trigger and trigger.pattern and trigger.pattern.reciprocal)
        reading.frame, reading.code = frame, code

    def make_drafts(self, reading: Reading) -> list[Draft]:
        """One draft per pair of sides, scored."""
        clause, number, code = reading.clause, reading.number, reading.code
        action, pattern = clause.action, clause.action.pattern
        framed, reciprocal = reading.framed, reading.reciprocal
        confidence = 0.9 if pattern.pos == "verb" else 0.75
        if pattern.pos == "noun" and not (clause.lights or clause.frames):
            confidence -= 0.1
        if reading.hedged:
            confidence -= 0.1
            reading.apply("hedged")
        if reading.generic:
            confidence -= 0.1
        plover = None if framed or reading.posture else pattern.plover
        mode = None if framed or reading.posture else reading.mode or pattern.mode
        snippet = self.snippet(clause, action)
        senses = [t.sense for t in (action, *clause.lights, *clause.frames) if t.sense]
        if senses:  # "kicked off talks": the sense check that made the word a carrier
            reading.rules[:0] = senses
        tokens = sorted({t.i for t in clause.chain} | set(action.words))
        sources = reading.sources[:MAX_SIDES]
        targets = [t for t in reading.targets
                   if all(t.key != s.key for s in sources)][:MAX_SIDES]
        drafts: list[Draft] = []
        if not targets and reciprocal and len(sources) >= 2:
            for left, right in list(combinations(sources, 2))[:6]:
                drafts.append(self._draft(number, code, action, left, right, clause, confidence,
                                          True, plover, mode, snippet, framed, tokens,
                                          [*reading.rules, "reciprocal-pairs"]))
            return drafts
        seen: set[tuple] = set()
        for source in sources or [None]:
            for target in targets or [None]:
                rules = list(reading.rules)
                paired = other_of_pair(source, target, targets)
                if paired is not target:
                    rules.append("other-of-pair")
                target = paired
                if source is None and target is None:
                    continue
                if source is not None and target is not None and source.key == target.key:
                    target = None
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
                                          snippet, framed, tokens, rules))
        return drafts

    def _draft(self, number, code, action: Trigger, source, target, clause: Clause, confidence,
               reciprocal, plover, mode, snippet, framed, tokens, rules) -> Draft:
        return Draft(number, code, action.token, source, target, self.negated(clause),
                     max(0.05, min(1.0, confidence)), reciprocal, plover, mode,
                     action.pattern.specificity, snippet, clause.top.i, framed, tokens,
                     action.object.i if action.object is not None else -1,
                     [f"pattern-{action.pattern.pos}-{action.pattern.code}", *rules])

    def negated(self, clause: Clause) -> bool:
        """An appeal or demand not to do something is still an appeal or demand ("urged
        Thailand not to send them back"): only a negation at or above the frame counts."""
        asking = next((i for i, token in enumerate(clause.chain) if any(
            t.token.i == token.i and t.frame in {"appeal", "demand"} for t in clause.frames)),
            None)
        if asking is None or not clause.negated:
            return clause.negated
        above = clause.chain[asking:]
        return any(self.reader.negated(token) for token in above) or any(
            token.lemma_.lower() in self.grammar.negating_verbs for token in above[1:])

    @staticmethod
    def snippet(clause: Clause, action: Trigger) -> str:
        doc = action.token.doc
        keep = {t.i for t in clause.chain}
        keep.update(action.words)
        obj = action.object
        if obj is None:
            objects = object_candidates(action.token)
            obj = objects[0] if objects and objects[0].i > action.token.i else None
        if obj is not None and abs(obj.i - action.token.i) <= 12:
            keep.add(obj.i)
            stack = [obj]
            while stack:
                for child in stack.pop().lefts:
                    if child.dep_ in {"compound", "nmod"} or (child.text == "-"):
                        keep.add(child.i)
                        stack.append(child)
        if action.token.pos_ in NOUN_POS:
            keep.update(c.i for c in action.token.lefts if c.dep_ in {"compound", "amod"}
                        and c.i >= action.token.i - 3)
        for index in list(keep):
            for child in doc[index].children:
                if child.dep_ in {"prt", "neg"}:
                    keep.add(child.i)
            # keep hyphenated words whole: "co-operation", "visa-free"
            if index >= 2 and doc[index - 1].text == "-" and not doc[index - 1].whitespace_:
                keep.update((index - 1, index - 2))
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
            parts.append(doc[i].text_with_ws.rstrip() if doc[i].text == "-" else doc[i].text)
            previous = i
        text = " ".join(parts)
        return text.replace(" - ", "-").replace(" ,", ",")
