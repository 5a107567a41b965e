"""The API's endpoints: thin shells over the store's queries, the coder and ingest.

Each reading endpoint borrows a cursor (`StoreAccess.reading`), calls one function of
`communique.store` with the request's filters, and returns its plain data as JSON, which
the answer cache keeps by the endpoint and its parameters. The store validates the
filters and builds parameterised SQL; its errors reach the client as catalogue errors
with their status (and are not cached).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Hashable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from ..coder import Rejected
from ..errors import E030, E034, RequestError
from ..io.checks import InputRecord, Unreadable, make_record
from ..store import dyad_timeline, find_articles, find_events, get_article, overview, top_actors
from ..store.ingest import ingest
from ..store.queries import QUADS
from ..tables.cameo import PLOVER_TYPES
from . import models
from .access import CoderAccess, StoreAccess
from .security import check_token

MAX_PAGE = 1000  # rows per page over HTTP (the store allows more to Python callers)
MAX_OFFSET = 2**53  # far past any store, and within DuckDB's and JSON's integers
MAX_TEXT = 1000  # characters of a search word, a code or an id in a query
ERRORS = {status: {"model": models.ErrorBody} for status in (400, 404)}

router = APIRouter()


def store_of(request: Request) -> StoreAccess:
    return request.app.state.store


def _iso(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


# As JSONResponse renders, with the store's dates as ISO strings on the way (rather than
# copying every row first with `jsonable`)
_JSON = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                         default=_iso)


def to_json(content: Any) -> bytes:
    return _JSON.encode(content).encode("utf-8")


def read(request: Request, key: Hashable, answer: Callable[..., Any]) -> Response:
    """The JSON of `answer(store)`, or the same answer given before to this `key` (the
    endpoint and its parameters)."""
    access = store_of(request)

    def compute() -> bytes:
        with access.reading() as store:
            return to_json(answer(store))

    return Response(access.answers.answer(key, compute), media_type="application/json")


def coder_of(request: Request) -> CoderAccess:
    return request.app.state.coder


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to pass over first.")]
Since = Annotated[str | None, Query(max_length=40,
                                    description="On or after this date (YYYY-MM-DD).")]
Until = Annotated[str | None, Query(max_length=40,
                                    description="On or before this date (YYYY-MM-DD).")]


@router.get("/events", response_model=models.Page, responses=ERRORS, tags=["read"],
            summary="Search events")
def events(
    request: Request,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="An actor on either side: a code "
                                       "prefix (RUS, RUSGOV) or part of a name (putin).")
                     ] = None,
    dyad: Annotated[str | None, Query(max_length=MAX_TEXT, description="Events between two actors: two code "
                                      "prefixes separated by a comma (CHN,RUS).")] = None,
    directed: Annotated[bool, Query(description="With dyad: only the first as source, the "
                                    "second as target.")] = False,
    type: Annotated[str | None, Query(max_length=MAX_TEXT, description="A PLOVER type: SUPPORT, ASSAULT, ...")
                    ] = None,
    cameo: Annotated[str | None, Query(max_length=MAX_TEXT, description="A CAMEO code or prefix: 05, 0841.")
                     ] = None,
    since: Since = None,
    until: Until = None,
    article: Annotated[str | None, Query(max_length=MAX_TEXT, description="The events of one article.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Stored events, newest first, with their story counts and their article's title,
    source and URL. Negated events are included and marked `negated`."""
    pair = _dyad(dyad)
    return read(request, ("events", actor, pair, directed, type, cameo, since, until,
                          article, limit, offset),
                lambda store: find_events(store, actor=actor, dyad=pair, directed=directed,
                                          plover_type=type, cameo=cameo, since=since,
                                          until=until, article_id=article, limit=limit,
                                          offset=offset).to_dict(rows=False))


def _dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise RequestError(E030, where="The parameter 'dyad'",
                           problem=f"{value!r} is not two actor codes separated by a comma "
                           "(CHN,RUS)")
    return parts[0], parts[1]


@router.get("/articles/{article_id:path}", response_model=models.ArticleRecord,
            responses=ERRORS, tags=["read"], summary="One article's record")
def article(request: Request,
            article_id: Annotated[str, Path(max_length=MAX_TEXT, description="The article's id.")]
            ) -> JSONResponse:
    """The article's record as `communique code` writes it, with its text: actors with
    their mentions, events with their evidence, quotes, places and dates (offsets are
    character offsets into `text`)."""
    with store_of(request).reading() as store:
        found = get_article(store, article_id)
    if found is None:
        raise RequestError(E034, what="article", name=article_id)
    return JSONResponse(found.to_dict(include_text=True))


@router.get("/articles", response_model=models.Page, responses=ERRORS, tags=["read"],
            summary="List articles")
def articles(
    request: Request,
    search: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words in the title or text.")] = None,
    source: Annotated[str | None, Query(max_length=MAX_TEXT, description="Articles from this source.")] = None,
    since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0,
) -> Response:
    """Articles without their text, newest first, with their numbers of events."""
    return read(request, ("articles", search, source, since, until, limit, offset),
                lambda store: find_articles(store, search=search, source=source, since=since,
                                            until=until, limit=limit, offset=offset
                                            ).to_dict(rows=False))


