"""Coding the events of a Doc: triggers, frames, arguments, modality, one event per fact."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from spacy.attrs import DEP, LOWER, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

from ..tables import Knowledge, vocabulary
from ..tables.lexicon import NONSTATE_COUNTRIES
from .arguments import RELATIONAL_NOUNS, WATERS, Arg, ArgumentFinder, names_a_settlement
from .clauses import FRAME_DEFAULT, NOUN_POS, Clause, ClauseReader
from .triggers import Trigger, TriggerMatcher, object_candidates

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
        # The built-in known actors (a Registry), set by the Coder: the event rules that
        # read a side's country see what the table says of unplaced named people.
        self.known = None

    def __call__(self, doc: Doc) -> list[dict]:
        finder = ArgumentFinder(doc, self.grammar.quantity_heads, place_country_lookup(doc),
                                self.known)
        self._words = Words(doc)
        drafts: list[Draft] = []
        for number, sent in enumerate(doc.sents):
            drafts.extend(self.code_sentence(sent, number, finder))
        infer_counterparts(drafts, doc)
        kept = []
        for draft in drafts:
            self.fill_mode(draft)
            _place_protesters(draft)
            if draft.source is None and (draft.target is None or not draft.target.country
                                         or draft.target.inferred):
                continue  # "28 people have been killed (in Montenegro)": no one to code
            if draft.code.startswith(CONSULT_ROOT) and draft.source and draft.target \
                    and draft.target.kind == "place" \
                    and draft.target.country == draft.source.country:
                continue  # "visited a shrine in Tokyo": travel at home, no one met
            if draft.code.startswith(CONSULT_ROOT) and not draft.negated and (
                    draft.source is None or (draft.target is None and draft.mode != "multilateral"
                                             and (draft.source.kind == "organization"
                                                  or draft.code.startswith("042")))):
                # "the cabinet met on Sunday": a body's own session; "visited a shrine": no
                # host; "talks with X" with no one named on this side
                continue
            kept.append(draft)
        return [draft.to_plain() for draft in kept]

    # -- one sentence --------------------------------------------------------------------
    def code_sentence(self, sent: Span, number: int, finder: ArgumentFinder) -> list[Draft]:
        if self.reader.is_question(sent):
            return []
        triggers = self.matcher.match_sentence(sent, set(), finder.actor_tokens)
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
            if not trigger.frame or trigger.pattern.transparent or not trigger.pattern.standalone:
                continue
            if trigger.token.dep_ in {"acl", "amod"} and trigger.token.tag_ == "VBN":
                continue  # "aliens ordered out of Nigeria": a description, not an act
            clause = self.reader.climb(trigger, triggers)
            if not clause.hypothetical:
                drafts.extend(self.realise(clause, number, finder, hedged, generic=True))
        drafts.extend(self.demands_by_report(sent, number, finder, drafts))
        # "accepted demands from the rebels that it initiate reforms", "rejected an
        # invitation to attend": the answer is the event; what was asked is its object
        answered = {d.object for d in drafts if d.object >= 0 and d.code[:2] in ANSWER_ROOTS}
        if answered:
            drafts = [d for d in drafts if d.object in answered or not answered & set(d.tokens)]
        if any(words.lower[i] in self.grammar.off_topic_cues and (
                words.pos[i] in NOUN_POS or words.lower[i] == "scored") for i in span):
            # sport, markets, entertainment: keep only what political actors do
            drafts = [d for d in drafts if _political(d.source) or _political(d.target)]
        return one_per_fact(drafts)

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
        if token.dep_ == "nsubj" and governor.i != token.i and governor.i in triggers:
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
                                           token.i, True, [speaker_verb.i, token.i]))
        return found

    # -- from a clause to events ---------------------------------------------------------
    def realise(self, clause: Clause, number: int, finder: ArgumentFinder, hedged: bool,
                generic: bool = False) -> list[Draft]:
        action = clause.action
        pattern = action.pattern
        reader = self.reader
        sources, passive_targets = reader.subject(clause.top, finder)
        if not sources and passive_targets and pattern.code[:2] == "15":
            sources, passive_targets = passive_targets, []  # "the army was put on alert"
        if not sources and passive_targets and clause.top.dep_ == "ccomp" \
                and clause.top.head.lemma_.lower() in ANNOUNCING:
            # "De Klerk announced that the ban would be lifted": the one announcing
            # decides it, when they hold power over it
            speaker, _ = reader.subject(clause.top.head, finder)
            sources = [a for a in speaker if a.sector in STATE_SECTORS or a.state]
        if not sources and passive_targets and any(
                pattern.code.startswith(root) for root in AUTHORITY_ROOTS):
            sources = self.unnamed_authorities(clause, finder, passive_targets)
        if not sources:
            for transparent in clause.transparents:
                sources = finder.owner(transparent.token)
                if sources:
                    break
            if not sources and (clause.transparents or _through_act_noun(clause)):
                return []  # "an invitation to attend", "the decision of sending troops"
        if pattern.agents and not clause.frames and not all(
                _fits_agents(a, pattern.agents) for a in sources or [None]):
            return []  # "troops arrived in Bosnia" is not a visit
        if not sources and not passive_targets and action.token.dep_ == "acl" \
                and action.token.tag_ == "VBN":
            return []  # "militiamen armed with machetes": a description, no act
        frame = clause.frame if not generic else (
            "demand" if clause.demand_by_speaker is not None else
            next((t.frame for t in reversed(clause.frames) if t.frame in
                  {"reject", "threaten", "demand", "appeal"}), None))
        targets: list[Arg] = []
        if clause.demand_by_speaker is not None and frame == "demand" and not any(
                t.frame == "demand" for t in clause.frames):
            # "X said Y must ...": X demands, of Y
            targets = sources
            sources, _ = reader.subject(clause.demand_by_speaker, finder)
        if frame in {"reject", "intent"} and clause.transparents:
            for transparent in clause.transparents:  # "rejected a UN appeal for ..."
                proposer = finder.owner(transparent.token)
                if proposer and {a.key for a in proposer} != {a.key for a in sources}:
                    targets = proposer
                    break
                # "reneged on his commitment to the Zambian people": to whom it was made
                addressee = [a for a in finder.prepositional(transparent.token, ("to",))
                             if all(a.key != s.key for s in sources)]
                if addressee:
                    targets = addressee
                    break
        if not targets and (frame == "threaten" or clause.ultimatum
                            or pattern.code[:2] == "13"):
            targets = self.conditioned(clause, finder, sources)
        if not targets and frame in {"demand", "appeal"}:
            targets = self.asked(clause, finder, sources)
        if not targets and frame is not None:
            targets = self.addressed(clause, finder)
        if not targets:
            targets = passive_targets or self.targets(action, clause, finder, sources)
        if not targets and (frame in {"appeal", "demand"} or generic):
            targets = self.frame_targets(clause, finder)
        if not targets:
            for transparent in clause.transparents:
                proposer = finder.owner(transparent.token)
                if proposer and {a.key for a in proposer} != {a.key for a in sources}:
                    targets = proposer
                    break
        # the source's own ("massed troops on its border"): no target; look further
        targets = [t for t in targets if all(t.key != s.key for s in sources)]
        pairs = len(sources) >= 2 and (pattern.reciprocal or any(
            t.pattern is not None and t.pattern.reciprocal for t in clause.frames))
        if not targets and not pairs:  # "the army and the RSF agreed to a ceasefire"
            targets = self.default_target(pattern.code, clause, finder, sources, frame)
        between = [] if sources else finder.prepositional(action.token, ("between",))
        if len(between) >= 2:  # "fighting between the army and the RSF"
            sources, targets = between[:1], between[1:]
        if not sources and pattern.code[:2] in VIOLENT_ROOTS:
            sources = self.unnamed_attacker(clause, finder)
        if not sources and pattern.code[:2] == PROTEST_ROOT:
            sources = self.unnamed_protesters(clause, finder)
        self.place_unplaced(pattern.code, clause, finder, sources, targets)
        if not targets and pattern.code[:2] in DOMESTIC_ROOTS and any(a.inferred and a.country
                                                                       for a in sources):
            # protesters placed only now ("rioters looted shops in Caracas"): against
            # their own government, as PLOVER codes it
            targets = self.default_target(pattern.code, clause, finder, sources, frame)
        reciprocal = pattern.reciprocal or len(between) >= 2 or _each_other(action.token) or any(
            t.pattern is not None and t.pattern.reciprocal for t in clause.frames)
        code = pattern.code
        if pattern.joint and len({a.country for a in sources if a.country}) >= 2:
            code, reciprocal = pattern.joint, True
        if pattern.if_state and sources and all(_is_state(a) for a in sources):
            code = pattern.if_state
        framed = posture = False
        if frame == "intent" and code[:2] in VIOLENT_ROOTS and any(
                t.lemma_.lower() in self.grammar.preparing_words
                or t.lower_ in self.grammar.preparing_words for t in clause.chain[1:]):
            frame, code, posture = None, POSTURE_CODE, True  # "prepared to resume shelling"
        if frame is not None:
            framed_code = self.grammar.frame_code(frame, code)
            if framed_code is None:
                trigger = clause.frame_trigger
                framed_code = trigger.pattern.code if trigger and trigger.pattern else \
                    FRAME_DEFAULT.get(frame)
            if framed_code and framed_code != code:
                code, framed = framed_code, True
                # "refused to commit to ...": the refusal is one side's, whatever the
                # framed words would be on their own
                trigger = clause.frame_trigger
                reciprocal = _each_other(action.token) or bool(
                    trigger and trigger.pattern and trigger.pattern.reciprocal)
        confidence = 0.9 if pattern.pos == "verb" else 0.75
        if pattern.pos == "noun" and not (clause.lights or clause.frames):
            confidence -= 0.1
        if hedged:
            confidence -= 0.1
        if generic:
            confidence -= 0.1
        plover = None if framed or posture else pattern.plover
        mode = None if framed or posture else pattern.mode
        snippet = self.snippet(clause, action)
        tokens = sorted({t.i for t in clause.chain} | set(action.words))
        sources = sources[:MAX_SIDES]
        targets = [t for t in targets if all(t.key != s.key for s in sources)][:MAX_SIDES]
        drafts: list[Draft] = []
        if not targets and reciprocal and len(sources) >= 2:
            for left, right in list(combinations(sources, 2))[:6]:
                drafts.append(self._draft(number, code, action, left, right, clause, confidence,
                                          True, plover, mode, snippet, framed, tokens))
            return drafts
        seen: set[tuple] = set()
        for source in sources or [None]:
            for target in targets or [None]:
                target = _other_of_pair(source, target, targets)
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
                                          snippet, framed, tokens))
        return drafts

    def _draft(self, number, code, action: Trigger, source, target, clause: Clause, confidence,
               reciprocal, plover, mode, snippet, framed, tokens) -> Draft:
        return Draft(number, code, action.token, source, target, self.negated(clause),
                     max(0.05, min(1.0, confidence)), reciprocal, plover, mode,
                     action.pattern.specificity, snippet, clause.top.i, framed, tokens,
                     action.object.i if action.object is not None else -1)

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
                    and (a.kind != "person" or a.sector or _relational(doc[a.token]))]
        unplaced += [a for a in sources if not a.country and a.kind not in PLACE_KINDS
                     and (a.kind != "person" or a.sector or _relational(doc[a.token]))
                     and (a.sector != "MIL" or root in VIOLENT_ROOTS)]
        for side in list(unplaced):
            if _relational(doc[side.token]):
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
        if token.pos_ in NOUN_POS:
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
            if on_object and (not found or _first_prep(matched, preps) < _first_prep(
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
                found = finder.inside(matched, _agent_first(pattern.code, THING_PREPS))
                if found:
                    return found
        elif pattern.target == "object":
            for child in token.children:
                if child.dep_ == "dobj":
                    return finder.inside(child, _agent_first(
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
            if sources and all(_is_state(a) for a in sources):
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

    def fill_mode(self, draft: Draft) -> None:
        """A mode the words tell: an assault's means ('killed ... in a bomb attack'); who
        or what is mobilised (troops, police, a militia, weapons)."""
        if draft.mode is not None or draft.framed:
            return
        code = self.cameo[draft.code]
        if code.plover_type == "MOBILIZE":  # the code's default mode is only a default
            draft.mode = mobilized(draft)
            return
        if code.plover_type != "ASSAULT" or code.plover_mode is not None:
            return
        sent = draft.trigger.sent
        best = None
        for token in sent:
            mode = self.grammar.assault_modes.get(token.lemma_.lower()) or \
                self.grammar.assault_modes.get(token.lower_)
            if mode is not None:
                distance = abs(token.i - draft.trigger.i)
                if best is None or distance < best[0]:
                    best = (distance, mode)
        if best is not None:
            draft.mode = best[1]

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


def _first_prep(token: Token, preps: tuple[str, ...]) -> int:
    """The rank, among the given prepositions, of the first one the word has."""
    ranks = [preps.index(c.lower_) for c in token.children
             if c.dep_ in {"prep", "dative"} and c.lower_ in preps]
    return min(ranks, default=len(preps))


def _relational(token: Token) -> bool:
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


def _agent_first(code: str, preps: tuple[str, ...]) -> tuple[str, ...]:
    """Where inside what is acted on the other side is: for an investigation or a
    condemnation, first whoever did it ('war crimes by Croatian extremists')."""
    return ("by", *preps) if code[:2] in AGENT_ROOTS else preps


def _place_protesters(draft: Draft) -> None:
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


class Words:
    """A document's lower-case forms, parts of speech and dependency labels as lists,
    read once, for the passes over every word of a sentence."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, POS, DEP]).tolist() if len(doc) else []
        self.lower = [strings[r[0]] for r in rows]
        self.pos = [POS_NAMES.get(r[1], "") for r in rows]
        self.dep = [strings[r[2]] if r[2] else "" for r in rows]


