"""The `communique_places` pipeline component: where each event happened.

Finds the article's place names (spaCy's GPE, LOC and FAC entities, the lexicon's
countries and capitals, the dateline, "the capital"), keeps those used as places
rather than as actors ("in Moscow" is a place, "Moscow said" an actor), geocodes them
with the gazetteer, and gives each event the place in its own clause as `location`.

Disambiguation uses what the text says: a qualifier ("Shenzhen, China": the China one;
"Springfield, Illinois": the one nearest Illinois), the word after a name ("the Donetsk
region": the region), and the countries the article names (Tripoli in an article about
Lebanon is Lebanon's Tripoli), then the size of the place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from ..dates.attach import clause_owners, owning_events
from ..dates.expressions import find_dateline
from ..doctext import doc_text, indices_where
from ..tables import vocabulary
from .gazetteer import Gazetteer, Place, gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE = vocabulary.words("place_prepositions")
LOCATION_NOUNS = vocabulary.words("location_nouns")
PLACE_OF = vocabulary.words("place_of")
MOTION = vocabulary.words("motion_verbs")
NOT_PLACES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                        "CARDINAL"})
REGION_WORDS = vocabulary.words("region_units")
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# Words that climb within a noun phrase from a name to the word it modifies.
NOUN_PHRASE_DEPS = frozenset({"pobj", "compound", "appos", "conj", "nmod", "pcomp"})


@dataclass(slots=True)
class PlaceMention:
    """A place name in the doc, geocoded, and whether the text uses it as a place."""

    start: int  # tokens
    end: int
    place: Place
    locative: bool
    word: Token | None  # the word the place phrase modifies, for the events it belongs to

    def to_dict(self, doc: Doc) -> dict[str, object]:
        span = doc[self.start:self.end]
        return {"text": span.text, "start": span.start_char, "end": span.end_char,
                **self.place.location()}


class PlaceTagger:
    """Places every event that the text places and lists the article's places."""

    def __init__(self, nlp: Language, name: str, *, places: Gazetteer | None = None) -> None:
        self.name = name
        self.gazetteer = places if places is not None else gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    # -- matching ----------------------------------------------------------------------
    def match(self, doc: Doc) -> list[PlaceMention]:
        context = article_countries(doc)
        mentions: list[PlaceMention] = []
        dateline = self._dateline(doc, context)
        if dateline is not None:
            mentions.append(dateline)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        actors = _actor_tokens(doc)
        spans = _name_spans(doc)
        consumed: set[int] = set()
        for number, span in enumerate(spans):
            if number in consumed or any(i in taken for i in range(span.start, span.end)):
                continue
            qualifier = self._qualifier(doc, spans, number)
            if qualifier is not None:
                consumed.add(qualifier[0])
            locative, word = locative_use(span)
            if not locative and (any(i in actors for i in range(span.start, span.end))
                                 or span.root.dep_ in MODIFIER_DEPS):
                continue  # an actor ("Moscow said"), a modifier ("China-Russia relations")
            place = self._geocode(doc, span, _without(context, doc, span),
                                  qualifier[1] if qualifier else None)
            if place is None:
                continue
            mentions.append(PlaceMention(span.start, span.end, place, locative, word))
            taken.update(range(span.start, span.end))
        mentions.extend(self._capitals(doc, context, taken, dateline))
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _geocode(self, doc: Doc, span: Span, context: Counter[str],
                 qualifier: Place | None) -> Place | None:
        name = span.text
        following = doc[span.end].lower_ if span.end < len(doc) else ""
        kind = "region" if following in REGION_WORDS else None
        within = qualifier.country if qualifier is not None and qualifier.kind == "country" \
            else None
        near = qualifier if qualifier is not None and qualifier.kind != "country" else None
        place = self.gazetteer.lookup(name, countries=context, within=within, kind=kind,
                                      near=near)
        if place is None and (kind or within or near):
            place = self.gazetteer.lookup(name, countries=context)
        return place

    def _qualifier(self, doc: Doc, spans: list[Span], number: int) -> tuple[int, Place] | None:
        """ "Shenzhen, China": the name after a comma that says where the first one is."""
        span = spans[number]
        if number + 1 >= len(spans) or span.end >= len(doc) or doc[span.end].text != ",":
            return None
        after = spans[number + 1]
        if after.start != span.end + 1:
            return None
        place = self.gazetteer.lookup(after.text, countries=())
        if place is None or place.kind == "city":
            return None
        return number + 1, place

    def _dateline(self, doc: Doc, context: Counter[str]) -> PlaceMention | None:
        dateline = find_dateline(doc_text(doc))
        if dateline is None:
            return None
        span = doc.char_span(dateline.place_start, dateline.place_end,
                             alignment_mode="expand")
        if span is None:
            return None
        near = self.gazetteer.lookup(dateline.region) if dateline.region else None
        within = near.country if near is not None and near.kind == "country" else None
        place = self.gazetteer.lookup(dateline.place, countries=context, within=within,
                                      near=near if within is None else None) \
            or self.gazetteer.lookup(dateline.place, countries=context)
        if place is None:
            return None
        # where the story was filed is not where each of its events happened
        return PlaceMention(span.start, span.end, place, True, None)

    def _capitals(self, doc: Doc, context: Counter[str], taken: set[int],
                  dateline: PlaceMention | None) -> list[PlaceMention]:
        """ "in the capital", "the Ukrainian capital": a capital the text leaves unnamed."""
        names = {i: entry for entry in doc._.communique_names or []
                 for i in range(entry[0], entry[1])}
        found = []
        for i in indices_where(doc, LOWER, doc.vocab.strings["capital"]):
            token = doc[i]
            if token.pos_ != "NOUN" or token.i in taken:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                continue
            if any(c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of")
                   for c in token.children):
                continue  # "the capital, Kyiv" and "the capital of Kenya" name it
            country = next((names[c.i][2] for c in token.children
                            if c.i in names and c.dep_ in {"amod", "compound", "poss"}
                            and names[c.i][2]), None)
            if country is None:
                country = main_country(context, dateline)
            capital = self.gazetteer.capital(country) if country else None
            locative, word = locative_use(doc[token.i:token.i + 1])
            if capital is None or not locative:
                continue
            start = min([token.i, *(c.i for c in token.lefts)])
            found.append(PlaceMention(start, token.i + 1, capital, True, word))
        return found

    # -- annotating --------------------------------------------------------------------
    @staticmethod
    def set_annotations(doc: Doc, mentions: list[PlaceMention]) -> None:
        doc._.communique_places = [m.to_dict(doc) for m in mentions]
        events = doc._.communique_events or []
        owners = clause_owners(events)
        claims: dict[int, list[PlaceMention]] = {}
        for mention in mentions:
            if not mention.locative or mention.word is None:
                continue
            for number in owning_events(doc, mention.word, owners):
                claims.setdefault(number, []).append(mention)
        for number, event in enumerate(events):
            own = claims.get(number)
            if not own:
                event["location"] = None
                continue
            trigger = event["tokens"]["trigger"]
            best = min(own, key=lambda m: min(abs(m.start - trigger), abs(m.end - 1 - trigger)))
            event["location"] = best.place.location()


