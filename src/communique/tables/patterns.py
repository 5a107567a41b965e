"""Event trigger patterns and the grammar words that frame them, compiled for matching.

`triggers.yaml` holds the patterns, `grammar.yaml` the frame, light and speech words.
Both are validated entry by entry; an error names the file and the line. Compiled
patterns are indexed by the lemma of their head word, so the events stage looks up
each token once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, model_validator

from ..errors import E003, E015, ErrorKind, TableError
from .cameo import PLOVER_TYPES, CameoTable, PloverType, check_mode
from .loader import TableRow, WordLoader, package_file, read_jsonl, read_yaml_list, validate
from .senses import SenseTable
from .vocabulary import words as vocabulary_words

FrameName = Literal["intent", "appeal", "demand", "reject", "threaten", "act"]
PREPOSITIONS = vocabulary_words("pattern_prepositions")
DETERMINERS = vocabulary_words("determiners")


@lru_cache(maxsize=1 << 16)  # called for every word of every sentence, several times
def singular(word: str) -> str:
    """A plain English singular, used alike on table words and text words."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def norm_word(word: str) -> str:
    word = word.lower().replace("\u2019", "'")
    return singular(word)


def norm_phrase(text: str) -> str:
    """Phrase key: words lower-cased and made singular, determiners dropped."""
    words = [norm_word(w) for w in text.replace("\u2019", "'").split()]
    return " ".join(w for w in words if w not in DETERMINERS)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A trigger phrase: its head word and the words that go with it."""

    head: str
    rest: tuple[str, ...] = ()  # verbs: words after the verb; nouns: modifiers before it
    particle: str | None = None  # verbs: a final preposition whose object is the object
    prep: str | None = None  # nouns: "state of emergency" -> prep "of"
    pobj: str | None = None  # ... and its object "emergency"


def parse_phrase(text: str, pos: str) -> Phrase:
    words = [w for w in text.replace("\u2019", "'").lower().split() if w not in DETERMINERS]
    if not words:
        raise ValueError(f"empty phrase {text!r}")
    if pos == "verb":
        head, rest = words[0], tuple(words[1:])
        particle = rest[-1] if rest and rest[-1] in PREPOSITIONS else None
        return Phrase(head, rest, particle)
    for i, word in enumerate(words[1:], start=1):
        if word in PREPOSITIONS and i < len(words) - 1:
            pre, post = words[:i], words[i + 1:]
            return Phrase(singular(pre[-1]), tuple(singular(w) for w in pre[:-1]), None,
                          word, singular(post[-1]))
    return Phrase(singular(words[-1]), tuple(singular(w) for w in words[:-1]))


class PatternEntry(TableRow):
    code: str = Field(pattern=r"^\d{2,4}$")
    verbs: list[str] = []
    nouns: list[str] = []
    objects: list[str] = []
    not_objects: list[str] = []
    modifiers: list[str] = []
    not_modifiers: list[str] = []
    complements: list[str] = []
    frame: FrameName | None = None
    transparent: bool = False
    target: Literal["object", "prep", "none"] = "object"
    preps: list[str] | None = None
    reciprocal: bool = False
    joint: str | None = Field(default=None, pattern=r"^\d{2,4}$")
    if_state: str | None = Field(default=None, pattern=r"^\d{2,4}$")
    object_actor: bool | None = None
    object_target: bool | None = None
    agents: list[str] = []
    subjects: list[str] = []
    needs_complement: bool = False
    no_complement: bool = False
    standalone: bool | None = None
    plover: PloverType | None = None
    mode: str | None = None

    @model_validator(mode="after")
    def _has_words(self) -> PatternEntry:
        if not self.verbs and not self.nouns:
            raise ValueError("an entry needs verbs or nouns")
        if self.transparent and not self.nouns:
            raise ValueError("only nouns can be transparent")
        return self


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled trigger: a head word and the conditions under which it codes `code`."""

    code: str
    pos: str  # verb | noun
    phrase: Phrase
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    not_modifiers: frozenset[str] = frozenset()
    complements: frozenset[str] = frozenset()
    frame: str | None = None
    transparent: bool = False
    target: str = "object"
    preps: tuple[str, ...] | None = None
    reciprocal: bool = False
    joint: str | None = None
    if_state: str | None = None
    object_actor: bool | None = None
    object_target: bool | None = None  # None: the object is the target when it is an actor
    agents: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # the subject's head or a modifier of it
    needs_complement: bool = False
    no_complement: bool = False
    standalone: bool = True
    plover: str | None = None
    mode: str | None = None
    origin: str = ""  # file:line, for messages
    priority: int = 0  # user dictionary entries outrank the package's

    @property
    def specificity(self) -> int:
        score = 2 * len(self.phrase.rest) + (3 if self.phrase.prep else 0)
        score += 3 if self.objects else 0
        score += 3 if self.modifiers else 0
        score += 3 if self.complements else 0
        score += 1 if self.object_actor else 0
        score += 2 if self.needs_complement or self.agents else 0
        score += 6 if self.subjects else 0  # outranks "arrive in" as a visit
        return score + 100 * self.priority