COUNTERPART_ROOTS = vocabulary.cameo_class("counterpart")
DYAD_SHARE = 0.6  # the two leading countries' share of country-coded mentions


def place_country_lookup(doc: Doc):
    """Country of a place name, from the offline gazetteer, weighing the countries the
    article names ("in Tripoli" in a story about Lebanon)."""
    from ..places import lookup_place

    countries = [c for _, _, c, _ in doc._.communique_names or [] if c]

    def lookup(name: str) -> str | None:
        place = lookup_place(name, countries)
        return place.country if place is not None else None

    return lookup


WEAPON_WORDS = vocabulary.words("weapon_words")


def mobilized(draft: Draft) -> str:
    """PLOVER MOBILIZE mode: police, a non-state armed group, weapons, or troops."""
    sector = draft.source.sector if draft.source else None
    if sector == "COP":
        return "police"
    if sector in {"REB", "UAF", "CRM"}:
        return "militia"
    words = {t.lemma_.lower() for t in draft.trigger.sent}
    if words & WEAPON_WORDS and not words & {"troop", "soldier", "force", "army"}:
        return "weapons"
    return "troops"


def article_dyad(doc: Doc) -> tuple[str, str] | None:
    """The two countries a story is about, when two clearly lead it."""
    counts: dict[str, int] = {}
    for actor in doc._.communique_actors or []:
        country = actor.get("country")
        if country and len(country) == 3 and country not in NONSTATE_COUNTRIES:
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
                           best.get("org"), first["start"], first["end"], -1, inferred=True,
                           kind=best["kind"])
        draft.confidence = max(0.05, draft.confidence - 0.2)


