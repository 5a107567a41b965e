"""Matching trigger patterns against tokens: which word codes what, in this sentence.

A pattern matches a verb by lemma and the words that go with it ("call for", "open
fire"), its object ("sign an agreement"), modifiers ("video summit") and complement
("decline to comment"); a noun by its head and modifiers ("hunger strike", "state of
emergency"). Among the patterns that match, the most specific wins.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..tables.patterns import EventGrammar, Pattern, Phrase, singular
from ..tables.senses import SenseCheck

OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "dative", "obj"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "oprd", "acomp"})
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# how far after a verb the other words of a verb phrase may stand ("pay a visit")
PHRASE_WINDOW = 4


@dataclass(slots=True)
class Trigger:
    """A token that matched a pattern, with the tokens that matched along with it."""

    token: Token
    pattern: Pattern | None  # None for a light verb
    words: tuple[int, ...] = ()  # other tokens of the phrase ("fire" in "open fire")
    object: Token | None = None  # the object the pattern matched, if any
    light: bool = False
    object_words: int = 0  # how many words of the object the pattern named
    sense: str | None = None  # the sense check that changed what the word codes

    @property
    def frame(self) -> str | None:
        return self.pattern.frame if self.pattern else None

    @property
    def is_action(self) -> bool:
        return self.pattern is not None and self.pattern.frame is None \
            and not self.pattern.transparent


# letters English does not double when it inflects a verb ("agreed", "fixed"); a pair of
# others may be the base's own ("called", "pressed"), tried first, or a doubling
# ("extolled", "repelling"), tried after it as a single letter
VOWELS_AND_DOUBLES = frozenset("aeiouwxy")


def verb_keys(token: Token) -> list[str]:
    """A verb's lemma, and plain guesses where the lemmatiser slips ("staged" -> "stag",
    "extolled" -> "extoll"): the word's own form, its stem with an "e", and its stem with
    a doubled final consonant made single, so a pattern for the base form a user writes
    ("extol", "stage") matches every form of the verb."""
    lemma = token.lemma_.lower()
    keys = [lemma]
    text = token.lower_
    stem = None
    if token.tag_ in {"VBD", "VBN"} and text.endswith("ed"):
        keys.extend((text[:-1], text[:-2]))
        stem = text[:-2]
    elif token.tag_ == "VBG" and text.endswith("ing"):
        keys.extend((text[:-3] + "e", text[:-3]))
        stem = text[:-3]
    elif token.tag_ == "VBZ" and text.endswith("s"):
        keys.append(text[:-1])
        if text.endswith("es"):
            keys.append(text[:-2])  # "vetoes", "pushes"
    if stem is not None and len(stem) >= 3 and stem[-1] == stem[-2] \
            and stem[-1] not in VOWELS_AND_DOUBLES:
        keys.append(stem[:-1])  # "extolled" -> "extol", "repelling" -> "repel"
    return keys


def infinitive_tagged_noun(token: Token) -> bool:
    """A word the tagger calls a noun but the parse reads as an infinitive: "offered to
    host talks" (host/NN with its "to" and a verb's complement)."""
    return token.pos_ == "NOUN" and token.dep_ in {"xcomp", "advcl", "ccomp"} and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def word_keys(token: Token) -> set[str]:
    """The forms a word is looked up by: its lemma and its plain singular."""
    keys = {token.lemma_.lower(), singular(token.lower_)}
    doc = token.doc
    i = token.i
    # hyphenated compounds: "cease-fire", "visa-free", "pull-out"
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
            and not doc[i - 2].whitespace_:
        keys.add(f"{doc[i - 2].lower_}-{singular(token.lower_)}")
    return keys


def modifier_words(token: Token) -> list[str]:
    """Words that modify a noun, nearest last: 'improvised explosive device' -> the two."""
    words: list[str] = []
    for left in token.lefts:
        if left.dep_ in MODIFIER_DEPS or (left.dep_ == "punct" and left.text == "-"):
            if left.text == "-":
                continue
            words.append(singular(left.lower_))
            doc = token.doc
            j = left.i
            if j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_:
                words.append(f"{doc[j - 2].lower_}-{left.lower_}")
            if j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j + 1].whitespace_:
                words.append(f"{left.lower_}-{doc[j + 2].lower_}")
            for inner in left.lefts:
                if inner.dep_ in MODIFIER_DEPS:
                    words.append(singular(inner.lower_))
    return words