def _name_spans(doc: Doc) -> list[Span]:
    """Names that may be places, in text order: the entity recogniser's places, the
    lexicon's countries and capitals, and any other name where the grammar puts a place
    ("in Khan Younis" when the recogniser took it for a person)."""
    spans = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS
             or (ent.label_ not in NOT_PLACES and _place_slot(ent.root))]
    covered = {i for span in spans for i in range(span.start, span.end)}
    for start, end, _country, kind in doc._.communique_names or []:
        if kind in {"country", "capital"} and not any(i in covered for i in range(start, end)):
            spans.append(doc[start:end])
            covered.update(range(start, end))
    for i in indices_where(doc, POS, PROPN):
        token = doc[i]
        if token.i not in covered and _place_slot(token):
            start = min([token.i, *(c.i for c in token.lefts
                                    if c.dep_ == "compound" and c.pos_ == "PROPN")])
            if not any(i in covered for i in range(start, token.i + 1)):
                spans.append(doc[start:token.i + 1])
    spans = [_trim(span) for span in spans]
    return sorted((s for s in spans if len(s)), key=lambda s: s.start)


def _place_slot(token: Token) -> bool:
    """Whether the grammar puts a place here: after a locative preposition, before a
    word for a region ("Idlib province")."""
    head = token.head
    if token.dep_ == "compound":
        return head.lower_ in REGION_WORDS
    if token.dep_ != "pobj":
        return False
    word = head.lower_
    return word in LOCATIVE or (word == "of" and head.head.lower_ in PLACE_OF) or (
        word in {"to", "into"} and head.head.lemma_ in MOTION)


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in {"the", "'s", "\u2019s"}:
        start += 1
    while end > start and doc[end - 1].lower_ in {"'s", "\u2019s", ",", "."}:
        end -= 1
    return doc[start:end]


