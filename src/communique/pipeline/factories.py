"""Every communique pipeline component, registered in one place.

Importing this module registers the factories and the Doc extensions, and nothing
else: the components' modules have no import-time side effects. A user can add the
components to their own spaCy pipeline:

    import communique.pipeline  # registers the factories
    nlp.add_pipe("communique_actors")
    nlp.add_pipe("communique_quotes")
    nlp.add_pipe("communique_events")
"""

from __future__ import annotations

from spacy.language import Language

from ..actors.component import ActorTagger
from ..dates.component import DateTagger
from ..events.component import EventTagger
from ..places.component import PlaceTagger
from ..quotes.component import QuoteTagger
from ..tables import load_knowledge
from .attributes import TagMapRuler
from .extensions import register_extensions

register_extensions()

# In pipeline order: quotes run before events, which read who "I" and "you" are in a quote.
# Dates and places come after events: they date and place the events' clauses.
COMPONENTS: tuple[str, ...] = ("communique_actors", "communique_quotes", "communique_events",
                               "communique_dates", "communique_places")


@Language.factory(
    "communique_actors",
    assigns=["doc._.communique_actors", "doc._.communique_mentions", "doc._.communique_names"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    default_config={"dictionaries": []},
)
def make_actors(nlp: Language, name: str, dictionaries: list[str]) -> ActorTagger:
    return ActorTagger(nlp, name, load_knowledge(tuple(dictionaries)))


@Language.factory(
    "communique_quotes",
    assigns=["doc._.communique_quotes"],
    requires=["doc._.communique_actors", "doc._.communique_mentions", "token.dep"],
    default_config={"dictionaries": []},
)
def make_quotes(nlp: Language, name: str, dictionaries: list[str]) -> QuoteTagger:
    return QuoteTagger(nlp, name, load_knowledge(tuple(dictionaries)))


@Language.factory(
    "communique_events",
    assigns=["doc._.communique_events", "doc._.communique_dropped"],
    requires=["doc._.communique_actors", "doc._.communique_mentions", "token.dep"],
    default_config={"dictionaries": []},
)
def make_events(nlp: Language, name: str, dictionaries: list[str]) -> EventTagger:
    return EventTagger(nlp, name, load_knowledge(tuple(dictionaries)))


@Language.factory(
    "communique_dates",
    assigns=["doc._.communique_dates", "doc._.communique_events"],
    requires=["doc._.communique_events", "doc._.communique_meta", "token.dep", "token.tag"],
    default_config={"dictionaries": []},
)
def make_dates(nlp: Language, name: str, dictionaries: list[str]) -> DateTagger:
    # `dictionaries` is taken, unused, so that the Coder configures every stage alike
    return DateTagger(nlp, name)


@Language.factory(
    "communique_places",
    assigns=["doc._.communique_places", "doc._.communique_events"],
    requires=["doc._.communique_events", "doc._.communique_mentions", "doc._.communique_names",
              "doc.ents", "token.dep"],
    default_config={"dictionaries": []},
)
def make_places(nlp: Language, name: str, dictionaries: list[str]) -> PlaceTagger:
    return PlaceTagger(nlp, name)


@Language.factory(
    "communique_tag_map",
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag"],
    default_config={"patterns": []},
)
def make_tag_map(nlp: Language, name: str, patterns: list[dict]) -> TagMapRuler:
    """The model's attribute ruler with its tag map as a table (see attributes.py)."""
    return TagMapRuler(nlp.vocab, name, patterns)

