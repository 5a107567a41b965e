"""Linking mentions into actors and coding each actor's country and sector.

Mentions are read in text order. A mention joins an earlier actor when the text says
they are the same: an appositive, the same name or part of it ("Putin", "Mr Putin"), a
description that fits ("the Russian leader" after "Russian President Vladimir Putin"),
a pronoun (the most recent fitting actor, subjects first). Otherwise it starts a new
actor. Unknown stays unknown: an actor the text does not place has no country.
Each step looks back over a bounded window, so the cost stays linear in the article.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..tables import Lexicon, vocabulary
from .mentions import REGION_WORDS, TOWN_POPULATION, Mention

# How far back (in actors) a description or pronoun looks for its antecedent.
LOOKBACK_SENTENCES = 6
NAME_KINDS = frozenset({"person", "organization", "place", "people"})
STATE_KINDS = frozenset({"country", "capital", "place-as-government"})


@dataclass(slots=True)
class ActorDraft:
    """An actor being assembled from its mentions."""

    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    title: str | None = None
    former: bool = False
    leader: bool = False
    plural: bool = False
    role_word: str | None = None
    name_words: frozenset[str] = frozenset()
    key: str | None = None
    mentions: list[int] = field(default_factory=list)
    last_sentence: int = 0
    last_subject_sentence: int = -1
    acting: bool = False  # named as more than a place at least once
    ethnicity: str | None = None  # kin state of an ethnic group: SRB for Bosnian Serbs


class Recent:
    """Actors by how recently they were mentioned, and people by their name words: the
    look-ups a mention makes cost what the recent past holds, not the whole article."""

    def __init__(self) -> None:
        self.order: OrderedDict[int, None] = OrderedDict()
        self.by_name_word: dict[str, set[int]] = {}

    def touch(self, index: int) -> None:
        self.order[index] = None
        self.order.move_to_end(index)

    def newest_first(self):
        return reversed(self.order)

    def index_name(self, index: int, words: frozenset[str]) -> None:
        for word in words:
            self.by_name_word.setdefault(word, set()).add(index)


def resolve(doc: Doc, mentions: list[Mention], lexicon: Lexicon) -> list[ActorDraft]:
    """Assign every mention an actor (or pair members) and return the actors."""
    actors: list[ActorDraft] = []
    by_key: dict[str, int] = {}
    recent = Recent()
    groups = _appositive_groups(mentions)
    handled: set[int] = set()
    context = _article_countries(mentions)
    for index, mention in enumerate(mentions):
        if index in handled:
            continue
        group = groups.get(index, [index])
        handled.update(group)
        members = [mentions[i] for i in group]
        if mention.kind == "pronoun":
            _resolve_pronoun(doc, index, mention, mentions, actors)
            if mention.actor is not None:
                recent.touch(mention.actor)
            continue
        if mention.kind == "pair":
            mention.members = _pair_members(doc, mention, actors, recent)
            continue
        actor_index = _find_actor(members, mentions, actors, by_key, recent)
        if actor_index is None:
            actor_index = len(actors)
            actors.append(_new_actor(members, mentions, actors))
        actor = actors[actor_index]
        for i in group:
            mentions[i].actor = actor_index
            actor.mentions.append(i)
        _update(actor, members, mentions, actors, doc, context)
        recent.touch(actor_index)
        if actor.kind == "person":
            recent.index_name(actor_index, actor.name_words)
        if actor.key:
            by_key[actor.key] = actor_index
    # What a later mention resolved can place an earlier one: "activists from the Fatah
    # Party" knows Fatah only once the party's actor exists.
    countries_by_sentence = _sentence_countries(mentions)
    for actor in actors:
        if actor.country is None:
            members = [mentions[i] for i in actor.mentions if mentions[i].kind != "pronoun"]
            actor.country = _country(members, mentions, actors, context) \
                or _context_country(actor, members, countries_by_sentence) \
                or _name_place_country(doc, members, context)
    # ... and an institution placed by its town places who is at it: "students at
    # Peshawar University"
    for actor in actors:
        if actor.country is None:
            members = [mentions[i] for i in actor.mentions if mentions[i].kind != "pronoun"]
            actor.country = _country(members, mentions, actors, context)
    return actors


def _appositive_groups(mentions: list[Mention]) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    places = {"country", "capital", "place", "place-as-government"}
    for index, mention in enumerate(mentions):
        other = mention.appositive
        if other is None:
            continue
        if mention.kind in places and mentions[other].kind in places:
            continue  # "Shenzhen, China": a place and where it is, not one actor
        group = sorted(set(groups.get(index, [index]) + groups.get(other, [other])))
        for i in group:
            groups[i] = group
    return groups


def _key(mention: Mention) -> str | None:
    if mention.kind == "country" and mention.country:
        return f"country:{mention.country}"
    if mention.meaning is not None and mention.kind in {"capital", "organization",
                                                        "place-as-government", "person"}:
        return f"{mention.kind}:{mention.meaning.name.lower()}"
    if mention.kind == "people" and mention.home:
        return f"people:{mention.home}/{mention.country}"  # Bosnian Serbs are not Serbia's
    if mention.kind == "people" and mention.country:
        return f"people:{mention.country}"
    if mention.kind == "people" and mention.ethnicity:
        return f"people:ethnic/{mention.ethnicity}"
    if mention.kind in {"organization", "place"}:
        return f"{mention.kind}:{mention.name.lower()}"
    return None


def _find_actor(members: list[Mention], mentions: list[Mention], actors: list[ActorDraft],
                by_key: dict[str, int], recent: Recent) -> int | None:
    for mention in members:
        key = _key(mention)
        if key and key in by_key:
            return by_key[key]
    for mention in members:
        if mention.kind == "person" and mention.meaning is None:
            found = _same_person(mention, actors, recent)
            if found is not None:
                return found
    descriptions = [m for m in members if m.source == "role"]
    if descriptions and len(descriptions) == len(members):
        return _antecedent(descriptions[0], mentions, actors, recent)
    return None


def _same_person(mention: Mention, actors: list[ActorDraft], recent: Recent) -> int | None:
    """'Putin', 'President Putin', 'Mr Putin' -> the actor 'Vladimir Putin'."""
    words = _name_words(mention.name)
    if not words:
        return None
    candidates: set[int] = set()
    for word in words:
        candidates |= recent.by_name_word.get(word, set())
    for index in sorted(candidates, reverse=True):
        actor = actors[index]
        if actor.kind != "person" or not actor.name_words:
            continue
        if words <= actor.name_words or actor.name_words <= words:
            return index
    return None


def _name_words(name: str) -> frozenset[str]:
    return frozenset(w.strip(".,").lower() for w in name.split() if w[:1].isupper()
                     and w.strip(".,").lower() not in {"mr", "mrs", "ms", "dr"})


def _antecedent(mention: Mention, mentions: list[Mention], actors: list[ActorDraft],
                recent: Recent) -> int | None:
    """The earlier actor a description refers to: 'the Russian leader', 'the ministry'."""
    role = mention.role
    countries = set(mention.cue_countries) | {
        mentions[i].country for i in mention.cue_mentions if mentions[i].country}
    key = f"description:{mention.name.lower()}"
    for index in recent.newest_first():
        actor = actors[index]
        if mention.sentence - actor.last_sentence > LOOKBACK_SENTENCES:
            break
        if actor.key == key:
            return index
        if not mention.definite or role is None:
            continue
        if countries and actor.country not in countries:
            continue
        if role.kind == "person":
            if actor.kind != "person":
                continue
            if role.role == "leader":
                if not actor.leader:
                    continue
            elif actor.role_word != role.role and not (role.leader and actor.leader
                                                       and role.role in (actor.title or "").lower()):
                continue
        else:
            if actor.kind not in {"organization", "group"} or actor.role_word != role.role:
                continue
        return index
    return None


def _new_actor(members: list[Mention], mentions: list[Mention], actors: list[ActorDraft]
               ) -> ActorDraft:
    named = [m for m in members if m.source in {"lexicon", "entity"}]
    main = named[0] if named else members[0]
    kind = main.kind
    if kind == "place":
        kind = "organization" if any(m.role for m in members) else "place"
    if kind == "capital":
        kind = "place-as-government"
    actor = ActorDraft(kind=kind, name=main.name, key=_key(main))
    if kind == "person":
        actor.name_words = _name_words(main.name)
    if not named:
        actor.key = f"description:{main.name.lower()}"
    return actor


def _update(actor: ActorDraft, members: list[Mention], mentions: list[Mention],
            actors: list[ActorDraft], doc: Doc, context: Counter[str]) -> None:
    """Fold what these mentions say into the actor: names, country, sector, title."""
    for mention in members:
        actor.last_sentence = max(actor.last_sentence, mention.sentence)
        if doc[mention.head].dep_ in {"nsubj", "nsubjpass"}:
            actor.last_subject_sentence = mention.sentence
        if not mention.locative:
            actor.acting = True
        if mention.kind == "person" and mention.meaning is None:
            words = _name_words(mention.name)
            if len(words) > len(actor.name_words):
                actor.name_words = words
                actor.name = mention.name
        if mention.source in {"lexicon", "entity"} and actor.key and \
                actor.key.startswith("description:"):
            # a description first, its name later: the name wins
            actor.kind = "organization" if mention.kind == "place" else mention.kind
            actor.name = mention.name
            actor.key = _key(mention)
        if mention.former:
            actor.former = True
        if mention.title and not actor.title:
            actor.title = mention.title
        if mention.org and not actor.org:
            actor.org = mention.org
        if mention.ethnicity and not actor.ethnicity:
            actor.ethnicity = mention.ethnicity
    country = _country(members, mentions, actors, context)
    if country and not actor.country:
        actor.country = country
    sector, role = _sector(actor, members, mentions, actors)
    if sector and (actor.sector is None or actor.sector in {"CVL"}):
        actor.sector = sector
    if role is not None:
        if actor.role_word is None or role.strength >= 2:
            actor.role_word = actor.role_word if role.role == "counterpart" else role.role
        actor.leader = actor.leader or role.leader
        if actor.kind == "person" and role.kind in {"group", "organization"} and \
                any(m.plural for m in members) and not any(m.kind == "person" for m in members):
            actor.kind = "group"
    if any(m.plural for m in members) and actor.kind in {"group", "people"}:
        actor.plural = True
    if actor.former and actor.sector in {"GOV", "MIL", "LEG", "JUD", None} \
            and actor.kind == "person":
        actor.sector = "ELI"


def _country(members: list[Mention], mentions: list[Mention], actors: list[ActorDraft],
             context: Counter[str]) -> str | None:
    for mention in members:
        # "Bosnian Serbs", "Chinese Americans": the state the words in front say
        if mention.kind == "people" and mention.home:
            return mention.home
    for mention in members:
        # "the Albanians of southern Serbia", "Kurds in Iraq": people are where they live;
        # citizens named as such ("Americans in Iraq") stay their state's
        if mention.kind == "people" and not mention.civic:
            for other in mention.cue_mentions:
                cue = mentions[other]
                if cue.kind in {"country", "capital"} and cue.country:
                    return cue.country
    for mention in members:
        if mention.country:
            return mention.country
    for mention in members:
        if mention.home:  # "Turkish Cypriot leader", "Bosnian Serb forces"
            return mention.home
    for mention in members:
        if mention.cue_countries:
            return mention.cue_countries[0]
        for other in mention.cue_mentions:
            cue = mentions[other]
            if cue.country:
                return cue.country
            if cue.actor is not None and actors[cue.actor].country:
                return actors[cue.actor].country
            if cue.kind == "place":  # "police in Istanbul": where the place is
                country = _place_country(cue.name, context)
                if country:
                    return country
    for mention in members:
        if mention.possessor is not None:
            owner = mentions[mention.possessor]
            actor = _actor_of(owner, actors)
            if actor is not None and actor.country:
                return actor.country
            if owner.kind == "place" and mention.role is not None \
                    and mention.role.sector in STATE_BODIES:
                # "Bavaria's interior ministry", "Ontario's provincial parliament"
                country = _place_country(owner.name, context)
                if country:
                    return country
    for mention in members:
        # "Israeli helicopters and tanks": the demonym covers both
        if mention.conj_of is not None and mention.source == "role":
            first = mentions[mention.conj_of]
            if first.source == "role" and first.cue_countries:
                return first.cue_countries[0]
    return None


STATE_BODIES = vocabulary.sector_group("state")


def _place_country(name: str, context: Counter[str]) -> str | None:
    """The country of a place the lexicon does not know, weighing the article's
    countries as the places stage does ('police in Istanbul', 'Basra police')."""
    from ..places import lookup_place

    place = lookup_place(name, context)
    return place.country if place is not None else None


def _article_countries(mentions: list[Mention]) -> Counter[str]:
    """How often the article names each country, by the names the lexicon knows."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.kind in {"country", "capital", "people", "place-as-government"} \
                and mention.country:
            counts[mention.country] += 1
        counts.update(mention.cue_countries)
    for code in ("IGO", "NGO", "IMG", "MNC"):
        counts.pop(code, None)
    return counts


