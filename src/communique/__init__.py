"""communique: turn news text into political event data.

    from communique import Coder
    coder = Coder()
    article = coder.code(text, date="2026-02-04", id="seed")
    print(article.to_dict())
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .records import Actor, Article, Event, EventActor, Location, Quote, Span

if TYPE_CHECKING:
    from .coder import Coder, Rejected


def __getattr__(name: str) -> Any:
    """Import the coder (and with it spaCy) only when it is asked for, so the store commands
    and the API's readers start without loading spaCy."""
    if name in ("Coder", "Rejected"):
        from . import coder
        return getattr(coder, name)
    raise AttributeError(f"module 'communique' has no attribute {name!r}")

__all__ = ["Actor", "Article", "Coder", "Event", "EventActor", "Location", "Quote", "Rejected",
           "Span", "__version__"]
