"""`communique serve`: the HTTP API and the web page over a store."""

from __future__ import annotations

import logging

import click

from ..api.access import ANSWER_CACHE, DB_THREADS
from ..api.security import DEFAULT_MAX_BODY, LOOPBACK_NAMES, is_loopback
from .common import coder_options, coder_settings, user_errors
from .store_options import db_option


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="Address to listen on. Anything but a loopback address (127.0.0.1, ::1, "
              "localhost) opens the API and the page to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar="COMMUNIQUE_TOKEN", default=None, metavar="TOKEN",
              help="Allow POST /ingest to requests carrying this token (at least 16 "
              "characters; env COMMUNIQUE_TOKEN, which other users cannot see in the process "
              "list). Without it the store is opened read-only.")
@click.option("--max-body", type=click.IntRange(1), default=DEFAULT_MAX_BODY,
              show_default=True, metavar="BYTES", help="Largest request body accepted.")
@click.option("--db-threads", type=click.IntRange(1), default=DB_THREADS, show_default=True,
              envvar="COMMUNIQUE_DB_THREADS", metavar="N",
              help="DuckDB threads for the store (env COMMUNIQUE_DB_THREADS); as many "
              "queries run at once as there are cores, the others wait their turn.")
@click.option("--cache-size", type=click.IntRange(0), default=ANSWER_CACHE // 1_000_000,
              show_default=True, envvar="COMMUNIQUE_CACHE_SIZE", metavar="MB",
              help="Megabytes of answers kept to send again to the same request (env "
              "COMMUNIQUE_CACHE_SIZE; 0: none); each write through POST /ingest empties it.")
@coder_options
@user_errors
def serve_command(db, host, port, token, max_body, db_threads, cache_size, model, dictionaries,
                  min_confidence, batch_size) -> None:
    """Serve the HTTP API and the web page over a store.

    The page (open http://127.0.0.1:8000/) searches events, shows an article with its
    actors, events and quotes highlighted, charts a dyad's cooperation and conflict over
    time, and lists the most active actors. The API (described at /openapi.json) answers
    GET /events, /articles/ID, /dyads/A/B, /actors and POST /code; POST /ingest needs
    --token. Stop the server with Ctrl-C.
    """
    import uvicorn

    from ..api import create_app

    settings = coder_settings(model, dictionaries, min_confidence, batch_size, check=True)
    local = is_loopback(host)
    app = create_app(db, token=token, settings=settings, max_body=max_body, db_threads=db_threads,
                     answer_cache=cache_size * 1_000_000,
                     allowed_hosts=LOOPBACK_NAMES if local else None)
    if not local:
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can "
                   "read the store" + (" and the token travels unencrypted; put a TLS proxy "
                                       "in front" if token else ""), err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"communique: serving {db} at http://{shown}:{port}/ "
               f"({'ingest allowed with the token' if token else 'read-only'}); "
               "Ctrl-C stops", err=True)
    # `communique -v serve` also logs each request
    verbose = logging.getLogger().getEffectiveLevel() <= logging.INFO
    uvicorn.run(app, host=host, port=port, log_level="info" if verbose else "warning",
                server_header=False, timeout_graceful_shutdown=5)