class GrammarEntry(TableRow):
    light_verbs: list[str]
    speech_verbs: list[str]
    target_preps: list[str]
    intent_auxiliaries: list[str]
    intent_adjectives: list[str]
    demand_modals: list[str]
    conditional_marks: list[str]
    negations: list[str]
    negating_verbs: list[str]
    hedges: list[str]
    pair_nouns: list[str]
    allegation_verbs: list[str]
    quantity_heads: list[str]
    carrier_preps: list[str]
    off_topic_cues: list[str]
    violent_means: list[str]
    preparing_words: list[str]
    assault_modes: dict[str, list[str]]
    means_codes: dict[str, str]
    means_recoded: list[str]
    means_prepositions: list[str]
    not_weapons: list[str]
    frames: dict[FrameName, dict[str, str]]


@dataclass(slots=True)
class EventGrammar:
    """Compiled patterns and grammar words, ready for the events stage."""

    verbs: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    light_verbs: frozenset[str] = frozenset()
    light_phrases: tuple[Phrase, ...] = ()
    speech_verbs: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ()
    intent_auxiliaries: frozenset[str] = frozenset()
    intent_adjectives: frozenset[str] = frozenset()
    demand_modals: frozenset[str] = frozenset()
    conditional_marks: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    negating_verbs: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()
    pair_nouns: frozenset[str] = frozenset()
    allegation_verbs: frozenset[str] = frozenset()
    quantity_heads: frozenset[str] = frozenset()
    carrier_preps: frozenset[str] = frozenset()
    off_topic_cues: frozenset[str] = frozenset()
    violent_means: frozenset[str] = frozenset()
    preparing_words: frozenset[str] = frozenset()
    assault_modes: dict[str, str] = field(default_factory=dict)  # word -> mode
    means_codes: dict[str, str] = field(default_factory=dict)  # assault mode -> CAMEO code
    means_recoded: frozenset[str] = frozenset()  # the codes a means of violence replaces
    means_prepositions: frozenset[str] = frozenset()
    not_weapons: frozenset[str] = frozenset()  # "think tank": modifier and weapon word
    frames: dict[str, dict[str, str]] = field(default_factory=dict)
    senses: SenseTable = field(default_factory=SenseTable)  # other senses of trigger words

    @classmethod
    def load(cls, cameo: CameoTable, *, triggers: Path | None = None,
             grammar: Path | None = None) -> EventGrammar:
        compiled = cls()
        compiled.load_grammar(grammar or package_file("grammar.yaml"), cameo)
        compiled.senses = SenseTable.load(cameo)
        path = triggers or package_file("triggers.yaml")
        compiled.add_patterns(read_yaml_list(path, PatternEntry, kind=E003, key="patterns"),
                              path, cameo, kind=E003)
        if triggers is None:
            # the verb patterns converted from the PETRARCH2 dictionaries, after the
            # hand-written ones, which win ties (see docs/events.md)
            converted = package_file("petrarch/verb_patterns.jsonl")
            compiled.add_patterns(read_jsonl(converted, PatternEntry), converted, cameo,
                                  kind=E003,
                                  new_heads_only=True)
        return compiled

    def load_grammar(self, path: Path, cameo: CameoTable) -> None:
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=WordLoader)
        except yaml.YAMLError as exc:
            raise TableError(E003, path=path, line=0, problem=f"YAML syntax: {exc}") from exc
        entry = validate(GrammarEntry, raw, path=path, line=1, kind=E003)
        self.light_verbs = frozenset(v for v in entry.light_verbs if " " not in v)
        self.light_phrases = tuple(parse_phrase(v, "verb") for v in entry.light_verbs if " " in v)
        self.speech_verbs = frozenset(v for v in entry.speech_verbs)
        self.target_preps = tuple(entry.target_preps)
        self.intent_auxiliaries = frozenset(entry.intent_auxiliaries)
        self.intent_adjectives = frozenset(entry.intent_adjectives)
        self.demand_modals = frozenset(entry.demand_modals)
        self.conditional_marks = frozenset(entry.conditional_marks)
        self.negations = frozenset(entry.negations)
        self.negating_verbs = frozenset(entry.negating_verbs)
        self.hedges = frozenset(entry.hedges)
        self.pair_nouns = frozenset(singular(w) for w in entry.pair_nouns)
        self.allegation_verbs = frozenset(entry.allegation_verbs)
        self.quantity_heads = frozenset(entry.quantity_heads)
        self.carrier_preps = frozenset(entry.carrier_preps)
        self.off_topic_cues = frozenset(entry.off_topic_cues)
        self.violent_means = frozenset(singular(w) for w in entry.violent_means)
        self.preparing_words = frozenset(entry.preparing_words)
        for mode, words in entry.assault_modes.items():
            try:
                check_mode("ASSAULT", mode)
            except ValueError as exc:
                raise TableError(E003, path=path, line=0, problem=str(exc)) from exc
            for word in words:
                self.assault_modes.setdefault(word, mode)
        for mode, code in entry.means_codes.items():
            if mode not in entry.assault_modes or code not in cameo:
                raise TableError(E003, path=path, line=0,
                                 problem=f"means_codes: {mode} -> {code}: the mode must be "
                                 "one of assault_modes and the code a CAMEO code")
        for code in entry.means_recoded:
            if code not in cameo:
                raise TableError(E003, path=path, line=0,
                                 problem=f"means_recoded: unknown CAMEO code {code}")
        self.means_codes = dict(entry.means_codes)
        self.means_recoded = frozenset(entry.means_recoded)
        self.means_prepositions = frozenset(entry.means_prepositions)
        self.not_weapons = frozenset(entry.not_weapons)
        for frame, table in entry.frames.items():
            for prefix, code in table.items():
                if code != "=" and code not in cameo:
                    raise TableError(E003, path=path, line=0,
                                     problem=f"frame {frame}: {prefix} -> unknown code {code}")
            self.frames[frame] = dict(table)

    def add_patterns(self, entries: Iterable[tuple[int, PatternEntry]], path: Path,
                     cameo: CameoTable, *, kind: ErrorKind = E015, priority: int = 0,
                     new_heads_only: bool = False) -> int:
        """Compile and index entries. With `new_heads_only`, the patterns before win for
        the words they have (the hand-written table over the converted dictionaries): a
        word they head takes no new pattern, except a verb all of whose patterns name
        their objects ("confiscate" assets, accounts), which takes the new patterns'
        other objects only ("confiscate" weapons): none of its patterns would have coded
        those, so nothing they code changes."""
        added = 0
        open_verbs = self._open_verbs() if new_heads_only else {}
        before = (set(self.verbs), set(self.nouns))  # the heads of the patterns before
        for line, entry in entries:
            origin = f"{path.name}:{line}"
            for code in (entry.code, entry.joint, entry.if_state):
                if code is not None and code not in cameo:
                    raise TableError(kind, path=path, line=line,
                                     problem=f"unknown CAMEO code {code}")
            plover = entry.plover or cameo[entry.code].plover_type
            if entry.mode is not None:
                if plover is None:
                    raise TableError(kind, path=path, line=line,
                                     problem="a mode needs a PLOVER type; CAMEO "
                                     f"{entry.code} has none")
                try:
                    check_mode(plover, entry.mode)
                except ValueError as exc:
                    raise TableError(kind, path=path, line=line, problem=str(exc)) from exc
            shared: dict[str, frozenset[str]] | None = None
            for pos, words in (("verb", entry.verbs), ("noun", entry.nouns)):
                for word in words:
                    try:
                        phrase = parse_phrase(word, pos)
                    except ValueError as exc:
                        raise TableError(kind, path=path, line=line, problem=str(exc)) from exc
                    index = self.verbs if pos == "verb" else self.nouns
                    taken: frozenset[str] = frozenset()
                    if new_heads_only and phrase.head in before[pos != "verb"]:
                        if pos != "verb" or phrase.head not in open_verbs:
                            continue
                        taken = open_verbs[phrase.head]
                    if shared is None:  # the entry's word sets, made once for its words
                        shared = {
                            "objects": frozenset(norm_phrase(o) for o in entry.objects),
                            "not_objects": frozenset(norm_phrase(o) for o in entry.not_objects),
                            "modifiers": frozenset(norm_phrase(m) for m in entry.modifiers),
                            "not_modifiers": frozenset(norm_phrase(m)
                                                       for m in entry.not_modifiers),
                            "subjects": frozenset(norm_phrase(w) for w in entry.subjects),
                        }
                    words_of = shared
                    if taken:
                        words_of = {**shared, "objects": shared["objects"] - taken}
                        if not words_of["objects"]:
                            continue
                    pattern = Pattern(
                        code=entry.code, pos=pos, phrase=phrase, **words_of,
                        complements=frozenset(c.lower() for c in entry.complements),
                        frame=entry.frame, transparent=entry.transparent, target=entry.target,
                        preps=tuple(entry.preps) if entry.preps is not None else None,
                        reciprocal=entry.reciprocal, joint=entry.joint, if_state=entry.if_state,
                        object_actor=entry.object_actor, object_target=entry.object_target,
                        agents=frozenset(entry.agents),
                        needs_complement=entry.needs_complement,
                        no_complement=entry.no_complement,
                        standalone=entry.standalone if entry.standalone is not None
                        else pos == "verb",
                        plover=entry.plover, mode=entry.mode, origin=origin, priority=priority,
                    )
                    index[phrase.head].append(pattern)
                    added += 1
        for index in (self.verbs, self.nouns):
            for head, patterns in index.items():
                index[head] = sorted(patterns, key=lambda p: -p.specificity)
        return added

    def _open_verbs(self) -> dict[str, frozenset[str]]:
        """Verbs every pattern of which names its objects, with those objects."""
        open_verbs = {}
        for head, patterns in self.verbs.items():
            if all(p.objects and p.frame is None for p in patterns):
                open_verbs[head] = frozenset().union(*(p.objects for p in patterns))
        return open_verbs

    def remove_words(self, verbs: Iterable[str], nouns: Iterable[str]) -> None:
        for word in verbs:
            self.verbs.pop(parse_phrase(word, "verb").head, None)
        for word in nouns:
            self.nouns.pop(parse_phrase(word, "noun").head, None)

    def frame_code(self, frame: str, action_code: str) -> str | None:
        """The code a frame gives an action: longest matching prefix, '=' keeps the action's."""
        table = self.frames.get(frame, {})
        for size in range(len(action_code), 1, -1):
            code = table.get(action_code[:size])
            if code is not None:
                return action_code if code == "=" else code
        return None


__all__ = ["PLOVER_TYPES", "EventGrammar", "Pattern", "Phrase", "norm_phrase", "norm_word",
           "parse_phrase", "singular"]
