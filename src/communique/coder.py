"""The Coder: one object that loads the model and tables once and codes articles.

    coder = Coder()
    article = coder.code(text, date="2026-02-04", id="seed")
    for article in coder.code_many(records):
        ...

Records come out as `Article` objects (see `records.py`); workers pass records, never
spaCy Docs. Records that cannot be coded are reported through `on_error` and skipped.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import pipeline as _pipeline
from .actors.known import load_known_actors
from .actors.registry import Registry
from .doctext import doc_text
from .errors import E012, CommuniqueError, InputError
from .events.modes import plover_mode
from .io.checks import InputRecord, check_record
from .io.normalise import normalise, restore_offsets
from .pipeline.attributes import use_tag_map
from .records import Actor, Article, Event, EventActor, Location, Quote, Span, numbered
from .settings import Settings
from .tables import Knowledge, load_knowledge
from .tone import method as tone_method
from .tone import tone

log = logging.getLogger(__name__)
STATEMENT_ROOT = "01"  # CAMEO 01, make public statement: no PLOVER type


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input record that was not coded, and why."""

    origin: str
    id: str | None
    error: CommuniqueError

    def to_dict(self) -> dict[str, Any]:
        return {"where": self.origin, "id": self.id, **self.error.to_dict()}

    def __str__(self) -> str:
        return f"{self.error.message} [{self.error.code}]"


ErrorCallback = Callable[[Rejected], None]


def build_pipeline(settings: Settings, nlp: Language | None = None) -> Language:
    """The spaCy pipeline with communique's components added after the parser and NER."""
    nlp = nlp if nlp is not None else _pipeline.load_language(settings.model)
    use_tag_map(nlp)  # the same parts of speech, a tenth of the parse sooner
    config = {"dictionaries": list(settings.dictionaries)}
    for name in _pipeline.COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=config)
        elif list(nlp.get_pipe_config(name).get("dictionaries", [])) != config["dictionaries"]:
            # the components hold their tables: sharing them would code with the wrong ones
            raise ValueError(f"this pipeline's {name!r} was built with the dictionaries "
                             f"{nlp.get_pipe_config(name).get('dictionaries')}, not "
                             f"{config['dictionaries']}; give this Coder a pipeline of its own")
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    return nlp