def _actor_tokens(doc: Doc) -> set[int]:
    """Tokens of mentions that name an actor and are not used as a place."""
    tokens: set[int] = set()
    for mention in doc._.communique_mentions or []:
        if mention.get("actor") and not mention.get("locative"):
            tokens.update(range(mention["start"], mention["end"]))
    return tokens


def locative_use(span: Span) -> tuple[bool, Token | None]:
    """Whether a name is used as a place ("in Shenzhen", "near the border with
    Lebanon", "on the outskirts of Kyiv"), and the word its phrase modifies."""
    token = span.root
    if token.dep_ == "compound" and token.head.lower_ in REGION_WORDS:
        token = token.head  # "in Idlib province": the phrase is the province's
    elif token.dep_ in MODIFIER_DEPS and token.head.ent_type_ not in PLACE_LABELS:
        return False, token.head  # "China-Russia relations", "the Shenzhen summit"
    outer, inner, via_land, land, place_of = None, None, False, False, False
    while token.head.i != token.i:
        if token.dep_ == "prep" or token.pos_ == "ADP":
            outer, via_land = token.lower_, land
            inner = inner or outer
            if outer == "of" and token.head.lower_ in PLACE_OF:
                place_of = True
            elif outer in {"to", "into"} and token.head.lemma_ in MOTION:
                outer = "in"
        elif token.dep_ not in NOUN_PHRASE_DEPS:
            break
        elif token.i not in range(span.start, span.end) and token.lower_ in LOCATION_NOUNS:
            land = True
        token = token.head
    if outer is None:
        return False, token
    # "in Marseille" however deep ("set fire to cars in Marseille"), or a phrase that
    # places what it holds ("near the border with Lebanon")
    locative = inner in LOCATIVE or outer in LOCATIVE or (outer == "on" and via_land)
    return locative or place_of, token


def article_countries(doc: Doc) -> Counter[str]:
    """How often the article names each country (by name, demonym, capital, body)."""
    counts: Counter[str] = Counter()
    for _start, _end, country, _kind in doc._.communique_names or []:
        if country and len(country) == 3 and country not in {"IGO", "NGO", "MNC", "IMG",
                                                             "UNO", "ISM"}:
            counts[country] += 1
    return counts


def _without(context: Counter[str], doc: Doc, span: Span) -> Counter[str]:
    """The article's countries less what the name itself counts for: "Tripoli" is in the
    lexicon as Libya's capital, which says nothing about which Tripoli is meant."""
    covering = _names_by_token(doc)
    found = sorted({k for i in range(span.start, span.end) for k in covering[i]})
    names = doc._.communique_names or []
    own = Counter(names[k][2] for k in found if names[k][2])
    return context - own if own else context


def _names_by_token(doc: Doc) -> list[list[int]]:
    """The known names covering each token, by index into `communique_names`: built once
    per Doc, so looking up a place's own name costs the same in a long article."""
    index = doc.user_data.get("communique_names_by_token")
    if index is None:
        index = [[] for _ in range(len(doc))]
        for k, (start, end, _country, _kind) in enumerate(doc._.communique_names or []):
            for i in range(start, end):
                index[i].append(k)
        doc.user_data["communique_names_by_token"] = index
    return index


def main_country(context: Counter[str], dateline: PlaceMention | None) -> str | None:
    """The country an article is set in: the dateline's, else the one it names most."""
    if dateline is not None and dateline.place.country:
        return dateline.place.country
    if not context:
        return None
    return context.most_common(1)[0][0]
