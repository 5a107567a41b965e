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
    for quote in quotes:
        speaker = (quote.get("speaker") or {}).get("actor")
        if speaker not in actors or quote["kind"] == "indirect":
            continue
        addressee = quote.get("addressee")
        if addressee not in actors or addressee == speaker:
            addressee = _counterpart(mentions, actors, speaker, quote["tokens"][0])
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
                elif mention["pronoun"] == "addressee" and addressee is not None:
                    _attach(doc, mention, actors[addressee])


def _counterpart(mentions: list[dict], actors: dict[str, dict], speaker: str,
                 before: int) -> str | None:
    """The one a speaker most likely addresses: the last person of government named
    before the quote who is from another country."""
    country = actors[speaker]["country"]
    best = None
    for mention in mentions:
        if mention["start"] >= before:
            break
        actor = actors.get(mention.get("actor"))
        if actor is None or actor["id"] == speaker or actor["kind"] != "person":
            continue
        if actor["country"] and actor["country"] != country and \
                actor["sector"] in ADDRESSEE_SECTORS:
            best = actor["id"]
    return best


def _attach(doc: Doc, mention: dict, actor: dict) -> None:
    mention["actor"] = actor["id"]
    span = doc[mention["start"]:mention["end"]]
    actor["mentions"].append({"start": span.start_char, "end": span.end_char,
                              "text": span.text})
    actor["mentions"].sort(key=lambda m: m["start"])