# An institution named after its town is of the town's country when the town is one a
# reader knows: a city of TOWN_POPULATION, a capital, or one in a country the article is
# about.
TOWN_INSTITUTIONS = vocabulary.sector_group("named_after_town")


def _name_place_country(doc: Doc, members: list[Mention], context: Counter[str]
                        ) -> str | None:
    """'Baghdad University Medical School', 'the Tehran Times', 'the University of Mosul':
    an organisation the tables do not know, whose name starts with a place (or ends
    with 'of' a place), is of that place's country. So is a state body named after its
    town or region: 'the Istanbul Municipal Council', 'the Kano State Government'."""
    from ..places.gazetteer import fold, lookup_place

    for mention in members:
        named = mention.source == "entity" or (mention.source == "role"
                                               and doc[mention.head].pos_ == "PROPN")
        if not named or mention.kind != "organization" or mention.role is None \
                or mention.role.sector not in TOWN_INSTITUTIONS | STATE_BODIES:
            continue
        span = doc[mention.start:mention.end]
        for text in _place_words(span):
            place = lookup_place(text, context)
            if place is None:
                continue
            if place.kind == "country":
                return place.country
            if fold(place.name) != fold(text) or text.lower() in REGION_WORDS:
                continue  # 'Human' is another name of Uman; 'Northern' names no town
            if place.population >= TOWN_POPULATION or place.capital \
                    or place.country in context:
                return place.country
    return None


