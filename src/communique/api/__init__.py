"""The HTTP API and the web page over a communique store (`communique serve`).

    from communique.api import create_app
    app = create_app("news.duckdb", token=None)     # an ASGI app: uvicorn, TestClient

See docs/api.md. FastAPI is imported on first use, so that
the other commands do not pay for it.
"""

from __future__ import annotations

from typing import Any

from .security import DEFAULT_MAX_BODY

__all__ = ["DEFAULT_MAX_BODY", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
