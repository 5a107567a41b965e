"""`communique actors`: the most active actors in the store, and the actor registry kept
with it (inspect it, correct an entry, add known actors)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..actors.registry import Registry, name_key
from ..store import top_actors
from ..tables.lexicon import SectorRow, check_country
from ..tables.loader import package_file, read_tsv
from .common import user_errors
from .store_options import db_option, format_option, open_store, print_rows, store_errors

REGISTRY_COLUMNS = ["name", "kind", "country", "sector", "title", "since", "until", "source",
                    "articles", "aliases"]


@click.group("actors", invoke_without_command=True)
@db_option
@click.option("--by", type=click.Choice(["code", "name"]), default="code", show_default=True,
              help="Rank actor codes (RUSGOV) or names (Vladimir Putin).")
@click.option("--since", metavar="YYYY-MM-DD", help="Count events on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Count events on or before this date.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, help="Rows to pass over first.")
@format_option
@click.pass_context
@user_errors
@store_errors
def actors_command(ctx, db, by, since, until, limit, offset, fmt) -> None:
    """The most active actors: how many events each is a side of (as source, as target),
    with its commonest name (or code) and the mean Goldstein score of its events.
    Negated events are not counted.

    The subcommands work on the actor registry kept with the store: what ingested
    articles taught about named people and organisations (`registry`), corrections
    (`correct`), and known actors from a file (`add`). Corrections win over what was
    learnt; what an article itself says wins over all of them."""
    ctx.ensure_object(dict)["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    with open_store(db) as store:
        page = top_actors(store, by=by, since=since, until=until, limit=limit, offset=offset)
    print_rows(page.rows, page.columns, fmt)


@actors_command.command("registry")
@click.argument("name", required=False)
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@format_option
@click.pass_obj
@user_errors
@store_errors
def registry_command(obj, name, limit, fmt) -> None:
    """The registry's entries, one row per role (with the dates it was seen or held);
    with NAME, the actors whose name or short name contains it."""
    with open_store(obj["db"]) as store:
        registry = store.registry()
    rows = list(registry.rows())
    if name:
        wanted = name_key(name)
        rows = [r for r in rows if wanted in r["entry"] or any(wanted in a for a in r["aliases"])]
    rows.sort(key=lambda r: (-(r["articles"] or 0), r["entry"], r["since"] or ""))
    for row in rows:
        row["aliases"] = ", ".join(a for a in row["aliases"] if a != row["entry"])
    print_rows(rows[:limit], REGISTRY_COLUMNS, fmt)
    if fmt == "table":
        click.echo(f"{min(limit, len(rows))} of {len(rows)} roles; "
                   f"{len(registry)} actors in the registry", err=True)


def _code(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return check_country(value.upper())
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def _sector(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.upper()
    sectors = {}
    for _, row in read_tsv(package_file("sectors.tsv"), SectorRow):
        sectors[row.code] = row.name
    if value not in sectors:
        raise click.BadParameter(f"{value} is not a sector code; known: "
                                 f"{', '.join(sorted(sectors))}", param_hint="--sector")
    return value


def _day(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)",
                                 param_hint=option) from None


@actors_command.command("correct")
@click.argument("name")
@click.option("--country", help="ISO alpha-3 code (or IGO, NGO, IMG, MNC).")
@click.option("--sector", help="CAMEO agent code: GOV, MIL, REB, OPP, ELI ...")
@click.option("--kind", type=click.Choice(["person", "organization"]), default="person",
              show_default=True)
@click.option("--title", help="What the actor is: 'presidential aide'.")
@click.option("--also", "aliases", multiple=True, metavar="NAME",
              help="Another name the actor goes by; may be repeated.")
@click.option("--since", metavar="YYYY-MM-DD", help="The day the role began.")
@click.option("--until", metavar="YYYY-MM-DD", help="The day it ended.")
@click.pass_obj
@user_errors
@store_errors
def correct_command(obj, name, country, sector, kind, title, aliases, since, until) -> None:
    """Correct what the registry says about NAME: the correction wins over what articles
    taught, for the dates given (or always). Articles stored before are not recoded;
    ingest them again with --recode to apply it to them."""
    if country is None and sector is None:
        raise click.UsageError("give --country, --sector or both")
    country, sector = _code(country, "--country"), _sector(sector)
    since, until = _day(since, "--since"), _day(until, "--until")
    with open_store(obj["db"], write=True) as store:
        registry = store.registry()
        registry.add([name, *aliases], country=country, sector=sector, kind=kind, title=title,
                     since=since, until=until, source="correction")
        store.save_registry(registry)
    click.echo(f"{name}: {country or '-'} {sector or '-'}"
               f"{f' from {since}' if since else ''}{f' until {until}' if until else ''} "
               "(correction kept in the registry)")


@actors_command.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
@user_errors
@store_errors
def add_command(obj, file) -> None:
    """Add known actors from a YAML FILE (an `actors:` list, as for `communique code
    --known-actors`; see docs/actors.md). Their roles outrank what articles taught."""
    loaded = Registry()
    count = loaded.add_file(file)  # checked whole before the store is touched
    with open_store(obj["db"], write=True) as store:
        registry = store.registry()
        registry.add_file(file)
        store.save_registry(registry)
    click.echo(f"added {count} known actor{'s' if count != 1 else ''} from {file}")
