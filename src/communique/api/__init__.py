"""The HTTP API and the web page over a communique store (`communique serve`).

    from communique.api import create_app
    app = create_app("news.duckdb", token=None)     # an ASGI app: uvicorn, TestClient

See the README section 'HTTP API and web page'.
"""

from .app import DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "create_app"]
