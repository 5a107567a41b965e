"""Finding what someone said in coded articles.

    for quote in said_by(article, "Putin"):
        print(quote.kind, quote.text)

A name matches a quote's speaker when all its words are in the speaker's name or in
one of the words the article uses for that actor ("Ushakov" finds Yuri Ushakov, "Mr
Ushakov" too), or when it is the actor's code ("RUSGOV").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..records import Article, Quote

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
                  ) -> Iterator[tuple[Article, Quote]]:
    """What `said_by` finds in every article of a store (`communique.store.Store`) that
    has quotes, article by article in id order."""
    from ..store.queries import get_article

    ids = store.connection.execute(
        "SELECT DISTINCT article_id FROM quotes ORDER BY article_id").fetchall()
    for (article_id,) in ids:
        article = get_article(store, article_id)
        if article is not None:
            for quote in said_by(article, name, kinds=kinds):
                yield article, quote


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
