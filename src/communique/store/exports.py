"""Exports of a store: JSONL records, CSV, Parquet, GDELT 2.0 event rows, PLOVER records.

- `jsonl`: one article record a line, the record contract (`communique code`'s output).
- `csv`: one table (events by default), its columns as in `rows.COLUMNS`.
- `parquet`: a folder with one file per table (articles, actors, mentions, events,
  quotes, stories): the layout of `rows.COLUMNS` (events also with their story), which
  DuckDB, pandas and Arrow read directly.
- `gdelt`: the GDELT 2.0 event table, 61 tab-separated columns in GDELT's order and
  without a header, one row per story event (so NumArticles counts the articles that
  reported it); fields communique does not produce are left empty.
- `plover`: one PLOVER-style JSON record a line for each event of a PLOVER type.

Negated events ("did not attend") did not happen: they are in `jsonl`, `csv` and
`parquet` (marked), not in `gdelt` and `plover`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import E024, StoreError
from ..records import NONSTATE
from ..rows import COLUMNS, article_from_rows
from ..tables.cameo import PLOVER_TYPES
from .database import Store
from .gdelt_geo import GeoCoder
from .schema import TABLES
from .stories import STORY_COLUMNS

STORY_FIELDS = ("story_id", "story_articles", "story_sources")  # on events in the store
FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
FETCH = 2_000
ARTICLES_AT_ONCE = 200
KEYS = {"articles": "article_id", "actors": "article_id, actor_id",
        "mentions": "article_id, actor_id, \"start\"",
        "events": "article_id, sentence, trigger_start, event_id",
        "quotes": "article_id, quote_index", "stories": "story_id"}

# PLOVER's quad classes: 1 verbal and 2 material cooperation, 3 verbal and 4 material
# conflict, in the order of PLOVER_TYPES (4, 3, 4 and 5 types)
PLOVER_QUAD = {t: 1 if i < 4 else 2 if i < 7 else 3 if i < 11 else 4
               for i, t in enumerate(PLOVER_TYPES)}
# PLOVER gives the United Nations and the European Union codes of their own
PLOVER_OWN_CODES = frozenset({"UNO", "EUR"})
# fields of communique's own beside PLOVER's in a PLOVER record (docs/store.md)
PLOVER_EXTRA_FIELDS = ("story_date", "publication", "cameo", "confidence", "article_id",
                       "story_id")

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{geo}_{field}" for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
        "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61


def export(store: Store, fmt: str, output: TextIO | Path, *, table: str = "events",
           include_text: bool = False, added: dt.datetime | None = None) -> int:
    """Write the store in `fmt` to `output` (a text stream; a folder for parquet);
    the number of records, rows or files written. `added`: GDELT's DATEADDED."""
    if fmt == "parquet":
        if not isinstance(output, Path):
            raise StoreError(E024, name="--output", problem="Parquet export needs a folder")
        return export_parquet(store, output)
    if isinstance(output, Path):
        with output.open("w", encoding="utf-8", newline="") as handle:
            return export(store, fmt, handle, table=table, include_text=include_text,
                          added=added)
    if fmt == "jsonl":
        return export_jsonl(store, output, include_text=include_text)
    if fmt == "csv":
        return export_csv(store, output, table=table)
    if fmt == "gdelt":
        return export_gdelt(store, output, added=added)
    if fmt == "plover":
        return export_plover(store, output)
    raise StoreError(E024, name="--format", problem=f"{fmt!r} is not one of {', '.join(FORMATS)}")


def _dicts(cursor: Any) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(FETCH):
        for row in batch:
            yield dict(zip(names, row, strict=True))


