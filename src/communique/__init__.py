"""communique: turn news text into political event data.

    from communique import Coder
    coder = Coder()
    article = coder.code(text, date="2026-02-04", id="seed")
    print(article.to_dict())
"""

from __future__ import annotations

__version__ = "0.1.0"

from .coder import Coder, Rejected
from .records import Actor, Article, Event, EventActor, Location, Quote, Span

__all__ = ["Actor", "Article", "Coder", "Event", "EventActor", "Location", "Quote", "Rejected",
           "Span", "__version__"]