class Coder:
    """Codes news articles into actors, events and quotes."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None,
                 **overrides: Any) -> None:
        self.settings = settings if settings is not None else Settings.load(**overrides)
        self.knowledge: Knowledge = load_knowledge(self.settings.dictionaries)
        self.nlp = build_pipeline(self.settings, nlp)
        self.known: Registry | None = load_known_actors(self.settings.dictionaries) \
            if self.settings.known_actors else None
        # Whether this Coder completes its records from the known actors; a worker leaves
        # it to its parent, which applies them after the run's registry.
        self.completes_from_known = True
        self._failures: list[tuple[Doc, Exception, str]] = []
        # A failing component skips its article, not the batch. (Language.set_error_handler
        # trips over compiled components in spaCy 3.8, so the default handler is set here;
        # it covers every component without its own handler, communique's among them.)
        self.nlp.default_error_handler = self._component_failed
        # The model and the tables are hundreds of thousands of long-lived objects; the
        # cyclic collector's full passes walked them all again during every article.
        # Frozen, they are left out of its passes (they are never garbage).
        gc.freeze()

    def _own_errors(self) -> None:
        """Coders may share one pipeline: the error handler is set before each run, so a
        failure is reported by the Coder whose run it is."""
        self.nlp.default_error_handler = self._component_failed

    @property
    def _completing(self) -> Registry | None:
        return self.known if self.completes_from_known else None

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    # -- one article -------------------------------------------------------------------
    def code(self, text: str, *, date: str | None = None, id: str | None = None,
             title: str | None = None, source: str | None = None,
             url: str | None = None, registry: Registry | None = None,
             explain: bool = False) -> Article:
        """Code one article. Raises `InputError` when the text cannot be coded.

        With a `registry`, what it knows fills in what the article leaves unknown about
        its actors, and it learns what the article says. With `explain`, each event
        carries the rules that shaped it (`rules`) and the article the drafts the rules
        dropped (`dropped`), each with the rule that dropped it."""
        record = check_record(
            InputRecord(text=text, id=id, date=date, title=title, source=source, url=url),
            max_chars=self.settings.max_chars)
        self._failures.clear()
        self._own_errors()
        stage = "tokenizer"
        try:  # a fault on this text is this text's InputError, never a 500 or a traceback
            doc = self.make_doc(record)
            stage = "pipeline"
            doc = self.nlp(doc)
            if self._failures:
                _, exc, stage = self._failures.pop()
                self._failures.clear()
                raise exc
            stage = "record"
            return remember(self.to_article(doc, record, explain=explain), registry,
                            self._completing)
        except Exception as exc:
            raise _failed(record, stage, exc).error from exc

    # -- many articles -----------------------------------------------------------------
    def code_many(self, records: Iterable[InputRecord | Mapping[str, Any] | str], *,
                  on_error: ErrorCallback | None = None, batch_size: int | None = None,
                  registry: Registry | None = None, learn: bool = True,
                  explain: bool = False) -> Iterator[Article]:
        """Code a stream of records in batches, in order; bad records go to `on_error`.
        `explain` as for `code`.

        With a `registry`, each article is completed from what earlier articles taught
        (and what the registry was given), then teaches it in turn (unless not `learn`),
        in input order."""
        report = on_error or _log_rejected
        checked = self._checked(records, report)
        batch_size = batch_size or self.settings.batch_size
        self._own_errors()
        stream = self._docs(checked, report)
        for doc, record in self.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
            yield from self._flush_failures(report)
            try:
                article = remember(self.to_article(doc, record, explain=explain), registry,
                                   self._completing, learn=learn)
            except Exception as exc:  # one article's fault never ends the run
                report(_failed(record, "record", exc))
                continue
            yield article
        yield from self._flush_failures(report)

    def _docs(self, records: Iterable[InputRecord], report: ErrorCallback
              ) -> Iterator[tuple[Doc, InputRecord]]:
        for record in records:
            try:
                doc = self.make_doc(record)
            except Exception as exc:  # the tokenizer's fault on one text, reported
                report(_failed(record, "tokenizer", exc))
                continue
            yield doc, record

    def make_doc(self, record: InputRecord) -> Doc:
        """A tokenised Doc carrying the record's metadata, which later stages read (the
        publication date anchors relative dates). The Doc's text is the record's text
        normalised (see `io.normalise`); the article's offsets point into the record's."""
        doc = self.nlp.make_doc(normalise(record.text)[0])
        doc._.communique_meta = {"id": record.id, "date": record.date, "title": record.title,
                                 "source": record.source, "url": record.url,
                                 # the events stage reads the built-in known actors too
                                 "known_actors": self.known is not None}
        return doc

    def _checked(self, records: Iterable[InputRecord | Mapping[str, Any] | str],
                 report: ErrorCallback) -> Iterator[InputRecord]:
        for number, item in enumerate(records, start=1):
            try:
                record = as_input_record(item, f"<record {number}>")
                yield check_record(record, max_chars=self.settings.max_chars)
            except InputError as error:
                origin = getattr(item, "origin", None) or f"<record {number}>"
                report(Rejected(origin, getattr(item, "id", None), error))
            except Exception as exc:  # a fault in a check is this record's, not the run's
                fallback = InputRecord(text="", origin=f"<record {number}>")
                report(_failed(item if isinstance(item, InputRecord) else fallback,
                               "input check", exc))

    def _flush_failures(self, report: ErrorCallback) -> Iterator[Article]:
        while self._failures:
            doc, exc, component = self._failures.pop(0)
            record = getattr(doc, "_context", None)
            if not isinstance(record, InputRecord):
                record = InputRecord(text="")
            report(_failed(record, component, exc))
        return iter(())

    def _component_failed(self, name: str, component: Any, docs: list[Doc],
                          exc: Exception) -> None:
        log.debug("component %s failed", name, exc_info=exc)
        for doc in docs:
            self._failures.append((doc, exc, name))

    # -- Doc to record -----------------------------------------------------------------
    def to_article(self, doc: Doc, record: InputRecord, *, explain: bool = False) -> Article:
        article = article_from_doc(doc, record, self.knowledge, self.settings.min_confidence,
                                   explain=explain, statements=self.settings.statements)
        if article.text != record.text:
            restore_offsets(article, record.text, normalise(record.text)[1])
        return article


def _failed(record: InputRecord, stage: str, exc: Exception) -> Rejected:
    """A record a stage failed on: reported, never the end of the run."""
    log.debug("the %s failed on %s", stage, record.where, exc_info=exc)
    problem = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    problem = problem.encode("utf-8", "backslashreplace").decode("utf-8")
    error = InputError(E012, where=record.where, problem=f"the {stage} stage failed on "
                       f"this article ({type(exc).__name__}{': ' if problem else ''}"
                       f"{problem}); please report it")
    return Rejected(record.origin, record.id, error)


def remember(article: Article, registry: Registry | None,
             known: Registry | None = None, *, learn: bool = True) -> Article:
    """Complete an article from the run's registry, let the registry learn what the
    article says (with `learn`), then fill in what is still unknown from the built-in
    known actors."""
    if registry is not None:
        registry.apply(article)
        if learn:
            registry.learn(article)
    if known is not None:
        known.apply(article)
    return article


def as_input_record(item: InputRecord | Mapping[str, Any] | str, origin: str) -> InputRecord:
    """A record from what `code_many` is given: a record, a text, or a mapping of the
    record's fields (read by the one constructor, `InputRecord.from_mapping`)."""
    if isinstance(item, InputRecord):
        return item
    if isinstance(item, str):
        return InputRecord(text=item, origin=origin)
    if isinstance(item, Mapping):
        return InputRecord.from_mapping(item, str(item.get("origin") or origin))
    raise InputError(E012, where=origin,
                     problem=f"expected a dict or a string, got {type(item).__name__}")