def one_per_fact(drafts: list[Draft]) -> list[Draft]:
    """A sentence yields one event per fact: the same actors and kind of event coded once,
    the most specific reading kept; a reading without a target absorbed by one with it;
    the demand a protest makes ("staged rallies to demand reforms") folded into the
    protest, as PLOVER codes it."""
    best: dict[tuple, Draft] = {}
    order: list[tuple] = []
    for draft in drafts:
        key = (_side_key(draft.source), _side_key(draft.target), _family(draft),
               draft.negated)
        if draft.reciprocal and draft.source and draft.target:
            key = (frozenset({draft.source.key, draft.target.key}), None, _family(draft),
                   draft.negated)
        current = best.get(key)
        if current is None:
            best[key] = draft
            order.append(key)
        elif _better(draft, current):
            best[key] = draft
    kept = _one_dyad_per_trigger([best[k] for k in order])
    kept = _fold_protest_demands(kept)
    result: list[Draft] = []
    for draft in kept:
        absorbed = False
        for other in kept:
            if other is draft or _family(other) != _family(draft) \
                    or other.negated != draft.negated:
                continue
            same_source = _side_key(draft.source) == _side_key(other.source)
            if same_source and _family(draft) == "ASSAULT" and draft.trigger.dep_ == "advcl" \
                    and draft.trigger.head.i == other.trigger.i and other.target is not None:
                # "was attacked by militiamen ..., killing 156 people": one attack, coded
                # as the main clause tells it
                absorbed = True
                break
            if same_source and draft.target is not None and (
                    draft.target.kind == "place" or (draft.target.kind == "country"
                                                     and draft.target.inferred)) \
                    and other.target is not None and other.target.kind not in {
                        "place", "country"} \
                    and other.target.country == draft.target.country:
                # "killed 23 people when they blew themselves up in Tel Aviv": the place
                # stands in for the victims the other reading names
                absorbed = True
                break
            if same_source and draft.target is None and other.target is not None:
                absorbed = True
                if _more_specific(draft, other):
                    other.code, other.trigger, other.specificity = \
                        draft.code, draft.trigger, draft.specificity
                    other.mode, other.plover, other.snippet = \
                        draft.mode, draft.plover, draft.snippet
                break
            if draft.source is None and other.source is not None and (
                    _side_key(draft.target) == _side_key(other.target)
                    or (other.target is None and draft.target is not None)):
                absorbed = True
                if other.target is None:
                    other.target = draft.target
                    if _more_specific(draft, other):
                        other.code, other.mode = draft.code, draft.mode
                break
        if not absorbed:
            result.append(draft)
    return result


