"""From a trigger to an event: the frames above it, its source, target and modality.

An action word ("visit", "attack", "talks") sits at the bottom of a chain of words that
frame it: "Putin accepted an invitation to visit China" climbs visit -> invitation ->
accepted, and the frame of "accepted" (intent) turns a visit (042) into an intent to
meet (036) whose source is the subject of "accepted". Negation, future auxiliaries,
conditionals and questions are read along the same chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..tables import EventGrammar, vocabulary
from .arguments import Arg, ArgumentFinder
from .triggers import Trigger

NOUN_POS = frozenset({"NOUN", "PROPN"})
# Frames that outrank an intention: refusing to agree to meet is a refusal.
STRONG_FRAMES = ("reject", "threaten", "demand", "appeal")
ACT_NOUNS = vocabulary.words("act_nouns")
PAST_TIME = vocabulary.words("past_time")
REASON_ROOTS = vocabulary.cameo_class("said_for_a_reason")
PREDICTIONS = vocabulary.words("predictions")
DOCUMENTS = vocabulary.words("documents")
SPEECH_ACT_ROOTS = vocabulary.cameo_class("speech_acts")
FRAME_DEFAULT = {"intent": "030", "appeal": "020", "demand": "100", "reject": "120",
                 "threaten": "130", "act": None}


@dataclass(slots=True)
class Clause:
    """What the chain above an action says about it."""

    action: Trigger
    top: Token  # the highest word of the chain: its subject is the source
    frames: list[Trigger] = field(default_factory=list)
    transparents: list[Trigger] = field(default_factory=list)
    lights: list[Trigger] = field(default_factory=list)
    chain: list[Token] = field(default_factory=list)
    intent: bool = False
    negated: bool = False
    hypothetical: bool = False
    demand_by_speaker: Token | None = None  # "X said Y must ..." -> the verb of saying
    ultimatum: bool = False  # "will withdraw ... unless ...": an intent made a threat

    @property
    def frame(self) -> str | None:
        names = [t.frame for t in self.frames if t.frame]
        for name in reversed(names):  # outermost first
            if name in STRONG_FRAMES:
                return name
        if self.demand_by_speaker is not None:
            return "demand"
        if self.ultimatum and (self.intent or "intent" in names):
            return "threaten"
        if self.intent or "intent" in names:
            return "intent"
        return None

    @property
    def frame_trigger(self) -> Trigger | None:
        frame = self.frame
        for trigger in reversed(self.frames):
            if trigger.frame == frame:
                return trigger
        return None


class ClauseReader:
    def __init__(self, grammar: EventGrammar) -> None:
        self.grammar = grammar

    # -- climbing ----------------------------------------------------------------------
    def climb(self, action: Trigger, triggers: dict[int, Trigger]) -> Clause:
        grammar = self.grammar
        clause = Clause(action, action.token)
        token = action.token
        clause.chain.append(token)
        clause.negated = self.negated(token)
        clause.intent = self.intent_aux(token)
        for _ in range(8):
            governor, relation = self.governor(token, triggers)
            if governor is None:
                break
            trigger = triggers.get(governor.i)
            lemma = governor.lemma_.lower()
            if relation == "conj":
                if trigger is not None and not trigger.is_action and not trigger.light:
                    break  # "rejected the plan and attacked": siblings, not a frame
                if any(c.dep_ == "nsubjpass" for c in governor.children) and not any(
                        c.dep_ in {"auxpass", "nsubj", "nsubjpass"} for c in token.children):
                    break  # "was indicted by the court and will resign": he resigns
                if trigger is not None and trigger.light:
                    break
                token = governor
                continue
            passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in governor.children)
            if passive and relation == "xcomp" and lemma in grammar.intent_adjectives \
                    and lemma in PREDICTIONS:
                trigger = None  # "Kenya is expected to send": a prediction of intent
            elif trigger is not None and trigger.frame and passive:
                break
            if trigger is not None and trigger.light:
                clause.lights.append(trigger)
            elif trigger is not None and (trigger.frame or trigger.pattern.transparent):
                if trigger.frame:
                    clause.frames.append(trigger)
                if trigger.pattern.transparent:  # "an offer from the government": its owner
                    clause.transparents.append(trigger)
            elif trigger is not None:
                break  # governed by another action: "praised China's decision"
            elif (lemma in grammar.intent_adjectives or governor.lower_ in
                  grammar.intent_adjectives) and relation == "xcomp" \
                    and lemma not in PREDICTIONS:
                clause.intent = True
            elif lemma in grammar.negating_verbs and relation == "xcomp":
                clause.negated = True
            elif relation in {"xcomp"} and governor.pos_ in {"VERB", "AUX", "ADJ"}:
                pass  # "began to withdraw", "tried to", "is expected to": carry on up
            elif relation == "acl" and governor.pos_ in NOUN_POS and lemma in ACT_NOUNS:
                pass
            else:
                break
            token = governor
            clause.chain.append(token)
            clause.negated = clause.negated or self.negated(token)
            clause.intent = clause.intent or self.intent_aux(token)
            if token.pos_ == "ADJ" and token.dep_ == "acomp":
                # "is ready to": the adjective's verb carries the subject
                token = token.head
                clause.chain.append(token)
                clause.negated = clause.negated or self.negated(token)
                clause.intent = clause.intent or self.intent_aux(token)
        clause.top = token
        clause.hypothetical = self.hypothetical(token) or self.alleged(token) or \
            not self.asserted(token, triggers) or self.earlier(token)
        clause.demand_by_speaker = self.demand_of_speaker(clause)
        clause.ultimatum = any(
            child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                          for m in child.children)
            for token in clause.chain for child in token.children)
        return clause

    def governor(self, token: Token, triggers: dict[int, Trigger]
                 ) -> tuple[Token | None, str | None]:
        dep = token.dep_
        head = token.head
        if head.i == token.i:
            return None, None
        if dep == "xcomp":
            return head, "xcomp"
        if dep == "advcl" and head.i in triggers and triggers[head.i].frame and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and not any(
                c.dep_ == "mark" for c in token.children):
            return head, "xcomp"  # "have sworn to fight": parsed as a purpose clause
        if dep in {"acl", "ccomp"} and head.pos_ in NOUN_POS:
            return head, "acl"  # "an invitation to visit", "its demand that Israel ease"
        if dep in {"dobj", "attr", "nsubjpass", "oprd"} and token.pos_ in NOUN_POS:
            return head, "dobj"
        if dep == "pobj" and head.lower_ == "of" and head.head.pos_ in NOUN_POS \
                and head.head.lemma_.lower() in self.grammar.quantity_heads:
            # "held three hours of talks": the talks stand where the quantity does
            return self.governor(head.head, triggers)
        if dep in {"pobj", "pcomp"} and head.dep_ in {"prep", "agent"}:
            carrier = head.head
            trigger = triggers.get(carrier.i)
            prep = head.lower_
            if carrier.pos_ in {"VERB", "AUX"}:
                carries = prep in self.grammar.carrier_preps
                if trigger is not None and trigger.light and carries:
                    return carrier, "particle"
                if trigger is not None and trigger.frame and trigger.pattern.phrase.particle == prep:
                    return carrier, "particle"
                if trigger is not None and trigger.pattern is not None \
                        and trigger.pattern.phrase.particle == prep:
                    return carrier, "particle"
                return None, None
            if carrier.pos_ in NOUN_POS and prep in {"of", "for", "to", "on"} \
                    and trigger is not None and (trigger.frame or (
                        trigger.pattern and trigger.pattern.transparent)):
                return carrier, "nprep"
            return None, None
        if dep == "ccomp":
            trigger = triggers.get(head.i)
            if trigger is not None and trigger.frame == "demand":
                return head, "ccomp"
            for obj in head.children:
                framing = triggers.get(obj.i) if obj.dep_ == "dobj" and obj.i < token.i else None
                if framing is not None and framing.frame in {"demand", "appeal", "threaten"}:
                    # "reiterated its demand today that Israel ease ...": the clause is
                    # the noun's, wherever the parser hung it
                    return obj, "acl"
            return None, None
        if dep == "conj":
            return head, "conj"
        return None, None

    # -- modality ----------------------------------------------------------------------
    def negated(self, token: Token) -> bool:
        negations = self.grammar.negations
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ in {"det", "advmod"}
                                       and child.lower_ in negations):
                return True
        return token.dep_ in {"pobj", "pcomp"} and token.head.lower_ == "without"

    def intent_aux(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in self.grammar.intent_auxiliaries:
                return True
            if child.dep_ == "aux" and child.lemma_.lower() == "go" and token.tag_ == "VB":
                return True  # "is going to visit"
        return False

    def alleged(self, token: Token) -> bool:
        """What someone is accused of: 'accused the army of targeting civilians (and
        ignoring the law)', 'accused Rwanda of sending troops to back the rebels'."""
        node = token
        while node.dep_ in {"conj", "xcomp", "advcl"} and node.head.i != node.i \
                and node.head.pos_ in {"VERB", "AUX"}:
            node = node.head
        if node.dep_ in {"pcomp", "pobj"} and node.head.dep_ == "prep" and \
                node.head.lower_ in {"of", "for", "over", "with"}:
            # the verb of accusing, or the verb whose object the accused is
            for ancestor in (node.head.head, node.head.head.head):
                if ancestor.lemma_.lower() in self.grammar.allegation_verbs:
                    return True
        return False

    def asserted(self, top: Token, triggers: dict[int, Trigger]) -> bool:
        """Is the clause told as a fact? Not when it is the content of a demand, an
        appeal, a refusal or a threat whose chain broke off ("demanded that the US cancel
        plans to sell arms"), or of a noun like "admission that", "claim that"."""
        node = top
        for _ in range(12):
            head = node.head
            if head.i == node.i:
                return True
            trigger = triggers.get(head.i)
            if node.dep_ in {"ccomp", "xcomp"} and trigger is not None and trigger.frame in {
                    "demand", "appeal", "reject", "threaten"}:
                return False
            if node.dep_ in {"pcomp", "pobj"} and head.dep_ == "prep":
                # "warned NATO against deploying troops", "accused X of shelling"
                carrier = head.head
                carrier_trigger = triggers.get(carrier.i)
                if carrier_trigger is not None and carrier_trigger.frame in {
                        "threaten", "reject", "demand", "appeal"} and head.lower_ in {
                        "against", "of", "from", "over"}:
                    return False
                if carrier_trigger is not None and carrier_trigger.pattern is not None \
                        and carrier_trigger.pattern.code[:2] in REASON_ROOTS \
                        and head.lower_ in {"for", "over"}:
                    # "apologized for its gunboat intercepting a ship", "praised Kenya for
                    # sending troops": the reason, told as background
                    return False
                if node.dep_ == "pcomp" and head.lower_ in {"before", "until", "till"} and (
                        (carrier_trigger is not None and carrier_trigger.frame in {
                            "threaten", "demand", "appeal", "intent", "reject"})
                        or self.intent_aux(carrier)):
                    return False  # "demanded a truce before allowing aid in": not yet done
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"after", "since"}
                                            for c in node.children):
                return False  # "... after two of their vehicles were hit": what led to it
            if node.dep_ == "pcomp" and head.lower_ in {"after", "since"}:
                return False  # "a day after a bombing killed 16 people"
            own = triggers.get(node.i)
            if node.dep_ in {"relcl", "acl"} and head.lemma_.lower() in DOCUMENTS \
                    and head.dep_ == "dobj" and head.head.i in triggers \
                    and triggers[head.head.i].pattern is not None \
                    and triggers[head.head.i].pattern.code[:2] == "12":
                return False  # "vetoed a resolution condemning ...": it never said so
            if node.dep_ in {"relcl", "acl"} and head.lemma_.lower() in DOCUMENTS and not (
                    own is not None and own.pattern is not None
                    and own.pattern.code[:2] in SPEECH_ACT_ROOTS):
                # "a resolution that aims to impose a blockade", "an agreement allowing US
                # troops to return": its content; but "a declaration demanding that ...",
                # "a statement accusing Israel" is its issuer's act
                return False
            if node.dep_ in {"acl", "ccomp"} and head.pos_ in NOUN_POS and trigger is None \
                    and head.lemma_.lower() not in ACT_NOUNS and node.tag_ not in {"VBN", "VBG"}:
                return False  # "an admission that ...", "plans to ..."; not "a missile fired"
            node = head
        return True

    @staticmethod
    def earlier(top: Token) -> bool:
        """Told as background: what 'had' happened before the story ("in which Moscow had
        lobbied hard"), what 'has been' going on 'since' ("where forces have been
        fighting rebels since 2011"), what a relative clause dates before it ("the
        rebels, who seized Goma last week", "the islands seized by Argentina three days
        ago")."""
        if top.dep_ in {"relcl", "acl"} and any(
                c.ent_type_ == "DATE" and any(w.lower_ in PAST_TIME for w in c.subtree)
                for c in top.children):
            return True
        auxes = [c for c in top.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ == "had" for a in auxes) and top.tag_ == "VBN" \
                and top.dep_ in {"relcl", "advcl", "acl"}:
            return True  # (in reported speech, "said Ghana had recalled" is the news)
        ongoing = top.tag_ == "VBG" and any(a.lower_ == "been" for a in auxes)
        return ongoing and any(c.dep_ == "prep" and c.lower_ == "since" for c in top.children)

    def hypothetical(self, token: Token) -> bool:
        """Inside an 'if' or 'unless' clause, anywhere up the tree; or a clause of time
        that has not happened ('before they demobilize', 'until demands are met')."""
        marks = self.grammar.conditional_marks
        node = token
        if node.dep_ == "advcl" and node.tag_ in {"VB", "VBP", "VBZ"} and any(
                c.dep_ == "mark" and c.lower_ in {"before", "until", "till", "once"}
                for c in node.children):
            return True
        if node.dep_ == "advcl" and node.tag_ == "VBN" and any(
                c.dep_ == "auxpass" and c.tag_ in {"VBP", "VBZ", "VB"} for c in node.children) \
                and any(c.dep_ == "mark" and c.lower_ in {"before", "until", "till", "once"}
                        for c in node.children):
            return True
        for _ in range(12):
            if node.dep_ in {"advcl", "ccomp", "csubj"} and any(
                    c.dep_ == "mark" and c.lower_ in marks for c in node.children):
                return node.dep_ == "advcl" or any(
                    c.lower_ == "if" for c in node.children if c.dep_ == "mark")
            if node.head.i == node.i:
                break
            node = node.head
        return False

    def demand_of_speaker(self, clause: Clause) -> Token | None:
        """'The US said Libya must hand over the suspects': the US demands of Libya."""
        modals = self.grammar.demand_modals
        top = clause.top
        has_modal = False
        for token in clause.chain:
            for child in token.children:
                if child.dep_ == "aux" and child.lower_ in modals:
                    has_modal = True
            if token.lemma_.lower() in {"need", "have"} and any(
                    c.dep_ == "xcomp" for c in token.children):
                has_modal = True
        if not has_modal or top.dep_ != "ccomp":
            return None
        speaker_verb = top.head
        if speaker_verb.lemma_.lower() in self.grammar.speech_verbs:
            return speaker_verb
        return None

    @staticmethod
    def is_question(sent: Span) -> bool:
        """Whether the sentence ends in a question mark, before closing quotes and
        brackets."""
        doc = sent.doc
        for i in range(sent.end - 1, max(sent.start, sent.end - 6) - 1, -1):
            text = doc[i].text.strip()
            if text and text.strip("\"'\u201d\u2019) "):
                return text.endswith("?")
        return False

    # -- arguments ---------------------------------------------------------------------
    def subject(self, token: Token, finder: ArgumentFinder, depth: int = 0
                ) -> tuple[list[Arg], list[Arg]]:
        """(sources, passive targets) of a verb or noun, inheriting through the tree."""
        if depth > 6:
            return [], []
        if token.pos_ in NOUN_POS:
            return finder.owner(token), []
        passive_target: list[Arg] = []
        for child in token.children:
            if child.dep_ in {"nsubj", "csubj", "expl"} and child.dep_ != "expl":
                args = finder.args(child)
                if args:
                    return args, []
                if child.pos_ in NOUN_POS:
                    inner = finder.owner(child)
                    if inner:
                        return inner, []
                if child.pos_ == "VERB" and child.tag_ == "VBG":
                    # "the Red Cross operating in Iraq said": parsed with the participle
                    # as the subject, and the actor as the participle's own
                    for inner in child.children:
                        if inner.dep_ == "nsubj" and inner.i < child.i:
                            args = finder.args(inner)
                            if args:
                                return args, []
                return [], []
            if child.dep_ == "nsubjpass" and token.lower_ in self.grammar.intent_adjectives \
                    and token.lemma_.lower() not in PREDICTIONS and not any(
                        c.dep_ == "agent" for c in token.children):
                return finder.args(child), []  # "troops were poised to attack": theirs
            if child.dep_ == "nsubjpass":
                passive_target = finder.args(child) or finder.inside(child)
                for agent in token.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                return finder.args(obj) or finder.owner(obj), passive_target
                return [], passive_target
        dep = token.dep_
        if dep == "xcomp" and token.head.i != token.i and not any(
                c.dep_ == "agent" for c in token.head.children):
            for child in token.head.children:  # "is expected / said / due to ..."
                if child.dep_ == "nsubjpass":
                    return finder.args(child), passive_target
        if dep == "conj" and token.head.i != token.i:
            passive_too = token.tag_ == "VBN" and not any(
                c.dep_ in {"aux", "auxpass"} for c in token.children) and any(
                c.dep_ == "auxpass" for c in token.head.children)
            for child in token.head.children:  # "was indicted ... and will resign"
                if child.dep_ == "nsubjpass" and not passive_too:
                    return finder.args(child), passive_target
            if passive_too:  # "were killed or wounded (by ...)": the head's sides
                return self.subject(token.head, finder, depth + 1)
        if dep in {"conj", "xcomp", "advcl"} and token.head.i != token.i:
            sources, _ = self.subject(token.head, finder, depth + 1)
            return sources, passive_target
        if dep == "relcl":
            return finder.args(token.head, with_conjuncts=False), passive_target
        if dep == "acl" and token.head.pos_ in NOUN_POS:
            if token.tag_ == "VBN":  # "the houses destroyed by troops"
                for agent in token.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                return finder.args(obj), finder.args(token.head)
                return [], finder.args(token.head)
            owner = finder.owner(token.head)
            if owner:
                return owner, passive_target
            own = finder.args(token.head, with_conjuncts=False)
            if own:
                return own, passive_target
            if token.head.dep_ in {"dobj", "pobj"}:
                # "issued a declaration demanding that ...": the issuer demands
                carrier = token.head.head if token.head.dep_ == "dobj" else token.head.head.head
                if carrier.pos_ in {"VERB", "AUX"}:
                    return self.subject(carrier, finder, depth + 1)[0], passive_target
            return [], passive_target
        if dep == "pcomp" and token.head.head.i != token.head.i:
            return self.subject(token.head.head, finder, depth + 1)[0], passive_target
        return [], passive_target