def _place_words(span) -> list[str]:
    """The words of a name that may be a place, longest first: what follows 'of' ('the
    University of Mosul'), then the proper nouns before the first word that says what
    the body is ('Sydney Morning Herald': 'Sydney Morning', 'Sydney')."""
    tokens = [t for t in span if t.lower_ not in {"the", "a", "an"}]
    found = []
    for n, token in enumerate(tokens[:-1]):
        if token.lower_ in {"of", "in"}:
            found.append(" ".join(t.text for t in tokens[n + 1:]))
            break
    leading = []
    for token in tokens[:-1]:
        if token.pos_ != "PROPN" or not token.is_title:
            break
        leading.append(token.text)
    found.extend(" ".join(leading[:n]) for n in range(len(leading), 0, -1))
    return found


def _sentence_countries(mentions: list[Mention]) -> dict[int, set[str]]:
    """The countries each sentence names, by its mentions and their clues."""
    countries: dict[int, set[str]] = {}
    for mention in mentions:
        found = countries.setdefault(mention.sentence, set())
        if mention.kind in {"country", "capital", "people", "place-as-government"} \
                and mention.country:
            found.add(mention.country)
        found.update(mention.cue_countries)
    for found in countries.values():
        found -= {"IGO", "NGO", "IMG", "MNC"}
    return countries


