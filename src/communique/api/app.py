"""The application: the API's routes, the web page, and one way of answering errors.

Every error, whether a catalogue error from the store or the coder, a bad parameter, an
unknown path or a fault in the server, is answered as JSON,
`{"error": {"code", "status", "message", "fix"}}`, with the status it carries. Faults
are logged with their traceback on the server and answered without one.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Collection
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..coder import Coder
from ..errors import (
    E013,
    E024,
    E030,
    E035,
    E036,
    E037,
    CommuniqueError,
    RequestError,
    SettingError,
)
from ..settings import Settings
from .access import ANSWER_CACHE, DB_THREADS, CoderAccess, StoreAccess
from .routes import router
from .security import DEFAULT_MAX_BODY, MIN_TOKEN_LENGTH, Guard

log = logging.getLogger(__name__)
WEB = Path(__file__).resolve().parent.parent / "web"
DESCRIPTION = """Political events coded from news text, from a communique store.

Read the store's events, articles, dyad timelines and actors; code a text on the fly;
add articles with a token. Errors are JSON: `{"error": {"code", "status", "message",
"fix"}}`. The web page is at `/`, this reference at `/docs`."""


def create_app(db: str | Path, *, token: str | None = None, settings: Settings | None = None,
               coder: Coder | None = None, max_body: int = DEFAULT_MAX_BODY,
               allowed_hosts: Collection[str] | None = None, db_threads: int = DB_THREADS,
               answer_cache: int = ANSWER_CACHE) -> FastAPI:
    """The API and page over the store at `db`.

    With a `token` the store is opened for writing (created if missing) and `POST
    /ingest` takes requests carrying it; without one the store is opened read-only and
    writes are refused. `max_body` caps request bodies in bytes; `allowed_hosts`, when
    given, are the only Host names answered. `coder` (else one made from `settings` on
    first use) codes texts. `db_threads` is DuckDB's threads for the store; as many
    queries run at once as the machine has cores, the others wait. `answer_cache` is the
    bytes of answers kept to send again to the same request (0: none); a write empties
    it."""
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise SettingError(E013, name="token", problem=f"must have at least "
                           f"{MIN_TOKEN_LENGTH} characters (a random one: `python -c "
                           "'import secrets; print(secrets.token_urlsafe())'`)")
    if max_body < 1:
        raise SettingError(E013, name="max_body", problem="must be a positive number of bytes")
    if db_threads < 1:
        raise SettingError(E013, name="db_threads", problem="must be a positive number")
    if answer_cache < 0:
        raise SettingError(E013, name="answer_cache", problem="must not be negative")
    store = StoreAccess(db, writable=token is not None, db_threads=db_threads,
                        answer_cache=answer_cache)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="communique", version=__version__, description=DESCRIPTION,
                  # FastAPI's own docs pages load scripts from a CDN: /docs is ours
                  docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", lifespan=lifespan)
    app.state.store = store
    app.state.coder = CoderAccess(settings, coder=coder)
    app.state.token = token
    app.include_router(router)
    app.add_exception_handler(CommuniqueError, _catalogue_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _fault)
    app.add_middleware(Guard, max_body=max_body, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        """The API's reference, drawn in the browser from /openapi.json (no network)."""
        return FileResponse(WEB / "docs.html", headers={"cache-control": "no-cache"})

    return app


def error_response(error: CommuniqueError) -> JSONResponse:
    headers = {"www-authenticate": "Bearer"} if error.status == 401 else None
    return JSONResponse({"error": error.to_dict()}, status_code=error.status, headers=headers)


async def _catalogue_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, CommuniqueError)
    if error.kind is E024:  # the store names its filters as the command line does
        name = str(error.fields.get("name", "")).lstrip("-")
        where = (f"The parameter {name!r}" if not request.url.path.startswith("/dyads/")
                 or name != "dyad" else "The actor code in the path")
        error = RequestError(E030, where=where, problem=error.fields.get("problem", ""))
    return error_response(error)


async def _invalid_request(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = error.errors()
    first: dict[str, Any] = problems[0] if problems else {"loc": (), "msg": "invalid"}
    where = _where(tuple(first.get("loc", ())))
    problem = str(first.get("msg", "invalid"))
    if len(problems) > 1:
        problem += f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
    return error_response(RequestError(E030, where=where, problem=problem))


def _where(location: tuple[Any, ...]) -> str:
    """('query', 'limit') -> "the parameter 'limit'"; ('body', 'text') -> "the body's
    field 'text'"."""
    if not location:
        return "The request"
    part, *path = location
    names = [str(p) for p in path]
    if part == "body":
        if not names:
            return "The body"
        if len(names) == 1 and names[0].isdigit():  # where JSON decoding stopped
            return "The body (not valid JSON)"
        return "The body's field " + repr(".".join(names))
    kind = "header" if part == "header" else "parameter"
    return f"The {kind} {'.'.join(names)!r}"


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    method, path = request.method, request.url.path
    if error.status_code == 404:
        return error_response(RequestError(E035, method=method, path=path))
    if error.status_code == 405:
        return error_response(RequestError(E036, method=method, path=path))
    # e.g. a body that cannot be parsed at all
    return error_response(RequestError(E030, where="The request", problem=str(error.detail)))


async def _fault(request: Request, error: Exception) -> JSONResponse:
    log.error("%s %s failed", request.method, request.url.path, exc_info=error)
    return error_response(RequestError(E037, problem="an unexpected error, logged on the "
                                       "server"))