# -- JSONL ----------------------------------------------------------------------------
def export_jsonl(store: Store, out: TextIO, *, include_text: bool = False) -> int:
    connection = store.connection
    ids = [i for (i,) in connection.execute(
        "SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    written = 0
    for start in range(0, len(ids), ARTICLES_AT_ONCE):
        chunk = ids[start:start + ARTICLES_AT_ONCE]
        parts: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for table in TABLES:
            cursor = connection.execute(
                f"SELECT * FROM {table} WHERE article_id IN (SELECT unnest(?)) "
                f"ORDER BY {KEYS[table]}", [chunk])
            for row in _dicts(cursor):
                parts.setdefault(table, {}).setdefault(row["article_id"], []).append(row)
        for article_id in chunk:
            article = article_from_rows(
                parts["articles"][article_id][0],
                *(parts.get(t, {}).get(article_id, []) for t in TABLES[1:]))
            out.write(json.dumps(article.to_dict(include_text=include_text),
                                 ensure_ascii=False) + "\n")
            written += 1
    return written


# -- CSV ------------------------------------------------------------------------------
def export_csv(store: Store, out: TextIO, *, table: str = "events") -> int:
    if table not in KEYS:
        raise StoreError(E024, name="--table", problem=f"{table!r} is not one of "
                         f"{', '.join(KEYS)}")
    names = _columns(table)
    cursor = store.connection.execute(
        f"SELECT {', '.join(_quoted(n) for n in names)} FROM {table} ORDER BY {KEYS[table]}")
    writer = csv.writer(out)
    writer.writerow(names)
    written = 0
    while batch := cursor.fetchmany(FETCH):
        writer.writerows(batch)
        written += len(batch)
    return written


def _columns(table: str) -> list[str]:
    if table == "stories":
        return list(STORY_COLUMNS)
    names = [name for name, _ in COLUMNS[table]]
    return [*names, *STORY_FIELDS] if table == "events" else names


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# -- Parquet --------------------------------------------------------------------------
def export_parquet(store: Store, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for table in KEYS:
        target = folder / f"{table}.parquet"
        columns = ", ".join(_quoted(n) for n in _columns(table))
        # COPY takes no parameter for its file name: the path is quoted as an SQL string
        literal = "'" + str(target).replace("'", "''") + "'"
        store.connection.execute(
            f"COPY (SELECT {columns} FROM {table} ORDER BY {KEYS[table]}) TO {literal} "
            "(FORMAT PARQUET)")
    return len(KEYS)


# -- GDELT ----------------------------------------------------------------------------
GDELT_SQL = """
WITH reported AS (
    SELECT s.first_article_id AS article_id, s.first_event_id AS event_id,
           s.story_id, s.num_events, s.num_articles, s.num_sources
    FROM stories s WHERE NOT s.negated
    UNION ALL
    SELECT e.article_id, e.event_id, NULL, 1, 1,
           CASE WHEN a.source IS NULL THEN 0 ELSE 1 END
    FROM events e JOIN articles a ON a.article_id = e.article_id
    WHERE e.story_id IS NULL AND NOT coalesce(e.negated, false)
)
SELECT r.*, e.* EXCLUDE (story_id), a.url AS article_url, a.date AS article_date,
       a.tone AS article_tone
FROM reported r
JOIN events e ON e.article_id = r.article_id AND e.event_id = r.event_id
JOIN articles a ON a.article_id = r.article_id
ORDER BY e.date NULLS LAST, r.article_id, e.sentence, e.trigger_start
"""


def export_gdelt(store: Store, out: TextIO, *, added: dt.datetime | None = None) -> int:
    """Write the GDELT 2.0 event rows; DATEADDED is `added` (the export's time, UTC, by
    default), the store keeping no time of coding."""
    stamp = (added or dt.datetime.now(dt.UTC)).strftime("%Y%m%d%H%M%S")
    geo = GeoCoder()
    written = 0
    for row in _dicts(store.connection.execute(GDELT_SQL)):
        out.write("\t".join(_tsv(v) for v in gdelt_row(row, stamp, geo)) + "\n")
        written += 1
    return written


def gdelt_code(cameo: str) -> str:
    """A CAMEO code as GDELT writes it: a root-only code padded to three digits ("18" is
    "180"), like GDELT's own EventCode and EventBaseCode."""
    return cameo.ljust(3, "0")


def gdelt_row(row: dict[str, Any], added: str | None = None,
              geo: GeoCoder | None = None) -> list[Any]:
    """The 61 fields of one GDELT 2.0 event row from a story's (or event's) row."""
    geo = geo or GeoCoder()
    date: dt.date | None = row["date"] or row["article_date"]
    identity = row["story_id"] or f"{row['article_id']}|{row['event_id']}"
    code = gdelt_code(row["cameo"])
    fields: dict[str, Any] = {
        "GlobalEventID": int(hashlib.sha1(identity.encode()).hexdigest()[:15], 16),
        "IsRootEvent": 1 if row["sentence"] == 0 else 0,  # the lead sentence
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": max(1, row["quad"]),  # GDELT counts statements as verbal cooperation
        "GoldsteinScale": row["goldstein"], "NumMentions": row["num_events"],
        "NumSources": row["num_sources"] or 0, "NumArticles": row["num_articles"],
        "AvgTone": _tone(row.get("article_tone")),
        "DATEADDED": added, "SOURCEURL": row["article_url"],
    }
    if date is not None:
        fields.update({"Day": date.strftime("%Y%m%d"), "MonthYear": date.strftime("%Y%m"),
                       "Year": date.year,
                       "FractionDate": f"{date.year + (date.month * 30 + date.day) / 365:.4f}"})
    for n, side in ((1, "source"), (2, "target")):
        country, org = row[f"{side}_country"], row[f"{side}_org"]
        nonstate = country in NONSTATE
        fields.update({
            f"Actor{n}Code": row[f"{side}_code"],
            f"Actor{n}Name": (row[f"{side}_name"] or "").upper() or None,
            f"Actor{n}CountryCode": None if nonstate else country,
            f"Actor{n}KnownGroupCode": org if nonstate else None,
            f"Actor{n}Type1Code": row[f"{side}_sector"],
        })
        if row[f"{side}_name"] and not nonstate:
            # GDELT places an actor at the spot the text names with it; communique keeps
            # no such spot, so an actor of a country is placed at its country's level
            fields.update({f"Actor{n}Geo_{k}": v
                           for k, v in geo.country_fields(country).items()})
    fields.update({f"ActionGeo_{k}": v for k, v in geo.fields(
        row["location_name"], row["location_country"], row["location_lat"],
        row["location_lon"]).items()})
    return [fields.get(name) for name in GDELT_COLUMNS]


def _tone(value: float | None) -> str | None:
    return None if value is None else f"{value:.4f}"


def _tsv(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


# -- PLOVER ---------------------------------------------------------------------------
PLOVER_SQL = """
SELECT e.*, a.date AS article_date, a.url AS article_url, a.source AS article_source
FROM events e JOIN articles a ON a.article_id = e.article_id
WHERE e.plover_type IS NOT NULL AND NOT coalesce(e.negated, false)
ORDER BY e.article_id, e.sentence, e.trigger_start, e.event_id
"""


def export_plover(store: Store, out: TextIO) -> int:
    written = 0
    geo = GeoCoder()
    for row in _dicts(store.connection.execute(PLOVER_SQL)):
        out.write(json.dumps(plover_record(row, geo), ensure_ascii=False) + "\n")
        written += 1
    return written


def plover_record(row: dict[str, Any], geo: GeoCoder | None = None) -> dict[str, Any]:
    """A PLOVER event record (the fields of the PLOVER 2.0 manual) from an event row.
    A reciprocal event lists both sides as actors and has no recipient."""
    source, target = _plover_entity(row, "source"), _plover_entity(row, "target")
    actors = [source] if source else []
    recipients = [target] if target else []
    if row["reciprocal"] and recipients:
        actors, recipients = actors + recipients, []
    date = row["date"] or row["article_date"]
    location = None
    if row["location_name"]:
        location = {"extracted_place": row["location_name"],
                    "country_code": row["location_country"],
                    "lat": row["location_lat"], "lon": row["location_lon"]}
        fields = (geo or GeoCoder()).fields(row["location_name"], row["location_country"],
                                            row["location_lat"], row["location_lon"])
        if fields.get("Type") in (3, 4) and isinstance(fields.get("FeatureID"), int):
            location.update({"resolved_place": fields["FullName"],
                             "geonameid": fields["FeatureID"]})
        elif fields.get("FullName"):
            location["resolved_place"] = fields["FullName"]
    return {
        "id": f"{row['article_id']}-{row['event_id']}",
        "date": date.isoformat() if date else None,
        "enddate": row["date_end"].isoformat() if row["date_end"] else None,
        "actor": actors, "event": [row["plover_type"]], "recipient": recipients,
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "context": [], "quad_code": PLOVER_QUAD[row["plover_type"]],
        "event_loc": location, "event_text": [row["trigger_text"]],
        "text": row["snippet"], "link": row["article_url"],
        "story_date": row["article_date"].isoformat() if row["article_date"] else None,
        "publication": row["article_source"],
        "cameo": row["cameo"], "confidence": row["confidence"],
        "article_id": row["article_id"], "story_id": row["story_id"],
        "coder": "communique",
    }


def _plover_entity(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    if row[f"{side}_name"] is None:
        return None
    country, org = row[f"{side}_country"], row[f"{side}_org"]
    code = org if country in NONSTATE and org in PLOVER_OWN_CODES else country
    return {"code": code, "sector": row[f"{side}_sector"],
            "entity_text": row[f"{side}_name"]}