def _context_country(actor: ActorDraft, members: list[Mention],
                     countries_by_sentence: dict[int, set[str]]) -> str | None:
    """'Thousands of Serbs protested in Belgrade against the government': a definite
    state body the sentence names only one country for is that country's."""
    first = members[0] if members else None
    if first is None or first.source != "role" or not first.definite \
            or actor.sector not in STATE_BODIES or first.possessor is not None \
            or first.cue_countries or first.eponym:
        return None
    countries = countries_by_sentence.get(first.sentence, set())
    return next(iter(countries)) if len(countries) == 1 else None


def _sector(actor: ActorDraft, members: list[Mention], mentions: list[Mention],
            actors: list[ActorDraft]):
    best = None
    for mention in members:
        if mention.role is not None and (best is None or mention.role.strength > best.strength):
            best = mention.role
    for mention in members:
        if mention.sector and (best is None or best.strength < 3):
            return mention.sector, best
    for mention in members:
        for other in mention.cue_mentions:
            cue = mentions[other]
            sector = cue.sector or (cue.role.sector if cue.role else None)
            if sector and (best is None or best.sector is None or best.strength < 3):
                return sector, best
    if best is not None and best.sector:
        return best.sector, best
    if best is not None and best.role == "counterpart":
        # "his Russian counterpart": the same office as the one whose counterpart he is
        for mention in members:
            if mention.possessor is not None:
                owner = _actor_of(mentions[mention.possessor], actors)
                if owner is not None:
                    if owner.title and not actor.title:
                        actor.title = owner.title
                    actor.leader = actor.leader or owner.leader
                    actor.role_word = actor.role_word or owner.role_word
                    return owner.sector, best
    if best is not None:
        for mention in members:
            if mention.possessor is not None:
                owner = _actor_of(mentions[mention.possessor], actors)
                if owner is not None and owner.sector:
                    return owner.sector, best
    return None, best


