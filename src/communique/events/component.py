"""The `communique_events` pipeline component: triggers in, coded events out, as plain data."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..collector import collector_paused
from ..tables import Knowledge
from .coder import EventCoder


class EventTagger:
    """Codes each sentence's events from the actors stage's mentions.

    Writes `doc._.communique_events`: one dict per event with its CAMEO code, the
    source and target, the trigger and the token evidence later stages read, and the
    rules that shaped it; `doc._.communique_dropped`: the drafts rules dropped.
    """

    def __init__(self, nlp: Language, name: str, knowledge: Knowledge) -> None:
        self.name = name
        self.coder = EventCoder(knowledge)

    def __call__(self, doc: Doc) -> Doc:
        with collector_paused():
            events, dropped = self.coder.code(doc)
            self.set_annotations(doc, events, dropped)
        return doc

    @staticmethod
    def set_annotations(doc: Doc, events: list[dict], dropped: list[dict]) -> None:
        doc._.communique_events = events
        doc._.communique_dropped = dropped
