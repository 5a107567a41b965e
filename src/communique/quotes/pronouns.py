"""Inside a quote, "I", "we", "my", "our", "me" and "us" are the speaker, and "you" and
"your" are whom the speaker addresses. The events stage reads this: "I would like to
assure you of firm support" is the speaker supporting the one addressed.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from .reading import SPEAKER_PRONOUNS

ADDRESSEE_SECTORS = frozenset({"GOV", None})


def resolve_quoted_pronouns(doc: Doc, quotes: list[dict]) -> None:
    """Attach first- and second-person pronoun mentions inside quotes to actors."""
    mentions = doc._.communique_mentions or []
    actors = {a["id"]: a for a in doc._.communique_actors or []}
    if not mentions or not quotes:
        return
    firsts = [m["start"] for m in mentions]
    counterparts = _Counterparts(mentions, actors)
    touched: set[str] = set()
    for quote in quotes:
        speaker = (quote.get("speaker") or {}).get("actor")
        if speaker not in actors or quote["kind"] == "indirect":
            continue
        addressee = quote.get("addressee")
        if addressee not in actors or addressee == speaker:
            addressee = counterparts.before(quote["tokens"][0], actors[speaker]["country"])
        for start, end in quote["token_pieces"]:
            for index in range(bisect_left(firsts, start), len(mentions)):
                mention = mentions[index]
                if mention["start"] >= end:
                    break
                if mention["kind"] != "pronoun" or mention.get("actor"):
                    continue
                word = doc[mention["head"]].lower_
                if mention["pronoun"] == "speaker" and word in SPEAKER_PRONOUNS:
                    _attach(doc, mention, actors[speaker])
                    touched.add(speaker)
                elif mention["pronoun"] == "addressee" and addressee is not None:
                    _attach(doc, mention, actors[addressee])
                    touched.add(addressee)
    for actor_id in touched:
        actors[actor_id]["mentions"].sort(key=lambda m: m["start"])


class _Counterparts:
    """The one a speaker most likely addresses: the last person of government named
    before the quote who is from another country than the speaker's.

    For each mention, the last such person and the last one from a country other than
    theirs are kept, so each quote asks in constant time after one pass."""

    def __init__(self, mentions: list[dict], actors: dict[str, dict]) -> None:
        self.starts: list[int] = []
        self.last: list[tuple[str, str] | None] = []  # (actor, country)
        self.other: list[tuple[str, str] | None] = []  # last from another country than last
        last = other = None
        for mention in mentions:
            actor = actors.get(mention.get("actor"))
            if actor is not None and actor["kind"] == "person" and actor["country"] and \
                    actor["sector"] in ADDRESSEE_SECTORS:
                here = (actor["id"], actor["country"])
                if last is not None and last[1] != here[1]:
                    other = last
                last = here
            self.starts.append(mention["start"])
            self.last.append(last)
            self.other.append(other)

    def before(self, token: int, country: str | None) -> str | None:
        index = bisect_left(self.starts, token) - 1
        if index < 0:
            return None
        for candidate in (self.last[index], self.other[index]):
            if candidate is not None and candidate[1] != country:
                return candidate[0]
        return None


def _attach(doc: Doc, mention: dict, actor: dict) -> None:
    mention["actor"] = actor["id"]
    span = doc[mention["start"]:mention["end"]]
    actor["mentions"].append({"start": span.start_char, "end": span.end_char,
                              "text": span.text})
