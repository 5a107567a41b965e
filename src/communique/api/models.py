"""The shapes of requests and responses, as the OpenAPI document describes them.

Request bodies are validated by these models. Responses are built from the store's
plain dicts and sent as they are (the models document them without a second pass over
every row).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="The catalogue code, e.g. E030.")
    status: int = Field(description="The HTTP status.")
    message: str = Field(description="What is wrong.")
    fix: str = Field(description="What to do about it.")


class ErrorBody(BaseModel):
    error: ErrorDetail


class ArticleIn(BaseModel):
    """One article to code: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article's text (English news).")
    id: str | None = Field(None, description="Its id; stored articles are known by it.")
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD: relative dates "
                             "('on Monday') are resolved against it.")
    title: str | None = None
    source: str | None = None
    url: str | None = None


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # any JSON values: an article that is not an object is one skipped article, not a
    # refused request
    articles: list[Any] = Field(
        min_length=1,
        description="Articles as `ArticleIn` objects (text, and optional id, date, title, "
        "source, url). One that cannot be coded is skipped and reported; the rest are "
        "stored.")


class Page(BaseModel):
    rows: list[dict[str, Any]]
    total: int = Field(description="How many rows match in all.")
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page, or null.")


class ArticleRecord(BaseModel):
    """An article's record, as `communique code` writes it (docs/record.md)."""

    model_config = ConfigDict(extra="allow")  # and text, dropped, as asked for

    id: str | None
    date: str | None
    title: str | None
    source: str | None
    url: str | None
    actors: list[dict[str, Any]]
    events: list[dict[str, Any]] = Field(description="Coded events (docs/record.md); "
                                         "`quote` is the id of the quote an event comes "
                                         "from or reports (\"Q2\"), or null.")
    quotes: list[dict[str, Any]] = Field(description="Quotes with their speakers, each "
                                         "with its `id` (\"Q1\", \"Q2\" ... in text "
                                         "order).")
    places: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    tone: float | None = Field(None, description="How positive or negative the article's "
                               "words are, -10 to +10 (GDELT's AvgTone scale): the mean "
                               "VADER compound score of its sentences, times 10; null for a "
                               "text without words, or one stored before tone was measured.")
    tone_method: str | None = Field(None, description="What measured the tone, e.g. "
                                    "vader-3.3.2.")


class TimelineRow(BaseModel):
    period: str = Field(description="First day of the day, week, month, quarter or year.")
    events: int
    statement: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein: float | None = Field(description="Mean Goldstein score, -10 to +10.")
    planned: int | None = Field(None, description="With planned=true: events dated after "
                                "their article's date, counted apart from the others.")


class Timeline(BaseModel):
    first: str
    second: str
    directed: bool
    period: str
    planned: bool = False
    rows: list[TimelineRow]


class Skipped(BaseModel):
    where: str = Field(description="Which article of the request: articles[N].")
    id: str | None
    code: str
    status: int
    message: str
    fix: str


class IngestResult(BaseModel):
    model_config = ConfigDict(extra="allow")  # and any counts the store adds

    coded: int
    replaced: int
    unchanged: int
    events: int
    quotes: int
    skipped: int
    skipped_by_reason: dict[str, int]
    story_keys: int
    seconds: float
    skipped_articles: list[Skipped]


class Overview(BaseModel):
    model_config = ConfigDict(extra="allow")  # and the other tables' counts

    articles: int
    events: int
    first_date: str | None
    last_date: str | None
    writable: bool = Field(description="Whether POST /ingest is turned on.")
    plover_types: list[str]
    quad_classes: list[str]
