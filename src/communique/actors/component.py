"""The `communique_actors` pipeline component: mentions in, actors out, as plain data."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..collector import collector_paused
from ..doctext import doc_text
from ..tables import Knowledge
from .mentions import LexiconMatcher, Mention, find_mentions
from .resolve import ActorDraft, resolve


class ActorTagger:
    """Finds who the article is about and links every mention to an actor.

    Writes `doc._.communique_mentions`, `doc._.communique_actors` and
    `doc._.communique_names` (lexicon names with their countries, for later stages).
    """

    def __init__(self, nlp: Language, name: str, knowledge: Knowledge) -> None:
        self.name = name
        self.knowledge = knowledge
        self.lexicon_matcher = LexiconMatcher(nlp.vocab, knowledge.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        with collector_paused():
            names, mentions, actors = self.match(doc)
            self.set_annotations(doc, names, mentions, actors)
        return doc

    def match(self, doc: Doc):
        names = self.lexicon_matcher(doc)
        mentions = find_mentions(doc, self.knowledge.lexicon, names)
        actors = resolve(doc, mentions, self.knowledge.lexicon)
        return names, mentions, actors

    def set_annotations(self, doc: Doc, names: dict[int, tuple[int, int, str]],
                        mentions: list[Mention], actors: list[ActorDraft]) -> None:
        lexicon = self.knowledge.lexicon
        # An actor is reported when it acts somewhere; a capital only ever named as a place
        # ("in Moscow") is a place, for the places stage.
        keep = [i for i, actor in enumerate(actors) if _is_actor(actor)]
        ids = {index: f"A{n}" for n, index in enumerate(keep, start=1)}
        # character offsets from arrays, not from Span objects: linear in the article
        starts = doc.to_array("IDX").tolist()
        lengths = doc.to_array("LENGTH").tolist()
        text = doc_text(doc)
        plain_actors = []
        for index in keep:
            actor = actors[index]
            spans = sorted({(mentions[m].start, mentions[m].end) for m in actor.mentions})
            plain = []
            for s, e in spans:
                start_char, end_char = starts[s], starts[e - 1] + lengths[e - 1]
                plain.append({"start": start_char, "end": end_char,
                              "text": text[start_char:end_char]})
            plain_actors.append({
                "id": ids[index], "name": actor.name, "kind": actor.kind,
                "country": actor.country, "sector": actor.sector, "org": actor.org,
                "title": actor.title, "ethnicity": actor.ethnicity, "mentions": plain,
            })
        plain_mentions = []
        for mention in mentions:
            plain_mentions.append({
                "start": mention.start, "end": mention.end, "head": mention.head,
                "kind": mention.kind, "name": mention.name,
                "actor": ids.get(mention.actor) if mention.actor is not None else None,
                "members": [ids[m] for m in mention.members if m in ids],
                "pronoun": mention.pronoun, "locative": mention.locative,
                "sentence": mention.sentence,
            })
        plain_names = []
        for start, end, key in sorted(set(names.values())):
            meanings = lexicon.names.get(key, [])
            country = next((m.country for m in meanings if m.country), None)
            kind = meanings[0].kind if meanings else None
            plain_names.append([start, end, country, kind])
        doc._.communique_actors = plain_actors
        doc._.communique_mentions = plain_mentions
        doc._.communique_names = plain_names


def _is_actor(actor: ActorDraft) -> bool:
    if actor.kind in {"country", "place-as-government", "place"}:
        return actor.acting and actor.kind != "place"
    return True
