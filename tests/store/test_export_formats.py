"""Exports checked field by field against their formats: the GDELT 2.0 event codebook
(61 tab-separated columns, no header) and the PLOVER record of ../shared/reference.

The rows come from real coded articles (the seed article and two short ones with places)
stored and exported as a user would."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest

from communique.store import Store
from communique.store.exports import GDELT_COLUMNS, PLOVER_EXTRA_FIELDS, export

from ..shared import SHARED, shared_file
from .conftest import stored

EXTRA = (
    ("places", "2026-03-02", "The Russian army shelled Kharkiv on Monday. Ukrainian "
     "President Volodymyr Zelensky visited Paris on Tuesday. Police arrested protesters "
     "in California. Turkey threatened Syria with sanctions."),
    ("visits", "2026-03-05", "Chinese Foreign Minister Wang Yi met Russian Foreign "
     "Minister Sergei Lavrov in Moscow on Thursday. The two sides signed an agreement "
     "on energy. Germany condemned the attack in Texas."),
)

CAMEO = re.compile(r"^\d{3,4}$")
INT = re.compile(r"^-?\d+$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
ACTOR_CODE = re.compile(r"^([A-Z]{3})+$")  # CAMEO actor codes: three letters a part
FIPS = re.compile(r"^[A-Z]{2}$")


@pytest.fixture(scope="module")
def coded_store(coder, seed_gold, tmp_path_factory):
    text = shared_file(SHARED / "eval" / "seed" / seed_gold["article"]).read_text(
        encoding="utf-8")
    articles = [coder.code(text, date=seed_gold["published"], id="seed",
                           url="https://example.org/seed", source="Seed Wire")]
    articles += [coder.code(t, date=d, id=i, source="Wire") for i, d, t in EXTRA]
    path = tmp_path_factory.mktemp("formats") / "coded.duckdb"
    with Store.open(path, write=True) as store:
        store.write([stored(a) for a in articles])
        store.link_stories()
        yield store


def _export(store, fmt, **options):
    out = io.StringIO()
    export(store, fmt, out, **options)
    return out.getvalue()


def check_gdelt_row(row: dict[str, str]) -> list[str]:
    """Every way one row breaks the GDELT 2.0 event codebook's formats."""
    bad: list[str] = []

    def need(name: str, ok: bool) -> None:
        if not ok:
            bad.append(f"{name}={row[name]!r}")

    need("GlobalEventID", INT.match(row["GlobalEventID"]) is not None)
    day = row["Day"]
    need("Day", re.fullmatch(r"\d{8}", day) is not None)
    if day:
        dt.date(int(day[:4]), int(day[4:6]), int(day[6:]))
        need("MonthYear", row["MonthYear"] == day[:6])
        need("Year", row["Year"] == day[:4])
        need("FractionDate", re.fullmatch(r"\d{4}\.\d{4}", row["FractionDate"]) is not None
             and row["FractionDate"][:4] in (day[:4], str(int(day[:4]) + 1)))
    for n in (1, 2):
        a = f"Actor{n}"
        code = row[f"{a}Code"]
        need(f"{a}Code", code == "" or ACTOR_CODE.match(code) is not None)
        need(f"{a}Name", row[f"{a}Name"] == row[f"{a}Name"].upper()
             and (row[f"{a}Name"] == "") == (code == ""))
        for field in ("CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                      "Religion2Code", "Type1Code", "Type2Code", "Type3Code"):
            value = row[f"{a}{field}"]
            need(f"{a}{field}", value == "" or re.fullmatch(r"[A-Z]{3}", value) is not None)
        country = row[f"{a}CountryCode"]
        need(f"{a}Code", not country or code.startswith(country))
        need(f"{a}KnownGroupCode", not (country and row[f"{a}KnownGroupCode"]))
    need("IsRootEvent", row["IsRootEvent"] in ("0", "1"))
    event = row["EventCode"]
    need("EventCode", CAMEO.match(event) is not None)
    need("EventBaseCode", row["EventBaseCode"] == event[:3])
    need("EventRootCode", row["EventRootCode"] == event[:2]
         and 1 <= int(event[:2] or 0) <= 20)
    need("QuadClass", row["QuadClass"] in ("1", "2", "3", "4"))
    if row["QuadClass"] in ("1", "2", "3", "4") and event[:2].isdigit():
        root = int(event[:2])
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        need("QuadClass", int(row["QuadClass"]) == expected)
    need("GoldsteinScale", NUMBER.match(row["GoldsteinScale"]) is not None
         and -10 <= float(row["GoldsteinScale"]) <= 10)
    for name in ("NumMentions", "NumSources", "NumArticles"):
        need(name, INT.match(row[name]) is not None and int(row[name]) >= 0)
    need("NumMentions", int(row["NumMentions"] or 0) >= 1)
    need("NumArticles", int(row["NumArticles"] or 0) >= 1)
    # every coded article has a tone: a number on GDELT's scale, ours within -10..+10
    need("AvgTone", NUMBER.match(row["AvgTone"]) is not None
         and -10 <= float(row["AvgTone"]) <= 10)
    for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        kind = row[f"{geo}_Type"]
        need(f"{geo}_Type", kind in ("", "1", "2", "3", "4", "5"))
        fips = row[f"{geo}_CountryCode"]
        adm1 = row[f"{geo}_ADM1Code"]
        need(f"{geo}_CountryCode", fips == "" or FIPS.match(fips) is not None)
        need(f"{geo}_ADM1Code", adm1 == "" or (adm1[:2] == fips and len(adm1) in (2, 4)))
        need(f"{geo}_ADM2Code", row[f"{geo}_ADM2Code"] == "")
        for axis, limit in (("Lat", 90), ("Long", 180)):
            value = row[f"{geo}_{axis}"]
            need(f"{geo}_{axis}", value == "" or (NUMBER.match(value) is not None
                                                 and abs(float(value)) <= limit))
        feature = row[f"{geo}_FeatureID"]
        if kind == "":
            need(f"{geo}_FullName", all(row[f"{geo}_{f}"] == "" for f in (
                "CountryCode", "ADM1Code", "FeatureID")))
            continue
        need(f"{geo}_FullName", row[f"{geo}_FullName"] != "")
        need(f"{geo}_CountryCode", fips != "")
        if kind == "1":
            need(f"{geo}_ADM1Code", adm1 == fips)
            need(f"{geo}_FeatureID", feature == fips)
        elif kind == "2":
            need(f"{geo}_ADM1Code", fips == "US" and len(adm1) == 4)
            need(f"{geo}_FeatureID", feature == adm1)
        elif kind in ("3", "4"):
            need(f"{geo}_CountryCode", (fips == "US") == (kind == "3"))
            need(f"{geo}_FeatureID", INT.match(feature) is not None)
            need(f"{geo}_ADM1Code", len(adm1) == 4)
        else:
            need(f"{geo}_CountryCode", fips != "US")
    need("DATEADDED", re.fullmatch(r"\d{14}", row["DATEADDED"]) is not None)
    need("SOURCEURL", row["SOURCEURL"] == "" or row["SOURCEURL"].startswith("http"))
    return bad


def test_every_gdelt_field_of_every_row_has_the_codebook_format(coded_store):
    added = dt.datetime(2026, 3, 6, 12, 15, tzinfo=dt.UTC)
    text = _export(coded_store, "gdelt", added=added)
    lines = text.splitlines()
    assert len(lines) >= 10, text
    assert not lines[0].startswith("GlobalEventID")  # no header
    problems = {}
    rows = []
    for line in lines:
        values = line.split("\t")
        assert len(values) == 61, line
        row = dict(zip(GDELT_COLUMNS, values, strict=True))
        rows.append(row)
        if bad := check_gdelt_row(row):
            problems[line[:120]] = bad
    assert not problems, problems
    assert {r["DATEADDED"] for r in rows} == {"20260306121500"}
    # the geography is there: cities with GeoNames ids, and places of several kinds
    kinds = {r["ActionGeo_Type"] for r in rows}
    assert "4" in kinds, kinds
    assert sum(r["Actor1Geo_Type"] == "1" for r in rows) >= len(rows) // 2
    state = [r for r in rows if r["ActionGeo_FullName"].startswith("California")]
    assert state and state[0]["ActionGeo_Type"] == "2"
    assert state[0]["ActionGeo_ADM1Code"] == state[0]["ActionGeo_FeatureID"] == "USCA"
    china = [r for r in rows if r["Actor1CountryCode"] == "CHN"]
    assert china and china[0]["Actor1Geo_CountryCode"] == "CH"  # FIPS, not ISO
    moscow = [r for r in rows if r["ActionGeo_FullName"].startswith("Moscow")]
    assert moscow and moscow[0]["ActionGeo_ADM1Code"] == "RS48"
    assert moscow[0]["ActionGeo_FeatureID"] == "524901"  # GeoNames' Moscow
    # AvgTone is the tone of the row's article
    tones = dict(coded_store.connection.execute(
        "SELECT coalesce(url, article_id), tone FROM articles").fetchall())
    assert {r["AvgTone"] for r in rows} <= {f"{t:.4f}" for t in tones.values()}
    seed = [r for r in rows if r["SOURCEURL"] == "https://example.org/seed"]
    assert seed and {r["AvgTone"] for r in seed} == {f"{tones['https://example.org/seed']:.4f}"}


@pytest.mark.parametrize(("cameo", "event", "base", "root"), [
    ("18", "180", "180", "18"), ("042", "042", "042", "04"),
    ("0211", "0211", "021", "02"), ("19", "190", "190", "19")])
def test_root_only_codes_are_padded_as_gdelt_writes_them(cameo, event, base, root):
    from communique.store.exports import gdelt_code

    code = gdelt_code(cameo)
    assert (code, code[:3], code[:2]) == (event, base, root)


def test_geocoder_fills_the_kinds_gdelt_knows():
    from communique.places import lookup_place
    from communique.store.gdelt_geo import GeoCoder

    geo = GeoCoder()
    for name, country, kind, fips, adm1 in (
            ("California", "USA", 2, "US", "USCA"), ("Paris", "FRA", 4, "FR", None),
            ("Austin", "USA", 3, "US", "USTX"), ("Turkey", "TUR", 1, "TU", "TU")):
        place = lookup_place(name, [country])
        fields = geo.fields(name, place.country, place.lat, place.lon)
        assert (fields["Type"], fields["CountryCode"]) == (kind, fips), fields
        if adm1:
            assert fields["ADM1Code"] == adm1
    assert geo.fields(None, None, None, None) == {}


# -- PLOVER ---------------------------------------------------------------------------
def check_plover_record(record: dict, reference: dict) -> list[str]:
    """Every way one exported record breaks the PLOVER record fields of the reference."""
    known = set()
    for key in reference["event_record_fields"]:
        known.update(key.split("/"))
    types = reference["event_types"]
    actors = reference["actor_model"]
    codes = set(actors["nonstate_country_codes"])
    sectors = set(actors["sector_codes"])
    entity_fields = set(actors["entity_fields"])
    quads = {t: q["code"] for q in reference["quad_categories"].values()
             if isinstance(q, dict) for t in q["types"]}
    bad = []

    def need(name, ok):
        if not ok:
            bad.append(f"{name}={record.get(name)!r}")

    extra = set(record) - known - set(PLOVER_EXTRA_FIELDS)
    need("fields", not extra) if not extra else bad.append(f"unknown fields {extra}")
    need("id", isinstance(record.get("id"), str) and record["id"] != "")
    need("date", isinstance(record.get("date"), str)
         and re.fullmatch(r"\d{4}-\d\d-\d\d", record["date"]) is not None)
    if record.get("enddate") is not None:
        need("enddate", re.fullmatch(r"\d{4}-\d\d-\d\d", record["enddate"]) is not None
             and record["enddate"] >= record["date"])
    for role in ("actor", "recipient"):
        need(role, isinstance(record.get(role), list))
        for entity in record.get(role) or []:
            need(role, set(entity) <= entity_fields)
            code = entity.get("code")
            need(role, isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code) is not None
                 and (code in codes or code.isalpha()))
            need(role, entity.get("sector") in sectors | {None})
            need(role, isinstance(entity.get("entity_text"), str))
    need("actor", bool(record.get("actor")))
    event = record.get("event")
    need("event", isinstance(event, list) and len(event) == 1 and event[0] in types)
    if bad:
        return bad
    kind = types[event[0]]
    need("recipient", not kind.get("requires_recipient") or record["recipient"]
         or len(record["actor"]) > 1)
    need("mode", isinstance(record.get("mode"), list)
         and all(m in kind.get("modes", {}) for m in record["mode"]))
    need("context", isinstance(record.get("context"), list)
         and all(c in reference["contexts"] for c in record["context"]))
    need("quad_code", record.get("quad_code") == quads[event[0]])
    need("event_text", isinstance(record.get("event_text"), list)
         and all(isinstance(t, str) and t for t in record["event_text"]))
    location = record.get("event_loc")
    if location is not None:
        allowed = {"extracted_place", "resolved_place", "geonameid", "lat", "lon", "city",
                   "district", "province", "country", "country_code", "feature_class",
                   "feature_code", "resolution"}
        need("event_loc", set(location) <= allowed and bool(location["extracted_place"]))
        need("event_loc", location.get("lat") is None or abs(location["lat"]) <= 90)
        need("event_loc", location.get("lon") is None or abs(location["lon"]) <= 180)
        need("event_loc", location.get("country_code") is None
             or re.fullmatch(r"[A-Z]{3}", location["country_code"]) is not None)
        need("event_loc", location.get("geonameid") is None
             or isinstance(location["geonameid"], int))
    return bad


def test_every_plover_record_has_the_reference_fields(coded_store):
    reference = json.loads(shared_file(SHARED / "reference" / "plover.json").read_text(
        encoding="utf-8"))
    records = [json.loads(line) for line in _export(coded_store, "plover").splitlines()]
    assert len(records) >= 8
    problems = {r["id"]: bad for r in records if (bad := check_plover_record(r, reference))}
    assert not problems, problems
    assert any(r["event_loc"] and r["event_loc"].get("geonameid") for r in records)