def phrase_keys(token: Token) -> set[str]:
    """All the phrase keys a noun answers to: 'talk', 'peace talk', 'state of emergency'."""
    base = word_keys(token)
    keys = set(base)
    mods = modifier_words(token)
    for mod in mods:
        for b in base:
            keys.add(f"{mod} {b}")
    if len(mods) >= 2:
        for b in base:
            keys.add(f"{mods[-2]} {mods[-1]} {b}")
            keys.add(f"{mods[0]} {mods[1]} {b}")
    for child in token.rights:
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    for b in base:
                        for o in word_keys(obj):
                            keys.add(f"{b} {child.lower_} {o}")
    return keys


class TriggerMatcher:
    def __init__(self, grammar: EventGrammar) -> None:
        self.grammar = grammar
        self._actor_tokens: frozenset[int] = frozenset()
        self._keys: dict[int, set[str]] = {}  # phrase keys of the sentence's words, once
        self._objects: dict[tuple[int, str | None, tuple[int, ...]], list[Token]] = {}
        # per sentence, what every pattern of a verb asks of it alike: the objects proper
        # for a particle, the words that complete a phrase, the modifiers, the subject
        self._pools: dict[tuple[int, str | None, tuple[int, ...]], list[Token]] = {}
        self._clause_subjects: dict[int, list[Token]] = {}
        self._phrases: dict[tuple[int, tuple[str, ...]], tuple[int, ...] | None] = {}
        self._modifiers: dict[int, frozenset[str]] = {}
        self._subjects: dict[int, set[str]] = {}
        self._sent_end = 0
        self._context: set[str] | None = None  # the sentence's words, for sense checks
        # the triggers a sense check changed or silenced in the last sentence matched
        self.sense_hits: list[tuple[Trigger, SenseCheck]] = []

    def phrase_keys(self, token: Token) -> set[str]:
        keys = self._keys.get(token.i)
        if keys is None:
            keys = self._keys[token.i] = phrase_keys(token)
        return keys

    def phrase_words(self, token: Token, phrase: Phrase) -> tuple[int, ...] | None:
        key = (token.i, phrase.rest)
        if key in self._phrases:
            return self._phrases[key]
        words = self._phrases[key] = _phrase_words(token, phrase, self._sent_end)
        return words

    def all_modifiers(self, token: Token) -> frozenset[str]:
        mods = self._modifiers.get(token.i)
        if mods is None:
            mods = self._modifiers[token.i] = frozenset(_all_modifiers(token))
        return mods

    def clause_subjects(self, token: Token) -> list[Token]:
        """The subjects of the clauses a verb governs ("allowed aid convoys to enter")."""
        found = self._clause_subjects.get(token.i)
        if found is None:
            found = self._clause_subjects[token.i] = [
                s for c in token.children if c.dep_ in {"ccomp", "xcomp"}
                for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
        return found

    def match_sentence(self, sent: Span, taken: set[int], actor_tokens: frozenset[int]
                       ) -> dict[int, Trigger]:
        """Token index -> trigger, for every token of the sentence that codes or carries."""
        self._actor_tokens = actor_tokens
        self._keys.clear()  # token indices are the sentence's document's
        self._objects.clear()
        self._pools.clear()
        self._clause_subjects.clear()
        self._phrases.clear()
        self._modifiers.clear()
        self._subjects.clear()
        self._sent_end = sent.end
        self._context = None
        self.sense_hits = []
        found: dict[int, Trigger] = {}
        grammar = self.grammar
        for token in sent:
            if token.i in taken:
                continue
            pos = token.pos_
            trigger = None
            if pos in VERB_POS or (pos == "AUX" and token.dep_ not in {"aux", "auxpass"}) \
                    or infinitive_tagged_noun(token):
                trigger = self.match_verb(token)
                if trigger is None and any(k in grammar.light_verbs for k in verb_keys(token)):
                    trigger = Trigger(token, None, light=True)
                if trigger is None:
                    trigger = self.match_light_phrase(token)
            if trigger is None and (pos in NOUN_POS or (
                    pos == "VERB" and token.tag_ == "VBG" and token.dep_ in NOMINAL_DEPS)):
                trigger = self.match_noun(token)  # "the fighting", "after the shelling"
            if trigger is not None and trigger.pattern is not None:
                trigger = self.check_sense(trigger, sent)
            if trigger is not None:
                found[token.i] = trigger
                taken.update(trigger.words)
        for index in list(found):
            # a word claimed by another trigger's phrase ("fire" in "open fire")
            if index in taken and any(index in t.words for t in found.values()
                                      if t.token.i != index):
                del found[index]
        return found

    def check_sense(self, trigger: Trigger, sent: Span) -> Trigger | None:
        """The trigger as its sense says (`senses.yaml`): unchanged, silenced ("fired
        his adviser"), a carrier of its object's event noun ("kicked off talks"), or
        another code ("shot down the proposal")."""
        token = trigger.token
        pos = trigger.pattern.pos
        table = self.grammar.senses.verbs if pos == "verb" else self.grammar.senses.nouns
        keys = verb_keys(token) if pos == "verb" else list(word_keys(token))
        checks = next((table[k] for k in keys if k in table), None)
        if not checks:
            return trigger
        for check in checks:
            if self._sense_holds(check, trigger, sent):
                self.sense_hits.append((trigger, check))
                if check.then == "none":
                    return None
                if check.then == "carry":
                    return Trigger(token, None, trigger.words, light=True, sense=check.rule)
                own = self._own_pattern(token, check.then) if pos == "verb" else None
                if own is not None:  # the word's own pattern of that code, with its targets
                    return replace(own, sense=check.rule)
                pattern = replace(trigger.pattern, code=check.then, plover=None, mode=None,
                                  frame=None, transparent=False)
                return Trigger(token, pattern, trigger.words, trigger.object,
                               object_words=trigger.object_words, sense=check.rule)
        return trigger

    def _own_pattern(self, token: Token, code: str) -> Trigger | None:
        """The word as its own pattern of a code reads it, if it has one that fits."""
        for key in verb_keys(token):
            for pattern in self.grammar.verbs.get(key, ()):
                if pattern.code == code:
                    trigger = self._verb_fits(pattern, token)
                    if trigger is not None:
                        return trigger
        return None

    def _sense_holds(self, check: SenseCheck, trigger: Trigger, sent: Span) -> bool:
        token = trigger.token
        if check.pos == "verb":
            near = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep", "advmod"}}
            near |= {token.doc[i].lower_ for i in trigger.words}
            if any(word not in near for word in check.rest):
                return False
        elif check.rest and not set(check.rest) <= set(modifier_words(token)):
            return False
        objects = object_candidates(token, check.rest[-1] if check.rest else None, (),
                                    self.grammar.quantity_heads, direct_only=True) \
            if check.pos == "verb" else []
        if check.objects and not any(self.phrase_keys(o) & check.objects for o in objects):
            return False
        if check.modifiers:
            mods = _all_modifiers(token)
            for obj in objects:
                mods |= _all_modifiers(obj) | self.phrase_keys(obj)
            if not mods & check.modifiers:
                return False
        if check.subjects:
            said_of = token.head if check.pos == "noun" and token.dep_ in {"attr", "acomp"} \
                else token
            if not _subject_words(said_of) & check.subjects:
                return False
        if check.context:
            if self._context is None:
                self._context = set()
                previous = None
                for word in sent:
                    self._context |= self.phrase_keys(word) if word.pos_ in NOUN_POS \
                        else word_keys(word)
                    if previous is not None:  # two words in a row, whatever the parse
                        self._context.add(f"{previous} {singular(word.lower_)}")
                    previous = singular(word.lower_)
            if not self._context & check.context:
                return False
        return True

    def match_verb(self, token: Token) -> Trigger | None:
        for key in verb_keys(token):
            patterns = self.grammar.verbs.get(key)
            if patterns:
                break
        else:
            return None
        best: Trigger | None = None
        best_rank: tuple[int, int] = (-1, -1)
        for pattern in patterns:
            if best is not None and pattern.specificity < best_rank[0]:
                break  # sorted by specificity: nothing later can win
            trigger = self._verb_fits(pattern, token)
            if trigger is None:
                continue
            # of two fits, the one whose object matched more words ("peacekeeping force")
            rank = (pattern.specificity, trigger.object_words)
            if rank > best_rank:
                best, best_rank = trigger, rank
        return best

    def match_light_phrase(self, token: Token) -> Trigger | None:
        keys = verb_keys(token)
        for phrase in self.grammar.light_phrases:
            if phrase.head in keys:
                words = self.phrase_words(token, phrase)
                if words is not None:
                    return Trigger(token, None, words, light=True)
        return None

    def match_noun(self, token: Token) -> Trigger | None:
        keys = word_keys(token)
        candidates: list[Pattern] = []
        for key in keys:
            candidates.extend(self.grammar.nouns.get(key, ()))
        if not candidates:
            return None
        candidates.sort(key=lambda p: -p.specificity)
        pkeys: set[str] | None = None
        mods: set[str] | None = None
        for pattern in candidates:
            phrase = pattern.phrase
            if phrase.rest or phrase.prep:
                if pkeys is None:
                    pkeys = self.phrase_keys(token)
                if _phrase_text(phrase) not in pkeys:
                    continue
            if pattern.modifiers or pattern.not_modifiers:
                if mods is None:
                    mods = self.all_modifiers(token)
                if pattern.modifiers and not (pattern.modifiers & mods):
                    continue
                if pattern.not_modifiers & mods:
                    continue
            if pattern.complements and not any(
                    c.dep_ == "acl" and c.lemma_.lower() in pattern.complements
                    for c in token.children):
                continue  # "an attempt to assassinate"
            return Trigger(token, pattern)
        return None

    def _verb_fits(self, pattern: Pattern, token: Token) -> Trigger | None:
        phrase = pattern.phrase
        words: tuple[int, ...] = ()
        if phrase.rest:
            found = self.phrase_words(token, phrase)
            if found is None:
                return None
            words = found
        obj = None
        object_words = 0
        if pattern.objects or pattern.not_objects or pattern.object_actor is not None:
            key = (token.i, phrase.particle, words)
            candidates = self._objects.get(key)
            if candidates is None:
                candidates = self._objects[key] = object_candidates(
                    token, phrase.particle, words, self.grammar.quantity_heads)
            if pattern.objects:
                # the object proper: a direct object, the object of the phrase's own
                # particle ("called for talks"), or the subject of an infinitive it
                # governs ("allowed aid convoys to enter")
                pool = self._pools.get(key)
                if pool is None:
                    pool = self._pools[key] = [
                        c for c in candidates if c.dep_ != "pobj" or c.head.head.i != token.i
                        or c.head.lower_ == phrase.particle or c.head.dep_ == "prt"
                    ] + self.clause_subjects(token)
                for candidate in pool:
                    matched = self.phrase_keys(candidate) & pattern.objects
                    if matched:
                        obj = candidate
                        object_words = max(len(m.split()) for m in matched)
                        break
                if obj is None:
                    return None
            if pattern.not_objects and any(
                    self.phrase_keys(c) & pattern.not_objects for c in candidates[:1]):
                return None
            if pattern.object_actor is not None:
                direct = candidates[0] if candidates else None
                is_actor = direct is not None and (
                    direct.i in self._actor_tokens or _looks_like_actor(direct))
                if pattern.object_actor != is_actor:
                    return None
                obj = obj or direct
        if pattern.modifiers or pattern.not_modifiers:
            mods = self.all_modifiers(token)
            if obj is not None:
                mods = mods | self.all_modifiers(obj)
            if pattern.modifiers and not (pattern.modifiers & mods):
                return None
            if pattern.not_modifiers & mods:
                return None
        if pattern.subjects:
            subjects = self._subjects.get(token.i)
            if subjects is None:
                subjects = self._subjects[token.i] = _subject_words(token)
            if not pattern.subjects & subjects:
                return None
        if pattern.complements or pattern.needs_complement or pattern.no_complement:
            complement = next((c for c in token.children if c.dep_ in COMPLEMENT_DEPS), None)
            if pattern.no_complement and complement is not None:
                return None
            if pattern.needs_complement and complement is None:
                return None
            if pattern.complements and (complement is None or complement.lemma_.lower()
                                        not in pattern.complements):
                return None
        return Trigger(token, pattern, words, obj, object_words=object_words)


def _subject_words(token: Token) -> set[str]:
    """The words of a verb's subject: its head and modifiers, through a quantity ("a first
    batch of peacekeeping troops")."""
    words: set[str] = set()
    for subject in (c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}):
        heads = [subject]
        heads += [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]
        for head in heads:
            words.add(singular(head.lower_))
            words.add(head.lemma_.lower())
            words |= _all_modifiers(head)
    return words