def _log_rejected(rejected: Rejected) -> None:
    log.warning("skipped %s: %s", rejected.origin, rejected)


def article_from_doc(doc: Doc, record: InputRecord, knowledge: Knowledge,
                     min_confidence: float = 0.0, *, explain: bool = False,
                     statements: bool = True) -> Article:
    """The record contract's Article, built from what the components left on the Doc;
    with `explain`, the rules that shaped each event and the drafts they dropped."""
    cameo = knowledge.cameo
    actors = [
        Actor(id=a["id"], name=a["name"], kind=a["kind"], country=a["country"],
              sector=a["sector"], org=a.get("org"), title=a.get("title"),
              mentions=[Span(m["start"], m["end"], m["text"]) for m in a["mentions"]])
        for a in doc._.communique_actors or []
    ]
    events: list[Event] = []
    dropped = list(doc._.communique_dropped or []) if explain else None
    for plain in doc._.communique_events or []:
        left_out = "below-min-confidence" if plain["confidence"] < min_confidence else \
            "statements-left-out" if not statements and plain["code"][:2] == STATEMENT_ROOT \
            else None
        if left_out:
            if dropped is not None:
                dropped.append({**{k: plain.get(k) for k in (
                    "sentence", "code", "trigger", "source", "target", "snippet", "rules")},
                    "dropped_by": left_out})
            continue
        code = cameo[plain["code"]]
        plover_type = plain.get("plover") or code.plover_type
        mode = plover_mode(plain, code, plover_type)
        target = plain.get("target")
        events.append(Event(
            id=f"E{len(events) + 1}", sentence=plain["sentence"],
            source=_event_actor(plain.get("source")), target=_event_actor(target),
            cameo=code.code, cameo_name=code.name, goldstein=code.goldstein, quad=code.quad,
            plover_type=plover_type, plover_mode=mode,
            trigger=Span(**plain["trigger"]), negated=plain["negated"],
            date=plain.get("date", record.date), date_end=plain.get("date_end"),
            date_text=plain.get("date_text"),
            location=Location.from_dict(plain["location"]) if plain.get("location") else None,
            confidence=plain["confidence"], reciprocal=plain["reciprocal"],
            snippet=plain.get("snippet", ""),
            rules=list(plain.get("rules", [])) if explain else None,
            quote=plain.get("quote"),
        ))
    quotes = numbered([Quote.from_dict(q) for q in doc._.communique_quotes or []])
    article_tone = tone(s.text for s in doc.sents) if doc.has_annotation("SENT_START") \
        else tone([doc.text])
    return Article(
        id=record.id, date=record.date, title=record.title, source=record.source,
        url=record.url, text=doc_text(doc), actors=actors, events=events, quotes=quotes,
        places=list(doc._.communique_places or []), dates=list(doc._.communique_dates or []),
        tone=article_tone, tone_method=tone_method() if article_tone is not None else None,
        dropped=dropped,
    )


def _event_actor(plain: dict | None) -> EventActor | None:
    if not plain:
        return None
    return EventActor(plain.get("actor"), plain["name"], plain.get("country"),
                      plain.get("sector"), plain["start"], plain["end"], plain.get("org"))