def _one_dyad_per_trigger(drafts: list[Draft]) -> list[Draft]:
    """'Israeli helicopters and tanks shelled ...' is one Israeli shelling, not two."""
    seen: set[tuple] = set()
    kept = []
    for draft in drafts:
        key = (draft.trigger.i, draft.code, _code_of(draft.source), _code_of(draft.target))
        if key in seen and (draft.source is None or draft.source.country):
            continue
        target = draft.target
        if target is not None and target.country in NONSTATE_COUNTRIES and any(
                other.trigger.i == draft.trigger.i and other.code == draft.code
                and _code_of(other.source) == _code_of(draft.source)
                and other.target is not None and other.target.country == target.country
                and "organization" in {other.target.kind, target.kind}
                and other.target.kind != target.kind for other in kept):
            continue  # "expelled inspectors of the IAEA": the body and its people, once
        seen.add(key)
        kept.append(draft)
    return kept


def _code_of(arg: Arg | None) -> tuple | None:
    return (arg.country, arg.sector) if arg else None


def _fold_protest_demands(drafts: list[Draft]) -> list[Draft]:
    protests = [d for d in drafts if d.code[:2] == PROTEST_ROOT and not d.negated]
    if not protests:
        return drafts
    kept = []
    for draft in drafts:
        # "took to the streets to oppose the president's bid", "marched to demand ...":
        # what the protest is for is the protest, as PLOVER codes it
        if draft.code[:2] in PROTEST_PURPOSES:
            protest = next((p for p in protests if _side_key(p.source) == _side_key(draft.source)),
                           None)
            if protest is not None:
                if protest.target is None and draft.target is not None:
                    protest.target = draft.target
                continue
        kept.append(draft)
    return kept


