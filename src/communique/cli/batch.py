"""`communique batch`: code a corpus into Parquet tables, locally or on a Ray cluster."""

from __future__ import annotations

import sys

import click

from ..batch import ENGINES, PART_SIZE, BatchOptions, BatchSummary, run_batch
from ..io.checks import normalise_date
from ..parallel import default_workers
from .common import EXIT_OK, EXIT_SKIPPED, coder_options, coder_settings, user_errors
from .progress import ProgressBar


@click.command("batch")
@click.argument("source", metavar="INPUT")
@click.argument("destination", metavar="OUTPUT")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: worker processes on this machine; ray: Ray Data actors on a "
              "local Ray instance or a cluster (pip install 'communique[ray]').")
@click.option("--workers", type=click.IntRange(1), default=None,
              help=f"Coding processes or Ray actors (default: this machine's cores, "
              f"{default_workers()}, or the Ray cluster's CPUs).")
@click.option("--part-size", type=click.IntRange(1), default=PART_SIZE, show_default=True,
              metavar="N", help="Articles per Parquet part file (and records per Ray task).")
@click.option("--date", default=None, metavar="YYYY-MM-DD",
              help="Publication date for articles that do not give one.")
@click.option("--overwrite", is_flag=True,
              help="Replace the output of an earlier run in OUTPUT.")
@click.option("--rejects", default=None, metavar="PATH",
              help="Where to write the records not coded (default: OUTPUT/rejects.jsonl).")
@click.option("--ray-address", default=None, metavar="ADDRESS",
              help="Ray cluster to join (default: RAY_ADDRESS, as `ray job submit` sets it, "
              "else one started on this machine by `ray start`, else a new local Ray "
              "instance; 'local' always starts a new one).")
@click.option("--worker-memory", type=click.IntRange(1), default=None, metavar="MB",
              help="Memory Ray reserves for each coding actor when it places them.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on standard error (default: when it is a terminal).")
@coder_options
@user_errors
def batch_command(source, destination, engine, workers, part_size, date, overwrite, rejects,
                  ray_address, worker_memory, progress, model, dictionaries, min_confidence,
                  batch_size) -> None:
    """Code a corpus into Parquet tables of articles, actors, mentions, events and quotes.

    INPUT is a JSONL (.jsonl, .jsonl.gz) or Parquet file, or a folder of them, on a local
    path or any filesystem pyarrow reads (s3://, gs://, hdfs://). OUTPUT is a folder (or
    URL) that gets one folder of Parquet part files per table, rejects.jsonl (every
    record not coded, with where it came from and why) and summary.json. The exit status
    is 1 when records were rejected.
    """
    if date is not None:
        date = normalise_date(date, "--date")
    settings = coder_settings(model, dictionaries, min_confidence, batch_size, check=True)
    options = BatchOptions(engine=engine, workers=workers, part_size=part_size, date=date,
                           overwrite=overwrite, rejects=rejects, ray_address=ray_address,
                           worker_memory=worker_memory * 2**20 if worker_memory else None)
    show = progress if progress is not None else sys.stderr.isatty()
    with ProgressBar(disable=not show, unit=" articles", file=sys.stderr,
                     dynamic_ncols=True, smoothing=0.1) as bar:
        summary = run_batch(source, destination, settings=settings, options=options,
                            progress=bar.update)
    click.echo(format_summary(summary, rejects), err=True)
    sys.exit(EXIT_SKIPPED if summary.rejected else EXIT_OK)


def format_summary(summary: BatchSummary, rejects: str | None) -> str:
    rows = summary.rows
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    text = (f"{summary.output}: coded {summary.articles} articles ({rows['events']} events, "
            f"{rows['actors']} actors, {rows['quotes']} quotes) in {summary.parts} parts with "
            f"{summary.workers} {summary.engine} worker{'s' if summary.workers != 1 else ''}; "
            f"{summary.seconds:.1f}s ({rate:.1f} articles/s); rejected {summary.rejected}")
    if summary.rejected:
        where = rejects or f"{summary.output.rstrip('/')}/rejects.jsonl"
        text += f" (see {where})"
    return text