@router.get("/dyads/{first}/{second}", response_model=models.Timeline, responses=ERRORS,
            tags=["read"], summary="A dyad's timeline")
def dyad(
    request: Request,
    first: Annotated[str, Path(max_length=MAX_TEXT, description="An actor code or prefix: CHN, RUSGOV.")],
    second: Annotated[str, Path(max_length=MAX_TEXT, description="The other actor's code or prefix.")],
    directed: Annotated[bool, Query(description="Only the first as source, the second as "
                                    "target.")] = False,
    period: Annotated[str, Query(pattern="^(day|week|month|quarter|year)$",
                                 description="day, week, month, quarter or year.")] = "week",
    planned: Annotated[bool, Query(description="Also count, in `planned`, events dated "
                                   "after their article's date (plans, promises); left "
                                   "out by default.")] = False,
    since: Since = None, until: Until = None,
) -> Response:
    """Events between two actors per period: the count in each quad class (statement,
    verbal and material cooperation, verbal and material conflict) and the mean
    Goldstein score. Only periods with events are listed; negated events are not
    counted, nor events dated after their article's date unless `planned`."""
    return read(request, ("dyads", first, second, directed, period, planned, since, until),
                lambda store: timeline_answer(first, second, directed, period, planned,
                                              dyad_timeline(store, first, second,
                                                            directed=directed, since=since,
                                                            until=until, period=period,
                                                            planned=planned)))


def timeline_answer(first: str, second: str, directed: bool, period: str, planned: bool,
                    rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"first": first.strip().upper(), "second": second.strip().upper(),
            "directed": directed, "period": period, "planned": planned, "rows": rows}


@router.get("/actors", response_model=models.Page, responses=ERRORS, tags=["read"],
            summary="The most active actors")
def actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Only actors whose code starts with this or "
                                   "whose name contains it (rus, putin).")] = None,
    by: Annotated[str, Query(pattern="^(code|name)$", description="Rank actor codes "
                             "(RUSGOV) or names (Vladimir Putin).")] = "code",
    since: Since = None, until: Until = None, limit: Limit = 20, offset: Offset = 0,
) -> Response:
    """Actors ranked by the events they are a side of (negated events not counted), with
    their commonest name or code, events as source and as target, and the mean
    Goldstein score."""
    return read(request, ("actors", q, by, since, until, limit, offset),
                lambda store: top_actors(store, search=q, by=by, since=since, until=until,
                                         limit=limit, offset=offset).to_dict(rows=False))


@router.get("/overview", response_model=models.Overview, tags=["read"],
            summary="What the store holds")
def store_overview(request: Request) -> JSONResponse:
    """Rows in each table, the span of event dates, and the values the filters take."""
    access = store_of(request)
    with access.reading() as store:
        figures = overview(store)
    return JSONResponse({**figures, "writable": access.writable,
                         "plover_types": list(PLOVER_TYPES), "quad_classes": list(QUADS)})


@router.post("/code", response_model=models.ArticleRecord,
             responses={**ERRORS, 413: {"model": models.ErrorBody},
                        422: {"model": models.ErrorBody}},
             tags=["code"], summary="Code a text")
def code(request: Request, body: models.ArticleIn,
         explain: Annotated[bool, Query(description="Give each event the rules that shaped "
                                        "it (`rules`) and the record the drafts the rules "
                                        "dropped (`dropped`).")] = False) -> JSONResponse:
    """Code one article on the fly, without storing it: its record with actors, events,
    quotes, places and dates. The first request loads the language model."""
    with coder_of(request).using() as coder:
        record = coder.code(body.text, date=body.date, id=body.id, title=body.title,
                            source=body.source, url=body.url, explain=explain)
    return JSONResponse(record.to_dict())


def writer(request: Request) -> None:
    """Only requests carrying the server's token may write."""
    check_token(request.headers.get("authorization"), request.app.state.token,
                action="Ingest")


@router.post("/ingest", response_model=models.IngestResult, dependencies=[Depends(writer)],
             responses={**ERRORS, 401: {"model": models.ErrorBody},
                        403: {"model": models.ErrorBody}, 413: {"model": models.ErrorBody}},
             tags=["write"], summary="Code articles into the store")
def add_articles(request: Request, body: models.IngestRequest) -> JSONResponse:
    """Code articles and store them, as `communique ingest` does: an article already
    stored with the same content is passed over, a changed one replaces the old, and one
    that cannot be coded is skipped and reported with its place in the request. Needs
    `Authorization: Bearer TOKEN`."""
    skipped: list[dict[str, Any]] = []

    def report(item: Rejected | Unreadable) -> None:
        skipped.append({"where": item.origin, "id": item.id, **item.error.to_dict()})

    records = [_record(data, f"articles[{n}]") for n, data in enumerate(body.articles)]
    with coder_of(request).using() as coder, store_of(request).writing("Ingest") as store:
        summary = ingest(store, records, coder, on_skip=report)
    return JSONResponse({**summary.to_dict(), "skipped_articles": skipped})


def _record(data: Any, where: str) -> InputRecord | Unreadable:
    """An article of the request as an input record, or why it cannot be one."""
    return make_record(data, where, extra="forbid")
