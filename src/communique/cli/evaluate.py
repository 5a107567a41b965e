"""`communique eval`: precision, recall and F1 against gold event data."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..actor_eval import evaluate_actors, is_actor_gold, read_actor_gold
from ..evaluate import evaluate, read_gold
from .common import coder_options, make_coder, user_errors


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--errors", is_flag=True, help="List the misses and false alarms.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@coder_options
@user_errors
def evaluate_command(gold, errors, as_json, model, dictionaries, min_confidence,
                     batch_size) -> None:
    """Code the texts of a gold file and score the events against it.

    Prints precision, recall and F1 at PLOVER type and CAMEO root level, each alone, with
    the source country matched, and with source and target countries matched; then a
    table per PLOVER type. GOLD is JSONL in the format of the PLOVER gold-standard
    records (see docs/evaluation.md). A file of actor mentions (records with `actors` and
    no `events`) is scored for the actors' country and sector instead, overall and by
    kind of actor.
    """
    if is_actor_gold(gold):
        sentences = read_actor_gold(gold)
        coder = make_coder(model, dictionaries, min_confidence, batch_size)
        report = evaluate_actors(coder, sentences, keep_errors=errors or as_json)
    else:
        texts = read_gold(gold)
        coder = make_coder(model, dictionaries, min_confidence, batch_size)
        report = evaluate(coder, texts, keep_errors=errors or as_json)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.format(errors=errors))