def object_candidates(token: Token, particle: str | None = None, words: tuple[int, ...] = (),
                      quantity_heads: frozenset[str] = frozenset(), *,
                      direct_only: bool = False) -> list[Token]:
    """The verb's objects, direct first: dobj, then the object of its particle or other
    prepositions ("called for talks", "remained on alert"). A quantity ("two of its
    nationals", "tons of food aid", "up to 16 advisers") gives way to what it counts."""
    direct: list[Token] = []
    prepositional: list[Token] = []
    for child in token.children:
        if child.dep_ in OBJECT_DEPS and child.i not in words:
            direct.append(child)
        elif child.dep_ in {"prep", "agent", "prt"}:
            for obj in _prep_objects(child):
                if particle and child.lower_ == particle:
                    direct.insert(0, obj)
                elif child.dep_ == "prt":
                    direct.append(obj)  # "kidnapped up to 16 advisers"
                else:
                    prepositional.append(obj)
    if token.dep_ in {"acl", "relcl"} and token.tag_ == "VBN":
        direct.append(token.head)  # "the sanctions imposed on Iran"
    extra = []
    for obj in direct:
        extra.extend(c for c in obj.children if c.dep_ == "conj")
    found = direct + extra + ([] if direct_only else prepositional)
    if quantity_heads:
        found = [counted(t, quantity_heads) for t in found]
    return found


