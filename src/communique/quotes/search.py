"""Finding what someone said in coded articles.

    for quote in said_by(article, "Putin"):
        print(quote.kind, quote.text)

A name matches a quote's speaker when all its words are in the speaker's name or in
one of the words the article uses for that actor ("Ushakov" finds Yuri Ushakov, "Mr
Ushakov" too), or when it is the actor's code ("RUSGOV"). `stored_quotes` finds the
same in a store by queries on its tables, without loading the articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from ..records import Article, Quote
from ..rows import quote_id

KINDS = ("direct", "partial", "indirect")


def _words(text: str) -> set[str]:
    """Words without case or a possessive: "the governor's office" has "governor"."""
    words = re.findall(r"[\w'-]+", text.replace("\u2019", "'").casefold())
    return {w.removesuffix("'s").strip("'") for w in words}


def said_by(article: Article, name: str | None = None, *,
            kinds: Iterable[str] = KINDS) -> list[Quote]:
    """The article's quotes of the given kinds whose speaker fits `name` (all, if None)."""
    wanted_kinds = frozenset(kinds)
    quotes = [q for q in article.quotes if q.kind in wanted_kinds]
    if name is None or not name.strip():
        return quotes
    wanted = _words(name)
    code = name.strip().upper()
    return [q for q in quotes if wanted and _fits(article, q, wanted, code)]


def stored_quotes(store, name: str | None = None, *, kinds: Iterable[str] = KINDS
                  ) -> Iterator[tuple[str, Quote]]:
    """What `said_by` finds in the articles of a store (`communique.store.Store`), as
    (article id, quote) in article id order, each article's quotes in their order.

    Two queries, no article loaded: the first gathers the distinct speaker names, actor
    names and mention texts that hold each word of `name` as text (a cheap test that
    lets through all that fit), which `_words` then sorts exactly; the second finds the
    quotes whose speaker name is one of them, or whose speaker is an actor with that
    code, name or a mention."""
    connection = store.connection
    where = ["q.kind IN (SELECT unnest(?))",
             "q.article_id IN (SELECT article_id FROM articles)"]
    params: list = [sorted(frozenset(kinds))]
    join = ""
    if name is not None and name.strip():
        wanted = _words(name)
        if not wanted:
            return
        names = _fitting_strings(connection, wanted)
        # the actors who fit, by code, name or a mention; their quotes by one hash join
        # (a store writes an actor's mentions with the actor: `rows.article_rows`)
        join = (
            "LEFT JOIN (SELECT article_id, actor_id FROM actors WHERE code = ? OR "
            "name IN (SELECT unnest(?)) UNION SELECT article_id, actor_id FROM mentions "
            'WHERE "text" IN (SELECT unnest(?))) s '
            "ON s.article_id = q.article_id AND s.actor_id = q.speaker_actor")
        where.append("(q.speaker_name IN (SELECT unnest(?)) OR s.actor_id IS NOT NULL)")
        params = [name.strip().upper(), names, names, *params, names]
    cursor = connection.execute(
        'SELECT q.article_id, q."text", q."start", q."end", q.kind, q.cue, q.speaker_actor, '
        f"q.speaker_name, q.parts, q.quote_index FROM quotes q {join} WHERE {' AND '.join(where)} "
        "ORDER BY q.article_id, q.quote_index", params)
    while rows := cursor.fetchmany(1000):
        for article_id, text, start, end, kind, cue, actor, speaker, parts, index in rows:
            yield article_id, Quote(text, start, end, kind, cue, actor, speaker,
                                    json.loads(parts) if parts else [], quote_id(index))


# Characters whose lower case in DuckDB is not their case folding in Python ("ß" folds
# to "ss"): a string holding one passes the first query's test whatever its words, and
# `_words` decides. A test checks the table against DuckDB over all code points.
FOLDING = ((0xB5, 0xB5), (0xDF, 0xDF), (0x130, 0x130), (0x149, 0x149), (0x17F, 0x17F),
           (0x1F0, 0x1F0), (0x345, 0x345), (0x390, 0x390), (0x3B0, 0x3B0), (0x3C2, 0x3C2),
           (0x3D0, 0x3D1), (0x3D5, 0x3D6), (0x3F0, 0x3F1), (0x3F5, 0x3F5), (0x587, 0x587),
           (0x13A0, 0x13F5), (0x13F8, 0x13FD), (0x1C80, 0x1C88), (0x1E96, 0x1E9B),
           (0x1E9E, 0x1E9E), (0x1F50, 0x1F50), (0x1F52, 0x1F52), (0x1F54, 0x1F54),
           (0x1F56, 0x1F56), (0x1F80, 0x1FAF), (0x1FB2, 0x1FB4), (0x1FB6, 0x1FB7),
           (0x1FBC, 0x1FBC), (0x1FBE, 0x1FBE), (0x1FC2, 0x1FC4), (0x1FC6, 0x1FC7),
           (0x1FCC, 0x1FCC), (0x1FD2, 0x1FD3), (0x1FD6, 0x1FD7), (0x1FE2, 0x1FE4),
           (0x1FE6, 0x1FE7), (0x1FF2, 0x1FF4), (0x1FF6, 0x1FF7), (0x1FFC, 0x1FFC),
           (0xAB70, 0xABBF), (0xFB00, 0xFB06), (0xFB13, 0xFB17))
_FOLDING_CLASS = "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}"
                               for a, b in FOLDING) + "]"
_APOSTROPHE = "replace({}, '\u2019', '''')"
_QUOTE = "'"


def _fitting_strings(connection, wanted: set[str]) -> list[str]:
    """The distinct speaker names, actor names and mention texts whose words hold
    `wanted`."""
    def test(column: str) -> str:
        held = [f"contains(lower({_APOSTROPHE.format(column) if _QUOTE in word else column}), ?)"
                for word in sorted(wanted)]
        # a string of more bytes than characters may hold one of FOLDING
        return (f"({' AND '.join(held)} OR (strlen({column}) > length({column}) "
                f"AND regexp_matches({column}, ?)))")

    sql = " UNION ".join(f"SELECT DISTINCT {column} FROM {table} WHERE {test(column)}"
                         for table, column in (("quotes", "speaker_name"), ("actors", "name"),
                                               ("mentions", '"text"')))
    rows = connection.execute(sql, [*sorted(wanted), _FOLDING_CLASS] * 3).fetchall()
    return sorted(s for (s,) in rows if wanted <= _words(s))


def _fits(article: Article, quote: Quote, wanted: set[str], code: str) -> bool:
    if quote.speaker_name and wanted <= _words(quote.speaker_name):
        return True
    actor = article.actor(quote.speaker_actor) if quote.speaker_actor else None
    if actor is None:
        return False
    if actor.code and actor.code == code:
        return True
    return wanted <= _words(actor.name) or any(wanted <= _words(m.text)
                                               for m in actor.mentions)
