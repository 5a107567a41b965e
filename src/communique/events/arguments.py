"""Who an event's words refer to: the actors behind subjects, objects and possessors.

The actors stage leaves mentions on the Doc as plain data. Here a token becomes one or
more event arguments: the actor of the mention it belongs to, the members of a pair
("the two countries"), each conjunct of a coordination ("Moscow and Beijing"), or,
where no mention covers it, what its modifiers say ("Palestinian homes" -> Palestine).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..tables import vocabulary
from ..tables.lexicon import NONSTATE_COUNTRIES

RELATIVE_PRONOUNS = vocabulary.words("relative_pronouns")
# Seas, gulfs and rivers are no country's ("the Red Sea" is not Sudan's Red Sea state).
WATERS = re.compile(r"\b(?:seas?|oceans?|gulf|straits?|channel|bay|rivers?|lakes?)\b",
                    re.IGNORECASE)
BORDERS = vocabulary.words("borders")
BACKED = vocabulary.words("backed")
MISSION_NOUNS = vocabulary.words("mission_nouns")
GO_BETWEEN = vocabulary.words("go_between_verbs")
RELATIONAL_NOUNS = vocabulary.words("relational_nouns")


@dataclass(slots=True)
class Arg:
    """One side of an event."""

    actor: str | None  # actor id, or None for an actor only described here
    name: str
    country: str | None
    sector: str | None
    org: str | None
    start: int  # character offsets of the words naming it in this event
    end: int
    token: int  # head token
    inferred: bool = False  # reached through a pronoun, a pair or an inference
    state: bool = False  # a state as such: country, capital, government
    kind: str | None = None  # the actor's kind: person, organization, group, country ...

    @property
    def key(self) -> str:
        return self.actor or f"{self.name}|{self.country}"

    def to_dict(self) -> dict:
        return {"actor": self.actor, "name": self.name, "country": self.country,
                "sector": self.sector, "org": self.org, "start": self.start, "end": self.end}


class ArgumentFinder:
    """Maps tokens to event arguments, from the actors stage's plain data on the Doc."""

    def __init__(self, doc: Doc, quantity_heads: frozenset[str] = frozenset(),
                 place_lookup=None, known=None) -> None:
        self.doc = doc
        self.quantity_heads = quantity_heads
        self.place_lookup = place_lookup  # name -> country code, or None
        mentions = doc._.communique_mentions or []
        self.actors = {a["id"]: a for a in (doc._.communique_actors or [])}
        if known is not None:
            self.actors = complete_from_known(self.actors, known,
                                              (doc._.communique_meta or {}).get("date"))
        self.mention_at = [-1] * len(doc)
        self.mentions = mentions
        for index, mention in enumerate(mentions):
            for i in range(mention["start"], mention["end"]):
                self.mention_at[i] = index
        self.name_country: dict[int, str] = {}
        for start, end, country, _kind in doc._.communique_names or []:
            if country:
                for i in range(start, end):
                    self.name_country[i] = country
        self.actor_tokens = frozenset(i for i, m in enumerate(self.mention_at) if m >= 0)
        self._entity_at: dict[int, object] | None = None

    def entity_of(self, i: int):
        """The named entity token `i` is in, or None; the index is built once per Doc, on
        first use, so finding a place's entity costs the same in a long article."""
        if self._entity_at is None:
            self._entity_at = {}
            for entity in self.doc.ents:
                for j in range(entity.start, entity.end):
                    self._entity_at.setdefault(j, entity)
        return self._entity_at.get(i)

    # -- one token --------------------------------------------------------------------
    def args(self, token: Token | None, *, with_conjuncts: bool = True,
             implicit: bool = True) -> list[Arg]:
        if token is None:
            return []
        heads = [token]
        if with_conjuncts:
            heads.extend(_conjuncts(token))
        found: list[Arg] = []
        for head in heads:
            for arg in self._args_one(head, implicit):
                if all(arg.key != other.key for other in found):
                    found.append(arg)
        return found

    def _args_one(self, token: Token, implicit: bool, depth: int = 0) -> list[Arg]:
        if depth > 3:
            return []
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self._args_one(token.head.head, implicit, depth + 1)
        index = self.mention_at[token.i]
        if index < 0 and (token.lemma_.lower() in self.quantity_heads
                          or token.lower_ in self.quantity_heads):
            of = _of_object(token)
            if of is not None:
                return self.args(of, implicit=implicit)
        if index >= 0:
            found = self._mention_args(index)
            if found or not implicit:
                return found
        if not implicit:
            return []
        return self._implicit(token)  # also a place named as a place: "in Tehran"

    def _mention_args(self, index: int) -> list[Arg]:
        mention = self.mentions[index]
        doc = self.doc
        span = doc[mention["start"]:mention["end"]]
        if mention["kind"] == "pair" or mention.get("members"):
            return [self._actor_arg(actor_id, span, mention["head"], inferred=True)
                    for actor_id in mention.get("members", ())]
        actor_id = mention.get("actor")
        if actor_id is None:
            return []
        arg = self._actor_arg(actor_id, span, mention["head"],
                              inferred=mention["kind"] == "pronoun")
        return [arg, *self._coordinated_origins(arg, doc[mention["head"]])]

    def _coordinated_origins(self, arg: Arg, head: Token) -> list[Arg]:
        """'U.S. and Russian negotiators': a second group, from the other country."""
        extra: list[Arg] = []
        for left in head.lefts:
            if left.dep_ not in {"amod", "nmod", "compound"}:
                continue
            for conj in left.children:
                if conj.dep_ != "conj":
                    continue
                country = self.name_country.get(conj.i)
                if country and country != arg.country:
                    extra.append(Arg(None, f"{conj.text} {head.text}", country, arg.sector,
                                     None, conj.idx, head.idx + len(head.text), head.i,
                                     kind=arg.kind))
        return extra

    def _actor_arg(self, actor_id: str, span, head: int, *, inferred: bool) -> Arg:
        actor = self.actors[actor_id]
        return Arg(actor_id, actor["name"], actor["country"], actor["sector"], actor.get("org"),
                   span.start_char, span.end_char, head, inferred=inferred,
                   state=actor["kind"] in {"country", "place-as-government"}, kind=actor["kind"])

    def _implicit(self, token: Token) -> list[Arg]:
        """'Palestinian homes', 'Kampuchean guerrilla camps': the country the words name;
        a known place name, as a place ('its embassy in Tehran')."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return []
        country = self.name_country.get(token.i)
        index = self.mention_at[token.i]
        if not country and index >= 0 and self.mentions[index]["kind"] == "place":
            country = self.place_country(token)  # "Scud missiles hit Tel Aviv"
        if country:
            return [Arg(None, token.text, country, None, None, token.idx,
                        token.idx + len(token.text), token.i, kind="place")]
        if token.lemma_.lower() in RELATIONAL_NOUNS and any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "urging the counterpart to sign": the other state, said by the one acting
            return self.other_state(token, set(), others_of_subject=True)
        for child in token.lefts:
            if child.dep_ == "poss":
                owned = self.args(child, with_conjuncts=False, implicit=False)
                if owned and token.lemma_.lower() in RELATIONAL_NOUNS:
                    # "charging its neighbor": not Serbia but the other state named
                    return self.other_state(token, {a.key for a in owned})
                if owned and owned[0].kind in {"person", "pronoun"} and token.tag_ == "NNS":
                    # "shot dead by two of her bodyguards": hers, of her country, not her
                    owner = owned[0]
                    return [Arg(None, token.text, owner.country, None, None, token.idx,
                                token.idx + len(token.text), token.i, inferred=True,
                                kind="group")]
                if owned:
                    return owned
        led = self._led_by(token)
        if led:
            return led  # "the US-led war against Iraq"
        for child in token.lefts:
            if child.dep_ in {"amod", "compound", "nmod"}:
                index = self.mention_at[child.i]
                if index >= 0:
                    args = self._mention_args(index)
                    if args:
                        return args
                country = self.name_country.get(child.i)
                if country:
                    span = self.doc[child.left_edge.i:token.i + 1]
                    return [Arg(None, span.text, country, None, None, span.start_char,
                                span.end_char, token.i)]
        return []

    def _led_by(self, noun: Token) -> list[Arg]:
        """'the US-led war', 'Iranian-backed militias': who leads or backs it."""
        for child in noun.lefts:
            if child.dep_ == "amod" and child.lower_ in BACKED:
                for name in child.lefts:
                    country = self.name_country.get(name.i)
                    if country:
                        return [Arg(None, name.text, country, None, None, name.idx,
                                    name.idx + len(name.text), name.i)]
        return []

    def other_state(self, token: Token, besides: set[str], *,
                     others_of_subject: bool = False) -> list[Arg]:
        """The one state its sentence names besides the given actors (or, with
        `others_of_subject`, besides the sentence's subject), if only one: by a country
        or capital mention, or by a people's adjective ("the Indian proposal")."""
        sent = token.sent
        excluded: set[str] = set()
        for child in token.children:  # "Israel's ally" is not Israel
            if child.dep_ == "poss":
                excluded |= {a.country for a in self.args(child, implicit=False) if a.country}
                excluded |= {c for w in child.subtree if (c := self.name_country.get(w.i))}
        if others_of_subject:
            for child in sent.root.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    subject = self.args(child, implicit=False)
                    besides = besides | {a.key for a in subject}
                    excluded |= {a.country for a in subject if a.country}
        for i in range(sent.start, sent.end):
            index = self.mention_at[i]
            if index >= 0:
                excluded |= {a.country for a in self._mention_args(index)
                             if a.key in besides and a.country}
        found: dict[str, int] = {}
        for i in range(sent.start, sent.end):
            country = self.name_country.get(i)
            if country and country not in excluded and country not in NONSTATE_COUNTRIES:
                found.setdefault(country, i)
        if len(found) != 1:
            return []
        country, _ = next(iter(found.items()))
        return [Arg(None, token.text, country, None, None, token.idx,
                    token.idx + len(token.text), token.i, inferred=True, state=True,
                    kind="country")]

    def located(self, tokens: list[Token], preps: frozenset[str], *,
                places_only: bool = False) -> list[Arg]:
        """The country where the words say something happened: 'in Montenegro', 'near the
        town of Rafah' (a known name, or the places stage's gazetteer). With
        `places_only`, a people's adjective does not place ("in the Palestinian uprising",
        "in an Israeli air raid")."""
        for token in tokens:
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in preps:
                    continue
                objects = [c for c in prep.children if c.dep_ == "pobj"] or [
                    o for of in prep.children if of.dep_ == "prep" and of.lower_ == "of"
                    for o in of.children if o.dep_ == "pobj"]  # "outside of the city of Basra"
                for obj in objects:
                    if WATERS.search(obj.text):
                        continue  # "in the Sea of Japan" is no one's
                    candidates = [obj, *(c for c in obj.subtree if c.i != obj.i)]
                    if obj.lemma_.lower() in BORDERS:
                        if places_only:
                            continue  # "near the border with Iraq": on either side of it
                        # "massed troops on its border with Kuwait": the neighbour first
                        candidates = [c for c in candidates if c.head.lower_ == "with"] + [
                            c for c in candidates if c.head.lower_ != "with"]
                    for place in candidates:
                        if places_only and (place.pos_ != "PROPN" or (
                                place.head.lemma_.lower() in MISSION_NOUNS
                                and place.dep_ in {"compound", "amod", "nmod", "poss"})):
                            continue  # "at the US embassy in Beijing" is in China
                        if places_only and _under_border(place, obj):
                            continue  # "in an ambush near the border with Iraq"
                        country = self.name_country.get(place.i) or self.place_country(place)
                        if country:
                            span = self.doc[place.left_edge.i:place.i + 1]
                            return [Arg(None, span.text, country, None, None, span.start_char,
                                        span.end_char, place.i, inferred=True, kind="place")]
        return []

    def place_country(self, token: Token) -> str | None:
        """The country of a place name, from the gazetteer of the places stage if present."""
        lookup = self.place_lookup
        if lookup is None:
            return None
        if names_a_settlement(token):
            # "the town of Lashkar Gah": a place, whatever the recogniser took it for
            left = token.i
            while left > 0 and token.doc[left - 1].dep_ == "compound" \
                    and token.doc[left - 1].head.i == token.i:
                left -= 1
            return lookup(token.doc[left:token.i + 1].text)
        index = self.mention_at[token.i]
        if index >= 0 and self.mentions[index]["kind"] == "place":
            # the actors stage took it for a place, whatever the recogniser said
            mention = self.mentions[index]
            if mention["head"] == token.i:
                return lookup(self.doc[mention["start"]:mention["end"]].text)
        if token.ent_type_ not in {"GPE", "LOC", "FAC"}:
            return None
        entity = self.entity_of(token.i)
        if entity is None or entity.root.i != token.i:
            return None  # the whole name, once: "West Darfur State", not "West"
        name = entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
        return None if WATERS.search(name) else lookup(name)

    # -- inside a phrase ---------------------------------------------------------------
    def owner(self, noun: Token) -> list[Arg]:
        """Who a nominal event belongs to: 'China's decision', 'Israeli airstrikes',
        'an attack by rebels', 'the US sanctions', 'the US-led war'."""
        led = self._led_by(noun)
        if led:
            return led
        for child in noun.children:
            if child.dep_ == "poss":
                args = self.args(child)
                if args:
                    return args
        for child in noun.lefts:
            if child.dep_ in {"amod", "compound", "nmod"}:
                index = self.mention_at[child.i]
                if index >= 0:
                    args = self._mention_args(index)
                    if args:
                        return args
                country = self.name_country.get(child.i)
                if country:
                    return [Arg(None, child.text, country, None, None, child.idx,
                                child.idx + len(child.text), child.i)]
        for child in noun.rights:
            if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        args = self.args(obj)
                        if args:
                            return args
            if child.dep_ == "acl" and child.tag_ == "VBN" \
                    and child.lemma_.lower() not in GO_BETWEEN:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                args = self.args(obj)
                                if args:
                                    return args
        return []

    def inside(self, noun: Token, preps: tuple[str, ...] = ("of", "between", "with", "for")
               ) -> list[Arg]:
        """An object that is not an actor may hold one: 'Haiti's efforts', 'the ties
        between the two countries', 'the efforts of Haiti'."""
        args = self.args(noun, with_conjuncts=False)
        if args:
            return args
        for child in noun.children:
            if child.dep_ == "poss":
                found = self.args(child)
                if found:
                    return found
        fallback: list[Arg] = []
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = self.args(obj)
                        if found and any(a.country for a in found):
                            return found
                        fallback = fallback or found
        return fallback

    def prepositional(self, token: Token, preps: tuple[str, ...] | None,
                      skip: set[int] | None = None) -> list[Arg]:
        """Actors after the given prepositions of a word: 'talks with X', 'attack on Y'."""
        if not preps:
            return []
        found: list[Arg] = []
        children = sorted((c for c in token.children if c.dep_ in {"prep", "dative"}
                           and c.lower_ in preps), key=lambda c: preps.index(c.lower_))
        first: str | None = None  # the preposition that named the first of them
        for child in children:
            if child.dep_ == "dative" and child.pos_ != "ADP":
                continue
            if found and child.lower_ != first and all(a.country for a in found):
                break  # "complained to the UN over Israeli raids": Israel, not the UN too
            objects = [o for o in child.children if o.dep_ in {"pobj", "pcomp"}] or [
                o for of in child.children if of.dep_ == "prep" and of.lower_ == "of"
                for o in of.children if o.dep_ == "pobj"]  # "out of Afghanistan"
            for obj in objects:
                if obj.dep_ == "pobj" and (skip is None or obj.i not in skip):
                    found.extend(a for a in self.inside(obj) if a not in found)
                    for conj in _conjuncts(obj):
                        found.extend(a for a in self.inside(conj) if a not in found)
                elif obj.dep_ == "pcomp" and obj.tag_ == "VBG":
                    # "about Azerbaijani shelling of villages": who does the act named
                    for subject in obj.children:
                        if subject.dep_ in {"nsubj", "poss"}:
                            found.extend(a for a in self.args(subject) if a not in found)
            if found and first is None:
                first = child.lower_
        return found


def complete_from_known(actors: dict[str, dict], known, day: str | None) -> dict[str, dict]:
    """The actors with what the built-in known actors say of the people and organisations
    the text leaves unplaced, on the article's day ("President Omar El Bashir" is
    Sudanese), so that the event rules which read a side's country see it. The article
    record is completed from the same table afterwards, after the run's registry."""
    completed = dict(actors)
    for actor_id, actor in actors.items():
        fill = known.completion(actor["name"], actor["kind"], country=actor["country"],
                                sector=actor["sector"], day=day)
        if fill is not None:
            completed[actor_id] = {**actor, "country": fill["country"],
                                   "sector": fill.get("sector", actor["sector"]),
                                   "org": actor.get("org") or fill.get("org")}
    return completed


SETTLEMENTS = vocabulary.words("settlements")


def _under_border(place: Token, top: Token) -> bool:
    """Whether a name hangs, below `top`, from a border ("the border with Iraq")."""
    node = place
    while node.i != top.i and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in BORDERS:
            return True
    return False


def names_a_settlement(token: Token) -> bool:
    """'the town of Samarra': a name the recogniser took for a people ("Samarra" as NORP)
    is a place when it names a town, city or province."""
    head = token.head
    return token.pos_ == "PROPN" and token.dep_ == "pobj" and head.lower_ == "of" \
        and head.head.lemma_.lower() in SETTLEMENTS


def _conjuncts(token: Token) -> list[Token]:
    found = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        conj = stack.pop(0)
        if conj.pos_ in {"NOUN", "PROPN", "PRON"} or conj.ent_type_:
            found.append(conj)
            stack.extend(c for c in conj.children if c.dep_ == "conj")
    return found


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None