def counted(token: Token, quantity_heads: frozenset[str]) -> Token:
    """'two of its nationals' -> 'nationals'; other words are themselves."""
    for _ in range(3):
        if token.lemma_.lower() not in quantity_heads and token.lower_ not in quantity_heads:
            return token
        of = next((obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for obj in prep.children if obj.dep_ == "pobj"), None)
        if of is None:
            return token
        token = of
    return token


def _prep_objects(prep: Token) -> list[Token]:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    for child in prep.children:  # "up to 16": a preposition inside a particle
        if child.dep_ == "prep":
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    return objects


def _phrase_text(phrase: Phrase) -> str:
    if phrase.prep:
        return " ".join([*phrase.rest, phrase.head, phrase.prep, phrase.pobj or ""]).strip()
    return " ".join([*phrase.rest, phrase.head])


def _phrase_words(token: Token, phrase: Phrase, sent_end: int) -> tuple[int, ...] | None:
    """Indices of the words after a verb that complete its phrase (within its sentence,
    which ends at `sent_end`), in order, or None. A particle may stand anywhere after its
    verb ("forced the agency out")."""
    doc = token.doc
    position = token.i
    limit = min(len(doc), sent_end)
    found: list[int] = []
    if len(phrase.rest) == 1:
        word = phrase.rest[0]
        for child in token.children:
            if child.i > token.i and child.dep_ in {"prt", "prep", "advmod"} and (
                    child.lower_ == word):
                return (child.i,)
    for word in phrase.rest:
        for j in range(position + 1, min(position + 1 + PHRASE_WINDOW, limit)):
            candidate = doc[j]
            if candidate.lower_ == word or candidate.lemma_.lower() == word \
                    or singular(candidate.lower_) == word:
                found.append(j)
                position = j
                break
        else:
            return None
    return tuple(found)


def _all_modifiers(token: Token) -> set[str]:
    mods = set(modifier_words(token))
    for child in token.children:
        if child.dep_ in {"advmod", "prep"} and child.i > token.i:
            mods.add(child.lower_)
            for obj in child.children:
                if obj.dep_ == "pobj":
                    mods.add(singular(obj.lower_))
    return mods


def _looks_like_actor(token: Token) -> bool:
    """Names and personal pronouns, for docs coded without the actors stage."""
    if token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    return token.pos_ == "PRON" and token.lower_ in {"him", "her", "them", "us", "me", "you"}
