"""Who a bare office title is when the article names no one by it: "The prime minister
said" in a London article of May 2023 is Rishi Sunak.

British copy, and the later paragraphs of any long article, often give a speaker only as
the office ("the prime minister told MPs", "the foreign secretary said"), trusting the
reader to know who held it. A coder does the same: the person who held that office in
the article's country on the article's date, from the dated table of known actors
(`data/people.yaml`). Where the article names a person with
that title, `Reading.titled_person` finds them first; this is the fallback for when it
names none. It needs the article's date, the known actors switched on (as the Coder
sets both in `doc._.communique_meta`), and a clear country; otherwise the title stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..actors.known import load_known_actors

if TYPE_CHECKING:
    from ..actors.registry import Registry
    from .reading import Reading, Speaker

# "LONDON -", "LONDON, May 2 (Reuters) -", "BERLIN (AP) —": a place in capitals opening
# a paragraph, then perhaps a date and an agency, then a dash
DATELINE = re.compile(r"\s*(?P<place>[A-Z][A-Z.'\u2019\- ]*[A-Z])(?:,[^\n\-\u2013\u2014]{0,40})?"
                      r"\s*(?:\([^)\n]{2,40}\)\s*)?[-\u2013\u2014]")
DATELINE_PARAGRAPHS = 2  # a headline may come before the dateline
GOVERNMENT = "GOV"


def office_holder(reading: Reading, speaker: Speaker, title: str) -> Speaker | None:
    """The person who held the office a bare title names ("the prime minister", title
    "minister") in the article's country on its date, as a speaker; None where the date,
    the country or the table does not settle it."""
    from .reading import Speaker

    meta = reading.doc._.communique_meta or {}
    day = str(meta.get("date") or "")[:10]
    if len(day) != 10 or not meta.get("known_actors"):
        return None
    office = office_words(speaker.name or "", title)
    if office is None:
        return None
    known = _known()
    actor = reading.actors.get(speaker.actor) if speaker.actor else None
    country = (actor or {}).get("country")
    if not country or not known.has_office(office, country):
        # the actor's own country where it has that office ("Russia's foreign minister",
        # placed by the actors stage); else the article's (a "foreign secretary" the
        # actors stage placed in China, of a London article, is Britain's)
        country = article_country(reading)
    if country is None:
        return None
    entry = known.holder(office, country, day)
    if entry is None:
        return None
    return Speaker(speaker.actor, entry.name, speaker.token)


def office_words(name: str, title: str) -> str | None:
    """The office a bare title names, in the table's words: "prime minister" of "The
    prime minister", "foreign secretary" of "the Foreign Secretary"; None for a name that
    says more than the office ("Britain's prime minister" is left to its country, a
    "former prime minister" holds no office)."""
    words = name.replace("\u2019", "'").lower().split()
    if words[:1] == ["the"]:
        words = words[1:]
    if not words or words[-1] != title or any(w.endswith("'s") for w in words):
        return None
    return " ".join(words)


def article_country(reading: Reading) -> str | None:
    """The country an article is about: its dateline's, else the one country of all its
    government actors ("London" of a dateline, "the Home Office", "Kenyan police");
    None where neither settles it."""
    found = _dateline_country(reading)
    if found is not None:
        return found
    countries = {a["country"] for a in reading.actors.values()
                 if a.get("sector") == GOVERNMENT and a.get("country")}
    return countries.pop() if len(countries) == 1 else None


def _dateline_country(reading: Reading) -> str | None:
    names = reading.doc._.communique_names or []
    for start, _end in reading.paragraphs[:DATELINE_PARAGRAPHS]:
        match = DATELINE.match(reading.text, start)
        if match is None or len(match["place"]) < 3:
            continue
        first = reading.token_at(match.start("place"))
        for name_start, name_end, country, _kind in names:
            if name_start <= first < name_end and country:
                return country
        index = reading.mention_at.get(first)
        if index is not None:
            actor = reading.actors.get(reading.mentions[index].get("actor"))
            if actor is not None and actor.get("country"):
                return actor["country"]
    return None


def _known() -> Registry:
    return load_known_actors()


__all__ = ["article_country", "office_holder", "office_words"]