def _family(draft: Draft) -> str:
    """Facts of one kind: assaults and fights are one kind (ASSAULT); a sanction or a
    coercion is its own kind (an arrest is not a curfew); other codes their CAMEO root."""
    root = draft.code[:2]
    if root in VIOLENT_ROOTS or draft.code.startswith("175"):
        return "ASSAULT"  # also violent repression (175): "opened fire to disperse"
    if root in ONE_FACT_PER_CODE:
        return draft.code[:3]
    return root


def _side_key(arg: Arg | None) -> str | None:
    return arg.key if arg else None


def _better(a: Draft, b: Draft) -> bool:
    return (a.target is not None, a.specificity, len(a.code), a.confidence) > (
        b.target is not None, b.specificity, len(b.code), b.confidence)


def _through_act_noun(clause: Clause) -> bool:
    return any(t.pos_ in NOUN_POS for t in clause.chain[1:]) or (
        clause.action.token.dep_ in {"pcomp", "acl"} and clause.action.token.head.pos_ in
        NOUN_POS | {"ADP"})


def _more_specific(a: Draft, b: Draft) -> bool:
    return (a.specificity, len(a.code), a.confidence) > (b.specificity, len(b.code),
                                                          b.confidence)


POLITICAL_SECTORS = vocabulary.sector_group("political")


def _political(arg: Arg | None) -> bool:
    return arg is not None and (arg.state or arg.sector in POLITICAL_SECTORS
                                or arg.country in {"IGO", "IMG"})


def _is_state(arg: Arg) -> bool:
    return arg.state or arg.sector in STATE_SECTORS


def _fits_agents(arg: Arg | None, agents: frozenset[str]) -> bool:
    if arg is None:
        return False
    return arg.kind in agents or arg.sector in agents


def _each_other(token: Token) -> bool:
    for child in token.subtree:
        if child.lower_ in EACH_OTHER and any(c.lower_ in {"each", "one"} for c in child.lefts):
            return True
        if child.lower_ in {"each", "one"} and child.i + 1 < len(child.doc) and \
                child.nbor(1).lower_ in EACH_OTHER:
            return True
    return False


def _other_of_pair(source: Arg | None, target: Arg | None, targets: list[Arg]
                   ) -> Arg | None:
    """'ties between the two countries' said by one of them points at the other."""
    if source is None or target is None:
        return target
    if source.country and target.country == source.country and len(targets) >= 2 \
            and target.inferred and target.state:
        others = [t for t in targets if t.country != source.country]
        return others[0] if others else None
    return target
