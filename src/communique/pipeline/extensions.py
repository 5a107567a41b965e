"""The Doc extensions communique writes, registered once, namespaced, holding plain data.

Values are lists of plain dicts and ints, so a Doc survives pickling and DocBin, and a
record can be built from it without the components.
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS: dict[str, str] = {
    "communique_mentions": "actor mentions: token spans, codes and the actor each refers to",
    "communique_actors": "actors: one per person, organisation, group or country",
    "communique_names": "known names (countries, capitals, organisations) as [start, end, "
                        "country, kind]",
    "communique_events": "coded events with their evidence and the rules that shaped each",
    "communique_dropped": "drafts the event rules dropped, each with the rule that dropped it",
    "communique_quotes": "quotes with their speakers",
    "communique_dates": "date expressions with resolved dates",
    "communique_places": "place names with coordinates",
    "communique_meta": "the input record's id, date, title, source and url",
}


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)