def _actor_of(mention: Mention, actors: list[ActorDraft]) -> ActorDraft | None:
    if mention.actor is not None:
        return actors[mention.actor]
    return None


def _resolve_pronoun(doc: Doc, index: int, mention: Mention, mentions: list[Mention],
                     actors: list[ActorDraft]) -> None:
    kind = mention.pronoun
    if kind in {"speaker", "addressee"}:
        return  # resolved by the quotes stage, which knows who speaks
    token = doc[mention.head]
    best: int | None = None
    best_score = -1.0
    best_members: tuple[int, ...] = ()
    for other_index in range(index - 1, -1, -1):
        other = mentions[other_index]
        if mention.sentence - other.sentence > 2:
            break
        if kind == "plural" and other.kind == "pair" and other.members:
            score = 2.5 - 0.5 * (mention.sentence - other.sentence)
            if doc[other.head].dep_ in {"nsubj", "nsubjpass"}:
                score += 1.0
            if score > best_score:
                best_score, best, best_members = score, None, other.members
            continue
        if other.actor is None:
            continue
        actor = actors[other.actor]
        if not _fits(kind, actor, other):
            continue
        score = 0.0
        other_token = doc[other.head]
        if other_token.dep_ in {"nsubj", "nsubjpass"}:
            score += 2.0
        if other.sentence == mention.sentence:
            score += 1.0
            if other_token.i < token.i and _same_clause(other_token, token) and \
                    token.dep_ in {"dobj", "pobj"} and kind != "person":
                continue  # "Israel ... against it" does not mean Israel
        score -= 0.5 * (mention.sentence - other.sentence)
        score += 0.01 * other_index / max(index, 1)
        if score > best_score:
            best_score, best, best_members = score, other.actor, ()
    if best_members:
        mention.members = best_members
        return
    if best is not None:
        mention.actor = best
        actors[best].mentions.append(index)
        if token.dep_ in {"nsubj", "nsubjpass"}:
            actors[best].last_subject_sentence = mention.sentence


def _fits(kind: str | None, actor: ActorDraft, mention: Mention) -> bool:
    if kind == "person":
        return actor.kind == "person" and not actor.plural
    if kind == "plural":
        return actor.plural or (actor.kind in {"group", "people", "organization"} \
            and mention.plural)
    if kind == "thing":
        return actor.kind in {"country", "organization", "place-as-government"} \
            and not actor.plural
    return False


def _same_clause(a, b) -> bool:
    def clause(token):
        while token.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj"} \
                and token.head.i != token.i:
            token = token.head
        return token.i
    return clause(a) == clause(b)


def _pair_members(doc: Doc, mention: Mention, actors: list[ActorDraft], recent: Recent
                  ) -> tuple[int, ...]:
    """'the two countries' -> the last two countries named; 'the two leaders' -> the last
    two leaders of different countries."""
    noun = doc[mention.head].lemma_.lower()
    people = noun in {"leader", "president", "minister", "delegation", "counterpart"}
    chosen: list[int] = []
    countries: list[str] = []
    for index in recent.newest_first():
        actor = actors[index]
        if not actor.country or actor.country in countries:
            continue
        if people and (actor.kind != "person" or actor.sector not in {"GOV", None}):
            continue
        if not people and actor.kind not in STATE_KINDS | {"organization", "person",
                                                           "people", "group"}:
            continue
        countries.append(actor.country)
        chosen.append(index)
        if len(chosen) == 2:
            break
    if len(chosen) < 2:
        return ()
    if not people:
        # prefer the country itself to a person from it
        preferred = []
        for index in chosen:
            code = actors[index].country
            state = next((i for i in recent.newest_first() if actors[i].country == code
                          and actors[i].kind in STATE_KINDS), None)
            preferred.append(state if state is not None else index)
        chosen = preferred
    return tuple(sorted(chosen))
